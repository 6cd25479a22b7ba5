/// What a dated record is.
public enum TimelineKind: String, CaseIterable, Sendable, Hashable {
    /// A process starts (its `year`).
    case processStart = "process-start"
    /// A global mechanism starts (its `year`).
    case mechanismStart = "mechanism-start"
    /// An event of a global mechanism.
    case event
    /// A dated change of a process's status.
    case status

    public var label: String {
        switch self {
        case .processStart: return "process starts"
        case .mechanismStart: return "mechanism starts"
        case .event: return "event"
        case .status: return "status change"
        }
    }
}
