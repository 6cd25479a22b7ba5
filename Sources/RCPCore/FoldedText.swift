/// A text folded for matching (see `normalizeForSearch`), trimmed, with runs of spaces collapsed, and the way
/// back to `Character` offsets of the original — so "Côte d’ Ivoire" is matched as "cote d ivoire" and a hit
/// still highlights the right characters of the original.
struct FoldedText: Sendable {
    var codes: [UInt32]
    /// Original `Character` offset of each code; nil when it is the identity (nothing was trimmed or collapsed).
    var offsets: [Int32]?

    init(_ text: String) {
        var codes = searchCodes(text)
        // Usually nothing is trimmed or collapsed: then the codes are used as they are.
        guard
            let first = codes.indices.first(where: { i in
                codes[i] == space && (i == 0 || i == codes.count - 1 || codes[i + 1] == space)
            })
        else {
            self.codes = codes
            self.offsets = nil
            return
        }
        var offsets = (0..<Int32(first)).map { $0 }
        var kept = first
        for i in first..<codes.count {
            let c = codes[i]
            if c == space && (kept == 0 || codes[kept - 1] == space) { continue }
            codes[kept] = c
            offsets.append(Int32(i))
            kept += 1
        }
        if kept > 0 && codes[kept - 1] == space { kept -= 1; offsets.removeLast() }
        codes.removeSubrange(kept...)
        self.codes = codes
        self.offsets = offsets
    }

    /// `text` folded, from the texts folded last when it is one of them: highlighting folds every line a pane
    /// shows, every frame, and the lines change much less often than the query.
    static func remembered(_ text: String) -> FoldedText { recent.value(text) { FoldedText(text) } }

    private static let recent = RecentValues<String, FoldedText>(capacity: 1024)

    /// The original range of the folded range `r` (which must not be empty).
    func originalRange(_ r: Range<Int>) -> Range<Int> {
        guard let offsets else { return r }
        return Int(offsets[r.lowerBound])..<Int(offsets[r.upperBound - 1]) + 1
    }
}

/// Folded codes as a dictionary key, hashed as bytes (much faster than element by element).
struct FoldedKey: Hashable, Sendable {
    var codes: [UInt32]
    init(_ codes: [UInt32]) { self.codes = codes }
    func hash(into hasher: inout Hasher) { codes.withUnsafeBytes { hasher.combine(bytes: $0) } }
}

/// A 64-bit set of the characters in a folded text: a text can only match a query whose set is a subset.
func characterMask<C: Collection>(_ codes: C) -> UInt64 where C.Element == UInt32 {
    var mask: UInt64 = 0
    for c in codes { mask |= characterBit(c) }
    return mask
}

@inline(__always) func characterBit(_ c: UInt32) -> UInt64 {
    switch c {
    case 0x61...0x7A: return 1 << UInt64(c - 0x61)  // a–z
    case 0x30...0x39: return 1 << UInt64(c - 0x30 + 26)  // 0–9
    case space: return 1 << 63
    default: return 1 << UInt64(36 + c % 27)  // everything else, hashed
    }
}

/// All non-overlapping occurrences of `query` in `text`, folded as the search folds (case, diacritics,
/// punctuation, runs of spaces), as `Character` offsets in `text` — for highlighting any visible text.
public func matchRanges(of query: String, in text: String) -> [Range<Int>] {
    let q = searchKey(query)
    guard !q.isEmpty else { return [] }
    let folded = FoldedText.remembered(text)
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

/// A query folded once for matching many texts (see `FoldedTexts`).
public struct FoldedQuery: Sendable, Hashable {
    let codes: [UInt32]
    let mask: UInt64

    public init(_ text: String) {
        codes = searchKey(text)
        mask = characterMask(codes)
    }

    public var isEmpty: Bool { codes.isEmpty }
    /// The folded length.
    public var count: Int { codes.count }

    /// Whether every text this query matches is matched by `other` too: `other` is a beginning of this one
    /// (typing one more character narrows the matches).
    public func narrows(_ other: FoldedQuery) -> Bool {
        other.codes.count <= codes.count && codes.starts(with: other.codes)
    }
}

/// A record's texts folded once, for matching many queries as `matchRanges` does (the query anywhere in one
/// of the texts, folded as the search folds), without folding the texts again for each.
public struct FoldedTexts: Sendable {
    let texts: [[UInt32]]
    let mask: UInt64

    public init(_ texts: [String]) {
        self.texts = texts.map { FoldedText($0).codes }
        mask = self.texts.reduce(0) { $0 | characterMask($1) }
    }

    /// Whether the query occurs in one of the texts (false for an empty query, as `matchRanges` finds nothing).
    public func contains(_ query: FoldedQuery) -> Bool {
        let q = query.codes
        guard let first = q.first, query.mask & mask == query.mask else { return false }
        for t in texts where t.count >= q.count {
            var i = 0
            while i + q.count <= t.count {
                if t[i] == first && t[i..<(i + q.count)].elementsEqual(q) { return true }
                i += 1
            }
        }
        return false
    }
}
