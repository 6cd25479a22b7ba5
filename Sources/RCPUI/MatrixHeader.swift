import RCPCore

/// Where the matrix header puts each visible column's label: its process's short name, whole, on one of
/// `rows` label rows above the number row.
///
/// A label sits over its column (centred on it when there is room, else shifted as little as possible), and may
/// run over the neighbouring columns' width. A label above the bottom label row has a tick under it, down its
/// column to the number row, so the eye can follow it; no label covers another label or a tick. The longest
/// labels go on the top rows, the short ones below them.
struct MatrixHeaderLayout: Equatable {
    /// One placed label; `x` and `tickX` are screen columns, `row` counts from the top label row.
    struct Label: Equatable {
        var column: Int
        var text: String
        var row: Int
        var x: Int
        var width: Int
        /// The column's centre: where its tick runs down.
        var tickX: Int
        var range: Range<Int> { x..<(x + width) }
    }

    var rows: Int
    var labels: [Label]

    /// The label drawn at screen position (x, row), or the column whose tick is there.
    func column(atX x: Int, row: Int) -> Int? {
        if let l = labels.first(where: { $0.row == row && $0.range.contains(x) }) { return l.column }
        return labels.first { $0.row < row && $0.tickX == x }?.column
    }

    /// Lays out `items` (column index, label, centre x; left to right) between `minX` and `maxX` (exclusive) in
    /// as few rows as it can, at most `maxRows`. Nil when they do not fit whole in `maxRows` rows.
    static func make(
        _ items: [(column: Int, text: String, center: Int)], minX: Int, maxX: Int,
        maxRows: Int
    ) -> MatrixHeaderLayout? {
        guard !items.isEmpty else { return MatrixHeaderLayout(rows: 0, labels: []) }
        guard maxRows > 0 else { return nil }
        // The same labels at the same places (another state, the filter given back, a pane moved) are laid out
        // once: the search below can take thousands of tries.
        let key = LayoutKey(
            texts: items.map(\.text), centers: items.map { $0.center - minX }, span: maxX - minX, maxRows: maxRows)
        let laidOut = recentLayouts.value(key) { (minX, layOut(items, minX: minX, maxX: maxX, maxRows: maxRows)) }
        return laidOut.layout.map { $0.shifted(by: minX - laidOut.minX, columns: items.map(\.column)) }
    }

    private struct LayoutKey: Hashable, Sendable {
        var texts: [String]
        var centers: [Int]
        var span, maxRows: Int
    }

    /// Layouts by labels and places, with the `minX` each was made at.
    private static let recentLayouts = RecentValues<LayoutKey, (minX: Int, layout: MatrixHeaderLayout?)>(capacity: 32)

    /// The layout with every x moved by `dx`, for items of these columns (a label per item, in their order).
    func shifted(by dx: Int, columns: [Int]) -> MatrixHeaderLayout {
        MatrixHeaderLayout(
            rows: rows,
            labels: zip(labels, columns).map { l, column in
                var l = l
                l.x += dx; l.tickX += dx; l.column = column
                return l
            })
    }

    private static func layOut(
        _ items: [(column: Int, text: String, center: Int)], minX: Int, maxX: Int,
        maxRows: Int
    ) -> MatrixHeaderLayout? {
        // A row holds labels with a space between them: fewer rows than the widths need cannot work.
        let needed = items.reduce(0) { $0 + TextWidth.of($1.text) + 1 }
        for rows in 1...maxRows where needed <= rows * (maxX - minX + 1) {
            if let labels = place(items, minX: minX, maxX: maxX, rows: rows) {
                return MatrixHeaderLayout(rows: rows, labels: labels.sorted { $0.column < $1.column })
            }
        }
        return nil
    }

    /// Places the labels left to right by a depth-first search: each on the lowest row, and as near centred
    /// over its column, as lets every label fit: no overlap (and a space) with the labels of its row, over no tick
    /// of a label above, its own tick through no label below, and a space between a
    /// label and a tick passing it. Gives up after a bounded number of tries.
    private static func place(
        _ items: [(column: Int, text: String, center: Int)], minX: Int, maxX: Int,
        rows: Int
    ) -> [Label]? {
        // Each label's starts that keep it over its column, the centred one first, then by distance from it.
        var choices: [[Int]] = []
        for item in items {
            let w = TextWidth.of(item.text)
            guard w <= maxX - minX, item.center >= minX, item.center < maxX else { return nil }
            let centred = item.center - (w - 1) / 2
            choices.append(
                ((item.center - w + 1)...item.center)
                    .filter { $0 >= minX && $0 + w <= maxX }
                    .sorted { abs($0 - centred) != abs($1 - centred) ? abs($0 - centred) < abs($1 - centred) : $0 < $1 }
            )
        }
        // The search works on places only (no strings, so no reference counting per try); the labels are made
        // from them at the end.
        struct Place {
            var row, x, width, tickX: Int
        }
        var placed: [Place] = []
        var budget = 20_000
        func fits(_ l: Place) -> Bool {
            let lo = l.x - 1, hi = l.x + l.width + 1
            for p in placed {
                if p.row == l.row && p.x < hi && lo < p.x + p.width { return false }
                // A tick passing a label keeps a space from it, so it does not read as the label's own.
                if p.row < l.row && p.tickX >= lo && p.tickX < hi { return false }
                if p.row > l.row && l.tickX >= p.x - 1 && l.tickX < p.x + p.width + 1 { return false }
            }
            return true
        }
        // Only the labels near the next one constrain the rest: a dead end is remembered by them.
        let widths = items.map { TextWidth.of($0.text) }
        let widest = widths.max() ?? 0
        // A state is hashed as it is built (no array per call): the search visits thousands of them.
        var deadEnds: Set<Int> = []
        func search(_ i: Int) -> Bool {
            if i == items.count { return true }
            let center = items[i].center, w = widths[i]
            let reach = center - widest - 2
            var hasher = Hasher()
            hasher.combine(i)
            for p in placed where p.x + p.width >= reach || p.tickX >= reach {
                hasher.combine(p.row); hasher.combine(p.x); hasher.combine(p.width); hasher.combine(p.tickX)
            }
            let state = hasher.finalize()
            if deadEnds.contains(state) { return false }
            defer { if placed.count == i { deadEnds.insert(state) } }
            for row in stride(from: rows - 1, through: 0, by: -1) {
                for x in choices[i] {
                    budget -= 1
                    if budget < 0 { return false }
                    let place = Place(row: row, x: x, width: w, tickX: center)
                    guard fits(place) else { continue }
                    placed.append(place)
                    if search(i + 1) { return true }
                    placed.removeLast()
                }
            }
            return false
        }
        guard search(0) else { return nil }
        return zip(items, placed).map { item, p in
            Label(column: item.column, text: item.text, row: p.row, x: p.x, width: p.width, tickX: p.tickX)
        }
    }
}
