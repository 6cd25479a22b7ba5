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

    /// The lines a scroll action moves the view: -1 for `.scrollUp`, 1 for `.scrollDown`, nil for the others.
    public static func lines(_ action: Action) -> Int? {
        switch action {
        case .scrollUp: return -1
        case .scrollDown: return 1
        default: return nil
        }
    }

    /// The view scrolled by `lines` (negative: up): the first row shown moved as far as the rows allow, and the
    /// selection left where it is unless that would take it off the screen, when it goes to the nearest row
    /// that shows (as Ctrl-E and Ctrl-Y do in vi).
    public static func scrolled(_ offset: Int, by lines: Int, selected: Int?, count: Int, visible: Int) -> (
        offset: Int, selected: Int?
    ) {
        guard count > 0, visible > 0 else { return (0, selected) }
        let o = min(max(0, offset + lines), max(0, count - visible))
        return (o, selected.map { min(max($0, o), o + visible - 1, count - 1) })
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
