/// Search as you type: keeps the previous query's candidates, so that typing one more character only
/// re-checks the records that could still match. Gives exactly what `Catalog.search(_:limit:)` gives.
///
/// Not thread-safe: use one session per search field.
public final class SearchSession {
    public let catalog: Catalog
    /// The number of hits returned (all when nil).
    public let limit: Int?
    /// The hits of the last `update`.
    public private(set) var hits: [SearchHit] = []

    private var query: [UInt32] = []
    /// Entries that contain `query` as a subsequence; nil before the first non-empty query.
    private var candidates: [Int32]?
    /// How many entries the last `update` looked at (for tests and measurements).
    private(set) var lastScanCount = 0

    public init(catalog: Catalog, limit: Int? = 200) {
        self.catalog = catalog
        self.limit = limit
    }

    /// The hits for `query`, refining the previous result when `query` extends the previous query.
    @discardableResult
    public func update(_ text: String) -> [SearchHit] {
        let q = searchKey(text)
        if q == query && candidates != nil { lastScanCount = 0; return hits }
        guard !q.isEmpty else {
            query = []
            candidates = nil
            hits = []
            lastScanCount = 0
            return hits
        }
        let refine = candidates != nil && q.count > query.count && q.starts(with: query)
        let subset = refine ? candidates : nil
        let scan = SearchScan(index: catalog.searchIndex, query: q, over: subset)
        lastScanCount = subset?.count ?? catalog.searchIndex.entries.count
        query = q
        candidates = scan.candidates
        hits = scan.hits(limit: limit)
        return hits
    }
}
