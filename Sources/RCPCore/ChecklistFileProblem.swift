/// A file in the checklist folder that could not be opened. It is never overwritten or deleted.
public struct ChecklistFileProblem: Sendable, Hashable, CustomStringConvertible {
    public var path: String
    /// Why, in words: "not valid JSON", "written by a newer rcpx (format 2 …)", "Permission denied".
    public var reason: String
    public var description: String { "\(path): \(reason)" }
}
