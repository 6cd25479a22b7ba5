import Synchronization

// The paper names the states of its processes; the UN had others in 2005 (Egypt, Dominica, …). They are in no
// process, and `rcpx gaps` and the coverage map already count them from the world map. Name lookups and the
// search find them too, from the same source (`gaps(world:allGroups:)`), so that "dominica" is Dominica, in no
// process, and never the start of "Dominican Republic".

/// A state, territory or organization a name can lead to: a party of the data, or a UN member state of 2005
/// that the data names nowhere.
public enum PartyLookup: Sendable, Hashable {
    case party(Party)
    /// A state of the 2005 universe in no process of the paper, unnamed by the data (its `partyID` is nil).
    case stateInNoProcess(CoverageGap)

    /// The party's id, or the state's (`CoverageGap.id`).
    public var id: String {
        switch self {
        case .party(let p): return p.id
        case .stateInNoProcess(let s): return s.id
        }
    }

    public var name: String {
        switch self {
        case .party(let p): return p.name
        case .stateInNoProcess(let s): return s.name
        }
    }
}

extension CoverageGap {
    /// The data's party id or, for a state the data does not name, its ISO 3166 alpha-3 code ("EGY"): what the
    /// explorer's search and card use for it. Never an id of the data, whose ids are lower case.
    public var id: String { partyID ?? iso3 }
}

/// The states in no process with the keys of every way to name them, built once per catalog.
struct UnnamedStates: Sendable {
    /// By name.
    var states: [CoverageGap]
    /// The parties, then the states: what a lookup of a state, territory or organization chooses among.
    var records: [PartyLookup]
    /// `partyKeys` with the states' names, ISO codes and ids added (positions in `records`).
    var keys: [FoldedKey: [Int]]
    var byID: [String: Int]
}

extension Catalog {
    /// The UN member states of 2005 (and the Holy See) in no process of the paper and not named by the data,
    /// by name: the gaps of the world map (`gaps(world:allGroups:)`, as `rcpx gaps --all-groups` and the coverage
    /// map count them) without a party. Empty for a catalog made without a world.
    public var statesInNoProcess: [CoverageGap] { unnamed.states }

    /// A state of `statesInNoProcess` by its `id` ("EGY").
    public func stateInNoProcess(id: String) -> CoverageGap? {
        let u = unnamed
        guard let i = u.byID[id], case .stateInNoProcess(let s) = u.records[i] else { return nil }
        return s
    }

    var unnamed: UnnamedStates {
        if let built = unnamedCache.withLock({ $0 }) { return built }
        var states: [CoverageGap] = []
        if let world { states = gaps(world: world(), allGroups: true).filter { $0.partyID == nil } }
        states.sort { searchKey($0.name).lexicographicallyPrecedes(searchKey($1.name)) }
        var keys = partyKeys
        var byID: [String: Int] = [:]
        for (i, state) in states.enumerated() {
            let position = parties.count + i
            byID[state.id] = position
            for name in [state.name, state.iso3] {
                let key = FoldedKey(searchKey(name))
                if !key.codes.isEmpty && keys[key]?.last != position { keys[key, default: []].append(position) }
            }
        }
        let built = UnnamedStates(
            states: states,
            records: parties.map(PartyLookup.party) + states.map(PartyLookup.stateInNoProcess),
            keys: keys, byID: byID)
        unnamedCache.withLock { $0 = built }
        return built
    }
}

extension CoverageGap {
    /// Its standing at the UN in 2005, the year of the world map's statuses: "a UN member state in 2005", or for
    /// the Holy See "a UN observer state in 2005".
    public var standing: String {
        switch unStatus {
        case .member: return "a UN member state in 2005"
        case .observer: return "a UN observer state in 2005"
        case .none: return "a state of 2005"
        }
    }
}
