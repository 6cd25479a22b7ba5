/// The outcome of looking up a process or party by what a person typed.
public enum Resolution<T> {
    case found(T)
    /// Several records fit equally well; the caller should ask (never guess).
    case ambiguous([T])
    /// Nothing fits; up to 3 close names ("turky" → "Turkey"), closest first.
    case notFound(suggestions: [String])
}

extension Resolution: Sendable where T: Sendable {}
extension Resolution: Equatable where T: Equatable {}

extension Catalog {
    /// A process by id, matrix number ("12"), name, short name or alias, ignoring case, diacritics and
    /// punctuation. An exact match wins; otherwise a unique match at the start of a name or of a word in it.
    public func resolveProcess(_ query: String) -> Resolution<Process> {
        resolve(query, keys: processKeys, items: processes) { [$0.shortName, $0.name] + $0.aliases }
    }

    /// A party by id, name, alias or ISO 3166 alpha-3 code, like `resolveProcess(_:)`.
    public func resolveParty(_ query: String) -> Resolution<Party> {
        resolve(query, keys: partyKeys, items: parties) { [$0.name] + $0.aliases }
    }

    private func resolve<T>(_ query: String, keys: [FoldedKey: [Int]], items: [T],
                            names: (T) -> [String]) -> Resolution<T> {
        let q = searchKey(query)
        guard !q.isEmpty else { return .notFound(suggestions: []) }
        if let exact = keys[FoldedKey(q)] { return exact.count == 1 ? .found(items[exact[0]]) : .ambiguous(exact.map { items[$0] }) }
        var matches = Set<Int>()
        for (key, positions) in keys where startsAtWord(q, in: key.codes) { matches.formUnion(positions) }
        if matches.count == 1 { return .found(items[matches.first!]) }
        if matches.count > 1 { return .ambiguous(matches.sorted().map { items[$0] }) }
        return .notFound(suggestions: suggestions(q, items.map(names)))
    }

    /// Up to 3 names closest to `q` by edit distance, within a distance that grows with the query's length.
    /// Each record is offered under the first of its `names` (a process's short name, a party's name).
    private func suggestions(_ q: [UInt32], _ names: [[String]]) -> [String] {
        let limit = q.count <= 3 ? 1 : max(2, q.count / 3)
        var scored: [(distance: Int, position: Int, name: String)] = []
        for (position, list) in names.enumerated() {
            let best = list.map { (editDistance(q, searchKey($0)), $0) }.min { $0.0 < $1.0 }
            if let best, best.0 <= limit { scored.append((best.0, position, list[0])) }
        }
        return scored.sorted { ($0.distance, $0.position) < ($1.distance, $1.position) }.prefix(3).map(\.name)
    }
}

/// True when `q` occurs in `key` at the start or right after a space.
func startsAtWord(_ q: [UInt32], in key: [UInt32]) -> Bool {
    guard q.count <= key.count else { return false }
    for i in 0...(key.count - q.count) where i == 0 || key[i - 1] == space {
        if key[i..<(i + q.count)].elementsEqual(q) { return true }
    }
    return false
}
