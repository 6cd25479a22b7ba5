import RCPCore

// The mouse: tabs, clicks in panes, the wheel.
extension AppState {
    mutating func handleMouse(_ action: MouseAction, x: Int, y: Int) -> [Effect] {
        let layout = self.layout
        if case .help(var h) = overlay {
            if action == .wheelUp { h.offset -= 3 } else if action == .wheelDown { h.offset += 3 }
            overlay = .help(h)
            return []
        }
        guard overlay == nil, search?.typing != true else { return [] }
        if layout.top.contains(x: x, y: y), action == .press {
            if let i = tabRanges(layout).firstIndex(where: { $0.contains(x) }) { setFocus(panes.ids[i]) }
            return []
        }
        guard let frame = layout.panes.first(where: { $0.frame.contains(x: x, y: y) }) else { return [] }
        switch action {
        case .wheelUp, .wheelDown:
            var effects: [Effect] = []
            // Three lines of the view, as a desktop list scrolls; the selection stays while it shows.
            for _ in 0..<3 { effects += paneAction(action == .wheelUp ? .scrollUp : .scrollDown, in: frame.pane) }
            return effects
        case .press:
            setFocus(frame.pane)
            guard frame.content.contains(x: x, y: y) else { return [] }
            return paneClick(frame.pane, x: x, y: y)
        case .release:
            return []
        }
    }
}
