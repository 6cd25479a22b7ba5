import CNcurses
import RCPUI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The curses screen: starts and ends curses, blits grids, maps theme attributes to colour pairs.
///
/// Each frame writes only the cells that differ from the previous frame this screen drew (ncurses diffs
/// again against what is on the terminal), then one `wnoutrefresh` + `doupdate`. The screen is cleared only
/// after a resize or a suspend, never per frame.
final class TerminalScreen {
    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    /// The last grid blitted, or nil when the next frame must write every cell.
    private var previous: Grid?
    private var previousTheme: Theme?
    /// Whether text may be drawn as UTF-8 (otherwise only ASCII reaches the terminal).
    let utf8: Bool
    /// Whether colours are in use (false: NO_COLOR, --no-color, or a terminal without colours).
    let colorEnabled: Bool
    private let colorCount: Int32
    /// The colours the themes may use here (`.none` when colour is off).
    let palette: ColorPalette
    private var defaultColors = false
    private var pairs: [PairKey: Int16] = [:]
    private var nextPair: Int32 = 1
    private var cursorVisibility: Int32 = -1
    private(set) var mouseEnabled = false

    private struct PairKey: Hashable { var fg: Int16; var bg: Int16 }

    enum OpenError: Error, CustomStringConvertible {
        case newtermFailed(String)
        var description: String {
            switch self {
            case .newtermFailed(let why): return why
            }
        }
    }

    /// Starts curses on standard input/output (never `initscr`, which exits the process on failure).
    /// `term`: the terminal type to load (nil: TERM's).
    init(utf8: Bool, wantColor: Bool, term: String? = nil) throws(OpenError) {
        guard let scr = newterm(term, rcpx_stdout(), rcpx_stdin()) else {
            throw .newtermFailed(
                "the terminal could not be initialised (TERM=\(term ?? TerminalEnvironment.term ?? "unset"))")
        }
        screen = scr
        set_term(scr)
        window = rcpx_stdscr()!
        self.utf8 = utf8

        raw()  // Ctrl-C, Ctrl-Z, Ctrl-S arrive as keys; see the main loop.
        noecho()
        nonl()
        intrflush(window, false)
        keypad(window, true)
        set_escdelay(25)
        leaveok(window, false)
        _ = rcpx_send_charset_reset_once()

        if wantColor && has_colors() {
            start_color()
            defaultColors = use_default_colors() == OK
            colorCount = rcpx_colors()
            palette = ColorPalette(colors: Int(colorCount))
            colorEnabled = palette != .none
        } else {
            colorCount = 0
            palette = .none
            colorEnabled = false
        }
        TerminalSignals.setCursesActive(true)
    }

    /// Gives the terminal back: the shell's modes, the normal screen, a visible cursor.
    func close() {
        if mouseEnabled { mousemask(0, nil) }
        if isendwin() {
            // Ended already and nothing drawn since (stopped with Ctrl-Z, then ended by a signal as `fg` resumed
            // it): the normal screen is back; only the shell's terminal modes are missing. A second `endwin`
            // would send rmcup again, and the terminal would put the cursor back where the explorer started.
            reset_shell_mode()
        } else {
            curs_set(1)
            endwin()
        }
        TerminalSignals.setCursesActive(false)
        delscreen(screen)
    }

    var size: (width: Int, height: Int) {
        (Int(max(0, getmaxx(window))), Int(max(0, getmaxy(window))))
    }

    /// Sets the read timeout of `wget_wch` in milliseconds (-1: block; 0: do not wait).
    func setTimeout(_ ms: Int32) { wtimeout(window, ms) }

    /// Reads one key: `(status, code)` as `wget_wch` gives them (status `ERR` on timeout).
    ///
    /// Reading never draws: `wget_wch` refreshes a window that was touched since its last refresh, and after a
    /// resize it is (ncurses resized it, `invalidate` erased it). That sent a whole frame in the old layout,
    /// or a cleared screen, before the frame in the new one. Only `draw` sends; after `invalidate` it writes
    /// every cell, and ncurses repaints from scratch once.
    func read() -> (status: Int32, code: UInt32) {
        untouchwin(window)
        var ch: wint_t = 0
        let status = wget_wch(window, &ch)
        return (status, UInt32(ch))
    }

    /// The details of a KEY_MOUSE report.
    func mouseReport() -> (state: UInt, x: Int32, y: Int32)? {
        var ev = MEVENT()
        guard getmouse(&ev) == OK else { return nil }
        return (UInt(ev.bstate), ev.x, ev.y)
    }

    func setMouse(_ on: Bool) {
        if on {
            mouseinterval(0)
            mousemask(rcpx_explorer_mouse_mask(), nil)
        } else {
            mousemask(0, nil)
        }
        mouseEnabled = on
    }

    /// Forgets what is on the screen: the next frame writes every cell, and ncurses repaints from scratch
    /// (after a resize, a suspend, or a SIGCONT when the shell may have drawn over us).
    func invalidate() {
        previous = nil
        werase(window)
        clearok(rcpx_curscr(), true)
    }

    /// Back from being stopped by someone else: the shell may have changed the terminal modes.
    func reenter() {
        reset_prog_mode()
        rcpx_send_charset_reset()
        invalidate()
    }

    /// Draws a frame.
    func draw(_ frame: Grid, theme: Theme) {
        // Short runs of blanks take their neighbours' look where it cannot show: fewer attribute changes sent.
        let grid = frame.mergingBlankGaps(theme: theme)
        let (width, height) = size
        if previousTheme != theme { previous = nil; previousTheme = theme }
        if let prev = previous, prev.width != grid.width || prev.height != grid.height { previous = nil }
        let w = min(width, grid.width), h = min(height, grid.height)
        var attrCache: [Style: (attr_t, Int16)] = [:]
        // The grid says which cells changed since the last frame; only those are written.
        for run in grid.changes(since: previous) where run.y < h {
            for (i, cell) in run.cells.enumerated() {
                let x = run.x + i, y = run.y
                if x >= w { break }
                if cell.isContinuation { continue }
                let look: (attr_t, Int16)
                if let cached = attrCache[cell.style] {
                    look = cached
                } else {
                    look = cursesLook(theme.attributes(for: cell.style))
                    attrCache[cell.style] = look
                }
                let nextIsContinuation = x + 1 < grid.width && grid[x + 1, y].isContinuation
                let drawn = put(cell, x: x, y: y, look: look, room: w - x, nextIsContinuation: nextIsContinuation)
                // A wide cell drawn narrow (no room, no UTF-8, a width the terminal disagrees with) leaves its
                // continuation column to fill.
                if cell.width == 2 && drawn < 2 && x + 1 < w {
                    putBlank(x: x + 1, y: y, look: look)
                }
            }
        }
        previous = grid

        if let c = grid.cursor, c.x >= 0, c.y >= 0, c.x < w, c.y < h {
            // Shown only as a text field's caret; elsewhere it keeps its place (magnifiers and screen readers
            // follow it) but stays invisible, so it never hides a letter of the selection.
            setCursor(visible: grid.cursorIsCaret)
            wmove(window, Int32(c.y), Int32(c.x))
        } else {
            setCursor(visible: false)
        }
        wnoutrefresh(window)
        doupdate()
    }

    // MARK: - Cells

    /// Writes one cell; returns the columns it took.
    @discardableResult
    private func put(
        _ cell: Cell, x: Int, y: Int, look: (attr_t, Int16), room: Int,
        nextIsContinuation: Bool
    ) -> Int {
        var chars = displayScalars(cell)
        var width = 1
        switch (Int(wcwidth(chars[0])), Int(cell.width)) {
        case (2, 2) where room >= 2 && nextIsContinuation:
            width = 2
        case (1, _):
            width = 1
        default:
            // Wide where the grid has one column (or no room), a stray combining mark, or a character the
            // locale cannot print: a placeholder keeps every later column where the grid puts it.
            chars = [wchar_t(UInt8(ascii: "?"))]
        }
        var cc = cchar_t()
        chars.append(0)
        if setcchar(&cc, chars, look.0, look.1, nil) != OK {
            // Too many combining marks, or a sequence ncurses refuses: draw the base character alone.
            let base: [wchar_t] = [chars[0], 0]
            setcchar(&cc, base, look.0, look.1, nil)
        }
        mvwadd_wch(window, Int32(y), Int32(x), &cc)
        return width
    }

    private func putBlank(x: Int, y: Int, look: (attr_t, Int16)) {
        var cc = cchar_t()
        let space: [wchar_t] = [wchar_t(UInt8(ascii: " ")), 0]
        setcchar(&cc, space, look.0, look.1, nil)
        mvwadd_wch(window, Int32(y), Int32(x), &cc)
    }

    /// The wide characters to send for a cell: its scalars (at most the base plus four combining marks),
    /// with controls replaced and, without UTF-8, anything beyond ASCII replaced by "?".
    private func displayScalars(_ cell: Cell) -> [wchar_t] {
        var out: [wchar_t] = []
        for scalar in cell.text.unicodeScalars {
            let v = scalar.value
            if v < 0x20 || v == 0x7F || (v >= 0x80 && v < 0xA0) {
                if out.isEmpty { out.append(wchar_t(UInt8(ascii: " "))) }
                continue
            }
            if !utf8 && v >= 0x80 {
                if out.isEmpty { out.append(wchar_t(UInt8(ascii: "?"))) }
                continue
            }
            if out.count < 5 { out.append(wchar_t(bitPattern: v)) }
        }
        if out.isEmpty { out.append(wchar_t(UInt8(ascii: " "))) }
        return out
    }

    // MARK: - Attributes and colours

    private func cursesLook(_ a: CellAttributes) -> (attr_t, Int16) {
        var attr = attr_t(A_NORMAL)
        if a.bold { attr |= rcpx_a_bold() }
        if a.underline { attr |= rcpx_a_underline() }
        if a.reverse { attr |= rcpx_a_reverse() }
        if a.dim { attr |= rcpx_a_dim() }
        guard colorEnabled else { return (attr, 0) }
        // The theme chose colours the palette has (see `ThemeTables`); nothing is swapped or brightened here.
        let fg = colorNumber(a.foreground, isForeground: true)
        let bg = colorNumber(a.background, isForeground: false)
        return (attr, pair(fg: fg, bg: bg))
    }

    private func colorNumber(_ c: TermColor, isForeground: Bool) -> Int16 {
        guard let index = c.ansiIndex else {
            if defaultColors { return -1 }
            return isForeground ? Int16(COLOR_WHITE) : Int16(COLOR_BLACK)
        }
        // A colour beyond the terminal's (never asked for by a theme of its palette): the default.
        if index >= Int(colorCount) {
            return defaultColors ? -1 : (isForeground ? Int16(COLOR_WHITE) : Int16(COLOR_BLACK))
        }
        return Int16(index)
    }

    private func pair(fg: Int16, bg: Int16) -> Int16 {
        let key = PairKey(fg: fg, bg: bg)
        if let p = pairs[key] { return p }
        guard nextPair < min(rcpx_color_pairs(), Int32(Int16.max)) else { return 0 }
        let p = Int16(nextPair)
        guard init_pair(p, fg, bg) == OK else { return 0 }
        nextPair += 1
        pairs[key] = p
        return p
    }

    private func setCursor(visible: Bool) {
        let want: Int32 = visible ? 1 : 0
        if cursorVisibility != want {
            curs_set(want)
            cursorVisibility = want
        }
    }
}

/// What the environment says about the terminal.
enum TerminalEnvironment {
    static var term: String? {
        guard let t = getenv("TERM") else { return nil }
        let s = String(cString: t)
        return s.isEmpty ? nil : s
    }

    /// NO_COLOR (https://no-color.org): present and not empty turns colour off.
    static var noColor: Bool {
        guard let v = getenv("NO_COLOR") else { return false }
        return v.pointee != 0
    }
}
