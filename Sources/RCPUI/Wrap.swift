/// Word wrapping of styled text to a width in columns.
public enum Wrap {
    private struct Glyph { var char: Character; var style: Style; var width: Int }

    /// Wraps `line` to `width` columns. The first row starts at column `firstIndent`, the following rows at
    /// `hangingIndent` (both counted inside `width`, written as spaces). Breaks at spaces; a word longer than a
    /// row is cut between grapheme clusters. Line breaks in the text start new rows. Never returns an empty
    /// array (an empty line gives one empty row).
    public static func lines(_ line: Line, width: Int, firstIndent: Int = 0, hangingIndent: Int = 0) -> [Line] {
        guard width > 0 else { return [[]] }
        let first = min(max(0, firstIndent), width - 1), hang = min(max(0, hangingIndent), width - 1)
        var paragraphs: [[Glyph]] = [[]]
        for span in line {
            for c in span.text {
                if c == "\n" || c == "\r\n" || c == "\r" { paragraphs.append([]); continue }
                let ch: Character = c == "\t" ? " " : c
                let w = TextWidth.of(ch)
                if w == 0 { continue }
                paragraphs[paragraphs.count - 1].append(Glyph(char: ch, style: span.style, width: w))
            }
        }
        var rows: [Line] = []
        for (p, glyphs) in paragraphs.enumerated() {
            rows += wrapGlyphs(glyphs, width: width, firstIndent: p == 0 ? first : hang, hangingIndent: hang)
        }
        return rows
    }

    /// Plain text wrapped to `width`.
    public static func lines(_ text: String, width: Int, style: Style = .normal, firstIndent: Int = 0,
                             hangingIndent: Int = 0) -> [Line] {
        lines([Span(text, style)], width: width, firstIndent: firstIndent, hangingIndent: hangingIndent)
    }

    private static func wrapGlyphs(_ glyphs: [Glyph], width: Int, firstIndent: Int, hangingIndent: Int) -> [Line] {
        var rows: [[Glyph]] = []
        var row: [Glyph] = []
        var used = firstIndent
        var indent = firstIndent
        var i = 0
        func newRow() {
            rows.append(row.map { $0 })
            row = []
            indent = hangingIndent
            used = hangingIndent
        }
        while i < glyphs.count {
            if glyphs[i].char == " " {
                // A space at the start of a continuation row is dropped; elsewhere kept if it fits.
                if !(row.isEmpty && !rows.isEmpty) && used + 1 <= width { row.append(glyphs[i]); used += 1 }
                else if !row.isEmpty { newRow() }
                i += 1
                continue
            }
            var j = i
            var wordWidth = 0
            while j < glyphs.count && glyphs[j].char != " " { wordWidth += glyphs[j].width; j += 1 }
            if used + wordWidth <= width {
                row += glyphs[i..<j]; used += wordWidth; i = j
            } else if wordWidth <= width - hangingIndent && !row.isEmpty {
                while row.last?.char == " " { row.removeLast() }
                newRow()
            } else {
                // Too long for any row: cut it.
                while i < j {
                    if used + glyphs[i].width > width {
                        if row.isEmpty && used == indent { i += 1; continue }  // wider than the row: drop
                        newRow()
                        continue
                    }
                    row.append(glyphs[i]); used += glyphs[i].width; i += 1
                }
            }
        }
        while row.last?.char == " " { row.removeLast() }
        rows.append(row)
        return rows.enumerated().map { n, glyphs in
            var line: Line = []
            let pad = n == 0 ? firstIndent : hangingIndent
            if pad > 0 { line.append(Span(String(repeating: " ", count: pad))) }
            for g in glyphs {
                if let last = line.last, last.style == g.style, !(line.count == 1 && pad > 0) {
                    line[line.count - 1].text.append(g.char)
                } else {
                    line.append(Span(String(g.char), g.style))
                }
            }
            return line
        }
    }
}
