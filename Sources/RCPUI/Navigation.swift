/// Keeping a selection and a scroll offset in bounds, shared by every list-like pane.
public enum Scroll {
    /// The selection moved by `action` among `count` rows with `page` rows visible (nil for other actions).
    public static func move(_ index: Int, _ action: Action, count: Int, page: Int) -> Int? {
        guard count > 0 else { return nil }
        let page = max(1, page)
        let target: Int
        switch action {
        case .up: target = index - 1
        case .down: target = index + 1
        case .pageUp: target = index - page
        case .pageDown: target = index + page
        case .top: target = 0
        case .bottom: target = count - 1
        default: return nil
        }
        return min(max(0, target), count - 1)
    }

    /// The first row to show so that `selected` is visible, moving `offset` as little as possible, and no
    /// emptier than needed at the end.
    public static func offset(_ offset: Int, selected: Int?, count: Int, visible: Int) -> Int {
        guard count > 0, visible > 0 else { return 0 }
        var o = min(max(0, offset), max(0, count - visible))
        if let s = selected, s >= 0, s < count {
            if s < o { o = s }
            if s >= o + visible { o = s - visible + 1 }
        }
        return max(0, o)
    }

    /// How many items of `rowHeight` rows fit in `height` rows (the last item may lack its gap).
    public static func visibleItems(height: Int, rowHeight: Int) -> Int {
        guard height > 0 else { return 0 }
        let h = max(1, rowHeight)
        return (height + h - 1) / h
    }
}
