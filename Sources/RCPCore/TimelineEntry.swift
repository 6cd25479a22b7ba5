/// One dated record on the time line.
public struct TimelineEntry: Sendable, Hashable, Identifiable {
    /// Unique on the time line: "process:bali", "mechanism:idm", "event:berne-ii", "status:cis:0".
    public var id: String
    public var kind: TimelineKind
    public var year: Int
    /// As precise as the data gives ("2004-12-16/17"); nil when only the year is known.
    public var date: String?
    /// The lane: a region id (`global` for the mechanisms and their events).
    public var lane: String
    /// A one-line description: "Bali Process starts", "IDM: Trade and Migration".
    public var label: String
    /// A few characters for narrow displays: "Bali", "Berne II", "IDM ws".
    public var short: String
    /// The record it comes from: a process id (process start, status) or a mechanism id (start, event).
    public var process: String?
    public var mechanism: String?
    /// The event id, for events.
    public var event: String?
    /// The record qualifies its year (a process's `yearNote`): the date is a choice, not the paper's own.
    public var yearNote: String?
    /// True for a process outside the Annex A matrix (a footnote group).
    public var outsideMatrix: Bool
    /// True for something planned or expected rather than done.
    public var planned: Bool
    public var source: Provenance

    /// The year is qualified by the record (see `yearNote`).
    public var editorial: Bool { yearNote != nil }

    /// The record id the entry opens: the process, the mechanism, or the event.
    public var recordID: String { event ?? process ?? mechanism ?? id }
}

extension TimelineEntry {
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The date within the year, for a margin: "Nov", "16–17 Dec", "" when only the year is known.
    public var dayAndMonth: String {
        guard let date else { return "" }
        let parts = date.split(separator: "-", maxSplits: 2).map(String.init)
        guard parts.count >= 2, let month = Int(parts[1]), (1...12).contains(month) else { return "" }
        let name = Self.months[month - 1]
        guard parts.count == 3 else { return name }
        return parts[2].replacingSlash() + " " + name
    }
}

private extension String {
    /// "16/17" → "16–17".
    func replacingSlash() -> String { String(map { $0 == "/" ? "–" : $0 }) }
}
