/// The least bytes a terminal needs to go from one frame to the next: the yardstick for what the backend
/// sends (`rcpx-bench` reports bytes sent / floor).
///
/// The model, kept simple on purpose (an xterm-compatible terminal, as terminfo's `xterm-256color` describes):
///
/// - **Text.** Every changed cell is written, as UTF-8; a wide character once for its two columns. A span of
///   the same character in the same look may be written once and repeated (REP, `ESC[nb`), and a span of
///   blanks that reaches the end of the row may be erased (EL, `ESC[K`) when its look has no reverse or
///   underline (an erased cell takes the background colour and nothing else); both count as text.
/// - **Cursor moves** between runs: the cheapest of an absolute move (CUP `ESC[r;cH`, with the defaults
///   left out), or a vertical part (LF per line down, CUD `ESC[nB`, CUU `ESC[nA`, RI `ESC M` per line up,
///   VPA `ESC[rd`) plus a horizontal part (CUF `ESC[nC`, BS per column back, CUB `ESC[nD`, CR alone or
///   followed by CUF, CHA `ESC[cG`); or, on the same row, writing the unchanged cells between two runs
///   again when that is cheaper. A cursor left past the last column stands on the last column.
/// - **Attributes** (SGR) between cells of different looks (the `Theme`'s colours and attributes of the
///   style): the cheaper of the changes alone (`22` turns off bold and dim, `24`, `27`, `39`, `49`, and
///   colours as `3n`, `9n`, `38;5;n`) or a reset followed by the new look (`ESC[;1;7m`). A frame starts and
///   ends in the default look (`ESC[m`), as curses leaves the terminal between frames.
/// - **The cursor.** It ends where the grid puts it (also when hidden: the backend keeps it on the selection
///   for magnifiers and screen readers); showing or hiding it (`ESC[?25h`, `ESC[?25l`) when the caret comes
///   or goes (before the first frame its state is not known, so it is always set).
/// - **No previous frame** (or another size): home and clear the screen (`ESC[H ESC[2J`), then write what
///   differs from a blank screen.
///
/// Things the model leaves out, so the floor stays a floor for this program: insert and delete of lines or
/// characters and scroll regions (a scrolled list could cost less than its changed cells:
/// `byteFloorScrolling` adds a scroll by a line), and blanks whose foreground does not show. (The backend
/// gives short runs of those their neighbours' look, `mergingBlankGaps`, because ncurses writes short gaps
/// rather than moving over them; the floor moves over them instead, keeping the look, which costs no more.
/// So the floor is measured on the grid as rendered.)
public struct ByteFloor: Sendable, Hashable, CustomStringConvertible {
    /// The bytes of the characters written (repeats included).
    public var text = 0
    /// The bytes of cursor moves: between runs, and to the grid's cursor at the end.
    public var moves = 0
    /// The bytes of attribute changes (SGR).
    public var attributes = 0
    /// The bytes that show or hide the cursor, and clear the screen when there is no previous frame.
    public var control = 0

    public init(text: Int = 0, moves: Int = 0, attributes: Int = 0, control: Int = 0) {
        self.text = text; self.moves = moves; self.attributes = attributes; self.control = control
    }

    public var total: Int { text + moves + attributes + control }

    public var description: String {
        "\(total) bytes (text \(text), moves \(moves), attributes \(attributes), control \(control))"
    }

    static func + (a: ByteFloor, b: ByteFloor) -> ByteFloor {
        ByteFloor(
            text: a.text + b.text, moves: a.moves + b.moves, attributes: a.attributes + b.attributes,
            control: a.control + b.control)
    }
}

extension Grid {
    /// The least bytes a terminal needs to show this grid where `previous` was shown, in the model of
    /// `ByteFloor`, with the looks `theme` gives the styles.
    public func byteFloor(since previous: Grid?, theme: Theme) -> ByteFloor {
        var floor = ByteFloor()
        let base: Grid
        var cursor: (x: Int, y: Int)?
        if let previous, previous.width == width, previous.height == height {
            base = previous
            cursor = previous.cursor
        } else {
            base = Grid(width: width, height: height)
            cursor = (0, 0)
            floor.control += TerminalCost.homeAndClear
        }
        var looks: [Style: CellAttributes] = [:]
        func look(_ cell: Cell) -> CellAttributes {
            if let l = looks[cell.style] { return l }
            let l = theme.attributes(for: cell.style)
            looks[cell.style] = l
            return l
        }
        var current = CellAttributes.plain
        for run in changes(since: base) {
            let cells = Array(run.cells)
            let end = run.x + cells.count
            var best = TerminalCost.writing(cells, endsRow: end >= width, from: current, look: look)
            best.cost.moves += TerminalCost.move(from: cursor, to: (run.x, run.y))
            var startX = run.x
            if let c = cursor, c.y == run.y, c.x < run.x, !self[c.x, c.y].isContinuation {
                // Write the unchanged cells between the cursor and the run again instead of moving.
                let gap = (c.x..<run.x).map { self[$0, run.y] }
                let bridged = TerminalCost.writing(gap + cells, endsRow: end >= width, from: current, look: look)
                if bridged.cost.total < best.cost.total { best = bridged; startX = c.x }
            }
            floor = floor + best.cost
            current = best.attributes
            cursor = (min(width - 1, startX + best.cursorX), run.y)
        }
        if let target = self.cursor, target.x >= 0, target.y >= 0, target.x < width, target.y < height {
            floor.moves += TerminalCost.move(from: cursor, to: target)
        }
        let shownBefore = previous.map { $0.cursor != nil && $0.cursorIsCaret }
        let shownNow = self.cursor != nil && cursorIsCaret
        if shownBefore != shownNow { floor.control += TerminalCost.showOrHideCursor }
        floor.attributes += TerminalCost.attributes(from: current, to: .plain)
        return floor
    }
}

extension Grid {
    /// The floor when the terminal may first scroll one band of whole rows by a line (a scroll region: set it,
    /// scroll, reset it; the cursor is then home), which `byteFloor(since:)` leaves out: the cheaper of that
    /// floor and, for each band about a run of rows that moved by a line, the scroll plus the floor from the
    /// scrolled screen. For a list that scrolled, this is what the scroll could cost at the least.
    public func byteFloorScrolling(since previous: Grid, theme: Theme) -> ByteFloor {
        var best = byteFloor(since: previous, theme: theme)
        guard previous.width == width, previous.height == height, height > 2 else { return best }
        // Up: the rows show what the row below showed (a list moved on); down: what the row above showed. A row
        // counts as moved when all but a few of its cells did (a pane's border or its scroll bar's thumb may
        // differ): the floor after the scroll writes those cells anyway.
        let few = max(2, width / 20)
        for shift in [1, -1] {
            let moved = (0..<height).map { y in
                let from = y + shift
                return from >= 0 && from < height && cellsDiffering(y, previous, from, atMost: few) <= few
            }
            var y = 0
            while y < height {
                guard moved[y] else { y += 1; continue }
                var end = y
                while end < height && moved[end] { end += 1 }
                // Bands a little wider than the run: the rows about it changed (a selection bar moved).
                if end - y >= 2 {
                    for top in max(0, y - 2)...y {
                        for bottom in max(top + 1, end - 1)...min(height - 1, end + 1) {
                            var floor = byteFloor(
                                since: previous.scrolled(top: top, bottom: bottom, by: shift), theme: theme)
                            floor.control += TerminalCost.scrollRegion(top: top, bottom: bottom)
                            if floor.total < best.total { best = floor }
                        }
                    }
                }
                y = end
            }
        }
        return best
    }

    /// How many cells of row `y` differ from row `otherY` of `other` (of the same width), counted up to one
    /// more than `limit`.
    func cellsDiffering(_ y: Int, _ other: Grid, _ otherY: Int, atMost limit: Int) -> Int {
        var n = 0
        for x in 0..<width where self[x, y] != other[x, otherY] {
            n += 1
            if n > limit { break }
        }
        return n
    }

    /// The screen after rows `top...bottom` scroll by a line (`shift` 1: up, -1: down), the row freed blank,
    /// the cursor home (as setting a scroll region leaves it).
    func scrolled(top: Int, bottom: Int, by shift: Int) -> Grid {
        var grid = self
        for y in top...bottom {
            let from = y + shift
            for x in 0..<width { grid[x, y] = from >= top && from <= bottom ? self[x, from] : .blank }
        }
        grid.cursor = (0, 0)
        return grid
    }
}

/// The byte costs of the terminal's controls, in the model of `ByteFloor`.
enum TerminalCost {
    /// `ESC[H ESC[2J`.
    static let homeAndClear = 7
    /// `ESC[?25h` or `ESC[?25l`.
    static let showOrHideCursor = 6
    /// `ESC[K`.
    static let eraseToEndOfLine = 3

    /// A scroll by a line of rows `top...bottom` (0-based): `ESC[t;br` (DECSTBM), `ESC[S` or `ESC[T` (SU, SD),
    /// `ESC[r`.
    static func scrollRegion(top: Int, bottom: Int) -> Int { 2 + digits(top + 1) + 1 + digits(bottom + 1) + 1 + 3 + 3 }

    static func digits(_ n: Int) -> Int {
        var n = max(0, n), d = 1
        while n >= 10 { n /= 10; d += 1 }
        return d
    }

    /// `ESC[nX` with `n` left out when it is 1 (CUF, CUB, CUD, CUU, REP …).
    static func csi(_ n: Int) -> Int { n == 1 ? 3 : 3 + digits(n) }

    /// `ESC[nX` for an absolute position `n` (1-based), left out when it is 1 (CHA, VPA).
    static func absolute(_ n: Int) -> Int { csi(n) }

    /// CUP to the 0-based cell (x, y): `ESC[H`, `ESC[rH` or `ESC[r;cH`.
    static func cup(x: Int, y: Int) -> Int {
        if x == 0 { return y == 0 ? 3 : 3 + digits(y + 1) }
        return 4 + (y == 0 ? 0 : digits(y + 1)) + digits(x + 1)
    }

    /// The cheapest move from `from` (nil: unknown) to `to`.
    static func move(from: (x: Int, y: Int)?, to: (x: Int, y: Int)) -> Int {
        let absolute = cup(x: to.x, y: to.y)
        guard let from else { return absolute }
        if from.x == to.x && from.y == to.y { return 0 }
        let dy = to.y - from.y, dx = to.x - from.x
        var vertical = 0
        if dy > 0 {
            vertical = min(dy, csi(dy), Self.absolute(to.y + 1))
        } else if dy < 0 {
            vertical = min(2 * -dy, csi(-dy), Self.absolute(to.y + 1))
        }
        var horizontal = 0
        if dx > 0 {
            horizontal = min(csi(dx), 1 + csi(to.x), Self.absolute(to.x + 1))
        } else if dx < 0 {
            horizontal = min(-dx, csi(-dx), to.x == 0 ? 1 : 1 + csi(to.x), Self.absolute(to.x + 1))
        }
        return min(absolute, vertical + horizontal)
    }

    /// The SGR parameters that set a colour: `39`, `3n`, `9n`, `38;5;n` (and the background's `4…`, `10…`).
    static func colorParameter(_ c: TermColor, background: Bool) -> String {
        guard let n = c.ansiIndex else { return background ? "49" : "39" }
        if n < 8 { return (background ? "4" : "3") + String(n) }
        if n < 16 { return (background ? "10" : "9") + String(n - 8) }
        return (background ? "48;5;" : "38;5;") + String(n)
    }

    /// The bytes of the cheapest SGR from look `a` to look `b` (0 when they are the same).
    static func attributes(from a: CellAttributes, to b: CellAttributes) -> Int {
        if a == b { return 0 }
        func sequence(_ parameters: [String]) -> Int {
            3 + parameters.reduce(0) { $0 + $1.count } + max(0, parameters.count - 1)
        }
        // Reset, then what `b` has.
        var set: [String] = []
        if b.bold { set.append("1") }
        if b.dim { set.append("2") }
        if b.underline { set.append("4") }
        if b.reverse { set.append("7") }
        if b.foreground != .default { set.append(colorParameter(b.foreground, background: false)) }
        if b.background != .default { set.append(colorParameter(b.background, background: true)) }
        let reset = set.isEmpty ? 3 : sequence([""] + set)
        // Only what changes.
        var change: [String] = []
        if (a.bold && !b.bold) || (a.dim && !b.dim) {
            change.append("22")
            if b.bold { change.append("1") }
            if b.dim { change.append("2") }
        } else {
            if b.bold && !a.bold { change.append("1") }
            if b.dim && !a.dim { change.append("2") }
        }
        if a.underline != b.underline { change.append(b.underline ? "4" : "24") }
        if a.reverse != b.reverse { change.append(b.reverse ? "7" : "27") }
        if a.foreground != b.foreground { change.append(colorParameter(b.foreground, background: false)) }
        if a.background != b.background { change.append(colorParameter(b.background, background: true)) }
        return min(reset, sequence(change))
    }

    /// Writing `cells` from the cursor on: the cost, the look at the end, and where the cursor stops
    /// (columns from the first cell). `endsRow`: the last cell is in the last column.
    static func writing(
        _ cells: [Cell], endsRow: Bool, from start: CellAttributes, look: (Cell) -> CellAttributes
    ) -> (cost: ByteFloor, attributes: CellAttributes, cursorX: Int) {
        var cost = ByteFloor()
        var current = start
        var i = 0
        var column = 0
        while i < cells.count {
            let cell = cells[i]
            if cell.isContinuation { i += 1; column += 1; continue }
            let unit = i + 1 < cells.count && cells[i + 1].isContinuation ? 2 : 1
            // The span of the same character in the same look.
            var n = 1
            while i + (n + 1) * unit <= cells.count && cells[i + n * unit] == cell
                && (unit == 1 || cells[i + n * unit + 1].isContinuation)
            {
                n += 1
            }
            let wanted = look(cell)
            let bytes = max(1, cell.text.utf8.count)
            let written = n == 1 ? bytes : min(n * bytes, bytes + csi(n - 1))
            let reachesEnd = endsRow && i + n * unit == cells.count
            if reachesEnd && cell.text == " " && !wanted.reverse && !wanted.underline {
                // EL erases with the background colour in force: only that must be set. The cursor stays.
                var erase = current
                erase.background = wanted.background
                let erasing = attributes(from: current, to: erase) + eraseToEndOfLine
                if erasing < attributes(from: current, to: wanted) + written {
                    cost.attributes += attributes(from: current, to: erase)
                    cost.text += eraseToEndOfLine
                    return (cost, erase, column)
                }
            }
            cost.attributes += attributes(from: current, to: wanted)
            current = wanted
            cost.text += written
            i += n * unit
            column += n * unit
        }
        return (cost, current, column)
    }
}
