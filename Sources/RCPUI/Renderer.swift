import RCPCore
import Synchronization

/// The help overlay, generated from the key table.
enum HelpView {
    enum Row: Hashable { case heading(String), binding(keys: String, description: String) }

    /// Every binding (or those matching `narrow` in its keys, description or scope), grouped by scope.
    static func rows(_ narrow: String, ascii: Bool) -> [Row] {
        // Settling and drawing ask for the same rows; matching four texts of every binding is not free.
        let key = "\(ascii ? 1 : 0)\(narrow)"
        if let hit = recentRows.withLock({ recent in recent.first { $0.key == key }?.rows }) { return hit }
        let rows = matchingRows(narrow, ascii: ascii)
        recentRows.withLock { recent in
            recent.insert((key, rows), at: 0)
            if recent.count > 8 { recent.removeLast() }
        }
        return rows
    }

    private static let recentRows = Mutex<[(key: String, rows: [Row])]>([])

    private static func matchingRows(_ narrow: String, ascii: Bool) -> [Row] {
        var rows: [Row] = []
        for scope in KeyScope.allCases {
            let matching = KeyBindings.bindings(in: scope).filter { b in
                narrow.isEmpty || [b.description, KeyBindings.keyLabel(b, ascii: ascii), scope.label, b.action.rawValue]
                    .contains { !matchRanges(of: narrow, in: $0).isEmpty }
            }
            guard !matching.isEmpty else { continue }
            rows.append(.heading(scope.label))
            rows += matching.map { .binding(keys: KeyBindings.keyLabel($0, ascii: ascii), description: $0.description) }
        }
        return rows
    }

    /// The box on a screen.
    static func box(_ screen: Rect) -> Rect {
        screen.centered(width: screen.width < 100 ? screen.width : 88, height: screen.height - 2)
    }

    /// The list area inside the box (below the narrowing line and a gap).
    static func body(_ screen: Rect) -> Rect {
        let inner = box(screen).inset(dx: 1, dy: 1)
        return Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: inner.height - 2)
    }

    static func keysWidth(_ width: Int) -> Int { min(24, max(12, width / 3)) }

    /// The lines the overlay shows for `narrow`, its matches highlighted. Settling and drawing a frame with the
    /// help open both ask for them (and arrows only scroll them): the last few texts and widths are remembered.
    static func shownLines(_ narrow: String, ascii: Bool, width: Int) -> [Line] {
        let key = "\(ascii ? 1 : 0) \(width) \(narrow)"
        if let hit = recentLines.withLock({ recent in recent.first { $0.key == key }?.lines }) { return hit }
        let shown = lines(narrow, ascii: ascii, width: width) { line in
            narrow.isEmpty ? line : Highlight.apply(matchRanges(of: narrow, in: line.plain), to: line)
        }
        recentLines.withLock { recent in
            recent.insert((key, shown), at: 0)
            if recent.count > 8 { recent.removeLast() }
        }
        return shown
    }

    private static let recentLines = Mutex<[(key: String, lines: [Line])]>([])

    /// The rows as display lines for `width` columns: descriptions wrap under themselves.
    static func lines(_ narrow: String, ascii: Bool, width: Int, highlight: (Line) -> Line = { $0 }) -> [Line] {
        guard width > 0 else { return [] }
        let kw = keysWidth(width)
        var out: [Line] = []
        for row in rows(narrow, ascii: ascii) {
            switch row {
            case .heading(let text):
                if !out.isEmpty { out.append([]) }
                out.append([Span(text, .heading)])
            case .binding(let keys, let description):
                let keyText = "  " + TextWidth.pad(keys, width: kw - 2)
                let wrapped = Wrap.lines(highlight([Span(description)]), width: width, firstIndent: kw + 1, hangingIndent: kw + 1)
                for (i, l) in wrapped.enumerated() {
                    var line = l
                    if i == 0 {
                        line = highlight([Span(keyText, Style(.statusKey, bold: true))]) + [Span(" ")] + Array(l.dropFirst())
                    }
                    out.append(line)
                }
            }
        }
        return out
    }
}

/// Draws a settled state into a grid.
struct Renderer {
    let state: AppState
    let env: PaneEnv
    let layout: Layout
    let s: Symbols
    var grid: Grid
    var cursor: (x: Int, y: Int)?

    init(state: AppState) {
        self.state = state
        env = state.env
        layout = state.layout
        s = Symbols(ascii: state.options.ascii)
        grid = Grid(width: state.width, height: state.height, asciiOnly: state.options.ascii)
    }

    /// The pane tabs: "1 Regions" …, or shorter words when the line is too narrow for them.
    static func tabLabels(width: Int) -> [String] {
        func fits(_ labels: [String]) -> Bool { labels.reduce(0, { $0 + TextWidth.of($1) + 3 }) <= width }
        let full = PaneID.allCases.map { "\($0.number) \($0.title)" }
        if fits(full) { return full }
        let short = PaneID.allCases.map { "\($0.number) \($0.shortTitle)" }
        if fits(short) { return short }
        // The narrowest: numbers only (each pane's border still says what it is).
        return PaneID.allCases.map { "\($0.number)" }
    }

    /// The x ranges of the pane tabs on the top line (as `Widgets.tabBar` draws them).
    static func tabRanges(layout: Layout) -> [Range<Int>] {
        guard !layout.top.isEmpty else { return [] }
        var x = layout.top.x
        return tabLabels(width: layout.top.width).map { label in
            let w = TextWidth.of(label) + 2
            defer { x += w + 1 }
            return x..<(x + w)
        }
    }

    mutating func draw() -> Grid {
        guard grid.width > 0, grid.height > 0 else { return grid }
        if layout.kind == .tooSmall {
            let text = "Terminal too small:\nneed \(Layout.minimumWidth)×\(Layout.minimumHeight), have \(grid.width)×\(grid.height)."
            Widgets.centeredMessage(&grid, layout.screen, state.options.ascii ? ASCIIFold.fold(text) : text, style: .warning)
            return grid
        }
        drawTop()
        for frame in layout.panes { drawPane(frame) }
        drawStatus()
        drawOverlays()
        grid.cursor = cursor.flatMap { grid.contains(x: $0.x, y: $0.y) ? $0 : nil }
        return grid
    }

    // MARK: Top line

    mutating func drawTop() {
        guard !layout.top.isEmpty else { return }
        var flags: [String] = []
        if let f = state.filterText { flags.append("filter “\(env.t(f))”") }
        if let q = state.search, !q.typing, !q.query.isEmpty { flags.append("search “\(env.t(q.query))” \(q.countLabel)") }
        if state.zoomed { flags.append("zoom") }
        if !state.mouseCapture { flags.append("mouse off") }
        flags.append("rcpx")
        let visible = Set(layout.panes.map(\.pane))
        Widgets.tabBar(&grid, layout.top, tabs: Self.tabLabels(width: layout.top.width), active: PaneID.allCases.firstIndex(of: state.focus),
                       trailing: flags.joined(separator: " \(s.middleDot) "))
        // Visible but unfocused panes: underlined tab.
        for (i, r) in Self.tabRanges(layout: layout).enumerated() where visible.contains(PaneID.allCases[i]) && PaneID.allCases[i] != state.focus {
            grid.restyle(Rect(x: r.lowerBound + 1, y: layout.top.y, width: r.count - 2, height: 1)) { $0.underline = true; $0.bold = true }
        }
    }

    // MARK: Panes

    func subjectTitle(_ subject: Subject) -> String {
        let c = state.catalog
        switch subject {
        case .overview: return "Overview"
        case .region(let id): return "Region: " + (c.region(id: id)?.name ?? TreeModel.globalName)
        case .process(let id): return "Process: " + (c.process(id: id)?.shortName ?? id)
        case .party(let id):
            guard let p = c.party(id: id) else { return id }
            return (p.kind == .organization ? "Organization: " : p.kind == .territory ? "Territory: " : "State: ") + env.name(p)
        case .mechanism(let id): return "Mechanism: " + (c.mechanism(id: id)?.shortName ?? id)
        case .event(let id): return "Event: " + (c.event(id: id)?.1.title ?? id)
        case .practice(let id): return "Practice " + (c.practice(id: id).map { String($0.number) } ?? id)
        case .practiceItem(let id): return "Practice " + (ChecklistItemID.displayNumber(id) ?? id)
        case .understanding(let id): return "Understanding " + (c.understanding(id: id).map { String($0.number) } ?? id)
        case .guide(let id): return "Guide: " + (c.guideTopic(id: id)?.title ?? id)
        }
    }

    func title(_ pane: PaneID) -> (String, String) {
        let number = layout.kind == .presentation ? "" : "\(pane.number) "
        switch pane {
        case .tree:
            return (number + "Regions", state.filterText == nil ? "" : "filtered")
        case .card:
            let back = state.card.history.isEmpty ? "" : "\(KeyBindings.firstKey(.back, ascii: state.options.ascii)) back"
            let marked: String
            switch state.card.subject {
            case .process(let id), .party(let id): marked = env.markPrefix(id)
            default: marked = ""
            }
            return (number + marked + subjectTitle(state.card.subject), back)
        case .matrix:
            let view = state.matrix.view(state.context(.matrix, layout, env: env))
            let sort = state.matrix.sort == .name ? "by name" : "by count"
            var right = "\(state.matrix.rowKind.label) \(sort) \(s.middleDot) \(view.rows.count)×\(view.columns.count)"
            if let r = view.regionName { right = r + " \(s.middleDot) " + right }
            return (number + "Matrix", right)
        case .checklist:
            if let cl = state.checklist {
                let pending = state.pendingChanges.count
                return (number + "Checklist: " + env.t(cl.name), pending > 0 ? "\(pending) unsaved" : "saved")
            }
            return (number + "Checklist", "IAMM practices")
        case .map:
            let subject = state.map.subject(state.context(.map, layout, env: env))
            let what: String
            switch subject {
            case .coverage, .world: what = "coverage"
            case .process(let id): what = state.catalog.process(id: id)?.shortName ?? id
            case .party(let id): what = state.catalog.party(id: id).map(env.name) ?? id
            case .region(let id): what = state.catalog.region(id: id)?.name ?? id
            }
            return (number + "Map: " + what, state.map.zoomSteps > 0 ? "zoom ×\(1 << state.map.zoomSteps)" : "Equal Earth")
        case .timeline:
            let t = TimelinePane.timeline(state.catalog)
            return (number + "Time line", "\(t.firstYear.map(String.init) ?? "")–\(t.lastYear.map(String.init) ?? "") \(s.middleDot) \(DisplayText.count(t.entries.count, "record"))")
        }
    }

    mutating func drawPane(_ f: Layout.PaneFrame) {
        let focused = f.pane == state.focus
        let (t, right) = title(f.pane)
        Widgets.block(&grid, f.frame, title: env.t(t), focused: focused, symbols: s, rightTitle: env.t(right))
        let area = f.content
        guard !area.isEmpty else { return }
        let ctx = state.context(f.pane, layout, env: env)
        let drawing: PaneDrawing
        switch f.pane {
        case .tree: drawing = state.tree.render(into: &grid, context: ctx, focused: focused)
        case .card: drawing = state.card.render(into: &grid, context: ctx, focused: focused)
        case .matrix: drawing = state.matrix.render(into: &grid, context: ctx, focused: focused)
        case .checklist:
            drawing = state.checklistPane.render(into: &grid, context: ctx, focused: focused)
        case .map: drawing = state.map.render(into: &grid, context: ctx, focused: focused)
        case .timeline: drawing = state.timeline.render(into: &grid, context: ctx, focused: focused)
        }
        if let sc = drawing.scroll, f.frame.width >= 2 {
            Widgets.scrollbar(&grid, x: f.frame.maxX - 1, y: f.frame.y + 1, height: f.frame.height - 2, total: sc.total,
                              offset: sc.offset, visible: sc.visible, symbols: s)
        }
        if focused { cursor = drawing.cursor }
    }

    // MARK: Status line

    mutating func drawStatus() {
        let area = layout.status
        guard !area.isEmpty else { return }
        let ascii = state.options.ascii
        if let search = state.search, search.typing {
            drawInputLine(area, prompt: "Search: ", editor: search.editor, right: search.query.isEmpty ? "" : search.countLabel,
                          hints: KeyBindings.hints(for: [.search], ascii: ascii))
            return
        }
        if let j = state.jumpState {
            let right = j.editor.text.isEmpty ? "type the start of a name"
                : (j.matches == 0 ? "no row starts with it" : DisplayText.count(j.matches, "row") + (j.matches == 1 ? " starts" : " start") + " with it")
            drawInputLine(area, prompt: "Jump: ", editor: j.editor, right: right,
                          hints: KeyBindings.hints(for: [.jump], ascii: ascii))
            return
        }
        if let filter = state.filter, filter.typing {
            let view = state.matrix.view(state.context(.matrix, layout, env: env))
            let rows = state.tree.rows(env).count
            drawInputLine(area, prompt: "Filter: ", editor: filter.editor,
                          right: filter.text.isEmpty ? "" : (env.filterMatch.map { $0.summary + " · " } ?? "")
                            + "\(rows) in tree, \(view.rows.count)×\(view.columns.count) matrix",
                          hints: KeyBindings.hints(for: [.filter], ascii: ascii))
            return
        }
        var message: Line = []
        if let m = state.message {
            message = [Span(env.t(m.text), m.isError ? .warning : Style(.statusBar, bold: true))]
        }
        var right = ""
        if let q = state.search, !q.query.isEmpty { right = "“\(env.t(q.query))” \(q.countLabel)" }
        let hints = KeyBindings.hints(for: state.keyScopes, ascii: ascii)
        Widgets.statusBar(&grid, area, hints: state.message == nil ? hints : [], message: message, right: env.t(right),
                          ellipsis: s.ellipsis)
    }

    mutating func drawInputLine(_ area: Rect, prompt: String, editor: LineEditor, right: String,
                                hints: [(key: String, label: String)]) {
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
            grid.write(t, x: rightArea.maxX - TextWidth.of(t), y: area.y, style: Style(.statusBar, bold: true), clip: rightArea)
        }
        if let caret { cursor = (caret, area.y) }
    }

    // MARK: Overlays

    mutating func drawOverlays() {
        if let search = state.search, search.typing, !search.query.isEmpty { drawSearchResults(search) }
        switch state.overlay {
        case .help(let h)?: drawHelp(h)
        case .prompt(let p)?: drawPrompt(p)
        case .confirm(let c)?: drawConfirm(c)
        case .picker(let p)?: drawPicker(p)
        case .comparison(let c)?: drawComparison(c)
        case .ranking(let r)?: drawRanking(r)
        case nil: break
        }
    }

    /// The hit list above the search box: as wide as the screen less a margin, one hit a line — its kind, its
    /// title with the matched words highlighted, and where it lives ("topic of CIS Conf."), cut with "…" when
    /// it does not fit — under a "showing results for …" line when a misspelt word was corrected.
    mutating func drawSearchResults(_ search: SearchState) {
        let screen = layout.screen
        let shown = min(search.hits.count, max(1, min(8, screen.height / 2 - 2)))
        let note = search.correctedQuery.map { "showing results for “\(env.t($0))”" }
        let h = max(1, shown) + 2 + (note != nil && !search.hits.isEmpty ? 1 : 0)
        let box = Rect(x: 1, y: layout.status.y - h, width: max(1, screen.width - 2), height: h)
        guard box.y >= 0 else { return }
        let title = search.hits.isEmpty ? "No match for “\(env.t(search.query))”" : "Hits \(search.countLabel)"
        var inner = Widgets.floatingBlock(&grid, box, title: title, symbols: s)
        guard !search.hits.isEmpty, !inner.isEmpty else {
            let message = search.problem.map { env.t($0.prefix(1).uppercased() + $0.dropFirst()) + "." }
                ?? "Backspace widens the search; Esc goes back."
            Widgets.centeredMessage(&grid, inner, message, style: Style(.dim), ellipsis: env.symbols.ellipsis)
            return
        }
        if let note {
            grid.write(TextWidth.truncate(note, width: inner.width - 1, ellipsis: s.ellipsis), x: inner.x + 1, y: inner.y,
                       style: Style(.dim), clip: inner)
            inner = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
        }
        let first = Scroll.offset(max(0, search.selected - shown + 1), selected: search.selected, count: search.hits.count, visible: shown)
        let rows = search.hits[first..<min(search.hits.count, first + shown)].map { hitLine($0, width: inner.width - 1) }
        Widgets.list(&grid, inner, rows: rows, selected: search.selected - first, offset: 0, focused: true, symbols: s)
    }

    /// One hit in `width` columns: kind, title (matched words highlighted; the matched alias after it when the
    /// title does not hold the match), and where it lives, the title keeping at least half of the room.
    func hitLine(_ hit: SearchHit, width: Int) -> Line {
        let kindWidth = 14
        var line: Line = [Span(TextWidth.pad(hit.kind.label, width: kindWidth - 1, ellipsis: s.ellipsis) + " ", Style(.dim))]
        let room = max(0, width - kindWidth)
        var title = env.t(hit.title)
        var ranges = title.count == hit.title.count ? hit.titleRanges : []
        if hit.titleRanges.isEmpty && hit.matched != hit.title && hit.kind != .topic {
            let matched = env.t(hit.matched)
            let offset = title.count + 2
            title += " (\(matched))"
            if matched.count == hit.matched.count { ranges = hit.ranges.map { ($0.lowerBound + offset)..<($0.upperBound + offset) } }
        }
        let detail = hit.detail.map(env.t) ?? ""
        let detailWidth = TextWidth.of(detail)
        let titleWidth = TextWidth.of(title)
        // The title takes what it needs, leaving the detail at least a third (or all it needs) when it can.
        let detailWant = detail.isEmpty ? 0 : min(detailWidth, max(16, room / 3)) + 2
        let titleRoom = titleWidth + detailWant <= room ? titleWidth : max(room / 2, room - detailWant)
        let shownTitle = TextWidth.truncate(title, width: titleRoom, ellipsis: s.ellipsis)
        let cut = shownTitle.count - (shownTitle == title ? 0 : 1)
        let visible = ranges.compactMap { r -> Range<Int>? in
            let c = r.clamped(to: 0..<max(0, cut))
            return c.isEmpty ? nil : c
        }
        line += Highlight.apply(visible, to: [Span(shownTitle, Style(.normal, bold: true))])
        let left = room - TextWidth.of(shownTitle) - 2
        if !detail.isEmpty && left >= min(detailWidth, 8) {
            line.append(Span("  " + TextWidth.truncate(detail, width: left, ellipsis: s.ellipsis), Style(.dim)))
        }
        return line
    }

    mutating func drawComparison(_ c: ComparisonState) {
        let names = c.subjects.map(state.markName).joined(separator: " · ")
        let catalog = state.catalog, env = self.env
        drawScrollingOverlay(title: "Compare: " + names + " — Esc closes", offset: c.offset) { width in
            ComparisonLines.lines(c, catalog: catalog, env: env, width: width)
        }
    }

    mutating func drawRanking(_ r: RankingState) {
        let catalog = state.catalog, env = self.env
        drawScrollingOverlay(title: "Rankings: \(r.title) — s: next order, Esc closes", offset: r.offset) { _ in
            r.lines(catalog, env: env)
        }
    }

    /// A box over the panes with lines to scroll (comparison, rankings), each line cut with "…" where needed.
    mutating func drawScrollingOverlay(title: String, offset wanted: Int, lines make: (Int) -> [Line]) {
        let box = HelpView.box(layout.screen)
        let inner = Widgets.floatingBlock(&grid, box, title: env.t(title), symbols: s)
        guard inner.height >= 2 else { return }
        let lines = make(inner.width)
        let offset = min(wanted, max(0, lines.count - inner.height))
        for (i, line) in lines.dropFirst(offset).prefix(inner.height).enumerated() {
            grid.write(line, x: inner.x, y: inner.y + i, fitting: inner.width, ellipsis: s.ellipsis)
        }
        Widgets.scrollbar(&grid, x: box.maxX - 1, y: inner.y, height: inner.height, total: lines.count, offset: offset,
                          visible: inner.height, symbols: s)
    }

    mutating func drawHelp(_ h: HelpState) {
        let screen = layout.screen
        let box = HelpView.box(screen)
        let inner = Widgets.floatingBlock(&grid, box, title: "Keys — type to narrow; Esc (or q) closes", symbols: s)
        guard inner.height >= 3 else { return }
        let caret = h.editor.render(&grid, inner.row(0), prompt: "Narrow: ", style: Style(.normal),
                                    placeholder: "(type a word: zoom, matrix, search…)")
        if let caret { cursor = (caret, inner.y) }
        let body = HelpView.body(screen)
        let lines = HelpView.shownLines(h.editor.text, ascii: state.options.ascii, width: body.width)
        if lines.isEmpty {
            Widgets.centeredMessage(&grid, body, "No key matches “\(env.t(h.editor.text))”.", style: Style(.dim), ellipsis: env.symbols.ellipsis)
            return
        }
        let offset = min(h.offset, max(0, lines.count - body.height))
        for (i, line) in lines.dropFirst(offset).prefix(body.height).enumerated() {
            grid.write(line, x: body.x, y: body.y + i, clip: body)
        }
        Widgets.scrollbar(&grid, x: box.maxX - 1, y: body.y, height: body.height, total: lines.count, offset: offset,
                          visible: body.height, symbols: s)
    }

    mutating func drawPrompt(_ p: Prompt) {
        let screen = layout.screen
        let box = screen.centered(width: min(screen.width - 4, 70), height: 5)
        let inner = Widgets.floatingBlock(&grid, box, title: env.t(p.title), symbols: s)
        guard inner.height >= 1 else { return }
        if let caret = p.editor.render(&grid, inner.row(0), prompt: "> ", style: .normal) { cursor = (caret, inner.y) }
        if inner.height >= 3 {
            let hints = "\(KeyBindings.firstKey(.commit, in: .input)) accept  \(KeyBindings.firstKey(.cancel, in: .input)) cancel  \(KeyBindings.firstKey(.clearLine, in: .input)) clear"
            grid.write(hints, x: inner.x, y: inner.y + 2, style: Style(.dim), clip: inner)
        }
    }

    mutating func drawConfirm(_ c: Confirmation) {
        let screen = layout.screen
        let lines = Wrap.lines(env.t(c.question), width: min(screen.width - 8, 60))
        let box = screen.centered(width: min(screen.width - 4, 64), height: lines.count + 4)
        let inner = Widgets.floatingBlock(&grid, box, title: "Confirm", symbols: s)
        for (i, l) in lines.enumerated() { grid.write(l, x: inner.x + 1, y: inner.y + i, clip: inner) }
        grid.write("y yes   n no", x: inner.x + 1, y: inner.maxY - 1, style: Style(.normal, bold: true), clip: inner)
        cursor = (inner.x + 1, inner.maxY - 1)
    }

    mutating func drawPicker(_ p: Picker) {
        let screen = layout.screen
        let box = screen.centered(width: min(screen.width - 4, 60), height: min(screen.height - 2, p.names.count + 4))
        let inner = Widgets.floatingBlock(&grid, box, title: "Switch checklist — Enter opens, Esc cancels", symbols: s)
        let body = Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height)
        if p.names.isEmpty {
            Widgets.centeredMessage(&grid, body, "No checklists yet: Esc, then \(KeyBindings.firstKey(.newChecklist, in: .checklist)) creates one.",
                                    style: Style(.dim), ellipsis: env.symbols.ellipsis)
            return
        }
        let rows = p.names.map { name -> Line in
            [Span(name == state.checklist?.name ? "(open) " : "       ", Style(.dim)), Span(env.t(name))]
        }
        let off = Scroll.offset(0, selected: p.selected, count: rows.count, visible: body.height)
        if let y = Widgets.list(&grid, body, rows: rows, selected: p.selected, offset: off, focused: true, symbols: s) {
            cursor = (body.x, y)
        }
    }
}
