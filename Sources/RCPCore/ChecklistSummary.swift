/// A checklist file that opened.
public struct ChecklistSummary: Sendable, Hashable {
    public var checklist: Checklist
    /// The full path of its file.
    public var path: String
    public var name: String { checklist.name }
}
