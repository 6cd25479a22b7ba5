/// What a search found: the hits, best first, and what the person should be told about them.
public struct SearchResult: Sendable, Hashable {
    public var hits: [SearchHit]
    /// The query the hits are for when a misspelt word was corrected ("budapest" for "budapset"); the UI and
    /// the CLI say "showing results for …". Nil when the query was used as typed.
    public var correctedQuery: String?
    /// Why the query cannot have hits: a `kind:` or `region:` filter that names nothing.
    public var problem: String?

    public init(hits: [SearchHit] = [], correctedQuery: String? = nil, problem: String? = nil) {
        self.hits = hits; self.correctedQuery = correctedQuery; self.problem = problem
    }
}
