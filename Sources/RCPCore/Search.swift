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

/// One word of the query, ready to match: its folded forms (the word, then what it stands for), their
/// character masks and its mode.
struct PreparedTerm {
    var forms: [[UInt32]]
    var masks: [UInt64]
    var mode: SearchQuery.Mode
    var length: Int { forms[0].count }

    init(_ term: SearchQuery.Term, index: SearchIndex) {
        var forms = [term.codes]
        if term.mode == .plain, let more = index.synonyms[FoldedKey(term.codes)] { forms += more }
        self.forms = forms
        masks = forms.map(characterMask)
        mode = term.mode
    }
}

/// An occurrence of a term in a text: level 3 a whole word, 2 the start of a word, 1 inside a word, 0 none.
struct Occurrence {
    var level: Int
    var start: Int
    var end: Int
    /// The end of the word the occurrence ends in: a phrase's next word starts one further.
    var wordEnd: Int
    static let none = Occurrence(level: 0, start: -1, end: -1, wordEnd: -1)
}

/// The best occurrence of `f` in `t` allowed by `mode`; one at `preferAt` (right after the previous word of
/// the query) wins when it starts a word, so that phrases are found as phrases.
@inline(__always)
func bestOccurrence(_ f: UnsafeBufferPointer<UInt32>, _ t: UnsafeBufferPointer<UInt32>, mode: SearchQuery.Mode,
                    preferAt: Int) -> Occurrence {
    let m = f.count, n = t.count
    guard m > 0, m <= n else { return .none }
    let first = f[0]
    var best = Occurrence.none
    var i = 0
    while i <= n - m {
        if t[i] == first {
            var k = 1
            while k < m && t[i + k] == f[k] { k += 1 }
            if k == m {
                let atWord = i == 0 || t[i - 1] == space
                let endsWord = i + m == n || t[i + m] == space
                let level = atWord ? (endsWord ? 3 : 2) : 1
                let allowed: Bool
                switch mode {
                case .plain: allowed = true
                case .exact: allowed = level == 3
                case .prefix: allowed = i == 0
                }
                if allowed && (level > best.level || (i == preferAt && level >= 2)) {
                    var wordEnd = i + m
                    while wordEnd < n && t[wordEnd] != space { wordEnd += 1 }
                    let o = Occurrence(level: level, start: i, end: i + m, wordEnd: wordEnd)
                    if i == preferAt && level >= 2 { return o }
                    best = o
                    // The first occurrence at a word start will do (a later whole word would rank a little
                    // higher, but reading every text to its end costs more than it is worth as you type).
                    if best.level >= 2 && (preferAt < 0 || i >= preferAt) { break }
                }
            }
        }
        i += 1
    }
    return best
}

/// The best occurrence of any form of `term` in `t`.
@inline(__always)
func bestOccurrence(_ term: PreparedTerm, _ t: UnsafeBufferPointer<UInt32>, textMask: UInt64, preferAt: Int) -> Occurrence {
    var best = Occurrence.none
    for (k, form) in term.forms.enumerated() where term.masks[k] & textMask == term.masks[k] {
        let o = form.withUnsafeBufferPointer { bestOccurrence($0, t, mode: term.mode, preferAt: preferAt) }
        if o.level > best.level || (o.level == best.level && o.level > 0 && o.start == preferAt && best.start != preferAt) {
            best = o
        }
    }
    return best
}

/// The words of a query laid out flat for the scan (no reference counting in the loop): every form's codes,
/// bounds and mask, and each word's forms and mode.
final class TermTable {
    let count: Int
    private let codes: UnsafeMutableBufferPointer<UInt32>
    private let formBounds: UnsafeMutableBufferPointer<Int>
    private let formMasks: UnsafeMutableBufferPointer<UInt64>
    private let termForms: UnsafeMutableBufferPointer<Int>
    private let modes: UnsafeMutableBufferPointer<SearchQuery.Mode>

    init(_ terms: [PreparedTerm]) {
        count = terms.count
        let forms = terms.flatMap(\.forms)
        codes = .allocate(capacity: max(1, forms.reduce(0) { $0 + $1.count }))
        formBounds = .allocate(capacity: forms.count + 1)
        formMasks = .allocate(capacity: max(1, forms.count))
        termForms = .allocate(capacity: terms.count + 1)
        modes = .allocate(capacity: max(1, terms.count))
        var c = 0, f = 0
        formBounds[0] = 0
        termForms[0] = 0
        for (j, term) in terms.enumerated() {
            modes[j] = term.mode
            for (k, form) in term.forms.enumerated() {
                for code in form { codes[c] = code; c += 1 }
                formMasks[f] = term.masks[k]
                f += 1
                formBounds[f] = c
            }
            termForms[j + 1] = f
        }
    }

    deinit {
        codes.deallocate(); formBounds.deallocate(); formMasks.deallocate(); termForms.deallocate(); modes.deallocate()
    }

    /// True when some form of word `j` can be in a text of character mask `mask`.
    @inline(__always) func possible(_ j: Int, _ mask: UInt64) -> Bool {
        for k in termForms[j]..<termForms[j + 1] where formMasks[k] & mask == formMasks[k] { return true }
        return false
    }

    /// The best occurrence of any form of word `j` in `t`.
    @inline(__always)
    func best(_ j: Int, _ t: UnsafeBufferPointer<UInt32>, textMask: UInt64, preferAt: Int) -> Occurrence {
        var best = Occurrence.none
        let base = UnsafeBufferPointer(codes)
        for k in termForms[j]..<termForms[j + 1] where formMasks[k] & textMask == formMasks[k] {
            let form = UnsafeBufferPointer(rebasing: base[formBounds[k]..<formBounds[k + 1]])
            let o = bestOccurrence(form, t, mode: modes[j], preferAt: preferAt)
            if o.level > best.level || (o.level == best.level && o.level > 0 && o.start == preferAt && best.start != preferAt) {
                best = o
            }
        }
        return best
    }

    /// True when some form of word `j` is a subsequence of `t`.
    @inline(__always)
    func holdsInOrder(_ j: Int, _ t: UnsafeBufferPointer<UInt32>, textMask: UInt64) -> Bool {
        let base = UnsafeBufferPointer(codes)
        for k in termForms[j]..<termForms[j + 1] where formMasks[k] & textMask == formMasks[k] {
            if isSubsequence(UnsafeBufferPointer(rebasing: base[formBounds[k]..<formBounds[k + 1]]), t) { return true }
        }
        return false
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
                let fixed = scan(fixedTerms, over: nil).ranked.filter { $0.quality != .substring && !seen.contains($0.entry) }
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
                ranked.append(Ranked(score: score, titleRank: index.entryTitleRanks[e], entry: Int32(e),
                                     text: index.entryTextBounds[e], quality: .word))
            }
        }
        let best = limit.map { smallest($0, of: ranked) } ?? ranked.sorted()
        return SearchRun(result: SearchResult(hits: best.map { hit($0, terms: []) }), candidates: [])
    }

    // MARK: The scan

    struct Pass {
        var ranked: [Ranked] = []
        var candidates: [Int32] = []
        /// Candidates that are not hits: the only entries a fuzzy match can find.
        var nearMisses: [Int32] = []
    }

    func scan(_ terms: [PreparedTerm], over subset: [Int32]?) -> Pass {
        let table = TermTable(terms)
        var pass = Pass()
        let count = subset?.count ?? index.entryCount
        pass.candidates.reserveCapacity(count)
        let entryMasks = index.entryMasks, textMasks = index.textMasks, textBounds = index.textBounds
        let entryTexts = index.entryTextBounds, contexts = index.entryContexts
        let classes = index.entryClasses, titleRanks = index.entryTitleRanks
        let termCount = table.count
        let bestLevels = UnsafeMutableBufferPointer<Int>.allocate(capacity: termCount)
        let occurrences = UnsafeMutableBufferPointer<Occurrence>.allocate(capacity: termCount)
        // Per context entry and word: its best level there, computed once (-1: not yet).
        let contextLevels = UnsafeMutableBufferPointer<Int8>.allocate(capacity: index.entryCount * termCount)
        contextLevels.initialize(repeating: -1)
        defer { bestLevels.deallocate(); occurrences.deallocate(); contextLevels.deallocate() }
        index.codes.withUnsafeBufferPointer { codes in
            @inline(__always) func text(_ t: Int) -> UnsafeBufferPointer<UInt32> {
                UnsafeBufferPointer(rebasing: codes[Int(textBounds[t])..<Int(textBounds[t + 1])])
            }
            let sub = subset ?? []
            let hasSubset = subset != nil
            for k in 0..<count {
                let e = hasSubset ? Int(sub[k]) : k
                let entryMask = entryMasks[e]
                // Every word (in one of its forms) must be in the characters of the entry and its context.
                var possible = true
                for j in 0..<termCount where !table.possible(j, entryMask) { possible = false; break }
                guard possible else { continue }
                for j in 0..<termCount { bestLevels[j] = 0 }
                var ownMatched = false
                var exact = false
                var phrase = 0
                var titleTerms = 0
                var chosen = -1
                var chosenKey = (count: 0, sum: 0, phrase: 0, length: Int.max)
                let firstText = Int(entryTexts[e])
                for t in firstText..<Int(entryTexts[e + 1]) {
                    let body = text(t)
                    let mask = textMasks[t]
                    var matched = 0, sum = 0
                    var adjacent = true
                    var allWhole = true
                    for j in 0..<termCount {
                        let preferAt = j > 0 && occurrences[j - 1].level > 0 ? occurrences[j - 1].wordEnd + 1 : -1
                        let o = table.best(j, body, textMask: mask, preferAt: preferAt)
                        occurrences[j] = o
                        if o.level > 0 {
                            matched += 1
                            sum += o.level
                            if o.level > bestLevels[j] { bestLevels[j] = o.level }
                        }
                        if o.level != 3 { allWhole = false }
                        if o.level < 2 || (j > 0 && o.start != preferAt) { adjacent = false }
                    }
                    guard matched > 0 else { continue }
                    ownMatched = true
                    var textPhrase = 0
                    if adjacent {
                        textPhrase = occurrences[0].start == 0 ? 2 : 1
                        if textPhrase == 2 && occurrences[termCount - 1].end == body.count && allWhole { exact = true }
                    }
                    phrase = max(phrase, textPhrase)
                    if t == firstText { titleTerms = matched }
                    let key = (count: matched, sum: sum, phrase: textPhrase, length: body.count)
                    if chosen < 0 || (key.count, key.sum, key.phrase, -key.length) > (chosenKey.count, chosenKey.sum, chosenKey.phrase, -chosenKey.length) {
                        chosen = t
                        chosenKey = key
                    }
                }
                let c = Int(contexts[e])
                if c >= 0 {
                    for j in 0..<termCount where bestLevels[j] < 3 {
                        var level = Int(contextLevels[c * termCount + j])
                        if level < 0 {
                            level = 0
                            for t in Int(entryTexts[c])..<Int(entryTexts[c + 1]) {
                                level = max(level, table.best(j, text(t), textMask: textMasks[t], preferAt: -1).level)
                            }
                            contextLevels[c * termCount + j] = Int8(level)
                        }
                        if level > bestLevels[j] { bestLevels[j] = level }
                    }
                }
                var missing = false
                var inWord = false
                var termScore = 0
                for j in 0..<termCount {
                    if bestLevels[j] == 0 { missing = true }
                    if bestLevels[j] == 1 { inWord = true }
                    termScore += bestLevels[j]
                }
                if !ownMatched || missing {
                    // A candidate still: every word is a subsequence of some text.
                    guard isCandidate(e, table, UnsafeBufferPointer(bestLevels), codes) else { continue }
                    pass.candidates.append(Int32(e))
                    pass.nearMisses.append(Int32(e))
                    continue
                }
                pass.candidates.append(Int32(e))
                guard passesFilters(e, codes) else { continue }
                let tier: SearchTier = inWord ? .inWord : .word
                let quality: MatchQuality = inWord ? .substring : exact ? .exact : phrase >= 2 ? .prefix : .word
                let score = Self.score(tier: tier, exact: exact, entryClass: Int(classes[e]), phrase: phrase,
                                       termScore: termScore, titleTerms: titleTerms, length: chosenKey.length)
                pass.ranked.append(Ranked(score: score, titleRank: titleRanks[e], entry: Int32(e),
                                          text: Int32(chosen), quality: quality))
            }
        }
        return pass
    }

    /// The texts of entry `e` and then of its context.
    private func textRanges(_ e: Int) -> [Range<Int>] {
        var ranges = [Int(index.entryTextBounds[e])..<Int(index.entryTextBounds[e + 1])]
        let c = Int(index.entryContexts[e])
        if c >= 0 { ranges.append(Int(index.entryTextBounds[c])..<Int(index.entryTextBounds[c + 1])) }
        return ranges
    }

    private func isCandidate(_ e: Int, _ table: TermTable, _ levels: UnsafeBufferPointer<Int>,
                             _ codes: UnsafeBufferPointer<UInt32>) -> Bool {
        let ranges = textRanges(e)
        for j in 0..<table.count where levels[j] == 0 {
            var found = false
            search: for range in ranges {
                for t in range {
                    let text = UnsafeBufferPointer(rebasing: codes[Int(index.textBounds[t])..<Int(index.textBounds[t + 1])])
                    if table.holdsInOrder(j, text, textMask: index.textMasks[t]) { found = true; break search }
                }
            }
            if !found { return false }
        }
        return true
    }

    /// Kind and region filters, and no word of a `!word` at the start of a word of any text (or the context's).
    private func passesFilters(_ e: Int, _ codes: UnsafeBufferPointer<UInt32>) -> Bool {
        if let kinds = query.kinds {
            let kind = index.entryKinds[e], party = index.entryPartyKinds[e]
            guard kinds.contains(where: { $0.accepts(kind, party) }) else { return false }
        }
        if let regions = query.regions {
            guard index.regions(ofEntry: e).contains(where: { regions.contains(Int($0)) }) else { return false }
        }
        guard !query.negations.isEmpty else { return true }
        for word in query.negations {
            let mask = characterMask(word)
            for range in textRanges(e) {
                for t in range where index.textMasks[t] & mask == mask {
                    let text = UnsafeBufferPointer(rebasing: codes[Int(index.textBounds[t])..<Int(index.textBounds[t + 1])])
                    let o = word.withUnsafeBufferPointer { bestOccurrence($0, text, mode: .plain, preferAt: -1) }
                    if o.level >= 2 { return false }
                }
            }
        }
        return true
    }

    /// The score of a hit: tier, then the class of record, then a text that is the whole query, then how well
    /// each word matched (whole word 3, start of a word 2, inside a word 1), then the words as a phrase (at the
    /// start of a text 2, anywhere 1), then how many words the title holds, then the length of the matched text
    /// (shorter first).
    static func score(tier: SearchTier, exact: Bool, entryClass: Int, phrase: Int, termScore: Int, titleTerms: Int,
                      length: Int) -> Int {
        var s = tier.rawValue * tierUnit
        s += (2 - entryClass) * 100_000_000_000
        s += (exact ? 1 : 0) * 10_000_000_000
        s += min(termScore, 99) * 100_000_000
        s += phrase * 10_000_000
        s += min(titleTerms, 9) * 1_000_000
        s += 99_999 - min(length, 99_999)
        return s
    }

    // MARK: Typos

    /// For each plain word of 4 letters or more that starts no word of the data (and is no abbreviation of the
    /// synonym table), the closest word of the data: within an edit distance of a quarter of its length
    /// (transpositions count 1), the word itself or its start; nearer first, whole words first, then the closest
    /// in length, then the most used. Empty when there is nothing to correct.
    func corrections(_ terms: [PreparedTerm]) -> [Int: [UInt32]] {
        var fixes: [Int: [UInt32]] = [:]
        for (j, term) in terms.enumerated() {
            let word = term.forms[0]
            guard term.mode == .plain, term.forms.count == 1, word.count >= 4, !word.contains(space),
                  !word.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), !startsSomeWord(word) else { continue }
            if let fix = closestWord(word) { fixes[j] = fix }
        }
        return fixes
    }

    private func startsSomeWord(_ w: [UInt32]) -> Bool {
        let vocabulary = index.vocabulary
        var lo = 0, hi = vocabulary.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if vocabulary[mid].lexicographicallyPrecedes(w) { lo = mid + 1 } else { hi = mid }
        }
        return lo < vocabulary.count && vocabulary[lo].starts(with: w)
    }

    private func closestWord(_ w: [UInt32]) -> [UInt32]? {
        let m = w.count
        let budget = m / 4
        var best: (distance: Int, partial: Int, extra: Int, count: Int32, word: Int)?
        var row = [Int](repeating: 0, count: m + budget + 2)
        var previous = row, twoBack = row
        for (v, word) in index.vocabulary.enumerated() where word.count >= m - budget {
            // Distances between w and each start of `word` up to m + budget long (one DP, rows over w).
            let width = min(word.count, m + budget)
            for j in 0...width { previous[j] = j }
            for i in 1...m {
                row[0] = i
                var rowMin = i
                for j in 1...width {
                    let cost = w[i - 1] == word[j - 1] ? 0 : 1
                    var d = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
                    if i > 1 && j > 1 && w[i - 1] == word[j - 2] && w[i - 2] == word[j - 1] { d = min(d, twoBack[j - 2] + 1) }
                    row[j] = d
                    rowMin = min(rowMin, d)
                }
                (twoBack, previous, row) = (previous, row, twoBack)
                if rowMin > budget && i < m { break }
            }
            let full = word.count <= width ? previous[word.count] : Int.max
            var partial = Int.max
            if word.count > m - budget {
                for j in max(1, m - budget)...width { partial = min(partial, previous[j]) }
            }
            let distance = min(full, partial)
            guard distance >= 1, distance <= budget else { continue }
            let key = (distance: distance, partial: full == distance ? 0 : 1, extra: abs(word.count - m),
                       count: index.vocabularyCounts[v], word: v)
            if let b = best, (b.distance, b.partial, b.extra, -b.count, b.word)
                <= (key.distance, key.partial, key.extra, -key.count, key.word) { continue }
            best = key
        }
        return best.map { index.vocabulary[$0.word] }
    }

    // MARK: Letters in order

    /// Entries where every word of 3 letters or more has its letters in order, close together from the start of
    /// a word (shorter words must occur as they are); ranked below everything else.
    func fuzzy(_ terms: [PreparedTerm], over entries: [Int32]) -> [Ranked] {
        var ranked: [Ranked] = []
        index.codes.withUnsafeBufferPointer { codes in
            for e32 in entries {
                let e = Int(e32)
                var ok = true
                var ownMatched = false
                var chosen = -1, chosenLength = Int.max
                let ownEnd = Int(index.entryTextBounds[e + 1])
                let texts = textRanges(e).flatMap { $0 }
                for term in terms {
                    var found = false
                    for t in texts {
                        let text = UnsafeBufferPointer(rebasing: codes[Int(index.textBounds[t])..<Int(index.textBounds[t + 1])])
                        var length = Int.max
                        if bestOccurrence(term, text, textMask: index.textMasks[t], preferAt: -1).level > 0 {
                            length = text.count
                        } else if term.mode == .plain && term.length >= fuzzyMinimumLength,
                                  let window = term.forms[0].withUnsafeBufferPointer({
                                      smallestWindow($0, text, limit: fuzzyWindowLimit(term.length)) }) {
                            length = text.count + window.span - term.length
                        }
                        guard length < Int.max else { continue }
                        found = true
                        if t < ownEnd && t >= Int(index.entryTextBounds[e]) {
                            ownMatched = true
                            if length < chosenLength { chosen = t; chosenLength = length }
                        }
                    }
                    if !found { ok = false; break }
                }
                guard ok, ownMatched, passesFilters(e, codes) else { continue }
                let score = SearchTier.fuzzy.rawValue * tierUnit + (2 - Int(index.entryClasses[e])) * 100_000_000_000
                    + 99_999 - min(chosenLength, 99_999)
                ranked.append(Ranked(score: score, titleRank: index.entryTitleRanks[e], entry: e32, text: Int32(chosen),
                                     quality: .fuzzy))
            }
        }
        return ranked
    }

    // MARK: Hits

    private func hit(_ r: Ranked, terms: [PreparedTerm]) -> SearchHit {
        let entry = index.entries[Int(r.entry)]
        let t = Int(r.text)
        let text = Array(index.codes(ofText: t))
        let ranges = Self.foldedRanges(terms, text, fuzzy: r.quality == .fuzzy).map { index.originalRange(text: t, $0) }
        let title = FoldedText(entry.title)
        let titleRanges = Self.foldedRanges(terms, title.codes, fuzzy: r.quality == .fuzzy).map(title.originalRange)
        return SearchHit(kind: entry.kind, ref: entry.ref, title: entry.title, detail: entry.detail,
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
                          let w = term.forms[0].withUnsafeBufferPointer({ smallestWindow($0, t, limit: fuzzyWindowLimit(term.length)) }) {
                    found += fuzzyPositions(term.forms[0], text, window: w.start..<(w.start + w.span)).map { $0..<($0 + 1) }
                }
            }
        }
        found.sort { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int>] = []
        for r in found {
            if let last = merged.last,
               r.lowerBound <= last.upperBound || (r.lowerBound == last.upperBound + 1 && text[last.upperBound] == space) {
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
