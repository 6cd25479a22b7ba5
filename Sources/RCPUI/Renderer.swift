import RCPCore

/// Draws a settled state into a grid.
struct Renderer {
    let state: AppState
    let env: DisplayEnvironment
    let layout: Layout
    let s: Symbols
    var grid: Grid
    var cursor: (x: Int, y: Int)?
    /// Whether `cursor` is a text field's insertion point (shown) rather than the selection's place (hidden).
    var cursorIsCaret = false

    init(state: AppState) {
        self.state = state
        env = state.env
        layout = state.layout
        s = Symbols(ascii: state.options.ascii)
        grid = Grid(width: state.width, height: state.height, asciiOnly: state.options.ascii)
    }

    mutating func draw() -> Grid {
        guard grid.width > 0, grid.height > 0 else { return grid }
        if layout.kind == .tooSmall {
            let text =
                "Terminal too small:\nneed \(Layout.minimumWidth)×\(Layout.minimumHeight), have \(grid.width)×\(grid.height)."
            Widgets.centeredMessage(
                &grid, layout.screen, state.options.ascii ? ASCIIFold.fold(text) : text, style: .warning)
            return grid
        }
        drawTop()
        for frame in layout.panes { drawPane(frame) }
        drawStatus()
        drawOverlays()
        grid.cursor = cursor.flatMap { grid.contains(x: $0.x, y: $0.y) ? $0 : nil }
        grid.cursorIsCaret = grid.cursor != nil && cursorIsCaret
        return grid
    }

    // MARK: Top line

    mutating func drawTop() {
        guard !layout.top.isEmpty else { return }
        var flags: [String] = []
        if let f = state.filterText { flags.append("filter “\(env.shown(f))”") }
        if let q = state.search, !q.typing, !q.query.isEmpty {
            flags.append("search “\(env.shown(q.query))” \(q.countLabel)")
        }
        if state.zoomed { flags.append("zoom") }
        if !state.mouseCapture { flags.append("mouse off") }
        flags.append("rcpx")
        let visible = Set(layout.panes.map(\.pane)), ids = state.panes.ids
        let ranges = Widgets.tabBar(
            &grid, layout.top, tabs: state.tabLabels(width: layout.top.width),
            active: ids.firstIndex(of: state.focus), trailing: flags.joined(separator: " \(s.middleDot) "))
        // Visible but unfocused panes: underlined tab.
        for (i, r) in ranges.enumerated() where visible.contains(ids[i]) && ids[i] != state.focus {
            grid.restyle(Rect(x: r.lowerBound + 1, y: layout.top.y, width: r.count - 2, height: 1)) {
                $0.underline = true; $0.bold = true
            }
        }
    }

    // MARK: Panes

    mutating func drawPane(_ f: Layout.PaneFrame) {
        let focused = f.pane == state.focus
        let pane = state.panes[f.pane]
        let ctx = state.context(f.pane, layout, env: env)
        let (title, note) = pane.title(ctx)
        // The number is the key that focuses the pane; presentation mode leaves it out.
        let number = layout.kind == .presentation ? nil : state.keys.focusKey(f.pane)
        Widgets.block(
            &grid, f.frame, title: env.shown(number.map { "\($0) \(title)" } ?? title), focused: focused, symbols: s,
            rightTitle: env.shown(note))
        let area = f.content
        guard !area.isEmpty else { return }
        let drawing = pane.render(into: &grid, context: ctx, focused: focused)
        if let sc = drawing.scroll, f.frame.width >= 2 {
            Widgets.scrollbar(
                &grid, x: f.frame.maxX - 1, y: f.frame.y + 1, height: f.frame.height - 2, total: sc.total,
                offset: sc.offset, visible: sc.visible, symbols: s)
        }
        if focused { place(drawing.cursor) }
    }

    // MARK: Status line

    mutating func drawStatus() {
        let area = layout.status
        guard !area.isEmpty else { return }
        let ascii = state.options.ascii
        if let search = state.search, search.typing {
            drawInputLine(
                area, prompt: "Search: ", editor: search.editor, right: search.query.isEmpty ? "" : search.countLabel,
                hints: KeyBindings.hints(for: [.search], ascii: ascii))
            return
        }
        if let j = state.jumpState {
            let right =
                j.editor.text.isEmpty
                ? "type the start of a name"
                : (j.matches == 0
                    ? "no row starts with it"
                    : DisplayText.count(j.matches, "row") + (j.matches == 1 ? " starts" : " start") + " with it")
            drawInputLine(
                area, prompt: "Jump: ", editor: j.editor, right: right,
                hints: KeyBindings.hints(for: [.jump], ascii: ascii))
            return
        }
        if let filter = state.filter, filter.typing {
            let view = state.matrix.view(state.context(.matrix, layout, env: env))
            let rows = state.tree.rows(env).count
            drawInputLine(
                area, prompt: "Filter: ", editor: filter.editor,
                right: filter.text.isEmpty
                    ? ""
                    : (env.filterMatch.map { $0.summary + " · " } ?? "")
                        + "\(rows) in tree, \(view.rowCount)×\(view.columns.count) matrix",
                hints: KeyBindings.hints(for: [.filter], ascii: ascii))
            return
        }
        var message: Line = []
        if let m = state.message {
            message = [Span(env.shown(m.text), m.isError ? .warning : Style(.statusBar, bold: true))]
        } else if let footer = state.slideFooter(width: area.width), state.overlay == nil {
            // Presentation mode: the next slide, in words a room can read.
            Widgets.statusBar(
                &grid, area, hints: [], message: [Span(env.shown(footer.left), Style(.statusBar, bold: true))],
                right: env.shown(footer.right), ellipsis: s.ellipsis)
            return
        }
        var right = ""
        if let q = state.search, !q.query.isEmpty { right = "“\(env.shown(q.query))” \(q.countLabel)" }
        let hints = state.keys.hints(for: state.keyScopes, ascii: ascii)
        Widgets.statusBar(
            &grid, area, hints: state.message == nil ? hints : [], message: message, right: env.shown(right),
            ellipsis: s.ellipsis)
    }

    mutating func drawInputLine(
        _ area: Rect, prompt: String, editor: LineEditor, right: String,
        hints: [(key: String, label: String)]
    ) {
        grid.fill(area, style: Style(.statusBar))
        let hintText = hints.map { "\($0.key) \($0.label)" }.joined(separator: "  ")
        // The figures first: the key hints give way when both do not fit.
        let both = [right, hintText].filter { !$0.isEmpty }.joined(separator: "  ")
        let rightText = TextWidth.of(both) + 1 <= max(0, area.width - 24) || right.isEmpty ? both : right
        let rightWidth = min(TextWidth.of(rightText) + 1, max(0, area.width - 24))
        let (left, rightArea) = area.splitLeft(area.width - rightWidth)
        let caret = editor.render(&grid, left, prompt: prompt, style: Style(.statusBar))
        if rightWidth > 1 {
            let t = TextWidth.truncate(rightText, width: rightWidth - 1, ellipsis: s.ellipsis)
            grid.write(
                t, x: rightArea.maxX - TextWidth.of(t), y: area.y, style: Style(.statusBar, bold: true), clip: rightArea
            )
        }
        if let caret { place((caret, area.y), caret: true) }
    }

    /// Puts the hardware cursor at `position`: a caret (visible) where text is typed, else only a position.
    mutating func place(_ position: (x: Int, y: Int)?, caret: Bool = false) {
        cursor = position
        cursorIsCaret = caret
    }
}
