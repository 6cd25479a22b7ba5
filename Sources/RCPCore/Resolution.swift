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
        resolve(
            query, keys: processKeys, items: processes,
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
    ///
    /// The states in no process (`statesInNoProcess`) take part in the choice but are never answered: a name of
    /// one of them is not found (with no suggestion), so that "Dominica" never becomes the Dominican Republic.
    /// `resolvePartyOrState(_:)` answers them.
    public func resolveParty(_ query: String) -> Resolution<Party> {
        func party(_ r: PartyLookup) -> Party? {
            if case .party(let p) = r { return p }
            return nil
        }
        switch resolvePartyOrState(query) {
        case .found(let r):
            return party(r).map { .found($0) } ?? .notFound(suggestions: [])
        case .ambiguous(let list):
            let parties = list.compactMap(party)
            return parties.isEmpty ? .notFound(suggestions: []) : .ambiguous(parties)
        case .notFound(let suggestions):
            return .notFound(suggestions: suggestions)
        }
    }

    /// A party of the data, or a UN member state of 2005 in no process of the paper (`statesInNoProcess`), by
    /// the rules of `resolveParty(_:)`; the candidates of an ambiguous name come by name.
    public func resolvePartyOrState(_ query: String) -> Resolution<PartyLookup> {
        // The id, name, code or ASCII name of one party settles it without the world map (decoded on first use).
        let q = searchKey(query)
        if let exact = partyKeys[FoldedKey(q)], exact.count == 1 {
            let p = parties[exact[0]]
            if Self.primaryNames(p).contains(where: { searchKey($0) == q }) {
                return .found(.party(p))
            }
        }
        let u = unnamed
        func names(_ r: PartyLookup) -> [String] {
            switch r {
            case .party(let p): return [p.name] + p.aliases
            case .stateInNoProcess(let s): return [s.name]
            }
        }
        func primary(_ r: PartyLookup) -> [String] {
            switch r {
            case .party(let p): return Self.primaryNames(p)
            case .stateInNoProcess(let s): return [s.name, s.iso3]
            }
        }
        func qualified(_ r: PartyLookup) -> Bool {
            if case .party(let p) = r { return p.kind != .organization }
            return true
        }
        let result = resolve(
            query, keys: u.keys, items: u.records, names: names, primary: primary, qualified: qualified)
        guard case .ambiguous(let list) = result else { return result }
        return .ambiguous(list.sorted { searchKey($0.name).lexicographicallyPrecedes(searchKey($1.name)) })
    }

    /// The names that identify a party outright: its id, name, ISO code and ASCII name (not its aliases).
    static func primaryNames(_ p: Party) -> [String] { [p.id, p.name] + [p.iso3, p.asciiName].compactMap { $0 } }

    /// - Parameters:
    ///   - names: the names to suggest a record by (the first is the one shown).
    ///   - primary: the names that identify a record outright; an exact match on any other (an alias) of a
    ///     qualified record is checked against the other qualified records' names.
    ///   - qualified: whether a record's name may need all its words to tell it from others: a match inside
    ///     (not at the start of) its name is only offered.
    private func resolve<T>(
        _ query: String, keys: [FoldedKey: [Int]], items: [T], names: (T) -> [String],
        primary: (T) -> [String], qualified: (T) -> Bool
    ) -> Resolution<T> {
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
        let loose = taken.isEmpty ? looseMatch(q, keys: keys) : (match: LooseMatch.none, exact: false)
        // Only inside a name ("republic of the congo" in "Democratic Republic of the Congo"), but exactly the
        // words of another ("Congo Republic"): that one.
        if loose.exact, case .one(let i) = loose.match { return .found(items[i]) }
        if !all.isEmpty { return .ambiguous(all.sorted().map { items[$0] }) }
        switch loose.match {
        case .one(let i): return .found(items[i])
        case .several(let list): return .ambiguous(list.map { items[$0] })
        case .none: return .notFound(suggestions: suggestions(q, items.map(names)))
        }
    }

    enum LooseMatch: Equatable { case one(Int), several([Int]), none }

    /// The matches the search would also make, for a query that is no name and starts none (the last step
    /// before suggestions):
    /// - the name with its spaces left out: "cote divoire" (an apostrophe dropped) is "Côte d'Ivoire",
    ///   "cote divo" starts it;
    /// - every word of a query of several, in any order, at the start of a word of one of a record's names:
    ///   "korea republic" fits the Republic of Korea (and the Democratic People's Republic of Korea, but a name
    ///   made of the query's very words, leaving out "of", "the" and "and", is taken over the others).
    /// One record matched is taken; several are candidates, by position. `exact` when the match is a whole
    /// name without its spaces or a name of the very words.
    func looseMatch(_ q: [UInt32], keys: [FoldedKey: [Int]]) -> (match: LooseMatch, exact: Bool) {
        let compactQuery = q.filter { $0 != space }
        let words = significantWords(q)
        var compactExact = Set<Int>(), compactStart = Set<Int>(), sameWords = Set<Int>()
        var wordsFound: [Int: Set<Int>] = [:]  // position → the query words some name of it has
        for (key, positions) in keys {
            let codes = key.codes
            let compact = codes.filter { $0 != space }
            if compact.starts(with: compactQuery) {
                compactStart.formUnion(positions)
                if compact.count == compactQuery.count { compactExact.formUnion(positions) }
            }
            guard words.count > 1 else { continue }
            var found = Set<Int>()
            for (w, word) in words.enumerated() where wordMatch(word, in: codes) != nil { found.insert(w) }
            if found.isEmpty { continue }
            for p in positions { wordsFound[p, default: []].formUnion(found) }
            if found.count == words.count && Set(significantWords(codes)) == Set(words) {
                sameWords.formUnion(positions)
            }
        }
        for best in [compactExact, sameWords] where !best.isEmpty {
            return (best.count == 1 ? .one(best.first!) : .several(best.sorted()), true)
        }
        let all = compactStart.union(wordsFound.filter { $0.value.count == words.count }.keys)
        if all.isEmpty { return (.none, false) }
        return (all.count == 1 ? .one(all.first!) : .several(all.sorted()), false)
    }

    /// Up to 3 names closest to `q` by edit distance, within a distance that grows with the query's length,
    /// each word of `q` near a word of the name (`wordsAreNear`: "korea republic" is not "Kyrgyz Republic").
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
                if d <= limit && d < (best ?? Int.max) && wordsAreNear(q, key) { best = d }
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
    for i in 0...(key.count - q.count)
    where (i == 0 || key[i - 1] == space)
        && (i + q.count == key.count || key[i + q.count] == space)
    {
        if key[i..<(i + q.count)].elementsEqual(q) { return true }
    }
    return false
}

/// The words of a folded name or query that tell names apart: all but "of", "the" and "and" (all of them when
/// there are no others).
func significantWords(_ codes: [UInt32]) -> [[UInt32]] {
    let all = codes.split(separator: space).map(Array.init)
    let kept = all.filter { !fillerWords.contains(FoldedKey($0)) }
    return kept.isEmpty ? all : kept
}

private let fillerWords: Set<FoldedKey> = Set(["of", "the", "and"].map { FoldedKey(searchKey($0)) })

/// True when each significant word of `q` starts a word of `name`, or is a word of it misspelt by no more than
/// the search corrects (docs/SEARCH.md, "Typos": a quarter of the word's length; none under 4 letters).
func wordsAreNear(_ q: [UInt32], _ name: [UInt32]) -> Bool {
    let nameWords = name.split(separator: space).map(Array.init)
    return significantWords(q).allSatisfy { word in
        let limit = word.count / 4
        return nameWords.contains { $0.starts(with: word) || (limit > 0 && editDistance(word, $0) <= limit) }
    }
}
