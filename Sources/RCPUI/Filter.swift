import RCPCore
import Synchronization

/// The records a filter text matches, computed once per text: parties by name, alias, ASCII name or ISO code;
/// processes by name, short name, alias, topic, priority or status note; mechanisms by name, short name or
/// alias; events by title; regions by name. Matching folds case, diacritics and punctuation, as the search does.
public struct FilterMatch: Sendable, Hashable {
    public let text: String
    public let parties: Set<String>
    /// Processes matching by any of their texts (names, topics, priorities, status notes).
    public let processes: Set<String>
    /// For each matching process, the kinds of text it matched on ("name", "topic", "priority", "status").
    public let processReasons: [String: [String]]
    public let mechanisms: Set<String>
    public let events: Set<String>
    public let regions: Set<String>

    /// The folded text, and the positions (in the catalog) of the parties and processes matched: a longer text
    /// that begins with this one need only look at these.
    let query: FoldedQuery
    let partyPositions: [Int]
    let processPositions: [Int]

    public init(_ text: String, catalog c: Catalog) {
        self.init(text, catalog: c, corpus: FilterCorpus.of(c), narrowing: nil)
    }

    /// The match of `text`, looking only at what `previous` matched when `text` narrows it.
    init(_ text: String, catalog c: Catalog, corpus: FilterCorpus, narrowing previous: FilterMatch?) {
        self.text = text
        let q = FoldedQuery(text)
        query = q
        let narrowing = previous.flatMap { !$0.query.isEmpty && q.narrows($0.query) ? $0 : nil }
        partyPositions = (narrowing?.partyPositions ?? Array(c.parties.indices)).filter {
            corpus.parties[$0].contains(q)
        }
        parties = Set(partyPositions.map { c.parties[$0].id })
        var reasons: [String: [String]] = [:]
        var matched: [Int] = []
        for i in narrowing?.processPositions ?? Array(c.processes.indices) {
            let texts = corpus.processes[i]
            let why = FilterCorpus.processReasons.indices.filter { texts[$0].contains(q) }
            if !why.isEmpty {
                reasons[c.processes[i].id] = why.map { FilterCorpus.processReasons[$0] }
                matched.append(i)
            }
        }
        processPositions = matched
        processReasons = reasons
        processes = Set(reasons.keys)
        mechanisms = Set(c.mechanisms.indices.filter { corpus.mechanisms[$0].contains(q) }.map { c.mechanisms[$0].id })
        events = Set(corpus.events.filter { $0.texts.contains(q) }.map(\.id))
        var regions = Set(c.regions.indices.filter { corpus.regions[$0].contains(q) }.map { c.regions[$0].id })
        if c.region(id: TreeModel.globalID) == nil && FoldedTexts([TreeModel.globalName]).contains(q) {
            regions.insert(TreeModel.globalID)
        }
        self.regions = regions
        summary = Self.summary(reasons: reasons, processes: processes.count, parties: parties.count)
    }

    /// What the filter matched on, in words for the filter line: "processes: 12 (topic 11, name 2) · parties: 1".
    public let summary: String

    private static func summary(reasons: [String: [String]], processes: Int, parties: Int) -> String {
        var kinds: [String: Int] = [:]
        for why in reasons.values { for w in why { kinds[w, default: 0] += 1 } }
        let order = ["name", "topic", "priority", "status"]
        let parts = order.compactMap { k in kinds[k].map { "\(k) \($0)" } }
        var out = "processes \(processes)"
        if !parts.isEmpty { out += " (" + parts.joined(separator: ", ") + ")" }
        return out + ", parties \(parties)"
    }

    /// Whether a tree node matches (a process by any of its texts, the others by their names).
    public func matches(_ node: TreeNode) -> Bool {
        switch node {
        case .region(let id): return regions.contains(id)
        case .process(let id): return processes.contains(id)
        case .mechanism(let id): return mechanisms.contains(id)
        case .event(let id): return events.contains(id)
        case .guideRoot, .guideTopic: return false
        }
    }
}

/// The texts of every record the filter looks at, folded once per catalog: parties by name, alias, ASCII name
/// or ISO code; processes by their names, topics, priorities and status notes (one `FoldedTexts` each, in the
/// order of `processReasons`); mechanisms, events and regions by name.
final class FilterCorpus: Sendable {
    static let processReasons = ["name", "topic", "priority", "status"]
    let parties: [FoldedTexts]
    let processes: [[FoldedTexts]]
    let mechanisms: [FoldedTexts]
    let events: [(id: String, texts: FoldedTexts)]
    let regions: [FoldedTexts]

    init(_ c: Catalog) {
        parties = c.parties.map { p in FoldedTexts([p.name] + p.aliases + [p.asciiName, p.iso3].compactMap { $0 }) }
        processes = c.processes.map { p in
            [
                FoldedTexts([p.name, p.shortName] + p.aliases), FoldedTexts(p.topics.map(\.label)),
                FoldedTexts(p.priorities), FoldedTexts(p.status),
            ]
        }
        mechanisms = c.mechanisms.map { FoldedTexts([$0.name, $0.shortName] + $0.aliases) }
        events = c.mechanisms.flatMap(\.events).map { ($0.id, FoldedTexts([$0.title])) }
        regions = c.regions.map { FoldedTexts([$0.name]) }
    }

    private struct Key: Hashable, Sendable {}

    /// The corpus of a catalog, made on first use and remembered with it.
    static func of(_ c: Catalog) -> FilterCorpus { c.derived.value(Key(), keep: 1) { FilterCorpus(c) } }
}

/// Remembers the last few `FilterMatch`es, so that each frame and event does not match every name again, and
/// typing one more character narrows the match before it rather than matching everything again (erasing one
/// finds the earlier text remembered). A match is a function of the text alone, so sharing them between copies
/// of the state changes nothing but speed.
final class FilterCache: @unchecked Sendable {
    private let lock = Mutex(())
    private var recent: [FilterMatch] = []

    func match(_ text: String, catalog: Catalog) -> FilterMatch {
        lock.withLock { _ in
            if let hit = recent.firstIndex(where: { $0.text == text }) {
                let m = recent.remove(at: hit)
                recent.insert(m, at: 0)
                return m
            }
            let q = FoldedQuery(text)
            let narrowest = recent.filter { !$0.query.isEmpty && q.narrows($0.query) }
                .max { $0.query.count < $1.query.count }
            let m = FilterMatch(text, catalog: catalog, corpus: FilterCorpus.of(catalog), narrowing: narrowest)
            recent.insert(m, at: 0)
            if recent.count > 32 { recent.removeLast() }
            return m
        }
    }
}
