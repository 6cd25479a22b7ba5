/// The outcome of looking up a process or party by what a person typed.
public enum Resolution<T> {
    case found(T)
    /// The name does not settle it; the caller should list these and ask (never guess). Usually several
    /// records; a single one when the query is only part of its name and the missing words are what tells it
    /// apart from others ("Congo" for the Democratic Republic of the Congo).
    case ambiguous([T])
    /// Nothing fits; up to 3 close names ("turky" → "Turkey"), closest first.
    case notFound(suggestions: [String])
}

extension Resolution: Sendable where T: Sendable {}
extension Resolution: Equatable where T: Equatable {}

/// Fuzzy suggestions stop after comparing this many character pairs (about a few milliseconds), however long
/// the query and however large the data set.
let suggestionBudget = 4_000_000

extension Catalog {
    /// A process by id, matrix number ("12"), name, short name or alias, ignoring case, diacritics and
    /// punctuation. An exact match wins; otherwise a unique match at the start of a name or of a word in it.
    public func resolveProcess(_ query: String) -> Resolution<Process> {
        resolve(query, keys: processKeys, items: processes,
                names: { [$0.shortName, $0.name] + $0.aliases },
                primary: { [$0.id, $0.name, $0.shortName] + ($0.number.map { [String($0)] } ?? []) },
                qualified: { _ in false })
    }

    /// A party by id, name, alias or ISO 3166 alpha-3 code, like `resolveProcess(_:)`, with two more rules
    /// for names that may mean more than one state:
    /// - a state's or territory's alias that is also a whole word of another state's or territory's name is
    ///   ambiguous (a data file giving the Republic of Korea the alias "Korea", a word of "DPR Korea"; "UK"
    ///   stays the United Kingdom although an organization is the "UK Department for International Development");
    /// - a state or territory matched only inside its name, not at its start, is offered, not taken: the words
    ///   left out may be what tells it from another state ("Congo" is not the "Democratic Republic of the Congo").
    public func resolveParty(_ query: String) -> Resolution<Party> {
        resolve(query, keys: partyKeys, items: parties,
                names: { [$0.name] + $0.aliases },
                primary: { [$0.id, $0.name] + [$0.iso3, $0.asciiName].compactMap { $0 } },
                qualified: { $0.kind != .organization })
    }

    /// - Parameters:
    ///   - names: the names to suggest a record by (the first is the one shown).
    ///   - primary: the names that identify a record outright; an exact match on any other (an alias) of a
    ///     qualified record is checked against the other qualified records' names.
    ///   - qualified: whether a record's name may need all its words to tell it from others: a match inside
    ///     (not at the start of) its name is only offered.
    private func resolve<T>(_ query: String, keys: [FoldedKey: [Int]], items: [T], names: (T) -> [String],
                            primary: (T) -> [String], qualified: (T) -> Bool) -> Resolution<T> {
        let q = searchKey(query)
        guard !q.isEmpty else { return .notFound(suggestions: []) }
        // A query longer than every name cannot match one (only a suggestion can be near it).
        let longest = keys.keys.lazy.map(\.codes.count).max() ?? 0
        guard q.count <= longest else { return .notFound(suggestions: suggestions(q, items.map(names))) }

        if let exact = keys[FoldedKey(q)] {
            if exact.count > 1 { return .ambiguous(exact.map { items[$0] }) }
            let only = exact[0]
            guard qualified(items[only]), !primary(items[only]).contains(where: { searchKey($0) == q }) else {
                return .found(items[only])
            }
            var others = Set<Int>()
            for (key, positions) in keys where containsWords(q, in: key.codes) { others.formUnion(positions) }
            others.remove(only)
            others = others.filter { qualified(items[$0]) }
            if others.isEmpty { return .found(items[only]) }
            return .ambiguous(others.union([only]).sorted().map { items[$0] })
        }

        var atStart = Set<Int>(), inside = Set<Int>()
        for (key, positions) in keys {
            switch wordMatch(q, in: key.codes) {
            case .start: atStart.formUnion(positions)
            case .inside: inside.formUnion(positions)
            case nil: break
            }
        }
        inside.subtract(atStart)
        let offered = inside.filter { qualified(items[$0]) }
        let taken = atStart.union(inside.subtracting(offered))
        if offered.isEmpty && taken.count == 1 { return .found(items[taken.first!]) }
        let all = taken.union(offered)
        if !all.isEmpty { return .ambiguous(all.sorted().map { items[$0] }) }
        return .notFound(suggestions: suggestions(q, items.map(names)))
    }

    /// Up to 3 names closest to `q` by edit distance, within a distance that grows with the query's length.
    /// Each record is offered under the first of its `names` (a process's short name, a party's name).
    /// Names whose length alone puts them out of reach are skipped, and the work stops at `suggestionBudget`.
    private func suggestions(_ q: [UInt32], _ names: [[String]]) -> [String] {
        let limit = q.count <= 3 ? 1 : max(2, q.count / 3)
        var budget = suggestionBudget
        var scored: [(distance: Int, position: Int, name: String)] = []
        search: for (position, list) in names.enumerated() {
            var best: Int?
            for name in list {
                let key = searchKey(name)
                if abs(key.count - q.count) > limit { continue }
                budget -= max(1, key.count * q.count)
                if budget < 0 { break search }
                let d = editDistance(q, key)
                if d <= limit && d < (best ?? Int.max) { best = d }
            }
            if let best { scored.append((best, position, list[0])) }
        }
        return scored.sorted { ($0.distance, $0.position) < ($1.distance, $1.position) }.prefix(3).map(\.name)
    }
}

enum WordMatch { case start, inside }

/// Where `q` occurs in `key` starting a word: at the very start, inside (after a space), or nowhere.
func wordMatch(_ q: [UInt32], in key: [UInt32]) -> WordMatch? {
    guard q.count <= key.count else { return nil }
    var found: WordMatch?
    for i in 0...(key.count - q.count) where i == 0 || key[i - 1] == space {
        if key[i..<(i + q.count)].elementsEqual(q) {
            if i == 0 { return .start }
            found = .inside
        }
    }
    return found
}

/// True when `q` occurs in `key` as whole words (a space or an end on both sides).
func containsWords(_ q: [UInt32], in key: [UInt32]) -> Bool {
    guard q.count <= key.count else { return false }
    for i in 0...(key.count - q.count) where (i == 0 || key[i - 1] == space)
        && (i + q.count == key.count || key[i + q.count] == space) {
        if key[i..<(i + q.count)].elementsEqual(q) { return true }
    }
    return false
}
