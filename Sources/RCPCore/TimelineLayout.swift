/// A time line placed on a grid of `width` columns: a compressed axis of years and, per lane, rows of labels
/// that never overlap. Pure: the explorer pane and the tests use the same placement.
public struct TimelineLayout: Sendable, Hashable {
    /// One label on the grid. `x` is the column of its marker; the label starts `markerColumns` after it and
    /// takes `label.count` columns (characters), so an item spans `x ..< x + markerColumns + label.count`.
    public struct Item: Sendable, Hashable {
        public var x: Int
        public var lane: Int
        /// Row within the lane (0 first).
        public var row: Int
        public var label: String
        /// The time line entry's id (`TimelineEntry.id`); for a collapsed "+N" item, the first hidden one.
        public var id: String
        /// Entry ids this item stands for beyond `id` (a "+N" item when a lane has fewer rows than entries).
        public var hidden: [String]
        /// The label is shorter than the entry's one-line label.
        public var abbreviated: Bool
    }

    /// A year on the axis.
    public struct Tick: Sendable, Hashable {
        public var x: Int
        public var year: Int
        public var text: String
    }

    public var width: Int
    /// Columns before each label kept for a marker (0: the label starts at the item's column).
    public var markerColumns: Int
    /// Years per column group: 1, or more when the width cannot give each year two columns.
    public var yearsPerSlot: Int
    /// Ticks on the axis, left to right, never overlapping.
    public var ticks: [Tick]
    /// Columns where the axis skips years with no record.
    public var breaks: [Int]
    /// Number of rows each lane needs (at least 1).
    public var laneRows: [Int]
    public var items: [Item]

    /// The column of a year (of the group it falls in); nil outside the axis.
    public func x(ofYear year: Int) -> Int? { slotX[yearSlot(year) ?? -1] }

    var slotX: [Int: Int]
    var slotStart: Int
    func yearSlot(_ year: Int) -> Int? {
        let slot = (year - slotStart) / max(1, yearsPerSlot)
        return year >= slotStart && slotX[slot] != nil ? slot : nil
    }

    /// Places `timeline` on `width` columns (at least 2 per year group are kept, so a width below 10 is taken as
    /// 10), each label `markerColumns` after its marker. A lane gets as many rows as its busiest year group needs, up to `maxRowsPerLane` (nil: no limit);
    /// beyond it the last row holds "+N" for the rest.
    public init(_ timeline: Timeline, width requested: Int, maxRowsPerLane: Int? = nil, markerColumns: Int = 0) {
        let width = max(10, requested)
        self.width = width
        self.markerColumns = max(0, markerColumns)
        let years = Array(Set(timeline.entries.map(\.year))).sorted()
        guard let first = years.first else {
            self.yearsPerSlot = 1; ticks = []; breaks = []; laneRows = Array(repeating: 1, count: timeline.lanes.count)
            items = []; slotX = [:]; slotStart = 0
            return
        }
        // Group years into slots of 1, 2, 5, 10 … years until every slot has 2 columns and each break 1.
        var size = 1
        var slots: [Int] = []
        var breakCount = 0
        for candidate in [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] {
            size = candidate
            slots = Array(Set(years.map { ($0 - first) / candidate })).sorted()
            breakCount = zip(slots, slots.dropFirst()).filter { $1 > $0 + 1 }.count
            if slots.count * 2 + breakCount <= width { break }
        }
        yearsPerSlot = size
        slotStart = first
        // Share the columns: 2 per slot, the rest by the number of records in a slot (a busy year gets room for
        // its labels, a lone start does not take as much); breaks one column each.
        let counts = Dictionary(grouping: timeline.entries) { ($0.year - first) / size }.mapValues(\.count)
        let rest = width - breakCount - 2 * slots.count
        let weight = { (slot: Int) in (counts[slot] ?? 0) + 3 }
        let total = slots.map(weight).reduce(0, +)
        var shares = slots.map { total > 0 ? max(0, rest) * weight($0) / total : 0 }
        // Largest remainders get the columns left over, earlier slots first among equals.
        let remainders = slots.indices.sorted { a, b in
            let ra = total > 0 ? max(0, rest) * weight(slots[a]) % total : 0
            let rb = total > 0 ? max(0, rest) * weight(slots[b]) % total : 0
            return (ra, b) > (rb, a)
        }
        var left = max(0, rest) - shares.reduce(0, +)
        for i in remainders where left > 0 { shares[i] += 1; left -= 1 }
        if left > 0 { shares[shares.count - 1] += left }
        var xs: [Int: Int] = [:]
        var breaks: [Int] = []
        var slotWidth: [Int: Int] = [:]
        var x = 0
        for (i, slot) in slots.enumerated() {
            if i > 0 && slot > slots[i - 1] + 1 { breaks.append(x); x += 1 }
            xs[slot] = x
            let w = 2 + shares[i]
            slotWidth[slot] = w
            x += w
        }
        slotX = xs
        self.breaks = breaks

        // Ticks: the whole year where it fits before the next slot, else "'96", else none.
        var ticks: [Tick] = []
        for (i, slot) in slots.enumerated() {
            let tx = xs[slot]!, year = first + slot * size
            let room = (i + 1 < slots.count ? xs[slots[i + 1]]! : width + 1) - tx - 1
            for text in [String(year), "'" + String(String(year).suffix(2))] where text.count <= room {
                ticks.append(Tick(x: tx, year: year, text: text))
                break
            }
        }
        self.ticks = ticks

        // Rows: within a lane, the entries of one slot stack, each on its own row.
        let laneOf = Dictionary(timeline.lanes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        var groups: [[Int]: [TimelineEntry]] = [:]
        var order: [[Int]] = []
        for e in timeline.entries {
            guard let lane = laneOf[e.lane] else { continue }
            let key = [lane, (e.year - first) / size]
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(e)
        }
        var laneRows = Array(repeating: 1, count: timeline.lanes.count)
        var placed: [(lane: Int, row: Int, x: Int, entry: TimelineEntry, hidden: [String])] = []
        for key in order {
            let list = groups[key]!
            let rows = maxRowsPerLane.map { max(1, $0) }
            let lane = key[0], x = xs[key[1]]!
            if let rows, list.count > rows {
                for (row, e) in list.prefix(rows - 1).enumerated() { placed.append((lane, row, x, e, [])) }
                let rest = Array(list.dropFirst(rows - 1))
                placed.append((lane, rows - 1, x, rest[0], rest.dropFirst().map(\.id)))
                laneRows[lane] = max(laneRows[lane], rows)
            } else {
                for (row, e) in list.enumerated() { placed.append((lane, row, x, e, [])) }
                laneRows[lane] = max(laneRows[lane], list.count)
            }
        }
        self.laneRows = laneRows

        // Labels: as long as the room before the next label on the same row (one column apart) allows.
        var items: [Item] = []
        let byRow = Dictionary(grouping: placed.indices) { [placed[$0].lane, placed[$0].row] }
        for (_, indices) in byRow {
            let sorted = indices.sorted { placed[$0].x < placed[$1].x }
            for (n, i) in sorted.enumerated() {
                let p = placed[i]
                let limit = (n + 1 < sorted.count ? placed[sorted[n + 1]].x - 1 : width) - p.x - self.markerColumns
                let (label, abbreviated) =
                    p.hidden.isEmpty
                    ? Self.fit(p.entry, limit)
                    : Self.fitCount(p.hidden.count + 1, limit)
                items.append(
                    Item(
                        x: p.x, lane: p.lane, row: p.row, label: label, id: p.entry.id, hidden: p.hidden,
                        abbreviated: abbreviated))
            }
        }
        self.items = items.sorted { ($0.lane, $0.row, $0.x) < ($1.lane, $1.row, $1.x) }
    }

    /// Moves of a selection on the time line.
    public enum Move: Sendable, Hashable { case left, right, up, down }

    /// The item that shows an entry (itself or inside a "+N" item).
    public func item(showing entryID: String) -> Item? {
        items.first { $0.id == entryID || $0.hidden.contains(entryID) }
    }

    /// The entry a move from `entryID` selects: left and right go to the previous and next item of the same lane
    /// (by column, then row), up and down to the item of the nearest lane above or below that has items, closest
    /// in column (then the lower row). Nil at an edge or for an entry not shown.
    public func entry(from entryID: String, _ move: Move) -> String? {
        guard let current = item(showing: entryID) else { return nil }
        switch move {
        case .left, .right:
            let lane = items.filter { $0.lane == current.lane }.sorted { ($0.x, $0.row) < ($1.x, $1.row) }
            guard let i = lane.firstIndex(of: current) else { return nil }
            let j = move == .left ? i - 1 : i + 1
            return lane.indices.contains(j) ? lane[j].id : nil
        case .up, .down:
            let lanes = Set(items.map(\.lane)).sorted()
            let candidates =
                move == .up ? lanes.filter { $0 < current.lane }.reversed() : lanes.filter { $0 > current.lane }
            guard let lane = candidates.first else { return nil }
            return items.filter { $0.lane == lane }
                .min { (abs($0.x - current.x), $0.row, $0.x) < (abs($1.x - current.x), $1.row, $1.x) }?.id
        }
    }

    /// The entry's label in at most `limit` columns: whole, the short label, or the short label cut with "…".
    static func fit(_ e: TimelineEntry, _ limit: Int) -> (String, Bool) {
        if limit <= 0 { return ("", true) }
        if e.label.count <= limit { return (e.label, false) }
        if e.short.count <= limit { return (e.short, true) }
        if limit == 1 { return (String(e.short.prefix(1)), true) }
        return (String(e.short.prefix(limit - 1)) + "…", true)
    }

    /// "+N more", "+N" or "+" in at most `limit` columns.
    static func fitCount(_ n: Int, _ limit: Int) -> (String, Bool) {
        for text in ["+\(n) more", "+\(n)", "+"] where text.count <= limit { return (text, true) }
        return ("", true)
    }
}
