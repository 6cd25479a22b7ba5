/// Word wrapping to a width in terminal columns, of plain strings (`lines`) and — through `rows`, which
/// carries a tag of the caller's with each character — of styled text (RCPUI's `Wrap` of spans).
///
/// The first row starts at column `firstIndent`, the following rows at `hangingIndent` (both counted inside
/// the width, clamped to it). Breaks at spaces; a word longer than a row is cut between grapheme clusters.
/// Line breaks in the text start new rows; tabs count as spaces; characters of no width are dropped.
public enum TextWrap {
    /// A grapheme cluster placed in a row, with its width and the tag it came with.
    public struct Glyph<Tag> {
        public var char: Character
        public var tag: Tag
        public var width: Int

        @inlinable init(char: Character, tag: Tag, width: Int) {
            self.char = char; self.tag = tag; self.width = width
        }
    }

    /// One wrapped row: its indentation in columns and the glyphs after it.
    public struct Row<Tag> {
        public var indent: Int
        public var glyphs: [Glyph<Tag>]

        @inlinable init(indent: Int, glyphs: [Glyph<Tag>]) { self.indent = indent; self.glyphs = glyphs }
    }

    /// `text` wrapped to `width` columns, one line a row, each indented with spaces. Never empty (an empty
    /// text gives one empty row).
    public static func lines(_ text: String, width: Int, firstIndent: Int = 0, hangingIndent: Int = 0) -> [String] {
        rows(text.map { ($0, ()) }, width: width, firstIndent: firstIndent, hangingIndent: hangingIndent).map { row in
            String(repeating: " ", count: row.indent) + String(row.glyphs.map(\.char))
        }
    }

    /// The rows of `text`, a sequence of grapheme clusters each with a tag. Never empty.
    @inlinable
    public static func rows<Tag>(
        _ text: some Sequence<(Character, Tag)>, width: Int, firstIndent: Int = 0,
        hangingIndent: Int = 0
    ) -> [Row<Tag>] {
        guard width > 0 else { return [Row(indent: 0, glyphs: [])] }
        let first = min(max(0, firstIndent), width - 1), hang = min(max(0, hangingIndent), width - 1)
        var paragraphs: [[Glyph<Tag>]] = [[]]
        for (c, tag) in text {
            if c == "\n" || c == "\r\n" || c == "\r" { paragraphs.append([]); continue }
            let ch: Character = c == "\t" ? " " : c
            let w = TextWidth.of(ch)
            if w == 0 { continue }
            paragraphs[paragraphs.count - 1].append(Glyph(char: ch, tag: tag, width: w))
        }
        var rows: [Row<Tag>] = []
        for (p, glyphs) in paragraphs.enumerated() {
            rows += wrapParagraph(glyphs, width: width, firstIndent: p == 0 ? first : hang, hangingIndent: hang)
        }
        return rows
    }

    @inlinable
    static func wrapParagraph<Tag>(
        _ glyphs: [Glyph<Tag>], width: Int, firstIndent: Int,
        hangingIndent: Int
    ) -> [Row<Tag>] {
        var rows: [[Glyph<Tag>]] = []
        var row: [Glyph<Tag>] = []
        var used = firstIndent
        var indent = firstIndent
        var i = 0
        func newRow() {
            rows.append(row)
            row = []
            indent = hangingIndent
            used = hangingIndent
        }
        while i < glyphs.count {
            if glyphs[i].char == " " {
                // A space at the start of a continuation row is dropped; elsewhere kept if it fits.
                if !(row.isEmpty && !rows.isEmpty) && used + 1 <= width {
                    row.append(glyphs[i]); used += 1
                } else if !row.isEmpty {
                    newRow()
                }
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
        return rows.enumerated().map { n, glyphs in Row(indent: n == 0 ? firstIndent : hangingIndent, glyphs: glyphs) }
    }

    /// The number of rows `rows` gives for the text of `pieces` (one after another), counted without making
    /// them: the same rules, on widths only.
    public static func rowCount(
        _ pieces: some Sequence<String>, width: Int, firstIndent: Int = 0, hangingIndent: Int = 0
    ) -> Int {
        guard width > 0 else { return 1 }
        let first = min(max(0, firstIndent), width - 1), hang = min(max(0, hangingIndent), width - 1)
        // Each paragraph's glyph widths, a space as -1; counted as soon as a line break ends it.
        var widths: [Int] = []
        var total = 0, paragraphs = 0
        func endParagraph() {
            total += countParagraph(widths, width: width, firstIndent: paragraphs == 0 ? first : hang, hang: hang)
            paragraphs += 1
            widths.removeAll(keepingCapacity: true)
        }
        for piece in pieces {
            if TextWidth.isPrintableASCII(piece) {
                for b in piece.utf8 { widths.append(b == UInt8(ascii: " ") ? -1 : 1) }
                continue
            }
            if TextWidth.appendSimpleWidths(piece, to: &widths) { continue }
            for c in piece {
                if c == "\n" || c == "\r\n" || c == "\r" { endParagraph(); continue }
                if c == "\t" || c == " " { widths.append(-1); continue }
                let w = TextWidth.of(c)
                if w > 0 { widths.append(w) }
            }
        }
        endParagraph()
        return total
    }

    /// `wrapParagraph`'s rows, counted.
    private static func countParagraph(_ glyphs: [Int], width: Int, firstIndent: Int, hang: Int) -> Int {
        var rows = 0, rowEmpty = true, used = firstIndent, indent = firstIndent
        func newRow() {
            rows += 1
            rowEmpty = true
            indent = hang
            used = hang
        }
        var i = 0
        while i < glyphs.count {
            if glyphs[i] < 0 {
                if !(rowEmpty && rows > 0) && used + 1 <= width {
                    rowEmpty = false; used += 1
                } else if !rowEmpty {
                    newRow()
                }
                i += 1
                continue
            }
            var j = i, wordWidth = 0
            while j < glyphs.count && glyphs[j] >= 0 { wordWidth += glyphs[j]; j += 1 }
            if used + wordWidth <= width {
                rowEmpty = false; used += wordWidth; i = j
            } else if wordWidth <= width - hang && !rowEmpty {
                newRow()
            } else {
                while i < j {
                    if used + glyphs[i] > width {
                        if rowEmpty && used == indent { i += 1; continue }
                        newRow()
                        continue
                    }
                    rowEmpty = false; used += glyphs[i]; i += 1
                }
            }
        }
        return rows + 1
    }
}
