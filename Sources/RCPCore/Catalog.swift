import RCPData
import Synchronization

/// A data set with the indexes every query needs, built once. Immutable, so it can be shared freely.
///
/// Lists come sorted for display: regions by `order`; processes by region, then matrix number, then the
/// footnote groups by name; parties by name (case- and diacritic-insensitively); practices and understandings
/// by number. Lookups by id return nil for an unknown id.
public final class Catalog: Sendable {
    public let dataset: Dataset

    public let regions: [Region]
    public let processes: [Process]
    public let parties: [Party]
    public let mechanisms: [Mechanism]
    public let practices: [Practice]
    public let understandings: [Understanding]

    /// The catalog of the data set compiled into rcpx, with the states of the bundled world map.
    public static let bundled = Catalog(DataLoader.bundled(), world: { WorldMap.bundled })

    // Positions in the sorted lists above.
    let regionIndex: [String: Int]
    let processIndex: [String: Int]
    let partyIndex: [String: Int]
    let mechanismIndex: [String: Int]
    let practiceIndex: [String: Int]
    let practiceByNumber: [Int: Int]
    let understandingIndex: [String: Int]
    /// Item id → (practice position, item position).
    let itemIndex: [String: ItemPosition]
    /// Event id → (mechanism position, event position).
    let eventIndex: [String: ItemPosition]

    /// For each party position: the processes it takes part in, as (process position, participation position),
    /// in process order.
    let partyProcesses: [[ItemPosition]]
    /// For each party position: (mechanism position, participation position).
    let partyMechanisms: [[ItemPosition]]
    /// For each party position: (mechanism position, event position) of the events naming it as a partner.
    let partyEvents: [[ItemPosition]]

    /// Exact-match keys (folded, collapsed) of every way to name a process or a party → positions.
    let processKeys: [FoldedKey: [Int]]
    let partyKeys: [FoldedKey: [Int]]

    /// Built on first use: most command-line lookups never search, and the explorer starts faster without it.
    var searchIndex: SearchIndex {
        searchIndexCache.withLock { cached in
            if let cached { return cached }
            let built = makeSearchIndex(statesInNoProcess)
            cached = built
            return built
        }
    }
    private let searchIndexCache = Mutex<SearchIndex?>(nil)

    /// Builds the search index now if it is not built yet (to call off the key path; see `App.prepare`).
    public func prepareSearchIndex() { _ = searchIndex }

    /// For each practice number, the processes with a topic under it, in process order, with those topics.
    let practiceProcesses: [Int: [(process: Process, topics: [Topic])]]
    /// For each region id, its processes in data order.
    let regionProcesses: [String: [Process]]
    /// The number of processes in the paper's matrix (Annex A).
    public let matrixProcessCount: Int
    private let makeSearchIndex: @Sendable ([CoverageGap]) -> SearchIndex

    /// The world whose UN member states of 2005 the paper may leave out (see `statesInNoProcess`); nil for
    /// none. Decoded on first use: most lookups name a party of the data exactly.
    let world: (@Sendable () -> WorldMap)?
    /// The states in no process and the keys of their names, built on first use (see `Catalog+Unnamed.swift`).
    let unnamedCache = Mutex<UnnamedStates?>(nil)
    /// What the views derive from this catalog, remembered with it.
    public let derived = DerivedValues()

    struct ItemPosition: Sendable, Hashable {
        var outer: Int
        var inner: Int
    }

    /// - Parameter world: the world map whose UN member states of 2005 the data may not name (they are found
    ///   by name as states in no process); nil for none (a test's small data set).
    public init(_ dataset: Dataset, world: (@Sendable () -> WorldMap)? = nil) {
        self.dataset = dataset
        self.world = world
        let regions = dataset.regions.sorted { ($0.order, $0.name) < ($1.order, $1.name) }
        let regionIndex = Self.index(regions.map(\.id))
        let regionOrder = { (id: String) in regionIndex[id] ?? Int.max }
        let processes = dataset.processes
            .map { p in
                (
                    key: (regionOrder(p.region), p.number == nil ? 1 : 0, p.number ?? 0), name: searchKey(p.name),
                    process: p
                )
            }
            .sorted { a, b in a.key != b.key ? a.key < b.key : a.name.lexicographicallyPrecedes(b.name) }
            .map(\.process)
        let parties = dataset.parties
            .map { (key: searchKey($0.name), party: $0) }
            .sorted { a, b in
                a.key != b.key ? a.key.lexicographicallyPrecedes(b.key) : a.party.id < b.party.id
            }
            .map(\.party)
        let practices = dataset.practices.sorted { $0.number < $1.number }
        let understandings = dataset.understandings.sorted { $0.number < $1.number }
        self.regions = regions
        self.processes = processes
        self.parties = parties
        self.mechanisms = dataset.mechanisms
        self.practices = practices
        self.understandings = understandings

        self.regionIndex = regionIndex
        processIndex = Self.index(processes.map(\.id))
        let partyIndex = Self.index(parties.map(\.id))
        self.partyIndex = partyIndex
        mechanismIndex = Self.index(dataset.mechanisms.map(\.id))
        practiceIndex = Self.index(practices.map(\.id))
        practiceByNumber = Dictionary(practices.enumerated().map { ($1.number, $0) }, uniquingKeysWith: { a, _ in a })
        understandingIndex = Self.index(understandings.map(\.id))

        var itemIndex: [String: ItemPosition] = [:]
        for (p, practice) in practices.enumerated() {
            for (i, item) in practice.items.enumerated() where itemIndex[item.id] == nil {
                itemIndex[item.id] = ItemPosition(outer: p, inner: i)
            }
        }
        self.itemIndex = itemIndex

        var partyProcesses = Array(repeating: [ItemPosition](), count: parties.count)
        for (p, process) in processes.enumerated() {
            for (i, participation) in process.participants.enumerated() {
                if let party = partyIndex[participation.party] {
                    partyProcesses[party].append(ItemPosition(outer: p, inner: i))
                }
            }
        }
        self.partyProcesses = partyProcesses

        var practiceProcesses: [Int: [(process: Process, topics: [Topic])]] = [:]
        for process in processes {
            for n in Set(process.topics.flatMap(\.practices)) {
                practiceProcesses[n, default: []].append((process, process.topics.filter { $0.practices.contains(n) }))
            }
        }
        self.practiceProcesses = practiceProcesses
        regionProcesses = Dictionary(grouping: processes, by: \.region)
        matrixProcessCount = processes.filter(\.inMatrix).count

        var eventIndex: [String: ItemPosition] = [:]
        var partyMechanisms = Array(repeating: [ItemPosition](), count: parties.count)
        var partyEvents = Array(repeating: [ItemPosition](), count: parties.count)
        for (m, mechanism) in dataset.mechanisms.enumerated() {
            for (i, participation) in mechanism.participants.enumerated() {
                if let party = partyIndex[participation.party] {
                    partyMechanisms[party].append(ItemPosition(outer: m, inner: i))
                }
            }
            for (e, event) in mechanism.events.enumerated() {
                if eventIndex[event.id] == nil { eventIndex[event.id] = ItemPosition(outer: m, inner: e) }
                for partner in Set(event.partners) {
                    if let party = partyIndex[partner] { partyEvents[party].append(ItemPosition(outer: m, inner: e)) }
                }
            }
        }
        self.eventIndex = eventIndex
        self.partyMechanisms = partyMechanisms
        self.partyEvents = partyEvents

        processKeys = Self.keys(
            processes.map { p in [p.id, p.name, p.shortName] + p.aliases + (p.number.map { [String($0)] } ?? []) })
        partyKeys = Self.keys(
            parties.map { p in [p.id, p.name] + p.aliases + [p.iso3, p.asciiName].compactMap { $0 } })

        let counts = partyProcesses.map(\.count)
        makeSearchIndex = { unnamed in
            SearchIndex(
                regions: regions, processes: processes, parties: parties, partyProcessCounts: counts,
                statesInNoProcess: unnamed,
                mechanisms: dataset.mechanisms, practices: practices, understandings: understandings,
                guide: dataset.guide.sorted { $0.number < $1.number },
                synonyms: dataset.searchSynonyms)
        }
    }

    private static func index(_ ids: [String]) -> [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(ids.count)
        for (i, id) in ids.enumerated() where index[id] == nil { index[id] = i }
        return index
    }

    private static func keys(_ names: [[String]]) -> [FoldedKey: [Int]] {
        var keys: [FoldedKey: [Int]] = [:]
        for (i, list) in names.enumerated() {
            for name in list {
                let key = FoldedKey(searchKey(name))
                if key.codes.isEmpty { continue }
                if keys[key]?.last != i { keys[key, default: []].append(i) }
            }
        }
        return keys
    }

    // MARK: Lookups by id

    public func region(id: String) -> Region? { regionIndex[id].map { regions[$0] } }
    public func process(id: String) -> Process? { processIndex[id].map { processes[$0] } }
    /// A process's participants, without copying the rest of the process (for loops over many processes).
    public func participants(ofProcess id: String) -> [Participation] {
        guard let i = processIndex[id] else { return [] }
        return processes[i].participants
    }
    public func party(id: String) -> Party? { partyIndex[id].map { parties[$0] } }
    public func mechanism(id: String) -> Mechanism? { mechanismIndex[id].map { mechanisms[$0] } }
    public func practice(id: String) -> Practice? { practiceIndex[id].map { practices[$0] } }
    public func practice(number: Int) -> Practice? { practiceByNumber[number].map { practices[$0] } }
    public func understanding(id: String) -> Understanding? { understandingIndex[id].map { understandings[$0] } }

    /// A sub-heading by its id ("ep-06.2") with the heading it belongs to.
    public func practiceItem(id: String) -> (Practice, PracticeItem)? {
        itemIndex[id].map { (practices[$0.outer], practices[$0.outer].items[$0.inner]) }
    }

    /// An event by its id with the mechanism it belongs to.
    public func event(id: String) -> (Mechanism, Event)? {
        eventIndex[id].map { (mechanisms[$0.outer], mechanisms[$0.outer].events[$0.inner]) }
    }
}
