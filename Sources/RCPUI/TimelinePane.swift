import RCPCore
import Synchronization

/// The time line pane: every dated record on a compressed axis of years, a lane per region and one for the
/// global mechanisms (`Timeline`, placed by `TimelineLayout`). Left/right move from record to record in a lane,
/// up/down between lanes; Enter opens the record's card. The card's subject is marked when it has a date.
public struct TimelinePane: Pane, Hashable {
    /// The selected entry (`TimelineEntry.id`).
    public var selected: String?
    /// The first lane row shown, when the lanes do not all fit.
    public var rowOffset = 0

    public init() {}

    public var id: PaneID { .timeline }
    public var tabTitle: String { "Time line" }
    public var shortTabTitle: String { "Time" }
    public var scope: KeyScope { .timeline }

    public func title(_ context: PaneContext) -> (title: String, note: String) {
        let t = Self.timeline(context.env.catalog)
        let years = "\(t.firstYear.map(String.init) ?? "")–\(t.lastYear.map(String.init) ?? "")"
        return (tabTitle, "\(years) \(context.env.symbols.middleDot) \(DisplayText.count(t.entries.count, "record"))")
    }

    /// Follows a process, mechanism or event: selects its first record.
    public mutating func receive(_ message: PaneMessage, _ context: PaneContext) {
        if case .follow(let subject) = message { reveal(subject, catalog: context.env.catalog) }
    }

    /// Columns of the lane names at the left.
    static func laneWidth(_ area: Rect) -> Int { area.width >= 80 ? 14 : area.width >= 50 ? 10 : 6 }

    struct Placed {
        var timeline: Timeline
        var layout: TimelineLayout
        /// The first grid row of each lane, relative to the top of the lanes.
        var laneTops: [Int]
        var totalRows: Int
    }

    /// The last few placements, by catalog, width and presentation: settling every pane on every event asks
    /// for the same one again and again.
    private static let recent = Mutex<[(key: PlacedKey, placed: Placed)]>([])
    struct PlacedKey {
        var catalog: Catalog; var width: Int; var presentation: Bool
        func same(_ o: PlacedKey) -> Bool {
            catalog === o.catalog && width == o.width && presentation == o.presentation
        }
    }

    func placed(_ context: PaneContext) -> Placed {
        let key = PlacedKey(
            catalog: context.env.catalog, width: context.area.width,
            presentation: context.env.presentation)
        if let hit = Self.recent.withLock({ r in r.first { $0.key.same(key) }?.placed }) { return hit }
        let p = Self.place(context)
        Self.recent.withLock { r in
            r.insert((key, p), at: 0)
            if r.count > 8 { r.removeLast() }
        }
        return p
    }

    static func place(_ context: PaneContext) -> Placed {
        let timeline = Self.timeline(context.env.catalog)
        let width = max(10, context.area.width - Self.laneWidth(context.area))
        let layout = TimelineLayout(
            timeline, width: width, maxRowsPerLane: context.env.presentation ? 2 : 3,
            markerColumns: 1)
        var tops: [Int] = []
        var y = 0
        for rows in layout.laneRows { tops.append(y); y += rows + 1 }
        return Placed(timeline: timeline, layout: layout, laneTops: tops, totalRows: y)
    }

    func entry(_ id: String?, _ p: Placed) -> TimelineEntry? {
        id.flatMap { i in p.timeline.entries.first { $0.id == i } }
    }

    /// Catalogs are held (not just their addresses), so a new catalog never meets an old one's time line.
    private static let timelines = Mutex<[(Catalog, Timeline)]>([])

    /// The catalog's time line, built once per catalog (the last few kept).
    static func timeline(_ catalog: Catalog) -> Timeline {
        if let hit = timelines.withLock({ t in t.first { $0.0 === catalog }?.1 }) { return hit }
        let t = catalog.timeline()
        timelines.withLock { list in
            list.insert((catalog, t), at: 0)
            if list.count > 4 { list.removeLast() }
        }
        return t
    }

    /// The card a timeline entry opens.
    static func subject(_ e: TimelineEntry) -> Subject {
        if let ev = e.event { return .event(ev) }
        if let p = e.process { return .process(p) }
        if let m = e.mechanism { return .mechanism(m) }
        return .overview
    }

    /// Selects the first entry about `subject`, if it has one ("opening Bali marks 2002").
    public mutating func reveal(_ subject: Subject, catalog: Catalog) {
        let id: String
        switch subject {
        case .process(let i), .event(let i), .mechanism(let i): id = i
        default: return
        }
        if let e = Self.timeline(catalog).firstEntry(concerning: id, in: catalog) { selected = e.id }
    }

    public mutating func handle(_ action: Action, _ context: PaneContext) -> PaneOutcome {
        let p = placed(context)
        guard let first = p.layout.items.first else { return .none }
        let current = selected.flatMap { p.layout.item(showing: $0) != nil ? $0 : nil } ?? first.id
        let move: TimelineLayout.Move?
        switch action {
        case .left: move = .left
        case .right: move = .right
        // A time line has no lines to scroll: the wheel and Ctrl-E, Ctrl-Y move as the arrows do.
        case .up, .scrollUp: move = .up
        case .down, .scrollDown: move = .down
        case .top: selected = p.timeline.entries.first?.id; return show(p)
        case .bottom: selected = p.timeline.entries.last?.id; return show(p)
        case .activate:
            guard let e = entry(current, p) else { return .none }
            return PaneOutcome(open: Self.subject(e), focus: .card)
        default: move = nil
        }
        guard let move else { return .none }
        selected = p.layout.entry(from: current, move) ?? current
        settle(context)
        return show(p)
    }

    func show(_ p: Placed) -> PaneOutcome {
        guard let e = entry(selected, p) else { return .none }
        return PaneOutcome(show: Self.subject(e), message: describe(e))
    }

    /// "2002 · Asia and Oceania · process starts: Bali Process".
    func describe(_ e: TimelineEntry) -> String {
        var when = String(e.year)
        if !e.dayAndMonth.isEmpty { when = e.dayAndMonth + " " + when }
        var text = "\(when) · \(e.kind.label): \(e.label)"
        if e.editorial { text += " (year editorial: \(e.yearNote ?? ""))" }
        if e.planned { text += " (planned)" }
        return text
    }

    public mutating func settle(_ context: PaneContext) {
        let p = placed(context)
        if let s = selected, p.layout.item(showing: s) == nil { selected = nil }
        guard let s = selected, let item = p.layout.item(showing: s), item.lane < p.laneTops.count else {
            rowOffset = min(max(0, rowOffset), max(0, p.totalRows - 1)); return
        }
        let visible = max(1, context.area.height - 2 - Self.footerRows(context.area))
        let y = p.laneTops[item.lane] + 1 + item.row
        if y < rowOffset { rowOffset = y } else if y >= rowOffset + visible { rowOffset = y - visible + 1 }
        rowOffset = min(max(0, rowOffset), max(0, p.totalRows - 1))
    }

    public func invariants(_ context: PaneContext) -> [String] {
        rowOffset < 0 ? ["timeline: row offset \(rowOffset)"] : []
    }

    public mutating func click(x: Int, y: Int, _ context: PaneContext) -> PaneOutcome {
        let p = placed(context)
        let area = context.area, lw = Self.laneWidth(area)
        let row = y - (area.y + 1) + rowOffset
        for item in p.layout.items where item.lane < p.laneTops.count {
            let itemRow = p.laneTops[item.lane] + 1 + item.row
            let x0 = area.x + lw + item.x
            if itemRow == row, x >= x0, x < x0 + 1 + item.label.count {
                selected = item.id
                return show(p)
            }
        }
        return .none
    }

    public func render(into grid: inout Grid, context: PaneContext, focused: Bool) -> PaneDrawing {
        let area = context.area, env = context.env
        guard area.width >= 30, area.height >= 5 else {
            Widgets.centeredMessage(
                &grid, area, "The time line needs at least 40×10.", style: Style(.dim),
                ellipsis: env.symbols.ellipsis)
            return PaneDrawing()
        }
        let p = placed(context)
        let lw = Self.laneWidth(area)
        let x0 = area.x + lw
        // The axis: years on the top row.
        for tick in p.layout.ticks {
            grid.write(
                tick.text, x: x0 + tick.x, y: area.y, style: Style(.heading, bold: true),
                clip: Rect(x: x0, y: area.y, width: area.width - lw, height: 1))
        }
        for b in p.layout.breaks {
            grid.write(env.ascii ? "/" : "╱", x: x0 + b, y: area.y, style: Style(.dim), clip: area)
        }
        let body = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1 - Self.footerRows(area))
        let marked = selected
        var cursor: (x: Int, y: Int)?
        for (lane, region) in p.timeline.lanes.enumerated() where lane < p.laneTops.count {
            let y = body.y + p.laneTops[lane] - rowOffset
            if y >= body.y && y < body.maxY {
                grid.write(
                    env.shown(region.laneName), x: area.x, y: y, style: Style(.heading, bold: true),
                    fitting: lw - 1, ellipsis: env.symbols.ellipsis)
                let rule = String(repeating: env.ascii ? "-" : "─", count: max(0, area.width - lw))
                grid.write(rule, x: x0, y: y, style: Style(.dim), clip: body)
            }
        }
        for item in p.layout.items where item.lane < p.laneTops.count {
            let y = body.y + p.laneTops[item.lane] + 1 + item.row - rowOffset
            guard y >= body.y && y < body.maxY else { continue }
            let isSelected = item.id == marked || (marked.map { item.hidden.contains($0) } ?? false)
            let e = entry(item.id, p)
            let marker = e.map { Self.marker($0, ascii: env.ascii) } ?? "+"
            let style =
                isSelected
                ? Style(focused ? .selection : .selectionUnfocused, bold: true)
                : Style(
                    e?.kind == .status ? .warning : e?.kind == .event ? .normal : .roleMember,
                    bold: e?.kind == .processStart)
            grid.write(marker, x: x0 + item.x, y: y, style: Style(style.role, bold: true), clip: body)
            grid.write(env.shown(item.label), x: x0 + item.x + 1, y: y, style: style, clip: body)
            if isSelected { cursor = (x0 + item.x, y) }
        }
        // The footer: the selected record, whole, and (where there is room) what the marks mean.
        let rows = Self.footerRows(area)
        // Every mark explained: the longest wordings are shortened first until all fit (a narrow pane used to
        // drop the last marks).
        let marks: [(glyph: String, ascii: String, long: String, short: String)] = [
            ("●", "*", "a process or mechanism starts", "starts"), ("◆", "o", "event", "event"),
            ("▲", "!", "status change", "status"),
            ("◌", "?", "year inferred, not printed (editorial)", "year inferred"),
        ]
        func parts(_ words: [String]) -> [Line] {
            zip(marks, words).map { m, w in
                [Span((env.ascii ? m.ascii : m.glyph) + " ", Style(.heading, bold: true)), Span(w)]
            }
        }
        var words = marks.map(\.long)
        for i in marks.indices.sorted(by: { marks[$0].long.count > marks[$1].long.count })
        where Widgets.fittingParts(parts(words), width: .max).displayWidth > area.width {
            words[i] = marks[i].short
        }
        let legend = Widgets.fittingParts(parts(words), width: area.width)
        if let e = entry(selected, p) {
            grid.write(
                env.shown(describe(e)), x: area.x, y: area.maxY - rows, style: Style(.normal, bold: true),
                fitting: area.width, ellipsis: env.symbols.ellipsis)
            if rows == 2 { grid.write(legend, x: area.x, y: area.maxY - 1, clip: area) }
        } else {
            grid.write(legend, x: area.x, y: area.maxY - 1, clip: area)
        }
        return PaneDrawing(
            cursor: cursor,
            scroll: ScrollPosition(
                total: p.totalRows, offset: rowOffset,
                visible: body.height))
    }

    /// Rows under the lanes: the selected record, and the legend when the pane is tall enough for both.
    static func footerRows(_ area: Rect) -> Int { area.height >= 12 ? 2 : 1 }

    /// A glyph per kind of record, another shape when the year is editorial (never colour alone).
    static func marker(_ e: TimelineEntry, ascii: Bool) -> String {
        if e.editorial { return ascii ? "?" : "◌" }
        switch e.kind {
        case .processStart, .mechanismStart: return ascii ? "*" : "●"
        case .event: return ascii ? "o" : "◆"
        case .status: return ascii ? "!" : "▲"
        }
    }

    public func copyText(_ context: PaneContext) -> String {
        entry(selected, placed(context)).map(describe) ?? ""
    }
}
