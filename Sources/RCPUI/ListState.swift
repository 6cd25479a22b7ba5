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

    /// For `.scrollUp` and `.scrollDown`: the first row shown moved a line, and the selection, kept on screen
    /// (`Scroll.scrolled`); nil for other actions.
    public mutating func scrolled(_ action: Action, in rows: [Item], visible: Int) -> Item? {
        guard let lines = Scroll.lines(action), !rows.isEmpty else { return nil }
        let s = Scroll.scrolled(
            shownOffset(in: rows, visible: visible), by: lines, selected: index(in: rows) ?? 0, count: rows.count,
            visible: visible)
        offset = s.offset
        return s.selected.map { rows[$0] }
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
        if visible > 0 && (i < offset || i >= offset + visible) {
            out.append("\(name): row \(i) outside \(offset)..<\(offset + visible)")
        }
        return out
    }
}

/// A pane whose rows are a list: its selection and scroll read as its own (`tree.selected`, `checklist.offset`).
public protocol ListPane {
    associatedtype Item: Hashable & Sendable
    var list: ListState<Item> { get set }
}

extension ListPane {
    public var selected: Item? {
        get { list.selected }
        set { list.selected = newValue }
    }
    public var offset: Int {
        get { list.offset }
        set { list.offset = newValue }
    }
}

/// How a list flows into side-by-side columns when it is longer than its area is tall and the area is wide
/// enough for more than one column of `minWidth` (a zoomed tree at 80×24, a member list in presentation
/// mode). Items run down the first column, then the next.
public struct ListColumns: Sendable, Hashable {
    public var count: Int
    public var width: Int
    /// Items per column.
    public var perColumn: Int
    public var rowHeight: Int
    /// How many items show at once.
    public var capacity: Int { count * perColumn }

    public static func fit(items: Int, area: Rect, rowHeight: Int, minWidth: Int) -> ListColumns {
        let perColumn = Scroll.visibleItems(height: area.height, rowHeight: rowHeight)
        guard perColumn > 0, items > perColumn, minWidth > 0 else {
            return ListColumns(count: 1, width: area.width, perColumn: perColumn, rowHeight: rowHeight)
        }
        let needed = (items + perColumn - 1) / perColumn
        let count = max(1, min(needed, area.width / minWidth))
        return ListColumns(
            count: count, width: count == 1 ? area.width : area.width / count, perColumn: perColumn,
            rowHeight: rowHeight)
    }

    /// The area of column `c`.
    public func rect(_ c: Int, in area: Rect) -> Rect {
        Rect(
            x: area.x + c * width, y: area.y, width: c == count - 1 ? area.width - c * width : width,
            height: area.height)
    }

    /// The item drawn at a screen position, given the first item shown.
    public func index(atX x: Int, y: Int, area: Rect, offset: Int, items: Int) -> Int? {
        guard area.contains(x: x, y: y) else { return nil }
        let c = min(count - 1, (x - area.x) / max(1, width))
        let i = offset + c * perColumn + (y - area.y) / max(1, rowHeight)
        return i >= 0 && i < items ? i : nil
    }
}
