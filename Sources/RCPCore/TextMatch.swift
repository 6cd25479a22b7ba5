/// The best way a folded query matches one folded text.
struct TextMatch: Sendable, Hashable {
    var quality: MatchQuality
    /// Start of the match in the folded text.
    var start: Int
    /// Length of the matched stretch: the query's length, or for a fuzzy match the window holding it.
    var span: Int
}

/// The outcome of matching one text.
enum TextOutcome {
    /// The query's characters are not all in the text, in order: no longer query can match either.
    case none
    /// A subsequence, but too spread out (or the query too short) to show as a fuzzy hit. Kept as a candidate
    /// because a longer query can still match it.
    case candidate
    case hit(TextMatch)
}

/// Fuzzy hits must start a word and fit in a window at most twice the query's length, so that a query does
/// not match letters scattered over a long text ("bdpst" finds "Budapest", "sdrkpng" "Söderköping").
@inline(__always) func fuzzyWindowLimit(_ queryLength: Int) -> Int { 2 * queryLength }

/// Queries shorter than this get no fuzzy hits.
let fuzzyMinimumLength = 3

/// Matches `q` against `t`: exact, prefix, word start, substring, then a compact subsequence.
///
/// Whatever matches `q + c` in any way matches `q` in some way (at least as a `.candidate`), which is what lets
/// a `SearchSession` re-check only the previous candidates when a character is typed.
func matchText(_ q: UnsafeBufferPointer<UInt32>, _ t: UnsafeBufferPointer<UInt32>) -> TextOutcome {
    let m = q.count, n = t.count
    guard m > 0, m <= n else { return .none }
    let first = q[0]
    var substringAt = -1
    var i = 0
    while i <= n - m {
        if t[i] == first {
            var k = 1
            while k < m && t[i + k] == q[k] { k += 1 }
            if k == m {
                if i == 0 { return .hit(TextMatch(quality: m == n ? .exact : .prefix, start: 0, span: m)) }
                if t[i - 1] == space { return .hit(TextMatch(quality: .word, start: i, span: m)) }
                if substringAt < 0 { substringAt = i }
            }
        }
        i += 1
    }
    if substringAt >= 0 { return .hit(TextMatch(quality: .substring, start: substringAt, span: m)) }
    if m >= fuzzyMinimumLength, let window = smallestWindow(q, t, limit: fuzzyWindowLimit(m)) {
        return .hit(TextMatch(quality: .fuzzy, start: window.start, span: window.span))
    }
    return isSubsequence(q, t) ? .candidate : .none
}

/// The shortest stretch of `t` that starts a word, is at most `limit` long and holds `q` as a subsequence
/// (the first of the shortest); nil when there is none. Greedy matching from each start gives the earliest
/// end for that start. Starting at a word keeps "idm" out of "Kingdom" and "rcm" out of "Africa Migration".
func smallestWindow(
    _ q: UnsafeBufferPointer<UInt32>, _ t: UnsafeBufferPointer<UInt32>,
    limit: Int
) -> (start: Int, span: Int)? {
    let m = q.count, n = t.count
    var best: (start: Int, span: Int)?
    var bound = limit
    var i = 0
    while i + m <= n {
        if t[i] == q[0] && (i == 0 || t[i - 1] == space) {
            var k = 1, j = i + 1
            let end = min(n, i + bound)
            while j < end && k < m {
                if t[j] == q[k] { k += 1 }
                j += 1
            }
            if k == m {
                best = (i, j - i)
                if j - i == m { break }
                bound = j - i - 1  // only a strictly shorter window can do better
            }
        }
        i += 1
    }
    return best
}

/// True when the characters of `q` occur in `t` in order.
func isSubsequence(_ q: UnsafeBufferPointer<UInt32>, _ t: UnsafeBufferPointer<UInt32>) -> Bool {
    var k = 0
    for c in t where c == q[k] {
        k += 1
        if k == q.count { return true }
    }
    return false
}

/// The positions in `t[window]` of the query characters, matched greedily (the window is a smallest one).
func fuzzyPositions(_ q: [UInt32], _ t: [UInt32], window: Range<Int>) -> [Int] {
    var positions: [Int] = []
    var k = 0
    for j in window where k < q.count && t[j] == q[k] {
        positions.append(j)
        k += 1
    }
    return positions
}
