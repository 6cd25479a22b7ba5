/// The pane tabs on the top line: their labels for the room there is, and where each tab is (the drawing
/// and the mouse both use `ranges`).
enum TabBar {
    /// "1 Regions" …, or shorter words when the line is too narrow for them, or numbers only (each pane's
    /// border still says what it is). The number is the key that focuses the pane.
    static func labels(_ panes: [any Pane], keys: KeyTable, width: Int) -> [String] {
        func fits(_ labels: [String]) -> Bool { labels.reduce(0, { $0 + TextWidth.of($1) + 3 }) <= width }
        let numbers = panes.map { keys.focusKey($0.id) ?? "" }
        func join(_ n: String, _ word: String) -> String { n.isEmpty ? word : "\(n) \(word)" }
        let full = zip(numbers, panes).map { join($0, $1.tabTitle) }
        if fits(full) { return full }
        let short = zip(numbers, panes).map { join($0, $1.shortTabTitle) }
        if fits(short) { return short }
        return zip(numbers, panes).map { $0.isEmpty ? String($1.shortTabTitle.prefix(1)) : $0 }
    }

    /// The x range of each tab, drawn from `area.x` with one column between tabs (the label with a column on
    /// each side: brackets when active, spaces when not), clipped to the area.
    static func ranges(_ labels: [String], in area: Rect) -> [Range<Int>] {
        guard !area.isEmpty else { return [] }
        var x = area.x
        return labels.map { label in
            let start = min(x, area.maxX), end = min(x + TextWidth.of(label) + 2, area.maxX)
            x += TextWidth.of(label) + 3
            return start..<max(start, end)
        }
    }
}

extension AppState {
    /// The tab labels on a top line of `width` columns, in pane order.
    func tabLabels(width: Int) -> [String] { TabBar.labels(panes.all, keys: keys, width: width) }

    /// Where each pane's tab is on the layout's top line, in pane order.
    public func tabRanges(_ layout: Layout) -> [Range<Int>] {
        TabBar.ranges(tabLabels(width: layout.top.width), in: layout.top)
    }
}
