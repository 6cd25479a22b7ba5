import RCPText

/// A column of a `TextTable`.
struct TextColumn {
    enum Alignment { case left, right }

    var title: String
    var alignment: Alignment = .left
    /// May be narrowed (its cells wrapped) to fit the width; other columns keep their natural width.
    var wraps: Bool = false
    /// Emphasis for the cell text (after layout, so it never changes a width).
    var style: ((String) -> String)? = nil
}

/// A table laid out for a terminal: aligned by display width, long cells wrapped, never wider than the look.
struct TextTable {
    enum Row {
        case cells([String])
        /// A line across the table (e.g. a region name), wrapped to the width.
        case section(String)
    }

    var columns: [TextColumn]
    var rows: [Row] = []
    var gap = 2
    var indent = 0
    var showsHeader = true

    init(_ columns: [TextColumn], rows: [Row] = []) {
        self.columns = columns
        self.rows = rows
    }

    mutating func add(_ cells: [String]) { rows.append(.cells(cells)) }
    mutating func section(_ title: String) { rows.append(.section(title)) }

    /// The column widths for `width` columns in all.
    func widths(for width: Int) -> [Int] {
        var natural = columns.map { showsHeader ? TextWidth.of($0.title) : 0 }
        for case .cells(let cells) in rows {
            for (i, cell) in cells.enumerated() where i < natural.count {
                natural[i] = max(natural[i], cellLines(cell).map { TextWidth.of($0) }.max() ?? 0)
            }
        }
        let total = indent + natural.reduce(0, +) + gap * max(0, columns.count - 1)
        guard total > width else { return natural }
        let wrapping = columns.indices.filter { columns[$0].wraps }
        guard !wrapping.isEmpty else { return natural }
        let fixed =
            indent + gap * max(0, columns.count - 1)
            + columns.indices.filter { !columns[$0].wraps }.map { natural[$0] }.reduce(0, +)
        var remaining = max(wrapping.count * 6, width - fixed)
        var result = natural
        // Water-filling: narrow columns keep their width, the wide ones share what is left.
        var pending = wrapping.sorted { natural[$0] < natural[$1] }
        while !pending.isEmpty {
            let share = remaining / pending.count
            if natural[pending[0]] <= share {
                remaining -= natural[pending[0]]
                pending.removeFirst()
                continue
            }
            for (n, i) in pending.enumerated() { result[i] = share + (n < remaining % pending.count ? 1 : 0) }
            break
        }
        return result
    }

    /// The table as lines (no newline at the ends), trailing spaces trimmed.
    func render(_ look: Look) -> [String] {
        let widths = widths(for: look.width)
        let pad = String(repeating: " ", count: indent)
        var out: [String] = []
        if showsHeader {
            out += layout(columns.map(\.title), widths: widths, look: look, style: { look.bold($0) }).map { pad + $0 }
            let rule = look.ascii ? "-" : "─"
            out.append(
                pad
                    + widths.map { String(repeating: rule, count: $0) }
                    .joined(separator: String(repeating: " ", count: gap)))
        }
        for row in rows {
            switch row {
            case .section(let title):
                for line in TextWrap.lines(title, width: look.width) { out.append(look.bold(line)) }
            case .cells(let cells):
                out += layout(cells, widths: widths, look: look, style: nil).map { pad + $0 }
            }
        }
        return out
    }

    private func cellLines(_ cell: String) -> [String] {
        cell.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    private func layout(_ cells: [String], widths: [Int], look: Look, style: ((String) -> String)?) -> [String] {
        var wrapped: [[String]] = []
        for (i, width) in widths.enumerated() {
            let cell = i < cells.count ? cells[i] : ""
            var lines: [String] = []
            for part in cellLines(cell) {
                if TextWidth.of(part) <= width {
                    lines.append(part)
                } else {
                    lines += TextWrap.lines(part, width: max(1, width))
                }
            }
            wrapped.append(lines)
        }
        let height = wrapped.map(\.count).max() ?? 1
        var out: [String] = []
        for r in 0..<height {
            var line = ""
            // The last column that has text on this line: nothing is padded after it.
            let last = wrapped.indices.last { r < wrapped[$0].count && !wrapped[$0][r].isEmpty } ?? 0
            for (i, width) in widths.enumerated() where i <= last {
                let text = r < wrapped[i].count ? wrapped[i][r] : ""
                let used = TextWidth.of(text)
                let fill = String(repeating: " ", count: max(0, width - used))
                let styled = (style ?? columns[i].style)?(text) ?? text
                if i > 0 { line += String(repeating: " ", count: gap) }
                switch columns[i].alignment {
                case .left: line += i == last ? styled : styled + fill
                case .right: line += fill + styled
                }
            }
            out.append(line)
        }
        return out
    }
}

/// Running text for detail cards: headings, labelled fields, wrapped paragraphs and lists.
struct TextDocument {
    let look: Look
    private(set) var lines: [String] = []

    init(_ look: Look) { self.look = look }

    mutating func line(_ text: String = "") { lines.append(text) }

    mutating func blank() { if let last = lines.last, !last.isEmpty { lines.append("") } }

    /// A section heading, after a blank line.
    mutating func heading(_ title: String) {
        blank()
        for row in TextWrap.lines(title, width: look.width) { lines.append(look.bold(row)) }
    }

    /// Wrapped text; following lines start at `hanging`. `style` emphasises each row after wrapping (text
    /// passed in must be plain: escapes would be measured as text).
    mutating func paragraph(
        _ text: String, indent: Int = 0, hanging: Int? = nil,
        style: ((String) -> String)? = nil
    ) {
        for row in TextWrap.lines(text, width: look.width, firstIndent: indent, hangingIndent: hanging ?? indent) {
            var plain = row
            while plain.last == " " || plain.last == "\u{00A0}" { plain.removeLast() }
            guard let style else { lines.append(plain); continue }
            let body = plain.drop { $0 == " " }
            lines.append(String(plain.prefix(plain.count - body.count)) + style(String(body)))
        }
    }

    /// "Label: value", the value wrapped under itself when the label is short, else under the label.
    mutating func field(_ label: String, _ value: String, indent: Int = 0) {
        let head = label + ": "
        let hanging = TextWidth.of(head) + indent <= 24 ? TextWidth.of(head) + indent : indent + 2
        let rows = TextWrap.lines(head + value, width: look.width, firstIndent: indent, hangingIndent: hanging)
        for (n, row) in rows.enumerated() {
            var text = row
            if n == 0, look.color, text.hasPrefix(String(repeating: " ", count: indent) + label) {
                text =
                    String(repeating: " ", count: indent) + look.bold(label)
                    + String(text.dropFirst(indent + label.count))
            }
            lines.append(text)
        }
    }

    /// Items marked with `marker` (e.g. "•", "1)"), wrapped under their text.
    mutating func item(_ marker: String, _ text: String, indent: Int = 2) {
        let prefix = String(repeating: " ", count: indent) + marker + " "
        paragraph(prefix + text, indent: 0, hanging: TextWidth.of(prefix))
    }

    mutating func table(_ table: TextTable) { lines += table.render(look) }

    var text: String { lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n" }
}

extension TextDocument {
    /// This document with `table` added.
    func with(_ table: TextTable) -> TextDocument {
        var doc = self
        doc.table(table)
        return doc
    }

    /// This document with a wrapped paragraph added.
    func with(paragraph text: String, hanging: Int = 0) -> TextDocument {
        var doc = self
        doc.paragraph(text, hanging: hanging)
        return doc
    }
}
