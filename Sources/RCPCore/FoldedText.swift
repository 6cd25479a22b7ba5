/// A text folded for matching (see `normalizeForSearch`), trimmed, with runs of spaces collapsed, and the way
/// back to `Character` offsets of the original — so "Côte d’ Ivoire" is matched as "cote d ivoire" and a hit
/// still highlights the right characters of the original.
struct FoldedText: Sendable {
    var codes: [UInt32]
    /// Original `Character` offset of each code; nil when it is the identity (nothing was trimmed or collapsed).
    var offsets: [Int32]?

    init(_ text: String) {
        let raw = searchCodes(text)
        var codes: [UInt32] = []
        codes.reserveCapacity(raw.count)
        var offsets: [Int32] = []
        var identity = true
        for (i, c) in raw.enumerated() {
            if c == space && (codes.isEmpty || codes.last == space) { identity = false; continue }
            codes.append(c)
            offsets.append(Int32(i))
        }
        if codes.last == space { codes.removeLast(); offsets.removeLast() }
        if codes.count != raw.count { identity = false }
        self.codes = codes
        self.offsets = identity ? nil : offsets
    }

    /// The original range of the folded range `r` (which must not be empty).
    func originalRange(_ r: Range<Int>) -> Range<Int> {
        guard let offsets else { return r }
        return Int(offsets[r.lowerBound])..<Int(offsets[r.upperBound - 1]) + 1
    }
}

/// A 64-bit set of the characters in a folded text: a text can only match a query whose set is a subset.
func characterMask<C: Collection>(_ codes: C) -> UInt64 where C.Element == UInt32 {
    var mask: UInt64 = 0
    for c in codes { mask |= characterBit(c) }
    return mask
}

@inline(__always) func characterBit(_ c: UInt32) -> UInt64 {
    switch c {
    case 0x61...0x7A: return 1 << UInt64(c - 0x61)          // a–z
    case 0x30...0x39: return 1 << UInt64(c - 0x30 + 26)     // 0–9
    case space: return 1 << 63
    default: return 1 << UInt64(36 + c % 27)                // everything else, hashed
    }
}

/// All non-overlapping occurrences of `query` in `text`, folded as the search folds (case, diacritics,
/// punctuation, runs of spaces), as `Character` offsets in `text` — for highlighting any visible text.
public func matchRanges(of query: String, in text: String) -> [Range<Int>] {
    let q = searchKey(query)
    guard !q.isEmpty else { return [] }
    let folded = FoldedText(text)
    let t = folded.codes
    var ranges: [Range<Int>] = []
    var i = 0
    while i + q.count <= t.count {
        if t[i] == q[0] && t[i..<(i + q.count)].elementsEqual(q) {
            ranges.append(folded.originalRange(i..<(i + q.count)))
            i += q.count
        } else {
            i += 1
        }
    }
    return ranges
}
