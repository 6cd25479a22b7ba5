/// Search as you type. Typing one more character (or another word) re-checks only the records that were
/// candidates for the previous query — those holding each of its words as a subsequence, which every match of
/// the longer query does too — and deleting characters returns the earlier result at once. Gives exactly what
/// `Catalog.searchResult(_:limit:)` gives. A word with synonyms, a changed filter or a corrected typo simply
/// costs a full scan.
///
/// Not thread-safe: use one session per search field.
public final class SearchSession {
    public let catalog: Catalog
    /// The number of hits returned (all when nil).
    public let limit: Int?
    /// The result of the last `update`.
    public private(set) var result = SearchResult()
    /// The hits of the last `update`.
    public var hits: [SearchHit] { result.hits }

    /// One step of the current typing: a query, the entries that can still match a longer one, its result.
    private struct Step {
        var query: SearchQuery
        var candidates: [Int32]
        var result: SearchResult
    }

    /// Each step's query refines the one before it.
    private var steps: [Step] = []
    /// Steps made before, by query text: a query typed again (the same first letters of the next search) is
    /// answered without a scan. Bounded by the candidates they hold.
    private var remembered: [String: Step] = [:]
    private var rememberedCandidates = 0
    private static let rememberedCandidateLimit = 500_000
    /// How many entries the last `update` looked at (for tests and measurements).
    private(set) var lastScanCount = 0

    public init(catalog: Catalog, limit: Int? = 200) {
        self.catalog = catalog
        self.limit = limit
    }

    /// The hits for `text` (see `result` for the rest of the answer).
    @discardableResult
    public func update(_ text: String) -> [SearchHit] {
        let query = SearchQuery(text, regions: catalog.regions)
        lastScanCount = 0
        guard query.isSearchable else {
            result = SearchResult(problem: query.problem)
            return hits
        }
        let index = catalog.searchIndex
        while let last = steps.last, !Self.refines(query, last.query, index) { steps.removeLast() }
        if let last = steps.last, Self.same(query, last.query) {
            result = last.result
            return hits
        }
        // A step remembered for this text refines what is left of the stack, as the query does.
        if let step = remembered[text], Self.same(query, step.query) {
            result = step.result
            steps.append(step)
            return hits
        }
        let subset = steps.last?.candidates
        let run = SearchEngine(index: index, query: query).run(over: subset, limit: limit)
        lastScanCount = subset?.count ?? index.entryCount
        result = run.result
        let step = Step(query: query, candidates: run.candidates, result: run.result)
        steps.append(step)
        if rememberedCandidates + step.candidates.count > Self.rememberedCandidateLimit {
            remembered.removeAll(keepingCapacity: true)
            rememberedCandidates = 0
        }
        remembered[text] = step
        rememberedCandidates += step.candidates.count
        return hits
    }

    static func same(_ a: SearchQuery, _ b: SearchQuery) -> Bool {
        a.tokens == b.tokens && a.terms == b.terms && a.negations == b.negations && a.kinds == b.kinds
            && a.regions == b.regions
    }

    /// True when every candidate of `new` is a candidate of `old`: the same words, the last one perhaps longer,
    /// perhaps more words, and no new or longer word with synonyms (those match more than their letters).
    static func refines(_ new: SearchQuery, _ old: SearchQuery, _ index: SearchIndex) -> Bool {
        let n = old.terms.count
        guard n > 0, new.terms.count >= n else { return false }
        for i in 0..<(n - 1) where new.terms[i].codes != old.terms[i].codes { return false }
        guard new.terms[n - 1].codes.starts(with: old.terms[n - 1].codes) else { return false }
        for i in (n - 1)..<new.terms.count where i >= n || new.terms[i].codes != old.terms[i].codes {
            if new.terms[i].mode == .plain && index.synonyms[FoldedKey(new.terms[i].codes)] != nil { return false }
        }
        return true
    }
}
