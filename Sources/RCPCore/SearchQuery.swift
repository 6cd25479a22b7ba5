/// A search query taken apart (docs/CLI.md, "Query syntax"): words separated by spaces, each of which must match
/// somewhere in a record or its context, in any order; `'word` only the whole word; `^word` only the start of a
/// name; `!word` leaves out records with a word starting so; `kind:K` and `region:R` keep some records only.
struct SearchQuery {
    enum Mode: Sendable, Hashable {
        /// A word or its start; abbreviations expand; a typo may be corrected.
        case plain
        /// `'word`: the whole word only.
        case exact
        /// `^word`: the start of a name or title only.
        case prefix
    }

    struct Term: Sendable, Hashable {
        var codes: [UInt32]
        var mode: Mode
    }

    /// One space-separated piece of the query as typed, for showing a corrected query.
    struct Token: Equatable {
        /// The piece as typed, its word folded ("'Budapset" → "'budapset").
        var shown: String
        /// The term it made, if any (an index into `terms`).
        var term: Int?
    }

    var terms: [Term] = []
    /// Words after `!`.
    var negations: [[UInt32]] = []
    /// `kind:` filters (nil: every kind).
    var kinds: [KindChoice]?
    /// `region:` filters: positions in the catalog's `regions` (nil: every region).
    var regions: Set<Int>?
    /// A filter that cannot be understood ("no kind “planet” …"); the query then has no hits.
    var problem: String?
    var tokens: [Token] = []

    /// A kind a `kind:` filter keeps: a search kind, and for parties perhaps one party kind.
    struct KindChoice: Hashable {
        var kind: SearchKind
        var party: PartyKind?
        func accepts(_ kind: SearchKind, _ party: PartyKind?) -> Bool {
            kind == self.kind && (self.party == nil || self.party == party)
        }
    }

    /// The names a `kind:` filter takes (plurals and unique starts work too).
    static let kindNames: [(name: String, choice: KindChoice)] = [
        ("process", KindChoice(kind: .process)), ("party", KindChoice(kind: .party)),
        ("state", KindChoice(kind: .party, party: .state)), ("territory", KindChoice(kind: .party, party: .territory)),
        ("organization", KindChoice(kind: .party, party: .organization)),
        ("organisation", KindChoice(kind: .party, party: .organization)),
        ("region", KindChoice(kind: .region)), ("mechanism", KindChoice(kind: .mechanism)),
        ("practice", KindChoice(kind: .practice)), ("item", KindChoice(kind: .practiceItem)),
        ("practiceitem", KindChoice(kind: .practiceItem)), ("understanding", KindChoice(kind: .understanding)),
        ("event", KindChoice(kind: .event)), ("topic", KindChoice(kind: .topic)),
    ]

    /// The kind names to show in help and messages.
    static let shownKindNames = [
        "process", "party", "state", "territory", "organization", "region", "mechanism",
        "practice", "item", "understanding", "event", "topic",
    ]

    init(_ text: String, regions: [Region]) {
        for piece in text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) {
            var raw = String(piece)
            let lower = raw.lowercased()
            if raw.hasPrefix("!") {
                let codes = searchKey(String(raw.dropFirst()))
                if !codes.isEmpty {
                    negations.append(codes)
                    tokens.append(Token(shown: "!" + codesString(codes), term: nil))
                }
                continue
            }
            if lower.hasPrefix("kind:") {
                addKinds(String(raw.dropFirst(5)))
                if !searchKey(String(raw.dropFirst(5))).isEmpty { tokens.append(Token(shown: lower, term: nil)) }
                continue
            }
            if lower.hasPrefix("region:") {
                addRegions(String(raw.dropFirst(7)), regions)
                if !searchKey(String(raw.dropFirst(7))).isEmpty { tokens.append(Token(shown: lower, term: nil)) }
                continue
            }
            var mode = Mode.plain
            if raw.hasPrefix("'") {
                mode = .exact; raw.removeFirst()
            } else if raw.hasPrefix("^") {
                mode = .prefix; raw.removeFirst()
            }
            let codes = searchKey(raw)
            guard !codes.isEmpty else { continue }
            tokens.append(Token(shown: modePrefix(mode) + codesString(codes), term: terms.count))
            terms.append(Term(codes: codes, mode: mode))
        }
    }

    private mutating func addKinds(_ value: String) {
        for part in value.split(separator: ",") {
            let key = codesString(searchKey(String(part)).filter { $0 != space })
            guard !key.isEmpty else { continue }
            let exact = Self.kindNames.filter { $0.name == key || $0.name + "s" == key || key == pluralY($0.name) }
            let starting = Self.kindNames.filter { $0.name.hasPrefix(key) }
            let found = exact.isEmpty ? starting : exact
            let choices = Set(found.map(\.choice))
            if choices.count == 1 {
                kinds = (kinds ?? []) + [choices.first!]
            } else if choices.isEmpty {
                problem = "no kind “\(part)” (kinds: \(Self.shownKindNames.joined(separator: ", ")))"
            } else {
                var names: [String] = []
                var shown = Set<KindChoice>()
                for f in found where shown.insert(f.choice).inserted { names.append(f.name) }
                problem = "kind “\(part)” could be \(names.joined(separator: ", "))"
            }
        }
    }

    private mutating func addRegions(_ value: String, _ regions: [Region]) {
        let key = searchKey(value)
        guard !key.isEmpty else { return }
        var found = Set<Int>()
        for (i, r) in regions.enumerated()
        where startsAtWord(key, in: searchKey(r.name)) || searchKey(r.id).starts(with: key) {
            found.insert(i)
        }
        if found.isEmpty {
            problem =
                "no region “\(value)” (regions: \(regions.filter { $0.id != "global" }.map(\.id).joined(separator: ", ")))"
        } else {
            self.regions = (self.regions ?? []).union(found)
        }
    }

    /// The query as typed with the corrected terms put in ("trafficking budapest").
    func text(correcting corrections: [Int: [UInt32]]) -> String {
        tokens.map { token in
            guard let t = token.term, let word = corrections[t] else { return token.shown }
            return modePrefix(terms[t].mode) + codesString(word)
        }.joined(separator: " ")
    }

    /// True when the query can have hits at all (it has a word or a filter, and no filter it does not understand).
    var isSearchable: Bool { (!terms.isEmpty || kinds != nil || regions != nil) && problem == nil }
}

private func modePrefix(_ mode: SearchQuery.Mode) -> String {
    switch mode {
    case .plain: return ""
    case .exact: return "'"
    case .prefix: return "^"
    }
}

private func pluralY(_ name: String) -> String { name.hasSuffix("y") ? String(name.dropLast()) + "ies" : name + "es" }

/// Folded codes back as text (codes of several-scalar characters are left out).
func codesString(_ codes: [UInt32]) -> String {
    String(String.UnicodeScalarView(codes.compactMap(Unicode.Scalar.init)))
}

/// The queries last highlighted, parsed.
private let highlightQueries = RecentValues<String, SearchQuery>(capacity: 16)

/// The words of a search query in `text`, folded as the search folds, as `Character` offsets — for highlighting
/// a record's lines after a search: every occurrence of each word of the query at the start of a word (or,
/// when there is none, inside words). Operators and filters are left out; `!words` are not highlighted.
public func searchHighlightRanges(of query: String, in text: String) -> [Range<Int>] {
    // Parsed once per query, not once per line highlighted.
    let parsed = highlightQueries.value(query) { SearchQuery(query, regions: []) }
    guard !parsed.terms.isEmpty else { return [] }
    let folded = FoldedText.remembered(text)
    let t = folded.codes
    var found: [Range<Int>] = []
    for wordStartsOnly in [true, false] {
        for term in parsed.terms {
            let q = term.codes
            guard !q.isEmpty, q.count <= t.count else { continue }
            var i = 0
            while i + q.count <= t.count {
                let atWord = i == 0 || t[i - 1] == space
                let endsWord = i + q.count == t.count || t[i + q.count] == space
                let allowed =
                    switch term.mode {
                    case .plain: atWord || !wordStartsOnly
                    case .exact: atWord && endsWord
                    case .prefix: i == 0
                    }
                if allowed && t[i] == q[0] && t[i..<(i + q.count)].elementsEqual(q) {
                    found.append(i..<(i + q.count))
                    i += q.count
                } else {
                    i += 1
                }
            }
        }
        if !found.isEmpty { break }
    }
    found.sort { $0.lowerBound < $1.lowerBound }
    var merged: [Range<Int>] = []
    for r in found {
        if let last = merged.last, r.lowerBound <= last.upperBound {
            merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
        } else {
            merged.append(r)
        }
    }
    return merged.map(folded.originalRange)
}

/// True when `q` occurs in `key` at the start or right after a space.
func startsAtWord(_ q: [UInt32], in key: [UInt32]) -> Bool {
    guard q.count <= key.count else { return false }
    for i in 0...(key.count - q.count) where i == 0 || key[i - 1] == space {
        if key[i..<(i + q.count)].elementsEqual(q) { return true }
    }
    return false
}
