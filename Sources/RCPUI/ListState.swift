/// A list's state: the selected item, the first row shown and the items expanded — what the tree, the
/// checklist, the checklist picker and the search hits have in common. The rows themselves are computed by
/// their owner (from the data, the filter, the checklist); the list state keeps the selection on one of them
/// and the selection on screen.
public struct ListState<Item: Hashable & Sendable>: Sendable, Hashable {
    public var selected: Item?
    /// The first row shown.
    public var offset = 0
    /// Items shown open (tree branches, checklist headings).
    public var expanded: Set<Item> = []

    public init(selected: Item? = nil, offset: Int = 0, expanded: Set<Item> = []) {
        self.selected = selected; self.offset = offset; self.expanded = expanded
    }

    public func index(in rows: [Item]) -> Int? { selected.flatMap { s in rows.firstIndex(of: s) } }

    /// The item a navigation action (up, down, page, top, bottom) moves the selection to; nil for others.
    public func moved(_ action: Action, in rows: [Item], visible: Int) -> Item? {
        Scroll.move(index(in: rows) ?? 0, action, count: rows.count, page: visible).map { rows[$0] }
    }

    public mutating func toggle(_ item: Item) {
        if expanded.contains(item) { expanded.remove(item) } else { expanded.insert(item) }
    }

    /// The first row drawn: the offset, moved as little as needed to show the selection.
    public func shownOffset(in rows: [Item], visible: Int) -> Int {
        Scroll.offset(offset, selected: index(in: rows), count: rows.count, visible: visible)
    }

    /// The row drawn at screen row `y` of `area` (items `rowHeight` rows tall).
    public func row(atY y: Int, area: Rect, rowHeight: Int, in rows: [Item]) -> Int? {
        let visible = Scroll.visibleItems(height: area.height, rowHeight: rowHeight)
        let i = shownOffset(in: rows, visible: visible) + (y - area.y) / max(1, rowHeight)
        return i >= 0 && i < rows.count ? i : nil
    }

    /// Puts the selection on a row (`fallback` picks one for a selection that is gone, else the first row) and
    /// the offset in bounds with the selection visible.
    public mutating func settle(_ rows: [Item], visible: Int, fallback: (Item?) -> Item? = { _ in nil }) {
        guard !rows.isEmpty else { selected = nil; offset = 0; return }
        if index(in: rows) == nil {
            selected = fallback(selected).flatMap { rows.contains($0) ? $0 : nil } ?? rows[0]
        }
        offset = shownOffset(in: rows, visible: visible)
    }

    /// Broken rules, prefixed with `name`: the selection on a row and visible, the offset in bounds.
    public func invariants(_ rows: [Item], visible: Int, name: String) -> [String] {
        if rows.isEmpty { return selected == nil && offset == 0 ? [] : ["\(name): selection or offset without rows"] }
        guard let i = index(in: rows) else { return ["\(name): selection \(String(describing: selected)) not a row"] }
        var out: [String] = []
        if offset < 0 || offset >= rows.count { out.append("\(name): offset \(offset) out of 0..<\(rows.count)") }
        if visible > 0 && (i < offset || i >= offset + visible) { out.append("\(name): row \(i) outside \(offset)..<\(offset + visible)") }
        return out
    }
}
