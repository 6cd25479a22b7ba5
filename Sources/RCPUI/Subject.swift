import RCPCore

/// What the detail card shows.
public enum Subject: Sendable, Hashable {
    /// The welcome card: the source, the counts, how to start.
    case overview
    case region(String)
    case process(String)
    /// A party by id, or a UN member state of 2005 in no process of the paper by its ISO code
    /// (`Catalog.stateInNoProcess(id:)`: a search hit for "egypt").
    case party(String)
    case mechanism(String)
    case event(String)
    case practice(String)
    case practiceItem(String)
    case understanding(String)
    /// A guide topic: the paper's analysis of one area (its id).
    case guide(String)

    /// The file `Y` writes the card to, inside the state folder: "cards/process-bali.txt".
    public var fileName: String {
        let (kind, id): (String, String)
        switch self {
        case .overview: (kind, id) = ("overview", "rcpx")
        case .region(let i): (kind, id) = ("region", i)
        case .process(let i): (kind, id) = ("process", i)
        case .party(let i): (kind, id) = ("party", i)
        case .mechanism(let i): (kind, id) = ("mechanism", i)
        case .event(let i): (kind, id) = ("event", i)
        case .practice(let i): (kind, id) = ("practice", i)
        case .practiceItem(let i): (kind, id) = ("practice-item", i)
        case .understanding(let i): (kind, id) = ("understanding", i)
        case .guide(let i): (kind, id) = ("guide", i)
        }
        let safe = String(
            id.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "_") ? $0 : "-" })
        return "cards/\(kind)-\(safe.hasPrefix(".") ? "-" + safe : safe).txt"
    }

    /// Where a search hit leads.
    public init(_ ref: SearchRef) {
        switch ref {
        case .process(let id): self = .process(id)
        case .party(let id): self = .party(id)
        case .topic(let processID, _): self = .process(processID)
        case .practice(let id): self = .practice(id)
        case .practiceItem(let id): self = .practiceItem(id)
        case .understanding(let id): self = .understanding(id)
        case .event(_, let eventID): self = .event(eventID)
        case .mechanism(let id): self = .mechanism(id)
        case .region(let id): self = .region(id)
        case .guidePoint(let topicID, _): self = .guide(topicID)
        }
    }

    /// The card's title for the subject: "Process: Bali", "State: Ghana".
    public func title(_ env: DisplayEnvironment) -> String {
        let c = env.catalog
        switch self {
        case .overview: return "Overview"
        case .region(let id): return "Region: " + (c.region(id: id)?.name ?? TreeModel.globalName)
        case .process(let id): return "Process: " + (c.process(id: id)?.shortName ?? id)
        case .party(let id):
            guard let p = c.party(id: id) else {
                return c.stateInNoProcess(id: id).map { "State: " + env.shown($0.name) } ?? id
            }
            return (p.kind == .organization ? "Organization: " : p.kind == .territory ? "Territory: " : "State: ")
                + env.name(p)
        case .mechanism(let id): return "Mechanism: " + (c.mechanism(id: id)?.shortName ?? id)
        case .event(let id): return "Event: " + (c.event(id: id)?.1.title ?? id)
        case .practice(let id): return "Practice " + (c.practice(id: id).map { String($0.number) } ?? id)
        case .practiceItem(let id): return "Practice " + (ChecklistItemID.displayNumber(id) ?? id)
        case .understanding(let id): return "Understanding " + (c.understanding(id: id).map { String($0.number) } ?? id)
        case .guide(let id): return "Guide: " + (c.guideTopic(id: id)?.title ?? id)
        }
    }

    /// The id of the record (nil for the overview).
    public var recordID: String? {
        switch self {
        case .process(let id), .party(let id), .region(let id), .mechanism(let id), .event(let id),
            .practice(let id), .practiceItem(let id), .understanding(let id), .guide(let id):
            return id
        case .overview: return nil
        }
    }

    /// Whether the catalog has the record (the overview always exists).
    func exists(in catalog: Catalog) -> Bool {
        switch self {
        case .overview: return true
        case .region(let id): return catalog.region(id: id) != nil || id == TreeModel.globalID
        case .process(let id): return catalog.process(id: id) != nil
        case .party(let id): return catalog.party(id: id) != nil || catalog.stateInNoProcess(id: id) != nil
        case .mechanism(let id): return catalog.mechanism(id: id) != nil
        case .event(let id): return catalog.event(id: id) != nil
        case .practice(let id): return catalog.practice(id: id) != nil
        case .practiceItem(let id): return catalog.practiceItem(id: id) != nil
        case .understanding(let id): return catalog.understanding(id: id) != nil
        case .guide(let id): return catalog.guideTopic(id: id) != nil
        }
    }
}
