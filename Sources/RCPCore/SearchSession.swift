/// Search as you type. Typing one more character re-checks only the records that matched the previous query
/// (every kind of match survives dropping the last character of the query, so nothing can be missed);
/// deleting characters returns the earlier result at once. Gives exactly what `Catalog.search(_:limit:)` gives.
///
/// Not thread-safe: use one session per search field.
public final class SearchSession {
    public let catalog: Catalog
    /// The number of hits returned (all when nil).
    public let limit: Int?
    /// The hits of the last `update`.
    public private(set) var hits: [SearchHit] = []

    /// One step of the current typing: a query, the entries that contain it as a subsequence, its hits.
    private struct Step {
        var query: [UInt32]
        var candidates: [Int32]
        var hits: [SearchHit]
    }

    /// Each step's query is a proper prefix of the next one's.
    private var steps: [Step] = []
    /// How many entries the last `update` looked at (for tests and measurements).
    private(set) var lastScanCount = 0

    public init(catalog: Catalog, limit: Int? = 200) {
        self.catalog = catalog
        self.limit = limit
    }

    /// The hits for `text` (folded like every search: case, diacritics, punctuation, extra spaces).
    @discardableResult
    public func update(_ text: String) -> [SearchHit] {
        let q = searchKey(text)
        // Keep the steps whose query `q` extends (or equals).
        while let last = steps.last, !(q.count >= last.query.count && q.starts(with: last.query)) { steps.removeLast() }
        lastScanCount = 0
        if q.isEmpty {
            hits = []
        } else if let last = steps.last, last.query.count == q.count {
            hits = last.hits
        } else {
            let subset = steps.last?.candidates
            let scan = SearchScan(index: catalog.searchIndex, query: q, over: subset)
            lastScanCount = subset?.count ?? catalog.searchIndex.entryCount
            hits = scan.hits(limit: limit)
            steps.append(Step(query: q, candidates: scan.candidates, hits: hits))
        }
        return hits
    }
}
