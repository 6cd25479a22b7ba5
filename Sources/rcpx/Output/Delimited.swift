/// A table for the machine-readable and paste-ready formats: a header row and rows of plain strings.
struct DataTable {
    var header: [String]
    var rows: [[String]]

    init(header: [String], rows: [[String]] = []) { self.header = header; self.rows = rows }

    /// CSV: RFC 4180 quoting (a field with a comma, a double quote, CR or LF is quoted, quotes doubled);
    /// lines end with LF; the header comes first.
    func csv() -> String {
        var out = ""
        for row in [header] + rows {
            out += row.map(DataTable.csvField).joined(separator: ",")
            out += "\n"
        }
        return out
    }

    static func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
            return s
        }
        var quoted = "\""
        for c in s { quoted += c == "\"" ? "\"\"" : String(c) }
        return quoted + "\""
    }

    /// A GitHub-flavoured Markdown table: header, separator row (`---:` for right-aligned columns), rows;
    /// `|` escaped and line breaks written as `<br>`.
    func markdown(rightAligned: Set<Int> = []) -> String {
        func row(_ cells: [String]) -> String {
            "| " + cells.map(DataTable.markdownCell).joined(separator: " | ") + " |\n"
        }
        var out = row(header)
        out += "|" + header.indices.map { rightAligned.contains($0) ? " ---: |" : " --- |" }.joined() + "\n"
        for r in rows { out += row(r + Array(repeating: "", count: max(0, header.count - r.count))) }
        return out
    }

    static func markdownCell(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "|": out += "\\|"
            case "\n", "\r\n", "\r": out += "<br>"
            default: out.append(c)
            }
        }
        return out
    }
}
