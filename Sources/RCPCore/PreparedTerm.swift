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
func bestOccurrence(
    _ f: UnsafeBufferPointer<UInt32>, _ t: UnsafeBufferPointer<UInt32>, mode: SearchQuery.Mode,
    preferAt: Int
) -> Occurrence {
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
func bestOccurrence(_ term: PreparedTerm, _ t: UnsafeBufferPointer<UInt32>, textMask: UInt64, preferAt: Int)
    -> Occurrence
{
    var best = Occurrence.none
    for (k, form) in term.forms.enumerated() where term.masks[k] & textMask == term.masks[k] {
        let o = form.withUnsafeBufferPointer { bestOccurrence($0, t, mode: term.mode, preferAt: preferAt) }
        if o.level > best.level
            || (o.level == best.level && o.level > 0 && o.start == preferAt && best.start != preferAt)
        {
            best = o
        }
    }
    return best
}
