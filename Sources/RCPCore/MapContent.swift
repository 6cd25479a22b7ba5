// The world map, for the command line and for a pane:
//
//   let world = WorldMap.bundled                                   // Resources/world.txt, decoded once
//   let layer = catalog.mapLayer(.process("bali"), world: world)   // category per country, legend, focus
//   var view = world.fit(layer.focus, columns: w, rows: h)         // or .world; zoomed(by:), pan(…)
//   let picture = world.picture(view, columns: w, rows: h, style: layer.style)   // cached per size/view/style
//   picture.cells[row * w + column]      // braille dots (.braille), .ascii, .category (colour), .feature
//   picture.feature(column:row:)         // hit-testing (a click); picture.position(of:) // a feature's cell
//   picture.nearest(from: feature, .right)    // the country cursor
//   catalog.party(iso3: world.features[f].iso3)   // from a cell to the party and its processes
//
// Colour is never the only carrier of meaning: each MapCategory has a MapShade (dot pattern, small mark, ASCII
// character) that a legend names.

/// What a map shows.
public enum MapSubject: Sendable, Hashable {
    /// The world, nothing highlighted.
    case world
    /// A process's participants by role.
    case process(String)
    /// A state or territory, and the states it meets in its processes.
    case party(String)
    /// The combined membership of a region's processes (strongest role over them).
    case region(String)
    /// Every state shaded by the number of Annex A processes it takes part in; UN members in none marked.
    case coverage
}

/// A line of a map's legend: a category, how many features on the map have it.
public struct MapLegendEntry: Sendable, Hashable {
    public var category: MapCategory
    public var count: Int
}

/// A map's style with its legend and the features it is about (for "fit").
public struct MapLayer: Sendable {
    public var subject: MapSubject
    public var style: MapStyle
    /// The categories of this kind of map, in legend order, with their counts.
    public var legend: [MapLegendEntry]
    /// The features involved (highlighted).
    public var involved: [Int]
    /// The features a "fit" shows: leaders, members, participants and interested states of a process or
    /// region (not observers, who may be anywhere); for a state, it and its partners.
    public var focus: [Int]
    /// Parties of the subject with a code that has no feature on the map (a test keeps this empty).
    public var unplaced: [Party]
}

/// A state of the 2005 universe that takes part in none of the processes asked about.
public struct CoverageGap: Sendable, Hashable {
    public var iso3: String
    public var name: String
    public var subregion: String
    /// The data set's party for it, when the paper names it (as an observer of a mechanism, say).
    public var partyID: String?
    /// A member state (and since when) or, for the Holy See, an observer state.
    public var unStatus: UNStatus = .none
}

/// The UN M49 sub-regions by continent (Africa, Americas, Asia, Europe, Oceania), for grouping.
public let unSubregionOrder: [String] = [
    "Northern Africa", "Eastern Africa", "Middle Africa", "Southern Africa", "Western Africa",
    "Caribbean", "Central America", "South America", "Northern America",
    "Central Asia", "Eastern Asia", "South-eastern Asia", "Southern Asia", "Western Asia",
    "Eastern Europe", "Northern Europe", "Southern Europe", "Western Europe",
    "Australia and New Zealand", "Melanesia", "Micronesia", "Polynesia",
]

/// The continent of a UN sub-region ("Western Africa" → "Africa").
public func unContinent(of subregion: String) -> String? {
    guard let i = unSubregionOrder.firstIndex(of: subregion) else { return nil }
    switch i {
    case 0..<5: return "Africa"
    case 5..<9: return "Americas"
    case 9..<14: return "Asia"
    case 14..<18: return "Europe"
    default: return "Oceania"
    }
}

extension Catalog {
    /// The category of a party from its roles in one or more processes: leadership over membership over the rest.
    static func category(_ roles: Set<Role>) -> MapCategory? {
        if roles.isEmpty { return nil }
        if roles.contains(where: \.isLeadership) { return .leader }
        if roles.contains(.member) || roles.contains(.participant) { return .takesPart }
        if roles.contains(.interestedState) { return .interested }
        if roles.contains(.observer) { return .observer }
        return .otherRole
    }

    /// The state or territory of the data set with this ISO 3166 alpha-3 code (for a map cell's feature), or nil
    /// for a state the paper never names.
    public func party(iso3: String) -> Party? {
        parties.first { $0.iso3 == iso3 && $0.kind != .organization }
    }

    /// The number of Annex A processes each state or territory takes part in (any role), by party id: the
    /// counts of the membership matrix without the footnote groups.
    public func annexACounts() -> [String: Int] {
        var counts: [String: Int] = [:]
        let matrix = matrixIndex(kinds: [.state, .territory], includeOutsideMatrix: false)
        for (row, party) in matrix.parties.enumerated() { counts[party.id] = matrix.count(row: row) }
        return counts
    }

    /// The style, legend and involved features of a map of `subject` on `world`. The states and territories
    /// among `marked` (party ids; the explorer's marks for comparison) are drawn as `.marked`, over whatever the
    /// subject makes them, with a legend entry of their own; they do not change what "fit" shows.
    public func mapLayer(_ subject: MapSubject, world: WorldMap, marked: Set<String> = []) -> MapLayer {
        var categories = [MapCategory](repeating: .context, count: world.features.count)
        var unplaced: [Party] = []
        var legendOrder: [MapCategory]
        let key: String
        func place(_ party: Party, _ category: MapCategory) {
            guard let iso = party.iso3 else { return }
            guard let f = world.feature(iso3: iso) else { unplaced.append(party); return }
            if category.priority < categories[f].priority { categories[f] = category }
        }
        func placeRoles(_ processes: [Process]) {
            var roles: [String: Set<Role>] = [:]
            for process in processes {
                for p in process.participants { roles[p.party, default: []].formUnion(p.roles) }
            }
            for (id, set) in roles {
                if let party = party(id: id), let c = Catalog.category(set) { place(party, c) }
            }
        }
        switch subject {
        case .world:
            key = "world"
            legendOrder = [.context]
        case .process(let id):
            key = "process:" + id
            legendOrder = [.leader, .takesPart, .interested, .observer, .otherRole, .context]
            if let process = process(id: id) { placeRoles([process]) }
        case .region(let id):
            key = "region:" + id
            legendOrder = [.leader, .takesPart, .interested, .observer, .otherRole, .context]
            placeRoles(processes(inRegion: id))
        case .party(let id):
            key = "party:" + id
            legendOrder = [.selected, .partner, .context]
            if let party = party(id: id) {
                for p in participations(of: id) {
                    for other in p.process.participants where other.party != id {
                        if let o = self.party(id: other.party) { place(o, .partner) }
                    }
                }
                place(party, .selected)
            }
        case .coverage:
            key = "coverage"
            legendOrder = [.processes(4), .processes(3), .processes(2), .processes(1), .noProcess, .context]
            let counts = annexACounts()
            for party in parties where party.kind != .organization {
                if let n = counts[party.id], n > 0 { place(party, .processes(min(n, 4))) }
            }
            for (f, feature) in world.features.enumerated() where feature.inUniverse && categories[f] == .context {
                categories[f] = .noProcess
            }
        }
        let involved = categories.indices.filter { categories[$0] != .context && categories[$0] != .noProcess }
        let core = involved.filter { [.leader, .takesPart, .interested, .selected].contains(categories[$0]) }
        let focus: [Int]
        if case .party = subject { focus = involved } else { focus = core.isEmpty ? involved : core }
        // Marks last: over any category, after the features a fit shows are chosen.
        var markedIDs: [String] = []
        for id in marked.sorted() {
            guard let party = party(id: id), party.kind != .organization, let iso = party.iso3,
                let f = world.feature(iso3: iso)
            else { continue }
            categories[f] = .marked
            markedIDs.append(id)
        }
        if !markedIDs.isEmpty { legendOrder.insert(.marked, at: 0) }
        let styleKey = markedIDs.isEmpty ? key : key + "|marked:" + markedIDs.joined(separator: ",")
        var tally: [MapCategory: Int] = [:]
        for c in categories { tally[c, default: 0] += 1 }
        let legend = legendOrder.filter { $0 == .context || tally[$0] != nil || subject == .coverage }
            .map { MapLegendEntry(category: $0, count: tally[$0] ?? 0) }
        return MapLayer(
            subject: subject, style: MapStyle(key: styleKey, categories: categories), legend: legend,
            involved: involved, focus: focus, unplaced: unplaced.sorted { $0.name < $1.name })
    }

    /// The states of the 2005 universe (191 UN members and the Holy See) that take part in no Annex A process
    /// in any role; with `allGroups`, in no process of the footnote groups either. By UN sub-region (in
    /// `unSubregionOrder`), then name.
    public func gaps(world: WorldMap, allGroups: Bool = false) -> [CoverageGap] {
        var taking = Set<String>()  // ISO codes of parties with a role
        for process in processes where process.inMatrix || allGroups {
            for p in process.participants {
                if let iso = party(id: p.party)?.iso3 { taking.insert(iso) }
            }
        }
        var partyByISO: [String: Party] = [:]
        for party in parties { if let iso = party.iso3, partyByISO[iso] == nil { partyByISO[iso] = party } }
        let gaps = world.features.filter { $0.inUniverse && !taking.contains($0.iso3) }.map { f in
            CoverageGap(
                iso3: f.iso3, name: partyByISO[f.iso3]?.name ?? f.name, subregion: f.subregion ?? "Unknown",
                partyID: partyByISO[f.iso3]?.id, unStatus: f.unStatus)
        }
        func order(_ s: String) -> Int { unSubregionOrder.firstIndex(of: s) ?? unSubregionOrder.count }
        return gaps.sorted { a, b in
            let oa = order(a.subregion), ob = order(b.subregion)
            if oa != ob { return oa < ob }
            if a.subregion != b.subregion { return a.subregion < b.subregion }
            return searchKey(a.name).lexicographicallyPrecedes(searchKey(b.name))
        }
    }
}
