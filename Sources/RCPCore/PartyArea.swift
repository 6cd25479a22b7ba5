/// Where a party comes from, for the region totals of a comparison.
///
/// The data set gives parties no region of their own: its five regions group *processes* (the paper's Annex A),
/// and 37 of the 205 parties in a process take part in processes of more than one of them (Turkey in Budapest and
/// Bali, China in Manila and as an observer elsewhere). What the data does hold for every state and territory is
/// its ISO code, and the bundled world map (`Resources/world.txt`) gives each code its UN M49 sub-region. So a
/// state or territory counts under the UN continent of that sub-region (Africa, Americas, Asia, Europe,
/// Oceania), an organization under "organizations", and a state whose code has no sub-region under "other".
public enum PartyArea: Sendable, Hashable, Comparable {
    /// A UN M49 continent, by its position in `PartyArea.continents`.
    case continent(Int)
    case organizations
    case other

    /// The five continents the UN M49 sub-regions fall in, in the order totals list them.
    public static let continents = ["Africa", "Americas", "Asia", "Europe", "Oceania"]

    /// "Asia", "organizations", "other".
    public var label: String {
        switch self {
        case .continent(let i): return PartyArea.continents[i]
        case .organizations: return "organizations"
        case .other: return "other"
        }
    }

    /// A lower-case id for JSON and CSV: "asia", "organizations", "other".
    public var id: String { label.lowercased() }
}

/// How many parties of a group come from one area.
public struct AreaCount: Sendable, Hashable {
    public var area: PartyArea
    public var count: Int
}

/// Which participants of a comparison a total counts.
public enum ComparedGroup: String, Sendable, Hashable, CaseIterable {
    /// In every compared process.
    case all
    /// In more than one but not all (only with 3 or 4 processes).
    case some
    /// In exactly one.
    case one
}

/// The participants of one group of a comparison (in all, in some, in only one), counted by area.
public struct RegionTotals: Sendable, Hashable {
    public var group: ComparedGroup
    /// The number of participants in the group (the sum of `areas`).
    public var total: Int
    /// Areas with at least one participant, continents first (in `PartyArea.continents` order), then
    /// organizations, then other.
    public var areas: [AreaCount]
    /// Per compared process: how many of the group's participants of each area take part in it, in the order of
    /// `areas`.
    public var perProcess: [[Int]]
}

extension Catalog {
    /// The area a party counts under in region totals (see `PartyArea`), from the UN sub-region the world map
    /// gives its ISO code.
    public func area(of party: Party, world: WorldMap = .bundled) -> PartyArea {
        if party.kind == .organization { return .organizations }
        guard let iso = party.iso3, let f = world.feature(iso3: iso),
            let continent = world.features[f].subregion.flatMap(unContinent(of:)),
            let i = PartyArea.continents.firstIndex(of: continent)
        else { return .other }
        return .continent(i)
    }

    /// The totals of one group of compared participants, by area.
    func regionTotals(
        _ group: ComparedGroup, _ rows: [ComparedParticipant], processes: Int,
        world: WorldMap
    ) -> RegionTotals {
        let areas = rows.map { area(of: $0.party, world: world) }
        let kept = Set(areas).sorted()
        let counts = kept.map { a in AreaCount(area: a, count: areas.filter { $0 == a }.count) }
        let perProcess = (0..<processes).map { k in
            kept.map { a in rows.indices.filter { areas[$0] == a && rows[$0].roles[k] != nil }.count }
        }
        return RegionTotals(group: group, total: rows.count, areas: counts, perProcess: perProcess)
    }
}
