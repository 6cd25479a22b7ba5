import RCPCore

// Drawing the overlays: the search hits, help, prompts, questions, the picker, comparison and rankings.
extension Renderer {

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
        let note = search.correctedQuery.map { "showing results for “\(env.shown($0))”" }
        let h = max(1, shown) + 2 + (note != nil && !search.hits.isEmpty ? 1 : 0)
        let box = Rect(x: 1, y: layout.status.y - h, width: max(1, screen.width - 2), height: h)
        guard box.y >= 0 else { return }
        let title = search.hits.isEmpty ? "No match for “\(env.shown(search.query))”" : "Hits \(search.countLabel)"
        var inner = Widgets.floatingBlock(&grid, box, title: title, symbols: s)
        guard !search.hits.isEmpty, !inner.isEmpty else {
            let message =
                search.problem.map { env.shown($0.prefix(1).uppercased() + $0.dropFirst()) + "." }
                ?? "\(KeyBindings.firstKey(.deleteBackward, in: .input)) widens the search; \(KeyBindings.firstKey(.cancel, in: .search)) goes back."
            Widgets.centeredMessage(&grid, inner, message, style: Style(.dim), ellipsis: env.symbols.ellipsis)
            return
        }
        if let note {
            grid.write(
                TextWidth.truncate(note, width: inner.width - 1, ellipsis: s.ellipsis), x: inner.x + 1, y: inner.y,
                style: Style(.dim), clip: inner)
            inner = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
        }
        let first = Scroll.offset(
            max(0, search.selected - shown + 1), selected: search.selected, count: search.hits.count, visible: shown)
        let rows = search.hits[first..<min(search.hits.count, first + shown)].map {
            hitLine($0, width: inner.width - 1)
        }
        Widgets.list(&grid, inner, rows: rows, selected: search.selected - first, offset: 0, focused: true, symbols: s)
    }

    /// One hit in `width` columns: kind, title (matched words highlighted; the matched alias after it when the
    /// title does not hold the match), and where it lives, the title keeping at least half of the room.
    func hitLine(_ hit: SearchHit, width: Int) -> Line {
        let kindWidth = 14
        var line: Line = [
            Span(TextWidth.pad(hit.kind.label, width: kindWidth - 1, ellipsis: s.ellipsis) + " ", Style(.dim))
        ]
        let room = max(0, width - kindWidth)
        var title = env.shown(hit.title)
        var ranges = title.count == hit.title.count ? hit.titleRanges : []
        if hit.titleRanges.isEmpty && hit.matched != hit.title && hit.kind != .topic {
            let matched = env.shown(hit.matched)
            let offset = title.count + 2
            title += " (\(matched))"
            if matched.count == hit.matched.count {
                ranges = hit.ranges.map { ($0.lowerBound + offset)..<($0.upperBound + offset) }
            }
        }
        let detail = hit.detail.map(env.shown) ?? ""
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
        drawScrollingOverlay(
            title: "Compare: " + names + " — \(KeyBindings.firstKey(.cancel, in: .list)) closes", offset: c.offset
        ) { width in
            ComparisonLines.lines(c, catalog: catalog, env: env, width: width)
        }
    }

    mutating func drawRanking(_ r: RankingState) {
        let catalog = state.catalog, env = self.env
        drawScrollingOverlay(
            title:
                "Rankings: \(r.title) — \(KeyBindings.firstKey(.cycleRanking, in: .list)): next order, \(KeyBindings.firstKey(.cancel, in: .list)) closes",
            offset: r.offset
        ) { _ in
            r.lines(catalog, env: env)
        }
    }

    /// A box over the panes with lines to scroll (comparison, rankings), each line cut with "…" where needed.
    mutating func drawScrollingOverlay(title: String, offset wanted: Int, lines make: (Int) -> [Line]) {
        let box = HelpView.box(layout.screen)
        let inner = Widgets.floatingBlock(&grid, box, title: env.shown(title), symbols: s)
        guard inner.height >= 2 else { return }
        let lines = make(inner.width)
        let offset = min(wanted, max(0, lines.count - inner.height))
        for (i, line) in lines.dropFirst(offset).prefix(inner.height).enumerated() {
            grid.write(line, x: inner.x, y: inner.y + i, fitting: inner.width, ellipsis: s.ellipsis)
        }
        Widgets.scrollbar(
            &grid, x: box.maxX - 1, y: inner.y, height: inner.height, total: lines.count, offset: offset,
            visible: inner.height, symbols: s)
    }

    mutating func drawHelp(_ h: HelpState) {
        let screen = layout.screen
        let box = HelpView.box(screen)
        let inner = Widgets.floatingBlock(
            &grid, box,
            title:
                "Keys — type to narrow; \(KeyBindings.firstKey(.cancel, in: .help)) (or \(KeyBindings.firstKey(.quit))) closes",
            symbols: s)
        guard inner.height >= 3 else { return }
        let caret = h.editor.render(
            &grid, inner.row(0), prompt: "Narrow: ", style: Style(.normal),
            placeholder: "(type a word: zoom, matrix, search…)")
        if let caret { place((caret, inner.y), caret: true) }
        let body = HelpView.body(screen)
        let lines = HelpView.shownLines(h.editor.text, keys: state.keys, ascii: state.options.ascii, width: body.width)
        if lines.isEmpty {
            Widgets.centeredMessage(
                &grid, body, "No key matches “\(env.shown(h.editor.text))”.", style: Style(.dim),
                ellipsis: env.symbols.ellipsis)
            return
        }
        let offset = min(h.offset, max(0, lines.count - body.height))
        for (i, line) in lines.dropFirst(offset).prefix(body.height).enumerated() {
            grid.write(line, x: body.x, y: body.y + i, clip: body)
        }
        Widgets.scrollbar(
            &grid, x: box.maxX - 1, y: body.y, height: body.height, total: lines.count, offset: offset,
            visible: body.height, symbols: s)
    }

    mutating func drawPrompt(_ p: Prompt) {
        let screen = layout.screen
        let box = screen.centered(width: min(screen.width - 4, 70), height: 5)
        let inner = Widgets.floatingBlock(&grid, box, title: env.shown(p.title), symbols: s)
        guard inner.height >= 1 else { return }
        if let caret = p.editor.render(&grid, inner.row(0), prompt: "> ", style: .normal) {
            place((caret, inner.y), caret: true)
        }
        if inner.height >= 3 {
            let hints =
                "\(KeyBindings.firstKey(.commit, in: .input)) accept  \(KeyBindings.firstKey(.cancel, in: .input)) cancel  \(KeyBindings.firstKey(.clearLine, in: .input)) clear"
            grid.write(hints, x: inner.x, y: inner.y + 2, style: Style(.dim), clip: inner)
        }
    }

    mutating func drawConfirm(_ c: Confirmation) {
        let screen = layout.screen
        let lines = Wrap.lines(env.shown(c.question), width: min(screen.width - 8, 60))
        let box = screen.centered(width: min(screen.width - 4, 64), height: lines.count + 4)
        let inner = Widgets.floatingBlock(&grid, box, title: "Confirm", symbols: s)
        for (i, l) in lines.enumerated() { grid.write(l, x: inner.x + 1, y: inner.y + i, clip: inner) }
        grid.write(
            "\(KeyBindings.firstKey(.confirm, in: .confirm)) yes   \(KeyBindings.firstKey(.decline, in: .confirm)) no",
            x: inner.x + 1, y: inner.maxY - 1, style: Style(.normal, bold: true), clip: inner)
        place((inner.x + 1, inner.maxY - 1))
    }

    mutating func drawPicker(_ p: Picker) {
        let screen = layout.screen
        let ascii = state.options.ascii
        let k = { (a: Action) in KeyBindings.firstKey(a, in: .picker, ascii: ascii) }
        let title = env.shown(
            p.purpose == .compare
                ? "Compare checklists — \(k(.toggleChoice)) marks 2–\(ChecklistComparison.maxColumns), \(k(.commit)) compares, \(k(.cancel)) cancels"
                : "Switch checklist — \(k(.commit)) opens, \(k(.cancel)) cancels")
        // Wide enough for the title (its keys are the instructions) where the screen allows.
        let width = min(screen.width - 4, max(60, TextWidth.of(title) + 6))
        let box = screen.centered(width: width, height: min(screen.height - 2, p.names.count + 4))
        let inner = Widgets.floatingBlock(&grid, box, title: title, symbols: s)
        let body = Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height)
        if p.names.isEmpty {
            Widgets.centeredMessage(
                &grid, body,
                "No checklists yet: \(KeyBindings.firstKey(.cancel, in: .input)), then \(KeyBindings.firstKey(.newChecklist, in: .checklist)) creates one.",
                style: Style(.dim), ellipsis: env.symbols.ellipsis)
            return
        }
        let rows = p.names.map { name -> Line in
            if p.purpose == .compare {
                // The order marked is the order of the columns.
                let mark =
                    p.chosen.firstIndex(of: name).map { TextWidth.padLeft("\($0 + 1)", width: 2) + " \(s.checkMark) " }
                    ?? "     "
                return [Span(mark, Style(.heading, bold: true)), Span(env.shown(name))]
            }
            return [Span(name == state.checklist?.name ? "(open) " : "       ", Style(.dim)), Span(env.shown(name))]
        }
        let off = p.list.shownOffset(in: p.names, visible: body.height)
        if let y = Widgets.list(&grid, body, rows: rows, selected: p.selected, offset: off, focused: true, symbols: s) {
            place((body.x, y))
        }
    }
}
