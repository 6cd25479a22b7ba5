import RCPCore

/// A row of the practice checklist.
public enum ChecklistRow: Sendable, Hashable {
    /// An effective-practice heading ("ep-06").
    case heading(String)
    /// A sub-heading ("ep-06.2").
    case item(String)
    /// A process that discusses the heading (selecting it shows the process card).
    case process(practice: String, process: String)
    /// A recorded item the data no longer has.
    case orphan(String)

    /// The checklist item id a status or note belongs to.
    public var itemID: String? {
        switch self {
        case .heading(let id), .item(let id), .orphan(let id): return id
        case .process: return nil
        }
    }

    var practiceID: String? {
        switch self {
        case .heading(let id): return id
        case .process(let id, _): return id
        case .item, .orphan: return nil
        }
    }
}

/// The practice checklist pane: the 20 headings, expandable to their sub-headings and the processes that
/// discuss them; with a checklist, each line shows its status and each heading its progress.
public struct ChecklistPane: Pane, ListPane, Hashable {
    /// The selection and scroll; `expanded` holds the open headings' rows.
    public var list: ListState<ChecklistRow>
    /// Comparison mode: the practice under the cursor, the checklist column under it, the first column shown.
    public var compareList = ListState<String>()
    public var compareColumn = 0
    var compareColumnOffset = 0

    public var id: PaneID { .checklist }
    public var tabTitle: String { "Checklist" }
    public var shortTabTitle: String { "List" }
    public var scope: KeyScope { .checklist }
    public var placeName: String? { "checklist" }

    public init(catalog: Catalog) {
        list = ListState(selected: catalog.practices.first.map { .heading($0.id) })
    }

    public func title(_ context: PaneContext) -> (title: String, note: String) {
        if let c = Self.comparison(context) {
            return ("Checklists side by side: \(c.names.count)", "\(c.differingRows.count) of \(c.rows.count) differ")
        }
        guard let cl = context.checklist else { return (tabTitle, "IAMM practices") }
        // Whose assessment and when (M sets them), then whether every change is saved.
        let facts = [cl.meta.subject?.name, cl.meta.date].compactMap { $0 }.map(context.env.shown)
        let saved = context.unsavedChanges > 0 ? "\(context.unsavedChanges) unsaved" : "saved"
        return (tabTitle + ": " + context.env.shown(cl.name), (facts + [saved]).joined(separator: " · "))
    }

    public func rows(_ env: DisplayEnvironment, checklist: Checklist?) -> [ChecklistRow] {
        var rows: [ChecklistRow] = []
        let c = env.catalog
        for p in c.practices {
            rows.append(.heading(p.id))
            guard list.expanded.contains(.heading(p.id)) else { continue }
            rows += p.items.map { .item($0.id) }
            rows += c.processes(forPractice: p.number).map { .process(practice: p.id, process: $0.process.id) }
        }
        if let checklist {
            rows += checklist.orphanEntries(practices: c.practices).map { .orphan($0) }
        }
        return rows
    }

    /// The heading a row belongs to.
    static func heading(of row: ChecklistRow, _ catalog: Catalog) -> String? {
        switch row {
        case .heading(let id): return id
        case .item(let id): return catalog.practiceItem(id: id)?.0.id
        case .process(let p, _): return p
        case .orphan: return nil
        }
    }

    public static func subject(_ row: ChecklistRow) -> Subject {
        switch row {
        case .heading(let id): return .practice(id)
        case .item(let id): return .practiceItem(id)
        case .process(_, let process): return .process(process)
        case .orphan: return .overview
        }
    }

    /// The list's part of the pane: all but the first row, which shows the overall progress (or how to start
    /// a checklist).
    static func listContext(_ c: PaneContext) -> PaneContext {
        guard c.area.height >= 4 else { return c }
        // Presentation mode keeps the last two rows for the legend.
        let legend = c.env.presentation && c.area.height >= 12 ? 2 : 0
        return c.with(area: Rect(x: c.area.x, y: c.area.y + 1, width: c.area.width, height: c.area.height - 1 - legend))
    }

    public mutating func handle(_ action: Action, _ full: PaneContext) -> PaneOutcome {
        if action != .compareChecklists, let c = Self.comparison(full) { return handleCompare(action, full, c) }
        if let outcome = checklistAction(action, full) { return outcome }
        let context = Self.listContext(full)
        let env = context.env
        let rows = rows(env, checklist: context.checklist)
        guard !rows.isEmpty else { return .none }
        let i = list.index(in: rows) ?? 0
        let row = rows[i]
        if let r = list.moved(action, in: rows, visible: context.visibleItems) { return select(r) }
        if let r = list.scrolled(action, in: rows, visible: context.visibleItems) {
            return r == row ? .none : select(r)
        }
        switch action {
        case .left:
            if case .heading = row, list.expanded.contains(row) { list.toggle(row); return select(row) }
            if let h = Self.heading(of: row, env.catalog), row != .heading(h) {
                list.expanded.remove(.heading(h))
                return select(.heading(h))
            }
        case .right:
            if case .heading = row {
                if !list.expanded.contains(row) { list.toggle(row); return select(row) }
                if i + 1 < rows.count { return select(rows[i + 1]) }
            }
        default:
            // Enter is the checklist's own `editNote` (a note, or a process line's card): see checklistAction.
            break
        }
        return .none
    }

    mutating func select(_ row: ChecklistRow) -> PaneOutcome {
        selected = row
        return PaneOutcome(show: Self.subject(row))
    }

    /// Follows a practice or sub-heading: selects its row, expanding its heading.
    public mutating func receive(_ message: PaneMessage, _ context: PaneContext) {
        guard case .follow(let subject) = message else { return }
        switch subject {
        case .practice(let id): selected = .heading(id)
        case .practiceItem(let id):
            if let (p, _) = context.env.catalog.practiceItem(id: id) { list.expanded.insert(.heading(p.id)) }
            selected = .item(id)
        default: break
        }
    }

    public func shows(_ subject: Subject, _ context: PaneContext) -> Bool {
        switch subject {
        case .practice, .practiceItem: return true
        default: return false
        }
    }

    public func copyText(_ context: PaneContext) -> String {
        let catalog = context.env.catalog
        switch selected {
        case .heading(let id)?: return catalog.practice(id: id).map { "\($0.number) \($0.title)" } ?? id
        case .item(let id)?:
            return catalog.practiceItem(id: id).map { "\(ChecklistItemID.displayNumber(id) ?? id) \($0.1.title)" } ?? id
        case .process(_, let id)?: return catalog.process(id: id)?.name ?? id
        case .orphan(let id)?: return id
        case nil: return ""
        }
    }

    public mutating func settle(_ context: PaneContext) {
        if let c = Self.comparison(context) { settleCompare(context, c) }
        let context = Self.listContext(context)
        let catalog = context.env.catalog
        let rows = rows(context.env, checklist: context.checklist)
        list.settle(rows, visible: context.visibleItems) { lost in
            lost.flatMap { ChecklistPane.heading(of: $0, catalog) }.map { ChecklistRow.heading($0) }
        }
    }

    public func invariants(_ context: PaneContext) -> [String] {
        if let c = Self.comparison(context) { return compareInvariants(context, c) }
        let context = Self.listContext(context)
        return list.invariants(
            rows(context.env, checklist: context.checklist), visible: context.visibleItems, name: "checklist")
    }

    // MARK: Drawing

    /// What the lines of the rows shown depend on (the selection is drawn over them).
    private struct LinesKey: Hashable, Sendable {
        var rows: [ChecklistRow]
        var expanded: Set<ChecklistRow>
        var width: Int
        var ascii: Bool
        var presentation: Bool
        var highlight: String?
        var checklist: Checklist?
    }

    /// The lines of `rows`, made once per rows, width, checklist and what the environment changes in them: a
    /// move of the selection within the page draws the same lines again.
    func lines(_ rows: [ChecklistRow], width: Int, env: DisplayEnvironment, checklist: Checklist?) -> [Line] {
        let key = LinesKey(
            rows: rows, expanded: list.expanded, width: width, ascii: env.ascii, presentation: env.presentation,
            highlight: env.highlight, checklist: checklist)
        return env.catalog.derived.value(key, keep: 4) {
            rows.map { line($0, width: width, env: env, checklist: checklist) }
        }
    }

    func line(_ row: ChecklistRow, width: Int, env: DisplayEnvironment, checklist: Checklist?) -> Line {
        let s = env.symbols
        let c = env.catalog
        var line: Line = []
        var used = 0
        func add(_ text: String, _ style: Style = .normal) {
            line.append(Span(text, style))
            used += TextWidth.of(text)
        }
        func status(_ id: String) {
            guard let checklist else { return }
            let st = checklist.status(of: id)
            add(s.glyph(st), Self.style(st))
            add(" ")
        }
        /// The title followed by the note (if any), fitted to `room`: the note keeps at least half of it, or, where
        /// the room is too small for both, only a mark.
        func titled(_ title: String, _ id: String, room: Int) -> (String, String) {
            guard let note = checklist?.note(of: id), room > 8 else {
                return (TextWidth.truncate(title, width: max(0, room), ellipsis: s.ellipsis), "")
            }
            let mark: String = env.ascii ? "  [note] " : "  ✎ "
            if room < 30 && TextWidth.of(title) + TextWidth.of(mark) + 10 > room {
                // Too narrow for title and note: the title keeps the room, a mark says a note exists
                // (the card shows it whole).
                let marker = env.ascii ? " [n]" : " ✎"
                let t = TextWidth.truncate(title, width: max(0, room - TextWidth.of(marker)), ellipsis: s.ellipsis)
                return (t, marker)
            }
            let noteText: String = mark + env.shown(note.split(whereSeparator: \.isNewline).joined(separator: " "))
            let titleWidth = min(TextWidth.of(title), max(room / 2, room - TextWidth.of(noteText)))
            let t = TextWidth.truncate(title, width: titleWidth, ellipsis: s.ellipsis)
            return (t, TextWidth.truncate(noteText, width: room - TextWidth.of(t), ellipsis: s.ellipsis))
        }
        switch row {
        case .heading(let id):
            guard let p = c.practice(id: id) else { break }
            add(list.expanded.contains(.heading(id)) ? s.expanded : s.collapsed, Style(.dim))
            add(" ")
            status(id)
            add(TextWidth.padLeft(String(p.number), width: 2) + " ", Style(.heading, bold: true))
            let processes = c.processes(forPractice: p.number)
            var right: Line = []
            if let checklist {
                let progress = checklist.progress(for: p)
                right =
                    [Span(" ")]
                    + Widgets.bar(
                        done: progress.inPlace, half: progress.count(.inProgress),
                        total: progress.applicable, width: 6, symbols: s)
                    + [Span(" \(progress.assessed)/\(progress.total)", Style(.dim))]
            } else {
                right = [Span(" (\(processes.count))", Style(.dim))]
            }
            // Beside the title, when there is room: the processes that discuss it.
            let titleRoom = width - used - right.displayWidth
            var title = env.shown(p.title)
            if titleRoom > 50 && !processes.isEmpty && checklist == nil && !env.presentation {
                let titleWidth = min(TextWidth.of(title), titleRoom * 3 / 5)
                title = TextWidth.pad(title, width: titleWidth + 2, ellipsis: s.ellipsis)
                // As many names as fit whole, then how many more: a name is never cut.
                let room = titleRoom - titleWidth - 3
                var shown: [String] = []
                for (i, p) in processes.enumerated() {
                    let more = i + 1 < processes.count ? ", +\(processes.count - i - 1)" : ""
                    let next = (shown + [env.shown(p.process.shortName)]).joined(separator: ", ")
                    if TextWidth.of(next + more) > room { break }
                    shown.append(env.shown(p.process.shortName))
                }
                let rest = processes.count - shown.count
                let names = shown.joined(separator: ", ") + (rest > 0 ? (shown.isEmpty ? "" : ", ") + "+\(rest)" : "")
                right = [Span(" " + names, Style(.dim))] + right
            }
            let room = max(0, width - used - right.displayWidth)
            let (t, note) = titled(title, id, room: room)
            add(t, Style(.heading, bold: true))
            add(note, Style(.normal))
            add(String(repeating: " ", count: max(0, room - TextWidth.of(t) - TextWidth.of(note))))
            line += right
        case .item(let id):
            add("    ")
            status(id)
            let number = ChecklistItemID.displayNumber(id) ?? id
            add(number + " ", Style(.dim, bold: true))
            let (t, note) = titled(env.shown(c.practiceItem(id: id)?.1.title ?? id), id, room: width - used)
            add(t)
            add(note, Style(.normal, bold: true))
        case .process(let practiceID, let processID):
            add("    " + s.link + " ", Style(.dim))
            let p = c.process(id: processID)
            let topics =
                c.practice(id: practiceID).flatMap { pr in p?.topics.filter { $0.practices.contains(pr.number) } } ?? []
            add(env.shown(p?.shortName ?? processID), Style(.normal, bold: true))
            let detail = topics.map(\.label).joined(separator: "; ")
            if !detail.isEmpty {
                add(
                    TextWidth.truncate(" — " + env.shown(detail), width: max(0, width - used), ellipsis: s.ellipsis),
                    Style(.dim))
            }
        case .orphan(let id):
            add("  ")
            status(id)
            add(
                TextWidth.truncate("\(id) — no longer in the data", width: max(0, width - used), ellipsis: s.ellipsis),
                Style(.warning))
        }
        return env.highlighted(line)
    }

    /// How a status glyph is drawn: the shape carries the meaning, the style only adds to it.
    static func style(_ status: ChecklistStatus) -> Style {
        switch status {
        case .notAssessed: return Style(.dim)
        case .notInPlace: return Style(.warning, bold: true)
        case .inProgress: return Style(.progressDone)
        case .inPlace: return Style(.progressDone, bold: true)
        case .notApplicable: return Style(.dim, bold: true)
        }
    }

    public func render(into grid: inout Grid, context full: PaneContext, focused: Bool) -> PaneDrawing {
        if let c = Self.comparison(full) { return renderCompare(into: &grid, context: full, focused: focused, c) }
        let context = Self.listContext(full)
        let env = context.env, area = context.area, checklist = context.checklist
        if context.area != full.area { drawHeader(&grid, row: full.area.row(0), env: env, checklist: checklist) }
        if context.area.maxY < full.area.maxY - 1 {
            for (i, line) in Self.legend(env, checklist: checklist, width: full.area.width - 1).enumerated() {
                grid.write(line, x: full.area.x + 1, y: full.area.maxY - 2 + i, clip: full.area)
            }
        }
        let rows = rows(env, checklist: checklist)
        guard !rows.isEmpty, !area.isEmpty else { return PaneDrawing() }
        let visible = Scroll.visibleItems(height: area.height, rowHeight: env.rowHeight)
        let sel = list.index(in: rows)
        let off = list.shownOffset(in: rows, visible: visible)
        // Only the rows that fit are laid out (a heading of a large data set opens on thousands of processes).
        let shown = off..<min(rows.count, off + visible)
        let made = lines(Array(rows[shown]), width: area.width - 1, env: env, checklist: checklist)
        let lines = rows.indices.map { shown.contains($0) ? made[$0 - off] : [] }
        let y = Widgets.list(
            &grid, area, rows: lines, selected: sel, offset: off, focused: focused,
            symbols: env.symbols, rowHeight: env.rowHeight)
        let scroll = ScrollPosition(total: rows.count, offset: off, visible: visible)
        guard let y else { return PaneDrawing(scroll: scroll) }
        return PaneDrawing(cursor: (area.x + 2, y), scroll: scroll)
    }

    public mutating func click(x: Int, y: Int, _ context: PaneContext) -> PaneOutcome {
        if let c = Self.comparison(context) { return clickCompare(x: x, y: y, context, c) }
        let context = Self.listContext(context)
        let rows = rows(context.env, checklist: context.checklist)
        guard let i = list.row(atY: y, area: context.area, rowHeight: context.env.rowHeight, in: rows) else {
            return .none
        }
        if rows[i] == selected, case .heading = rows[i] { list.toggle(rows[i]) }
        return select(rows[i])
    }

    /// What the statuses and bars mean, for a room (presentation mode): two rows.
    static func legend(_ env: DisplayEnvironment, checklist: Checklist?, width: Int) -> [Line] {
        let s = env.symbols
        guard checklist != nil else {
            return [[Span("(n)", Style(.heading, bold: true)), Span(" how many processes discuss the heading")], []]
        }
        let statuses = [ChecklistStatus.inPlace, .inProgress, .notInPlace, .notAssessed, .notApplicable].map {
            st -> Line in
            [Span(s.glyph(st) + " ", style(st)), Span(st.label)]
        }
        let bar: [Line] = [
            Widgets.bar(done: 1, half: 0, total: 1, width: 2, symbols: s) + [Span(" share in place")],
            Widgets.bar(done: 0, half: 1, total: 1, width: 2, symbols: s) + [Span(" in progress")],
            Widgets.bar(done: 0, half: 0, total: 1, width: 2, symbols: s) + [Span(" still to do")],
            [Span("n/m", Style(.heading, bold: true)), Span(" assessed of all")],
        ]
        return [Widgets.fittingParts(statuses, width: width), Widgets.fittingParts(bar, width: width)]
    }

    /// The first row: overall progress with a bar, or how to start a checklist.
    func drawHeader(_ grid: inout Grid, row: Rect, env: DisplayEnvironment, checklist: Checklist?) {
        let s = env.symbols
        guard let checklist else {
            let k = { (a: Action) in KeyBindings.firstKey(a, in: .checklist, ascii: env.ascii) }
            grid.write(
                "No checklist open: \(k(.newChecklist)) creates one, \(k(.switchChecklist)) opens one.", x: row.x,
                y: row.y,
                style: .warning, fitting: row.width, ellipsis: s.ellipsis)
            return
        }
        let p = checklist.progress(overall: env.catalog.practices)
        let label = "Overall "
        let bar = max(4, min(20, row.width / 5))
        // The longest wording that fits beside the bar, never cut mid-word.
        let wordings = [
            " \(p.assessed)/\(p.total) assessed, \(p.inPlace) in place (\(p.inPlacePercent)%)",
            " \(p.assessed)/\(p.total) assessed, \(p.inPlace) in place",
            " \(p.assessed)/\(p.total) assessed",
            " \(p.assessed)/\(p.total)",
        ]
        let room = row.width - TextWidth.of(label) - bar
        let text = wordings.first { TextWidth.of($0) <= room } ?? ""
        var line: Line = [Span(label, Style(.heading, bold: true))]
        line += Widgets.bar(done: p.inPlace, half: p.count(.inProgress), total: p.applicable, width: bar, symbols: s)
        line.append(Span(text, Style(.normal, bold: true)))
        grid.write(line, x: row.x, y: row.y, clip: row)
    }
}
