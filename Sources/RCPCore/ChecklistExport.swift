/// Reports of a checklist that a facilitator can hand out: Markdown, CSV and JSON.
///
/// Every report has the checklist's name, the date given, overall progress, each heading with its status, note
/// and progress, each sub-heading with its status and note, and at the end the recorded items the current data
/// no longer has ("no longer in the data"). Progress counts a heading and each of its sub-headings as one unit
/// each (see `Checklist.progress(for:)`).
public enum ChecklistExport {
    /// Formats by name, for command lines.
    public enum Format: String, CaseIterable, Sendable {
        case markdown, csv, json

        /// Accepts the names and "md".
        public init?(parsing text: String) {
            let t = text.lowercased()
            if t == "md" { self = .markdown; return }
            self.init(rawValue: t)
        }

        public var fileExtension: String {
            switch self {
            case .markdown: return "md"
            case .csv: return "csv"
            case .json: return "json"
            }
        }
    }

    /// The report in `format`.
    public static func render(
        _ format: Format, _ checklist: Checklist, practices: [Practice],
        date: String
    ) -> String {
        switch format {
        case .markdown: return markdown(checklist, practices: practices, date: date)
        case .csv: return csv(checklist, practices: practices, date: date)
        case .json: return json(checklist, practices: practices, date: date)
        }
    }

    /// The order of statuses in summaries: what is in place first.
    static let summaryOrder: [ChecklistStatus] = [.inPlace, .inProgress, .notInPlace, .notApplicable, .notAssessed]

    // MARK: Markdown

    /// A Markdown report; `date` is printed as given (e.g. "2026-03-14").
    public static func markdown(_ checklist: Checklist, practices: [Practice], date: String) -> String {
        var out = ""
        func line(_ s: String = "") { out += s + "\n" }
        let overall = checklist.progress(overall: practices)

        line("# Practice checklist: \(md(checklist.name))")
        line()
        line("Date: \(md(date))  ")
        for (label, value) in metaLines(checklist.meta) { line("\(label): \(md(value))  ") }
        line("Last change: \(md(checklist.updated)) (revision \(checklist.revision))  ")
        line("Effective practices of the International Agenda for Migration Management (IAMM)")
        line()
        line("## Overall progress")
        line()
        line("**\(overall.summary)**")
        line()
        line("| Status | Count |")
        line("| --- | ---: |")
        for s in summaryOrder { line("| \(s.glyph) \(s.label) | \(overall.count(s)) |") }
        line("| total | \(overall.total) |")
        line()
        if !practices.isEmpty {
            line("| # | Heading | Status | Assessed | In place |")
            line("| ---: | --- | --- | ---: | ---: |")
            for p in practices {
                let pr = checklist.progress(for: p)
                let s = checklist.status(of: p.id)
                line(
                    "| \(p.number) | \(md(p.title)) | \(s.glyph) \(s.label) | \(pr.assessed) of \(pr.total) "
                        + "| \(pr.inPlace) |")
            }
            line()
        }
        for p in practices {
            let s = checklist.status(of: p.id)
            line("## \(p.number). \(md(p.title))")
            line()
            line("Heading: \(s.glyph) **\(s.label)**  ")
            line("Progress: \(checklist.progress(for: p).summary)")
            if let note = checklist.note(of: p.id) {
                line()
                line(noteQuote(note, indent: "", safe: false))
            }
            for a in checklist.entries[p.id]?.alternatives ?? [] { line(); line(keptLine(a, indent: "")) }
            if !p.items.isEmpty {
                line()
                for item in p.items {
                    let st = checklist.status(of: item.id)
                    let number = ChecklistItemID.displayNumber(item.id) ?? item.id
                    line("- \(st.glyph) **\(md(number))** \(md(item.title)) — *\(st.label)*")
                    if let note = checklist.note(of: item.id) { line(noteQuote(note, indent: "  ", safe: false)) }
                    for a in checklist.entries[item.id]?.alternatives ?? [] { line(keptLine(a, indent: "  ")) }
                }
            }
            line()
        }
        let orphans = checklist.orphanEntries(practices: practices)
        if !orphans.isEmpty {
            line("## No longer in the data")
            line()
            line("Recorded for items that the current data no longer has (kept as recorded):")
            line()
            for item in orphanItems(checklist, practices: practices, withDates: true, safe: false) { line(item) }
            line()
        }
        while out.hasSuffix("\n\n") { out.removeLast() }
        return out
    }

    /// The workshop facts that are set, as (label, value): Subject, Workshop date, Facilitator, Participants.
    public static func metaLines(_ m: ChecklistMeta) -> [(String, String)] {
        var out: [(String, String)] = []
        if let s = m.subject { out.append(("Subject", s.described)) }
        if let d = m.date { out.append(("Workshop date", d)) }
        if let f = m.facilitator { out.append(("Facilitator", f)) }
        if let p = m.participants { out.append(("Participants", p)) }
        return out
    }

    /// A version kept beside the current one (a conflict or a merge), as a quote line.
    static func keptLine(_ a: ChecklistAlternative, indent: String) -> String {
        let note = a.note.map { " — " + md($0.split(whereSeparator: \.isNewline).joined(separator: " ")) } ?? ""
        return indent + "> Also kept (\(md(a.source)), \(md(a.updated))): \(a.status.glyph) *\(a.status.label)*" + note
    }

    /// A note as a Markdown block quote, "Note: " before its first line, a hard break after each line but the
    /// last. `safe`: control characters made visible first (`DisplayText.safe`).
    static func noteQuote(_ note: String, indent: String, safe: Bool) -> String {
        note.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated().map { i, l in
            let text = safe ? DisplayText.safe(String(l)) : String(l)
            return indent + "> " + (i == 0 ? "Note: " : "") + md(text, lineStart: i > 0)
        }.joined(separator: "  \n")
    }

    /// The Markdown list items of `checklist`'s entries for items the data no longer has, each note quoted
    /// under its item; `withDates`: each with the time it was recorded; `safe` as for `noteQuote`.
    static func orphanItems(_ checklist: Checklist, practices: [Practice], withDates: Bool, safe: Bool) -> [String] {
        checklist.orphanEntries(practices: practices).flatMap { id -> [String] in
            let e = checklist.entries[id]!
            let date = withDates ? " (\(md(e.updated)))" : ""
            var lines = ["- \(e.status.glyph) **\(md(safe ? DisplayText.safe(id) : id))** — *\(e.status.label)*" + date]
            if let note = e.note { lines.append(noteQuote(note, indent: "  ", safe: safe)) }
            return lines
        }
    }

    /// Escapes Markdown syntax in plain text (emphasis, links, HTML, table pipes; at a line start, list and
    /// heading markers).
    public static func md(_ s: String, lineStart: Bool = false) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|": out += "\\" + String(ch)
            case "\t": out += " "
            default: out.append(ch)
            }
        }
        guard lineStart else { return out }
        let trimmed = out.drop(while: { $0 == " " })
        if let first = trimmed.first, "#+-=".contains(first) {
            let idx = out.firstIndex(of: first)!
            out.insert("\\", at: idx)
        } else {
            let digits = trimmed.prefix(while: \.isNumber)
            if !digits.isEmpty, let next = trimmed.dropFirst(digits.count).first, next == "." || next == ")" {
                let idx = out.index(out.firstIndex(of: digits.first!)!, offsetBy: digits.count)
                out.insert("\\", at: idx)
            }
        }
        return out
    }

    // MARK: CSV

    /// CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted when needed) with the header
    /// `id,heading,item,status,note,updated`: one row per heading (item empty) and per sub-heading, then the
    /// orphan entries (heading "(no longer in the data)"). `status` is the status id; `updated` is empty when
    /// nothing was recorded. `date` is not part of the table.
    public static func csv(_ checklist: Checklist, practices: [Practice], date: String) -> String {
        var rows: [[String]] = [["id", "heading", "item", "status", "note", "updated"]]
        func row(_ id: String, _ heading: String, _ item: String) {
            let e = checklist.entries[id]
            rows.append([id, heading, item, (e?.status ?? .notAssessed).rawValue, e?.note ?? "", e?.updated ?? ""])
        }
        for p in practices {
            let heading = "\(p.number). \(p.title)"
            row(p.id, heading, "")
            for item in p.items {
                let number = ChecklistItemID.displayNumber(item.id) ?? item.id
                row(item.id, heading, "\(number) \(item.title)")
            }
        }
        for id in checklist.orphanEntries(practices: practices) { row(id, "(no longer in the data)", "") }
        return rows.map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func csvField(_ s: String) -> String {
        let needsQuotes =
            s.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline })
            || s.hasPrefix(" ") || s.hasSuffix(" ")
        guard needsQuotes else { return s }
        var quoted = "\""
        for ch in s { quoted += ch == "\"" ? "\"\"" : String(ch) }
        return quoted + "\""
    }

    // MARK: JSON

    /// A JSON report (version 2; `rcpx checklist import` reads it back): `report`, `reportVersion`,
    /// `checklist`, `date`, `meta` (subject, date, facilitator, participants as in the file), `revision`, `created`, `updated`, `progress`,
    /// `headings` (each with `status`, `note`, `updated`, `alternatives` when versions are kept beside it, `progress`,
    /// `items`) and `noLongerInData`. Version 1 had no `meta` and no `alternatives`.
    public static func json(_ checklist: Checklist, practices: [Practice], date: String) -> String {
        func progress(_ p: ChecklistProgress) -> JSONOut {
            .object([
                ("total", .int(p.total)),
                ("assessed", .int(p.assessed)),
                ("applicable", .int(p.applicable)),
                ("inPlacePercent", .int(p.inPlacePercent)),
                ("counts", .object(ChecklistStatus.allCases.map { ($0.rawValue, .int(p.count($0))) })),
            ])
        }
        func optional(_ s: String?) -> JSONOut { s.map { .string($0) } ?? .null }
        func entryFields(_ id: String) -> [(String, JSONOut)] {
            let e = checklist.entries[id]
            var fields: [(String, JSONOut)] = [
                ("status", .string((e?.status ?? .notAssessed).rawValue)),
                ("note", optional(e?.note)), ("updated", optional(e?.updated)),
            ]
            if let alternatives = e?.alternatives, !alternatives.isEmpty {
                fields.append(
                    (
                        "alternatives",
                        .array(
                            alternatives.map { a in
                                .object([
                                    ("status", .string(a.status.rawValue)), ("note", optional(a.note)),
                                    ("updated", .string(a.updated)), ("source", .string(a.source)),
                                ])
                            })
                    ))
            }
            return fields
        }
        let headings: [JSONOut] = practices.map { p in
            var fields: [(String, JSONOut)] = [
                ("id", .string(p.id)), ("number", .int(p.number)),
                ("title", .string(p.title)),
            ]
            fields += entryFields(p.id)
            fields.append(("progress", progress(checklist.progress(for: p))))
            fields.append(
                (
                    "items",
                    .array(
                        p.items.map { item in
                            .object(
                                [
                                    ("id", .string(item.id)),
                                    ("number", .string(ChecklistItemID.displayNumber(item.id) ?? item.id)),
                                    ("title", .string(item.title)),
                                ] + entryFields(item.id))
                        })
                ))
            return .object(fields)
        }
        let orphans: [JSONOut] = checklist.orphanEntries(practices: practices).map {
            .object([("id", .string($0))] + entryFields($0))
        }
        return JSONOut.object([
            ("report", .string("rcpx practice checklist")),
            ("reportVersion", .int(2)),
            ("checklist", .string(checklist.name)),
            ("date", .string(date)),
            ("meta", ChecklistFileFormat.metaJSON(checklist.meta)),
            ("revision", .int(checklist.revision)),
            ("created", .string(checklist.created)),
            ("updated", .string(checklist.updated)),
            ("progress", progress(checklist.progress(overall: practices))),
            ("headings", .array(headings)),
            ("noLongerInData", .array(orphans)),
        ]).rendered()
    }
}
