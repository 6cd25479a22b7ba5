/// The Damerau–Levenshtein distance (optimal string alignment: insertions, deletions, substitutions and
/// transpositions of neighbours, each costing 1) between two code sequences.
func editDistance(_ a: [UInt32], _ b: [UInt32]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    let width = b.count + 1
    // Three rows: two back (for transpositions), previous, current.
    var twoBack = [Int](repeating: 0, count: width)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: width)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            var d = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] { d = min(d, twoBack[j - 2] + 1) }
            current[j] = d
        }
        (twoBack, previous, current) = (previous, current, twoBack)
    }
    return previous[b.count]
}

/// "Did you mean": the names among `candidates` closest to `query` by edit distance (folded as the search
/// folds: case, accents, punctuation), within a budget that grows with the query's length, closest first.
public func closestNames(to query: String, among candidates: [String], limit: Int = 3) -> [String] {
    let q = searchKey(query)
    guard !q.isEmpty, q.count <= 200 else { return [] }
    let budget = q.count <= 3 ? 1 : max(2, q.count / 3)
    return candidates.enumerated()
        .map { (distance: editDistance(q, searchKey($0.element)), position: $0.offset, name: $0.element) }
        .filter { $0.distance <= budget && $0.distance > 0 }
        .sorted { ($0.distance, $0.position) < ($1.distance, $1.position) }
        .prefix(limit).map(\.name)
}
