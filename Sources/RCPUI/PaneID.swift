/// Names a pane: the key of the pane set, the layout table and the key table's focus bindings.
///
/// The built-in panes have constants (`.tree`, `.card`, …); a new view declares its own beside its type.
public struct PaneID: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    public static let tree = PaneID("tree")
    public static let card = PaneID("card")
    public static let matrix = PaneID("matrix")
    public static let checklist = PaneID("checklist")
    public static let map = PaneID("map")
    public static let timeline = PaneID("timeline")
}
