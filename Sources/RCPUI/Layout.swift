import RCPCore

/// A place of the wide layout: the tree's column down the left side (so every region and process shows at
/// once), the card at the top right, the matrix below it, and a corner beside the matrix on screens wide
/// enough for both (else the corner's views take turns in the bottom place).
public enum LayoutPlace: String, Sendable, Hashable, CaseIterable {
    case side, top, bottom, corner
}

/// The layout table: the views of the explorer in tab order, each with the wide-layout place it fills and
/// how it is made. The compact, single, zoomed and presentation layouts take any view; each place of the wide
/// layout shows one of its views (the last of them focused, at first the first). A new view joins the
/// explorer with one row here (and its rows of the key table).
public struct LayoutTable: Sendable {
    public struct View: Sendable {
        public var id: PaneID
        public var place: LayoutPlace
        public var make: @Sendable (Catalog) -> any Pane

        public init(_ id: PaneID, _ place: LayoutPlace, make: @escaping @Sendable (Catalog) -> any Pane) {
            self.id = id; self.place = place; self.make = make
        }
    }

    public var views: [View]
    /// The view always on the left of the compact layout (the right shows the last other view focused).
    public var compactLeft: PaneID

    public init(views: [View], compactLeft: PaneID) { self.views = views; self.compactLeft = compactLeft }

    public static let standard = LayoutTable(
        views: [
            View(.tree, .side) { TreePane(catalog: $0) },
            View(.card, .top) { _ in CardPane() },
            View(.matrix, .bottom) { _ in MatrixPane() },
            View(.checklist, .corner) { ChecklistPane(catalog: $0) },
            View(.map, .bottom) { _ in MapPane() },
            View(.timeline, .bottom) { _ in TimelinePane() },
        ],
        compactLeft: .tree)

    /// The wide-layout place of a view (`withCorner`: whether the screen has a corner; without one, the
    /// corner's views go to the bottom).
    public func place(of pane: PaneID, withCorner: Bool = true) -> LayoutPlace? {
        guard let place = views.first(where: { $0.id == pane })?.place else { return nil }
        return place == .corner && !withCorner ? .bottom : place
    }

    /// The views of a place, in table order (the first is shown until another of them is focused).
    public func views(in place: LayoutPlace, withCorner: Bool = true) -> [PaneID] {
        views.filter { self.place(of: $0.id, withCorner: withCorner) == place }.map(\.id)
    }

    /// The table with one more view (after the others).
    public func adding(_ view: View) -> LayoutTable {
        var t = self
        t.views.append(view)
        return t
    }
}

/// Where everything goes on a screen of a given size.
public struct Layout: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// Below the minimum: only a message.
        case tooSmall
        /// One pane at a time, with pane tabs (narrow terminals).
        case single
        /// The tree beside one other pane, with pane tabs (80×24).
        case compact
        /// The tree down the left, the card and the matrix (or map, time line, checklist) on the right, and the
        /// checklist beside the matrix when there is room (from about 120×30), as the layout table places them.
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
    /// The width from which the wide layout has a corner beside the matrix for the checklist.
    public static let cornerWidth = 170

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

    /// Which pane each choice of the layout shows: the focus, the pane beside the compact layout's left one,
    /// and the pane in each wide place.
    public struct Choice: Sendable, Hashable {
        public var focus: PaneID
        /// The right pane of the compact layout.
        public var compactRight: PaneID
        /// The pane shown in each wide place (a place not named shows its first pane).
        public var placed: [LayoutPlace: PaneID] = [:]
        public var zoomed = false
        public var presentation = false

        public init(
            focus: PaneID, compactRight: PaneID, placed: [LayoutPlace: PaneID] = [:], zoomed: Bool = false,
            presentation: Bool = false
        ) {
            self.focus = focus; self.compactRight = compactRight; self.placed = placed; self.zoomed = zoomed
            self.presentation = presentation
        }
    }

    /// The layout for a screen. Remembered for the last sizes and choices: every pane's area is asked for several
    /// times a frame (the hidden panes' through a layout that would show them).
    public static func compute(width: Int, height: Int, table: LayoutTable = .standard, _ choice: Choice) -> Layout {
        let key = Key(
            width: width, height: height, views: table.views.map { [$0.id.rawValue, $0.place.rawValue] },
            compactLeft: table.compactLeft, choice: choice)
        return remembered.value(key) { make(width: width, height: height, table: table, choice) }
    }

    /// What a layout depends on.
    private struct Key: Hashable, Sendable {
        var width: Int, height: Int
        var views: [[String]]
        var compactLeft: PaneID
        var choice: Choice
    }

    private static let remembered = RecentValues<Key, Layout>(capacity: 64)

    private static func make(width: Int, height: Int, table: LayoutTable, _ choice: Choice) -> Layout {
        let screen = Rect(x: 0, y: 0, width: width, height: height)
        if width < minimumWidth || height < minimumHeight {
            return Layout(kind: .tooSmall, screen: screen, top: .zero, status: .zero, panes: [])
        }
        let (rest, status) = screen.splitBottom(1)
        if choice.presentation {
            return Layout(
                kind: .presentation, screen: screen, top: .zero, status: status,
                panes: [pane(choice.focus, rest, padded: true)])
        }
        let (top, body) = rest.splitTop(1)
        if choice.zoomed {
            return Layout(kind: .zoomed, screen: screen, top: top, status: status, panes: [pane(choice.focus, body)])
        }
        if width >= wideWidth && height >= wideHeight {
            let corner = width >= cornerWidth
            func shown(_ place: LayoutPlace) -> PaneID? {
                let views = table.views(in: place, withCorner: corner)
                if views.contains(choice.focus) { return choice.focus }
                return choice.placed[place].flatMap { views.contains($0) ? $0 : nil } ?? views.first
            }
            // The tree is as wide as the longest region name needs; the card gets 9/20 of the height.
            let (side, right) = body.splitLeft(min(42, max(38, body.width * 30 / 100)))
            let (upper, lower) = right.splitTop(max(12, right.height * 9 / 20))
            let (bottom, cornerRect) = corner ? lower.splitLeft(lower.width - 48) : (lower, Rect.zero)
            let rects: [LayoutPlace: Rect] = [.side: side, .top: upper, .bottom: bottom, .corner: cornerRect]
            let frames = LayoutPlace.allCases.compactMap { place in
                shown(place).flatMap { id in rects[place]!.isEmpty ? nil : pane(id, rects[place]!) }
            }
            return Layout(kind: .wide, screen: screen, top: top, status: status, panes: frames)
        }
        if width >= compactWidth {
            let left = table.compactLeft
            let right = choice.focus == left ? choice.compactRight : choice.focus
            // Wide enough for every region's short name whole at 80 columns.
            let (leftRect, rightRect) = body.splitLeft(min(34, max(28, width * 3 / 10)))
            return Layout(
                kind: .compact, screen: screen, top: top, status: status,
                panes: [pane(left, leftRect), pane(right, rightRect)])
        }
        return Layout(kind: .single, screen: screen, top: top, status: status, panes: [pane(choice.focus, body)])
    }

    static func pane(_ id: PaneID, _ frame: Rect, padded: Bool = false) -> PaneFrame {
        var content = frame.inset(dx: 1, dy: 1)
        if padded && content.width >= 30 && content.height >= 8 { content = content.inset(dx: 2, dy: 1) }
        // Keep a column for the scroll indicator on the right border: content never touches it.
        return PaneFrame(pane: id, frame: frame, content: content)
    }

    /// Where a pane's content would be if it were shown (for keeping hidden panes' scroll offsets sensible).
    public func contentArea(for id: PaneID, table: LayoutTable = .standard) -> Rect {
        if let f = frame(of: id) { return f.content }
        switch kind {
        case .tooSmall: return .zero
        case .compact, .wide:
            var choice = Choice(focus: id, compactRight: id)
            if let place = table.place(of: id, withCorner: screen.width >= Layout.cornerWidth) {
                choice.placed[place] = id
            }
            let alt = Layout.compute(width: screen.width, height: screen.height, table: table, choice)
            return alt.frame(of: id)?.content ?? .zero
        default:
            return panes.first?.content ?? .zero
        }
    }
}
