extension Catalog {
    /// Searches everything — processes, parties, regions, mechanisms, practices and their items, understandings,
    /// events and topics — case-, diacritic- and punctuation-insensitively, one hit per record. The hits of
    /// `searchResult(_:limit:)`.
    public func search(_ query: String, limit: Int? = nil) -> [SearchHit] { searchResult(query, limit: limit).hits }

    /// Searches for every word of `query` in any order (docs/SEARCH.md has the syntax and the ranking rules):
    /// whole words and starts of words first; words inside other words only when nothing matches at a word
    /// start; a misspelt word corrected when nothing matches it at a word start; letters in order only when
    /// nothing else matches. An empty query (or one of punctuation only) has no hits. `limit` keeps the best
    /// `limit` hits.
    public func searchResult(_ query: String, limit: Int? = nil) -> SearchResult {
        let parsed = SearchQuery(query, regions: regions)
        return SearchEngine(index: searchIndex, query: parsed).run(over: nil, limit: limit).result
    }
}
