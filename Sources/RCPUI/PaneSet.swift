/// The explorer's panes in tab order, reached by id: the one accessor through which the app handles keys
/// and clicks, settles, checks, draws and sends messages, whatever the pane.
public struct PaneSet: Sendable {
    private var panes: [any Pane]

    public init(_ panes: [any Pane]) {
        precondition(Set(panes.map(\.id)).count == panes.count, "two panes with one id")
        self.panes = panes
    }

    /// The ids in tab order.
    public var ids: [PaneID] { panes.map(\.id) }
    public var all: [any Pane] { panes }

    public func contains(_ id: PaneID) -> Bool { panes.contains { $0.id == id } }

    private func index(_ id: PaneID) -> Int {
        guard let i = panes.firstIndex(where: { $0.id == id }) else { preconditionFailure("no pane \(id)") }
        return i
    }

    /// The pane with `id` (which must be in the set).
    public subscript(id: PaneID) -> any Pane {
        get { panes[index(id)] }
        _modify { let i = index(id); yield &panes[i] }
    }

    /// A pane as its own type (for the app's few typed needs: the card's history, the tree's region).
    public func get<P: Pane>(_ id: PaneID, as type: P.Type = P.self) -> P {
        guard let p = self[id] as? P else { preconditionFailure("pane \(id) is not a \(P.self)") }
        return p
    }

    /// Takes a pane out as its own type (the set holds a placeholder until `put`), so that changing it
    /// copies nothing.
    mutating func take<P: Pane>(_ id: PaneID, as type: P.Type = P.self) -> P {
        let i = index(id)
        guard let p = panes[i] as? P else { preconditionFailure("pane \(id) is not a \(P.self)") }
        panes[i] = Placeholder(id: id)
        return p
    }

    mutating func put(_ pane: any Pane) { panes[index(pane.id)] = pane }

    /// Stands in for a pane while it is taken out.
    private struct Placeholder: Pane {
        let id: PaneID
        var tabTitle: String { "" }
        var shortTabTitle: String { "" }
        var scope: KeyScope { .navigation }
        func title(_ context: PaneContext) -> (title: String, note: String) { ("", "") }
        mutating func handle(_ action: Action, _ context: PaneContext) -> PaneOutcome { .none }
        mutating func click(x: Int, y: Int, _ context: PaneContext) -> PaneOutcome { .none }
        mutating func settle(_ context: PaneContext) {}
        func invariants(_ context: PaneContext) -> [String] { [] }
        func render(into grid: inout Grid, context: PaneContext, focused: Bool) -> PaneDrawing { PaneDrawing() }
    }
}
