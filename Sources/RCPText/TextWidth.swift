/// Terminal column widths, measured per grapheme cluster from Unicode tables (no locale, no `wcwidth`):
/// 0 for controls and clusters made only of combining or format characters, 2 for East Asian wide and full-width
/// characters and emoji presentation, else 1. "’" (East-Asian ambiguous) counts 1, as in Western locales.
public enum TextWidth {
    /// The columns one grapheme cluster takes.
    public static func of(_ c: Character) -> Int {
        if c.isASCII {
            // "\r\n" is one Character, and ASCII controls take no column.
            guard let v = c.asciiValue else { return 0 }
            return v < 0x20 || v == 0x7F ? 0 : 1
        }
        // One scalar of a common range (accented letters, dashes and bullets, arrows, box drawing, shapes, braille): the
        // answer without the Unicode property tables.
        var scalars = c.unicodeScalars.makeIterator()
        if let only = scalars.next(), scalars.next() == nil, let w = commonWidth(only.value) { return w }
        var width = 0
        for scalar in c.unicodeScalars {
            let w = scalarWidth(scalar)
            if w < 0 { return 0 }  // a control anywhere makes the cluster unprintable
            if scalar.value == 0xFE0F, width == 1 { width = 2; continue }  // emoji presentation selector
            width = max(width, w)
        }
        return width
    }

    /// The columns a string takes: the sum over its grapheme clusters.
    public static func of(_ s: String) -> Int {
        if isPrintableASCII(s) { return s.utf8.count }
        if let w = simpleWidth(s) { return w }
        var total = 0
        for c in s { total += of(c) }
        return total
    }

    /// The width of a text made only of printable ASCII and scalars of the common ranges (`commonWidth`), where
    /// every scalar is a grapheme cluster of its own and takes one column: its number of scalars. Nil for any
    /// other text (controls, combining marks, wide characters, emoji), which is measured cluster by cluster.
    static func simpleWidth(_ s: String) -> Int? {
        var n = 0
        for scalar in s.unicodeScalars {
            let v = scalar.value
            guard (v >= 0x20 && v < 0x7F) || commonWidth(v) != nil else { return nil }
            n += 1
        }
        return n
    }

    /// Whether `s` is printable ASCII only (most text): one column and one cell per byte.
    @inlinable
    public static func isPrintableASCII(_ s: String) -> Bool { s.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F } }

    /// Whether every scalar of `s` is a one-column grapheme cluster of its own (see `simpleWidth`).
    public static func isSimple(_ s: String) -> Bool { simpleWidth(s) != nil }

    /// Appends the width of each scalar of a simple text (see `simpleWidth`) to `widths`, a space as -1; false,
    /// appending nothing, for any other text.
    public static func appendSimpleWidths(_ s: String, to widths: inout [Int]) -> Bool {
        guard simpleWidth(s) != nil else { return false }
        for scalar in s.unicodeScalars { widths.append(scalar == " " ? -1 : 1) }
        return true
    }

    /// The width of a scalar in a range where every scalar but a few listed takes one column; nil elsewhere.
    /// (`scalarWidth` gives the same for each; a test checks every one of them.)
    static func commonWidth(_ v: UInt32) -> Int? {
        switch v {
        case 0xA0..<0x300 where v != 0xAD, 0x2010..<0x2028, 0x2190..<0x231A, 0x2500..<0x25FD, 0x2600..<0x2614,
            0x2800..<0x2900:  // the last: braille patterns, the map's dots
            return 1
        default: return nil
        }
    }

    /// -1 for a control, 0 for a combining or format scalar, 2 for wide, else 1.
    static func scalarWidth(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return -1 }
        if v < 0x300 { return 1 }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        case .control, .lineSeparator, .paragraphSeparator: return -1
        default: break
        }
        if v >= 0x1160 && v <= 0x11FF { return 0 }  // Hangul medial vowels and final consonants
        if v == 0x200B { return 0 }
        if isWide(v) || s.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges.
    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
            0x25FD...0x25FE, 0x2614...0x2615, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
            0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF,
            0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x18AFF,
            0x1B000...0x1B2FF, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x1FA70...0x1FAFF,
            0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// The longest prefix of `s` that fits in `width` columns, cut between grapheme clusters.
    public static func prefix(_ s: String, width: Int) -> String {
        guard width > 0 else { return "" }
        var used = 0
        var end = s.startIndex
        for i in s.indices {
            let w = of(s[i])
            if used + w > width { break }
            used += w
            end = s.index(after: i)
        }
        return String(s[..<end])
    }

    /// `s` cut to `width` columns, ending with `ellipsis` when something was cut.
    public static func truncate(_ s: String, width: Int, ellipsis: String = "…") -> String {
        guard width > 0 else { return "" }
        if of(s) <= width { return s }
        let e = of(ellipsis)
        if width <= e { return prefix(ellipsis, width: width) }
        var head = prefix(s, width: width - e)
        while head.last == " " { head.removeLast() }
        return head + ellipsis
    }

    /// `s` followed by spaces up to `width` columns (cut when longer).
    public static func pad(_ s: String, width: Int, ellipsis: String = "…") -> String {
        let t = truncate(s, width: width, ellipsis: ellipsis)
        return t + String(repeating: " ", count: max(0, width - of(t)))
    }

    /// `s` preceded by spaces up to `width` columns.
    public static func padLeft(_ s: String, width: Int, ellipsis: String = "…") -> String {
        let t = truncate(s, width: width, ellipsis: ellipsis)
        return String(repeating: " ", count: max(0, width - of(t))) + t
    }
}
