// The scan over the index: which entries hold every word of the query, and how well.
extension SearchEngine {
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
                    if chosen < 0
                        || (key.count, key.sum, key.phrase, -key.length) > (
                            chosenKey.count, chosenKey.sum, chosenKey.phrase, -chosenKey.length
                        )
                    {
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
                let score = Self.score(
                    tier: tier, exact: exact, entryClass: Int(classes[e]), phrase: phrase,
                    termScore: termScore, titleTerms: titleTerms, length: chosenKey.length)
                pass.ranked.append(
                    Ranked(
                        score: score, titleRank: titleRanks[e], entry: Int32(e),
                        text: Int32(chosen), quality: quality))
            }
        }
        return pass
    }

    /// The texts of entry `e` and then of its context.
    func textRanges(_ e: Int) -> [Range<Int>] {
        var ranges = [Int(index.entryTextBounds[e])..<Int(index.entryTextBounds[e + 1])]
        let c = Int(index.entryContexts[e])
        if c >= 0 { ranges.append(Int(index.entryTextBounds[c])..<Int(index.entryTextBounds[c + 1])) }
        return ranges
    }

    private func isCandidate(
        _ e: Int, _ table: TermTable, _ levels: UnsafeBufferPointer<Int>,
        _ codes: UnsafeBufferPointer<UInt32>
    ) -> Bool {
        let ranges = textRanges(e)
        for j in 0..<table.count where levels[j] == 0 {
            var found = false
            search: for range in ranges {
                for t in range {
                    let text = UnsafeBufferPointer(
                        rebasing: codes[Int(index.textBounds[t])..<Int(index.textBounds[t + 1])])
                    if table.holdsInOrder(j, text, textMask: index.textMasks[t]) { found = true; break search }
                }
            }
            if !found { return false }
        }
        return true
    }

    /// Kind and region filters, and no word of a `!word` at the start of a word of any text (or the context's).
    func passesFilters(_ e: Int, _ codes: UnsafeBufferPointer<UInt32>) -> Bool {
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
                    let text = UnsafeBufferPointer(
                        rebasing: codes[Int(index.textBounds[t])..<Int(index.textBounds[t + 1])])
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
    static func score(
        tier: SearchTier, exact: Bool, entryClass: Int, phrase: Int, termScore: Int, titleTerms: Int,
        length: Int
    ) -> Int {
        var s = tier.rawValue * tierUnit
        s += (2 - entryClass) * 100_000_000_000
        s += (exact ? 1 : 0) * 10_000_000_000
        s += min(termScore, 99) * 100_000_000
        s += phrase * 10_000_000
        s += min(titleTerms, 9) * 1_000_000
        s += 99_999 - min(length, 99_999)
        return s
    }
}
