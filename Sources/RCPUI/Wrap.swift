/// Word wrapping of styled text to a width in columns: RCPText's `TextWrap` with each character's style
/// carried through.
public enum Wrap {
    /// Wraps `line` to `width` columns. The first row starts at column `firstIndent`, the following rows at
    /// `hangingIndent` (both counted inside `width`, written as spaces). Breaks at spaces; a word longer than a
    /// row is cut between grapheme clusters. Line breaks in the text start new rows. Never returns an empty
    /// array (an empty line gives one empty row).
    public static func lines(_ line: Line, width: Int, firstIndent: Int = 0, hangingIndent: Int = 0) -> [Line] {
        if let row = oneRow(line, width: width, firstIndent: firstIndent) { return [row] }
        return wrapped(line, width: width, firstIndent: firstIndent, hangingIndent: hangingIndent)
    }

    /// `lines` glyph by glyph, for any text.
    static func wrapped(_ line: Line, width: Int, firstIndent: Int, hangingIndent: Int) -> [Line] {
        var characters: [(Character, Style)] = []
        for span in line { for c in span.text { characters.append((c, span.style)) } }
        return TextWrap.rows(characters, width: width, firstIndent: firstIndent, hangingIndent: hangingIndent)
            .map { row in
                var line: Line = []
                if row.indent > 0 { line.append(Span(String(repeating: " ", count: row.indent))) }
                for g in row.glyphs {
                    if let last = line.last, last.style == g.tag, !(line.count == 1 && row.indent > 0) {
                        line[line.count - 1].text.append(g.char)
                    } else {
                        line.append(Span(String(g.char), g.tag))
                    }
                }
                return line
            }
    }

    /// What `lines` gives for a line that fits on its first row (most lines of a card), without wrapping it
    /// glyph by glyph: the indent, the spans with neighbours of one style joined, trailing spaces dropped. Nil
    /// when the line needs the general way (it is too long, or has a line break, a tab or a character of no
    /// width).
    static func oneRow(_ line: Line, width: Int, firstIndent: Int) -> Line? {
        guard width > 0 else { return nil }
        let indent = min(max(0, firstIndent), width - 1)
        var total = indent
        for span in line {
            if TextWidth.isPrintableASCII(span.text) {
                total += span.text.utf8.count
            } else {
                // A character takes at most four bytes and at least one column: a span that long cannot fit.
                if total + span.text.utf8.count / 4 > width { return nil }
                for c in span.text {
                    let w = TextWidth.of(c)
                    if w == 0 || c == "\t" { return nil }
                    total += w
                    if total > width { return nil }
                }
            }
            if total > width { return nil }
        }
        // Trailing spaces go, as on every wrapped row.
        var drop = 0
        outer: for span in line.reversed() {
            for c in span.text.reversed() {
                if c != " " { break outer }
                drop += 1
            }
        }
        var keep = line.reduce(0) { $0 + $1.text.count } - drop
        var out: Line = indent > 0 ? [Span(String(repeating: " ", count: indent))] : []
        let first = out.count
        for span in line where keep > 0 && !span.text.isEmpty {
            let n = span.text.count
            let text = n <= keep ? span.text : String(span.text.prefix(keep))
            keep -= min(n, keep)
            if out.count > first, out[out.count - 1].style == span.style {
                out[out.count - 1].text += text
            } else {
                out.append(Span(text, span.style))
            }
        }
        return out
    }

    /// How many rows `lines` gives, without making them.
    static func rowCount(_ line: Line, width: Int, firstIndent: Int, hangingIndent: Int) -> Int {
        TextWrap.rowCount(line.lazy.map(\.text), width: width, firstIndent: firstIndent, hangingIndent: hangingIndent)
    }

    /// Plain text wrapped to `width`.
    public static func lines(
        _ text: String, width: Int, style: Style = .normal, firstIndent: Int = 0,
        hangingIndent: Int = 0
    ) -> [Line] {
        lines([Span(text, style)], width: width, firstIndent: firstIndent, hangingIndent: hangingIndent)
    }
}
