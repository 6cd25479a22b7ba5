import Synchronization
import RCPCore

/// The records a filter text matches by their own names, computed once per text: parties by name, alias,
/// ASCII name or ISO code; processes and mechanisms by name, short name or alias; events by title; regions
/// by name. Matching folds case, diacritics and punctuation, as the search does.
public struct FilterMatch: Sendable, Hashable {
    public let text: String
    public let parties: Set<String>
    public let processes: Set<String>
    public let mechanisms: Set<String>
    public let events: Set<String>
    public let regions: Set<String>

    public init(_ text: String, catalog c: Catalog) {
        self.text = text
        func passes(_ texts: [String]) -> Bool { texts.contains { !matchRanges(of: text, in: $0).isEmpty } }
        parties = Set(c.parties.filter { p in
            passes([p.name] + p.aliases + [p.asciiName, p.iso3].compactMap { $0 })
        }.map(\.id))
        processes = Set(c.processes.filter { passes([$0.name, $0.shortName] + $0.aliases) }.map(\.id))
        mechanisms = Set(c.mechanisms.filter { passes([$0.name, $0.shortName] + $0.aliases) }.map(\.id))
        events = Set(c.mechanisms.flatMap(\.events).filter { passes([$0.title]) }.map(\.id))
        var regions = Set(c.regions.filter { passes([$0.name]) }.map(\.id))
        if c.region(id: TreeModel.globalID) == nil && passes([TreeModel.globalName]) { regions.insert(TreeModel.globalID) }
        self.regions = regions
    }

    /// Whether a tree node matches by its own names.
    public func matches(_ node: TreeNode) -> Bool {
        switch node {
        case .region(let id): return regions.contains(id)
        case .process(let id): return processes.contains(id)
        case .mechanism(let id): return mechanisms.contains(id)
        case .event(let id): return events.contains(id)
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
