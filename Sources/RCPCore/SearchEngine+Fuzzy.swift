// The last resort: letters in order.
extension SearchEngine {
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
                        let text = UnsafeBufferPointer(
                            rebasing: codes[Int(index.textBounds[t])..<Int(index.textBounds[t + 1])])
                        var length = Int.max
                        if bestOccurrence(term, text, textMask: index.textMasks[t], preferAt: -1).level > 0 {
                            length = text.count
                        } else if term.mode == .plain && term.length >= fuzzyMinimumLength,
                            let window = term.forms[0].withUnsafeBufferPointer({
                                smallestWindow($0, text, limit: fuzzyWindowLimit(term.length))
                            })
                        {
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
                let score =
                    SearchTier.fuzzy.rawValue * tierUnit + (2 - Int(index.entryClasses[e])) * 100_000_000_000
                    + 99_999 - min(chosenLength, 99_999)
                ranked.append(
                    Ranked(
                        score: score, titleRank: index.entryTitleRanks[e], entry: e32, text: Int32(chosen),
                        quality: .fuzzy))
            }
        }
        return ranked
    }
}
