/// Word wrapping of styled text to a width in columns: RCPText's `TextWrap` with each character's style
/// carried through.
public enum Wrap {
    /// Wraps `line` to `width` columns. The first row starts at column `firstIndent`, the following rows at
    /// `hangingIndent` (both counted inside `width`, written as spaces). Breaks at spaces; a word longer than a
    /// row is cut between grapheme clusters. Line breaks in the text start new rows. Never returns an empty
    /// array (an empty line gives one empty row).
    public static func lines(_ line: Line, width: Int, firstIndent: Int = 0, hangingIndent: Int = 0) -> [Line] {
        let characters = line.lazy.flatMap { span in span.text.lazy.map { ($0, span.style) } }
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

    /// Plain text wrapped to `width`.
    public static func lines(
        _ text: String, width: Int, style: Style = .normal, firstIndent: Int = 0,
        hangingIndent: Int = 0
    ) -> [Line] {
        lines([Span(text, style)], width: width, firstIndent: firstIndent, hangingIndent: hangingIndent)
    }
}
