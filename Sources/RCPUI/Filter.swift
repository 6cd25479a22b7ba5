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

    public init(_ text: String, catalog c: Catalog) {
        self.text = text
        func passes(_ texts: [String]) -> Bool { texts.contains { !matchRanges(of: text, in: $0).isEmpty } }
        parties = Set(
            c.parties.filter { p in
                passes([p.name] + p.aliases + [p.asciiName, p.iso3].compactMap { $0 })
            }.map(\.id))
        var reasons: [String: [String]] = [:]
        for p in c.processes {
            var why: [String] = []
            if passes([p.name, p.shortName] + p.aliases) { why.append("name") }
            if passes(p.topics.map(\.label)) { why.append("topic") }
            if passes(p.priorities) { why.append("priority") }
            if passes(p.status) { why.append("status") }
            if !why.isEmpty { reasons[p.id] = why }
        }
        processReasons = reasons
        processes = Set(reasons.keys)
        mechanisms = Set(c.mechanisms.filter { passes([$0.name, $0.shortName] + $0.aliases) }.map(\.id))
        events = Set(c.mechanisms.flatMap(\.events).filter { passes([$0.title]) }.map(\.id))
        var regions = Set(c.regions.filter { passes([$0.name]) }.map(\.id))
        if c.region(id: TreeModel.globalID) == nil && passes([TreeModel.globalName]) {
            regions.insert(TreeModel.globalID)
        }
        self.regions = regions
    }

    /// What the filter matched on, in words for the filter line: "processes: 12 (topic 11, name 2) · parties: 1".
    public var summary: String {
        var kinds: [String: Int] = [:]
        for why in processReasons.values { for w in why { kinds[w, default: 0] += 1 } }
        let order = ["name", "topic", "priority", "status"]
        let parts = order.compactMap { k in kinds[k].map { "\(k) \($0)" } }
        var out = "processes \(processes.count)"
        if !parts.isEmpty { out += " (" + parts.joined(separator: ", ") + ")" }
        return out + ", parties \(parties.count)"
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

/// Remembers the last `FilterMatch`, so that each frame and event does not match every name again. The match
/// is a function of the text alone, so sharing it between copies of the state changes nothing but speed.
final class FilterCache: @unchecked Sendable {
    private let lock = Mutex(())
    private var last: FilterMatch?

    func match(_ text: String, catalog: Catalog) -> FilterMatch {
        lock.withLock { _ in
            if let last, last.text == text { return last }
            let m = FilterMatch(text, catalog: catalog)
            last = m
            return m
        }
    }
}
