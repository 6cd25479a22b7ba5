/// Where everything goes on a screen of a given size.
public struct Layout: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// Below the minimum: only a message.
        case tooSmall
        /// One pane at a time, with pane tabs (narrow terminals).
        case single
        /// The tree beside one of card / matrix / checklist, with pane tabs (80×24).
        case compact
        /// Four panes (from about 120×30): tree, card, matrix or map, checklist.
        case wide
        /// The focused pane alone (zoom).
        case zoomed
        /// The focused pane alone, padded, without the top bar (presentation mode).
        case presentation
    }

    public static let minimumWidth = 40
    public static let minimumHeight = 10
    public static let wideWidth = 120
    public static let wideHeight = 30
    public static let compactWidth = 60

    public var kind: Kind
    public var screen: Rect
    /// The top line: pane tabs and indicators.
    public var top: Rect
    /// The bottom line: hints, messages, the search or filter box.
    public var status: Rect
    /// Each visible pane with its frame (border included).
    public var panes: [PaneFrame]

    public struct PaneFrame: Sendable, Hashable {
        public var pane: PaneID
        public var frame: Rect
        /// The inside, where content goes (padded in presentation mode).
        public var content: Rect
    }

    public func frame(of pane: PaneID) -> PaneFrame? { panes.first { $0.pane == pane } }

    /// The layout for a screen. `second` is the pane beside the tree in the compact layout.
    public static func compute(width: Int, height: Int, focus: PaneID, second: PaneID, zoomed: Bool,
                               presentation: Bool, lowerLeft: PaneID = .matrix) -> Layout {
        let screen = Rect(x: 0, y: 0, width: width, height: height)
        if width < minimumWidth || height < minimumHeight {
            return Layout(kind: .tooSmall, screen: screen, top: .zero, status: .zero, panes: [])
        }
        let (rest, status) = screen.splitBottom(1)
        if presentation {
            return Layout(kind: .presentation, screen: screen, top: .zero, status: status,
                          panes: [pane(focus, rest, padded: true)])
        }
        let (top, body) = rest.splitTop(1)
        if zoomed {
            return Layout(kind: .zoomed, screen: screen, top: top, status: status, panes: [pane(focus, body)])
        }
        if width >= wideWidth && height >= wideHeight {
            let (upper, lower) = body.splitTop(body.height * 9 / 20)
            let (tree, card) = upper.splitLeft(min(42, max(30, upper.width * 30 / 100)))
            let (matrix, checklist) = lower.splitLeft(max(lower.width * 3 / 5, min(84, lower.width - 40)))
            return Layout(kind: .wide, screen: screen, top: top, status: status,
                          panes: [pane(.tree, tree), pane(.card, card), pane(lowerLeft, matrix), pane(.checklist, checklist)])
        }
        if width >= compactWidth {
            let right = focus == .tree ? second : focus
            let (tree, other) = body.splitLeft(min(34, max(24, width * 3 / 10)))
            return Layout(kind: .compact, screen: screen, top: top, status: status,
                          panes: [pane(.tree, tree), pane(right, other)])
        }
        return Layout(kind: .single, screen: screen, top: top, status: status, panes: [pane(focus, body)])
    }

    static func pane(_ id: PaneID, _ frame: Rect, padded: Bool = false) -> PaneFrame {
        var content = frame.inset(dx: 1, dy: 1)
        if padded && content.width >= 30 && content.height >= 8 { content = content.inset(dx: 2, dy: 1) }
        // Keep a column for the scroll indicator on the right border: content never touches it.
        return PaneFrame(pane: id, frame: frame, content: content)
    }

    /// Where a pane's content would be if it were shown (for keeping hidden panes' scroll offsets sensible).
    public func contentArea(for id: PaneID, focus: PaneID) -> Rect {
        if let f = frame(of: id) { return f.content }
        switch kind {
        case .tooSmall: return .zero
        case .compact, .wide:
            let alt = Layout.compute(width: screen.width, height: screen.height, focus: id, second: id, zoomed: false,
                                     presentation: false, lowerLeft: id)
            return alt.frame(of: id)?.content ?? .zero
        default:
            return panes.first?.content ?? .zero
        }
    }
}
