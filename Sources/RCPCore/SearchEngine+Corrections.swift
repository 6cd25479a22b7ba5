// Misspelt words: the closest word of the data for a word that starts none.
extension SearchEngine {
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
                !word.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), !startsSomeWord(word)
            else { continue }
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
                    if i > 1 && j > 1 && w[i - 1] == word[j - 2] && w[i - 2] == word[j - 1] {
                        d = min(d, twoBack[j - 2] + 1)
                    }
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
            let key = (
                distance: distance, partial: full == distance ? 0 : 1, extra: abs(word.count - m),
                count: index.vocabularyCounts[v], word: v
            )
            if let b = best,
                (b.distance, b.partial, b.extra, -b.count, b.word)
                    <= (key.distance, key.partial, key.extra, -key.count, key.word)
            {
                continue
            }
            best = key
        }
        return best.map { index.vocabulary[$0.word] }
    }
}
