extension Catalog {
    /// Searches everything — processes, parties, regions, mechanisms, practices and their items, understandings,
    /// events and topics — case-, diacritic- and punctuation-insensitively, one hit per record.
    ///
    /// Hits are ranked by match quality (exact > prefix > word start > substring > fuzzy), then kind (the
    /// order of `SearchKind`), then length of the matched text (shorter first), then title.
    /// An empty query (or one of punctuation only) has no hits. `limit` keeps the best `limit` hits.
    public func search(_ query: String, limit: Int? = nil) -> [SearchHit] {
        let q = searchKey(query)
        guard !q.isEmpty else { return [] }
        let scan = SearchScan(index: searchIndex, query: q, over: nil)
        return scan.hits(limit: limit)
    }
}

/// One pass of the search over all entries or over the candidates of a previous pass.
struct SearchScan {
    let index: SearchIndex
    let query: [UInt32]
    /// Entries that still contain the query as a subsequence (hits and near misses), ascending.
    let candidates: [Int32]
    let ranked: [Ranked]

    struct Ranked: Comparable {
        var score: Int
        var titleRank: Int32
        var entry: Int32
        var text: Int32
        var match: TextMatch

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

    /// `over`: the entries to look at (all when nil).
    init(index: SearchIndex, query: [UInt32], over subset: [Int32]?) {
        self.index = index
        self.query = query
        let queryMask = characterMask(query)
        let entryMasks = index.entryMasks, entryKinds = index.entryKindRanks, titleRanks = index.entryTitleRanks
        let entryTexts = index.entryTextBounds, textMasks = index.textMasks, textBounds = index.textBounds
        var candidates: [Int32] = []
        var ranked: [Ranked] = []
        candidates.reserveCapacity(subset?.count ?? index.entryCount)
        ranked.reserveCapacity(subset?.count ?? index.entryCount)
        index.codes.withUnsafeBufferPointer { codes in
            query.withUnsafeBufferPointer { q in
                let count = subset?.count ?? index.entryCount
                for k in 0..<count {
                    let e = subset.map { Int($0[k]) } ?? k
                    guard entryMasks[e] & queryMask == queryMask else { continue }
                    var best: Ranked?
                    var isCandidate = false
                    for t in Int(entryTexts[e])..<Int(entryTexts[e + 1]) where textMasks[t] & queryMask == queryMask {
                        let text = UnsafeBufferPointer(rebasing: codes[Int(textBounds[t])..<Int(textBounds[t + 1])])
                        switch matchText(q, text) {
                        case .none: continue
                        case .candidate: isCandidate = true
                        case .hit(let match):
                            isCandidate = true
                            let score = Self.score(kindRank: Int(entryKinds[e]), match, textLength: text.count,
                                                   queryLength: q.count)
                            if best == nil || score > best!.score {
                                best = Ranked(score: score, titleRank: titleRanks[e], entry: Int32(e), text: Int32(t),
                                              match: match)
                            }
                        }
                    }
                    if isCandidate { candidates.append(Int32(e)) }
                    if let best { ranked.append(best) }
                }
            }
        }
        self.candidates = candidates
        self.ranked = ranked
    }

    /// Quality first, then kind, then the length of the text (for a fuzzy hit, plus the gaps inside it).
    @inline(__always)
    static func score(kindRank: Int, _ match: TextMatch, textLength: Int, queryLength: Int) -> Int {
        let quality = MatchQuality.allCases.count - match.quality.rawValue
        let length = min(textLength + (match.span - queryLength), 99_999)
        return quality * 10_000_000 + (SearchKind.allCases.count - kindRank) * 100_000 - length
    }

    /// The best `limit` hits (all when nil), best first.
    func hits(limit: Int?) -> [SearchHit] {
        let best: [Ranked]
        if let limit, limit < ranked.count {
            best = smallest(limit, of: ranked)
        } else {
            best = ranked.sorted()
        }
        return best.map(hit)
    }

    private func hit(_ r: Ranked) -> SearchHit {
        let entry = index.entries[Int(r.entry)]
        let t = Int(r.text)
        var ranges: [Range<Int>] = []
        if r.match.quality == .fuzzy {
            let codes = Array(index.codes(ofText: t))
            let positions = fuzzyPositions(query, codes, window: r.match.start..<(r.match.start + r.match.span))
            for p in positions {
                let o = index.originalRange(text: t, p..<(p + 1))
                if let last = ranges.last, last.upperBound == o.lowerBound {
                    ranges[ranges.count - 1] = last.lowerBound..<o.upperBound
                } else {
                    ranges.append(o)
                }
            }
        } else {
            ranges = [index.originalRange(text: t, r.match.start..<(r.match.start + r.match.span))]
        }
        return SearchHit(kind: entry.kind, ref: entry.ref, title: entry.title, detail: entry.detail,
                         matched: index.texts[t].original, ranges: ranges, score: r.score, quality: r.match.quality)
    }
}

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
