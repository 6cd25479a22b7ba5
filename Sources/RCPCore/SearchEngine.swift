/// The outcome of one search and the entries a longer query can still match (see `SearchSession`).
struct SearchRun {
    var result: SearchResult
    /// Entries holding every word of the query (or a synonym of it) as a subsequence, ascending.
    var candidates: [Int32]
}

/// How an entry matched, for ordering. Higher tiers first; the tiers are not mixed except as the rules say.
enum SearchTier: Int {
    case fuzzy = 1, corrected = 2, inWord = 3, word = 4
}

struct Ranked: Comparable {
    var score: Int
    var titleRank: Int32
    var entry: Int32
    /// The own text shown as matched.
    var text: Int32
    var quality: MatchQuality

    /// Better first.
    static func < (a: Ranked, b: Ranked) -> Bool {
        if a.score != b.score { return a.score > b.score }
        if a.titleRank != b.titleRank { return a.titleRank < b.titleRank }
        return a.entry < b.entry
    }
    static func == (a: Ranked, b: Ranked) -> Bool {
        a.score == b.score && a.titleRank == b.titleRank && a.entry == b.entry
    }
}

/// Runs a parsed query over the index.
struct SearchEngine {
    let index: SearchIndex
    let query: SearchQuery

    /// `over`: the entries to look at (all when nil); every hit of the query must be among them.
    func run(over subset: [Int32]?, limit: Int?) -> SearchRun {
        guard query.isSearchable else {
            return SearchRun(result: SearchResult(problem: query.problem), candidates: [])
        }
        let terms = query.terms.map { PreparedTerm($0, index: index) }
        if terms.isEmpty { return everything(limit: limit) }
        let pass = scan(terms, over: subset)
        var ranked = pass.ranked.filter { $0.quality != .substring }
        var corrected: String?
        var fixedTerms = terms
        if ranked.isEmpty {
            ranked = pass.ranked
            let fixes = corrections(terms)
            if !fixes.isEmpty {
                var fixedQuery = query
                for (j, word) in fixes { fixedQuery.terms[j].codes = word }
                fixedTerms = fixedQuery.terms.map { PreparedTerm($0, index: index) }
                let seen = Set(ranked.map(\.entry))
                let fixed = scan(fixedTerms, over: nil).ranked.filter {
                    $0.quality != .substring && !seen.contains($0.entry)
                }
                if !fixed.isEmpty {
                    let tierShift = (SearchTier.word.rawValue - SearchTier.corrected.rawValue) * tierUnit
                    ranked += fixed.map { r in
                        var r = r
                        r.score -= tierShift
                        r.quality = .corrected
                        return r
                    }
                    corrected = query.text(correcting: fixes)
                }
            }
            if ranked.isEmpty { ranked = fuzzy(terms, over: pass.nearMisses) }
        }
        let best: [Ranked]
        if let limit, limit < ranked.count { best = smallest(limit, of: ranked) } else { best = ranked.sorted() }
        let hits = best.map { r in hit(r, terms: r.quality == .corrected ? fixedTerms : terms) }
        return SearchRun(result: SearchResult(hits: hits, correctedQuery: corrected), candidates: pass.candidates)
    }

    /// Filters alone ("kind:process region:africa"): every record they keep, processes and parties first, then
    /// by title.
    private func everything(limit: Int?) -> SearchRun {
        var ranked: [Ranked] = []
        index.codes.withUnsafeBufferPointer { codes in
            for e in 0..<index.entryCount where passesFilters(e, codes) {
                let score = SearchTier.word.rawValue * tierUnit + (2 - Int(index.entryClasses[e])) * 100_000_000_000
                ranked.append(
                    Ranked(
                        score: score, titleRank: index.entryTitleRanks[e], entry: Int32(e),
                        text: index.entryTextBounds[e], quality: .word))
            }
        }
        let best = limit.map { smallest($0, of: ranked) } ?? ranked.sorted()
        return SearchRun(result: SearchResult(hits: best.map { hit($0, terms: []) }), candidates: [])
    }

    // MARK: Hits

    private func hit(_ r: Ranked, terms: [PreparedTerm]) -> SearchHit {
        let entry = index.entries[Int(r.entry)]
        let t = Int(r.text)
        let text = Array(index.codes(ofText: t))
        let ranges = Self.foldedRanges(terms, text, fuzzy: r.quality == .fuzzy).map { index.originalRange(text: t, $0) }
        let title = FoldedText(entry.title)
        let titleRanges = Self.foldedRanges(terms, title.codes, fuzzy: r.quality == .fuzzy).map(title.originalRange)
        return SearchHit(
            kind: entry.kind, ref: entry.ref, title: entry.title, detail: entry.detail,
            matched: index.texts[t].original, ranges: ranges, score: r.score, quality: r.quality,
            titleRanges: titleRanges)
    }

    /// The folded ranges of `text` the words of the query matched, sorted, a phrase's words joined into one.
    static func foldedRanges(_ terms: [PreparedTerm], _ text: [UInt32], fuzzy: Bool) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var previous = Occurrence.none
        text.withUnsafeBufferPointer { t in
            for term in terms {
                let preferAt = previous.level > 0 ? previous.wordEnd + 1 : -1
                let o = bestOccurrence(term, t, textMask: characterMask(text), preferAt: preferAt)
                previous = o
                if o.level > 0 {
                    found.append(o.start..<o.end)
                } else if fuzzy, term.length >= fuzzyMinimumLength,
                    let w = term.forms[0].withUnsafeBufferPointer({
                        smallestWindow($0, t, limit: fuzzyWindowLimit(term.length))
                    })
                {
                    found += fuzzyPositions(term.forms[0], text, window: w.start..<(w.start + w.span)).map {
                        $0..<($0 + 1)
                    }
                }
            }
        }
        found.sort { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int>] = []
        for r in found {
            if let last = merged.last,
                r.lowerBound <= last.upperBound
                    || (r.lowerBound == last.upperBound + 1 && text[last.upperBound] == space)
            {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
            } else {
                merged.append(r)
            }
        }
        return merged
    }
}

/// The weight of a tier in a score: more than everything else in it.
let tierUnit = 1_000_000_000_000

/// The `k` smallest elements of `items`, sorted — O(n log k) with a bounded max-heap.
func smallest<T: Comparable>(_ k: Int, of items: [T]) -> [T] {
    guard k > 0 else { return [] }
    var heap: [T] = []  // max-heap: heap[0] is the largest kept
    heap.reserveCapacity(k)
    for item in items {
        if heap.count < k {
            heap.append(item)
            var c = heap.count - 1
            while c > 0 {
                let p = (c - 1) / 2
                if heap[p] < heap[c] { heap.swapAt(p, c); c = p } else { break }
            }
        } else if item < heap[0] {
            heap[0] = item
            var p = 0
            while true {
                let l = 2 * p + 1, r = l + 1
                var m = p
                if l < heap.count && heap[m] < heap[l] { m = l }
                if r < heap.count && heap[m] < heap[r] { m = r }
                if m == p { break }
                heap.swapAt(p, m)
                p = m
            }
        }
    }
    return heap.sorted()
}
