/// What a country is on a map, which decides its shade (and, in a UI, its colour).
public enum MapCategory: Sendable, Hashable {
    /// A process or region map: the strongest role a state has (leadership over membership over the rest).
    case leader, takesPart, interested, observer, otherRole
    /// A state map: the state, and the states it meets in at least one process.
    case selected, partner
    /// Coverage: the number of Annex A processes a state takes part in (4 means 4 or more), or none at all.
    case processes(Int)
    case noProcess
    /// Land with no part in what the map shows.
    case context
    /// A state marked for comparison in the explorer (`x`), whatever else the map says of it.
    case marked

    public var shade: MapShade {
        switch self {
        case .leader: return .striped
        case .takesPart, .selected: return .solid
        case .interested, .partner: return .checked
        case .observer: return .sparse
        case .otherRole: return .dense
        case .processes(let n): return n >= 4 ? .solid : n == 3 ? .dense : n == 2 ? .checked : .sparse
        case .noProcess: return .striped
        case .context: return .outline
        case .marked: return .marked
        }
    }

    /// Words for a legend.
    public var label: String {
        switch self {
        case .leader: return "chair, co-chair, vice-chair or presidency"
        case .takesPart: return "member or participant"
        case .interested: return "interested state"
        case .observer: return "observer"
        case .otherRole: return "secretariat or coordinator"
        case .selected: return "the state"
        case .partner: return "meets it in a process"
        case .processes(let n): return n >= 4 ? "4 or more processes" : n == 1 ? "1 process" : "\(n) processes"
        case .noProcess: return "UN member (2005) in no process"
        case .context: return "not involved"
        case .marked: return "marked"
        }
    }

    /// Lower first: who wins a contested cell when small countries are placed.
    var priority: Int {
        switch self {
        case .selected, .marked: return 0
        case .leader: return 1
        case .takesPart: return 2
        case .interested: return 3
        case .observer, .otherRole: return 4
        case .partner: return 5
        case .processes(let n): return 10 - min(n, 4)
        case .noProcess: return 5
        case .context: return 20
        }
    }
}
