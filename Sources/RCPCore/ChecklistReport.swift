/// The report a facilitator hands out after a workshop: one self-contained HTML file (inline CSS and SVG, no
/// scripts, no external reference of any kind) or Markdown with the same content and no charts.
///
/// For one or several checklists: each one's subject, date, facilitator and participants; overall and
/// per-heading progress (SVG bar charts in HTML); for several, the comparison table (statuses side by side,
/// differences marked); then, heading by heading, every item's status and note in each checklist, with the
/// processes whose topics fall under that heading (an editorial link made for rcpx, marked as such).
public enum ChecklistReport {
    public enum Format: String, CaseIterable, Sendable { case html, markdown }

    /// The report of `checklists` (1 or more) in `format`. `date` is the report's date as printed.
    public static func render(_ format: Format, _ checklists: [Checklist], catalog: Catalog, date: String) -> String {
        switch format {
        case .html: return html(checklists, catalog: catalog, date: date)
        case .markdown: return markdown(checklists, catalog: catalog, date: date)
        }
    }

    // MARK: HTML

    /// Text for HTML (`DisplayText.markup`).
    public static func escape(_ s: String) -> String { DisplayText.markup(s) }

    static let statusClass: [ChecklistStatus: String] = [
        .inPlace: "s-in", .inProgress: "s-prog", .notInPlace: "s-not", .notApplicable: "s-na", .notAssessed: "s-none",
    ]
    static let statusColour: [ChecklistStatus: String] = [
        .inPlace: "#1b7f3b", .inProgress: "#c98a00", .notInPlace: "#b3261e", .notApplicable: "#6b7280",
        .notAssessed: "#d9dde3",
    ]

    static let css = """
        body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1f2328;\
        max-width:1100px;margin:24px auto;padding:0 20px}
        h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;border-bottom:2px solid #d0d7de;padding-bottom:4px;\
        margin-top:32px}h3{font-size:16px;margin:18px 0 6px}
        .sub{color:#57606a;margin:0 0 16px}
        .cards{display:flex;flex-wrap:wrap;gap:14px}.card{border:1px solid #d0d7de;border-radius:8px;padding:10px 14px;\
        flex:1 1 300px;break-inside:avoid}
        dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:6px 0}dt{color:#57606a}dd{margin:0}
        table{border-collapse:collapse;width:100%;margin:8px 0}th,td{border:1px solid #d0d7de;padding:4px 6px;\
        vertical-align:top;text-align:left}th{background:#f6f8fa}
        td.num{white-space:nowrap;color:#57606a}tr.heading td{background:#f6f8fa;font-weight:600}
        tr.diff td.st{outline:2px solid #8250df;outline-offset:-2px}.diffmark{color:#8250df;font-weight:700}
        .st{white-space:nowrap}.g{font-weight:700;display:inline-block;width:1.2em;text-align:center}
        .s-in .g{color:#1b7f3b}.s-prog .g{color:#c98a00}.s-not .g{color:#b3261e}.s-na .g,.s-none .g{color:#6b7280}
        .note{white-space:pre-wrap;overflow-wrap:anywhere;margin:2px 0 0;color:#24292f;font-size:14px;font-weight:400}
        .kept{white-space:pre-wrap;overflow-wrap:anywhere;color:#8250df;font-size:13px;margin:2px 0 0}
        .procs{font-size:13px;color:#57606a}.editorial{font-style:italic}
        .legend span{margin-right:14px;white-space:nowrap}.sw{display:inline-block;width:10px;height:10px;\
        margin-right:4px;border:1px solid #999}
        svg{display:block;max-width:100%}svg text{font:12px system-ui,sans-serif;fill:#1f2328}
        footer{margin-top:32px;color:#57606a;font-size:12px}
        @media print{body{margin:0;max-width:none;font-size:11pt}section.practice{break-before:page;\
        page-break-before:always}tr{break-inside:avoid;page-break-inside:avoid}h2,h3{break-after:avoid;\
        page-break-after:avoid}.card{break-inside:avoid}a{color:inherit;text-decoration:none}}
        """

    public static func html(_ checklists: [Checklist], catalog: Catalog, date: String) -> String {
        let practices = catalog.practices
        var o = ""
        func add(_ s: String) { o += s; o += "\n" }
        let title =
            checklists.count == 1
            ? "Practice checklist: \(checklists[0].name)"
            : "Practice checklists: " + checklists.map(\.name).joined(separator: ", ")
        add("<!DOCTYPE html>")
        add("<html lang=\"en\"><head><meta charset=\"utf-8\">")
        add("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        add("<title>\(escape(title))</title>")
        add("<style>\n\(css)\n</style></head><body>")
        add("<header><h1>\(escape(title))</h1>")
        add(
            "<p class=\"sub\">Self-assessment against the effective practices of the International Agenda for "
                + "Migration Management (IAMM) · report of \(escape(date))</p></header>")
        add(legendHTML())

        // Whose and when, and overall progress, per checklist.
        add("<section class=\"overview\"><h2>Who, when and how far</h2><div class=\"cards\">")
        for c in checklists {
            let p = c.progress(overall: practices)
            add("<div class=\"card\"><h3>\(escape(c.name))</h3><dl>")
            for (label, value) in ChecklistExport.metaLines(c.meta) {
                add("<dt>\(escape(label))</dt><dd>\(escape(value))</dd>")
            }
            add("<dt>Last change</dt><dd>\(escape(c.updated)) (revision \(c.revision))</dd>")
            add("<dt>Progress</dt><dd>\(escape(p.summary))</dd></dl>")
            add(barSVG([("", p)], label: "Overall progress of \(c.name)", compact: true))
            let conflicted = c.conflictedItems
            if !conflicted.isEmpty {
                add(
                    "<p class=\"kept\">Items with a second version kept (a conflict or a merge to settle): "
                        + escape(conflicted.map { ChecklistItemID.displayNumber($0) ?? $0 }.joined(separator: ", "))
                        + "</p>")
            }
            add("</div>")
        }
        add("</div></section>")

        // Per-heading progress.
        add("<section class=\"progress\"><h2>Progress by heading</h2>")
        add(
            "<p class=\"sub\">Each bar is a heading and its sub-headings, one unit each, coloured by status; the "
                + "figure is the share in place among the applicable units.</p>")
        for c in checklists {
            if checklists.count > 1 { add("<h3>\(escape(c.name))</h3>") }
            add(
                barSVG(
                    practices.map { ("\($0.number). \(short($0.title))", c.progress(for: $0)) },
                    label: "Progress by heading of \(c.name)"))
        }
        add("</section>")

        // The comparison table.
        if checklists.count > 1 {
            let cmp = ChecklistComparison(checklists, practices: practices)
            add("<section class=\"compare\"><h2>Side by side</h2>")
            add(
                "<p>\(cmp.differingRows.count) of \(cmp.rows.count) items differ "
                    + "(marked <span class=\"diffmark\">≠</span> and outlined).</p>")
            add(
                "<table><thead><tr><th>#</th><th>Item</th>"
                    + cmp.names.map { "<th>\(escape($0))</th>" }.joined() + "<th></th></tr></thead><tbody>")
            for r in cmp.rows {
                add(
                    "<tr class=\"\(r.isHeading ? "heading" : "item")\(r.differs ? " diff" : "")\">"
                        + "<td class=\"num\">\(escape(r.number))</td><td>\(escape(r.title))</td>"
                        + r.statuses.map { "<td class=\"st \(statusClass[$0]!)\">\(glyph($0))</td>" }.joined()
                        + "<td>\(r.differs ? "<span class=\"diffmark\" title=\"differs\">≠</span>" : "")</td></tr>")
            }
            add("</tbody></table></section>")
        }

        // Heading by heading.
        for p in practices {
            add("<section class=\"practice\" id=\"\(escape(p.id))\"><h2>\(p.number). \(escape(p.title))</h2>")
            let discussed = catalog.processes(forPractice: p.number)
            if discussed.isEmpty {
                add("<p class=\"procs\">No process of the data has a topic under this heading.</p>")
            } else {
                add(
                    "<p class=\"procs\"><span class=\"editorial\">Discussed by (editorial link made for rcpx from "
                        + "the processes' topics, not a statement of the paper):</span> "
                        + discussed.map { d in
                            escape(d.process.shortName) + " (" + escape(d.topics.map(\.label).joined(separator: "; "))
                                + ")"
                        }.joined(separator: ", ") + "</p>")
            }
            add(
                "<table><thead><tr><th>#</th><th>Item</th>"
                    + checklists.map { "<th>\(escape($0.name))</th>" }.joined() + "</tr></thead><tbody>")
            let rows =
                [(p.id, String(p.number), "The heading as a whole", true)]
                + p.items.map { ($0.id, ChecklistItemID.displayNumber($0.id) ?? $0.id, $0.title, false) }
            for (id, number, itemTitle, isHeading) in rows {
                add(
                    "<tr class=\"\(isHeading ? "heading" : "item")\"><td class=\"num\">\(escape(number))</td>"
                        + "<td>\(escape(itemTitle))</td>" + checklists.map { cellHTML($0, id) }.joined() + "</tr>")
            }
            add("</tbody></table>")
            add(barSVG(checklists.map { ($0.name, $0.progress(for: p)) }, label: "Progress of heading \(p.number)"))
            add("</section>")
        }

        // Items the data no longer has.
        let orphans = checklists.map { ($0, $0.orphanEntries(practices: practices)) }.filter { !$0.1.isEmpty }
        if !orphans.isEmpty {
            add(
                "<section class=\"practice\"><h2>No longer in the data</h2><p>Recorded for items the current data "
                    + "no longer has, kept as recorded.</p><table><tbody>")
            for (c, ids) in orphans {
                for id in ids {
                    add("<tr><td>\(escape(c.name))</td><td class=\"num\">\(escape(id))</td>\(cellHTML(c, id))</tr>")
                }
            }
            add("</tbody></table></section>")
        }
        add(
            "<footer>Made with rcpx from the data of the 2005 IOM paper on regional consultative processes. "
                + "Statuses: ✓ in place, ◐ in progress, ✗ not in place, – not applicable, ○ not assessed.</footer>")
        add("</body></html>")
        return o
    }

    private static func glyph(_ s: ChecklistStatus) -> String {
        "<span class=\"g\" aria-hidden=\"true\">\(s.glyph)</span>\(s.label)"
    }

    private static func cellHTML(_ c: Checklist, _ id: String) -> String {
        let e = c.entries[id]
        let s = e?.status ?? .notAssessed
        var cell = "<td class=\"st \(statusClass[s]!)\">\(glyph(s))"
        if let note = e?.note { cell += "<div class=\"note\">\(escape(note))</div>" }
        for a in e?.alternatives ?? [] {
            cell +=
                "<div class=\"kept\">also kept (\(escape(a.source)), \(escape(a.updated))): "
                + "\(a.status.glyph) \(a.status.label)" + (a.note.map { " — " + escape($0) } ?? "") + "</div>"
        }
        return cell + "</td>"
    }

    private static func short(_ title: String) -> String {
        title.count <= 38 ? title : String(title.prefix(37)) + "…"
    }

    private static let barOrder: [ChecklistStatus] = [.inPlace, .inProgress, .notInPlace, .notApplicable, .notAssessed]

    private static func legendHTML() -> String {
        "<p class=\"legend\">"
            + barOrder.map {
                "<span><span class=\"sw\" style=\"background:\(statusColour[$0]!)\"></span>\($0.glyph) \($0.label)</span>"
            }.joined() + "</p>"
    }

    /// Horizontal stacked bars, one per (label, progress): the share of units of each status.
    static func barSVG(_ bars: [(String, ChecklistProgress)], label: String, compact: Bool = false) -> String {
        let labelWidth = compact ? 0 : 300, barWidth = compact ? 230 : 520, rowHeight = 22
        let width = labelWidth + barWidth + 50
        let height = bars.count * rowHeight + 4
        var s =
            "<svg role=\"img\" width=\"\(width)\" height=\"\(height)\" "
            + "viewBox=\"0 0 \(width) \(height)\" aria-label=\"\(escape(label))\"><title>\(escape(label))</title>"
        for (i, (name, p)) in bars.enumerated() {
            let y = i * rowHeight + 2
            if !compact {
                s +=
                    "<text x=\"0\" y=\"\(y + 15)\">\(escape(name.count > 44 ? String(name.prefix(43)) + "…" : name))</text>"
            }
            var x = 0
            for st in barOrder {
                let n = p.count(st)
                guard n > 0, p.total > 0 else { continue }
                let w = n * barWidth / p.total
                s +=
                    "<rect x=\"\(labelWidth + x)\" y=\"\(y + 3)\" width=\"\(max(w, 1))\" height=\"\(rowHeight - 6)\" "
                    + "fill=\"\(statusColour[st]!)\"><title>\(n) \(st.label)</title></rect>"
                x += w
            }
            if x < barWidth && p.total > 0 {
                s +=
                    "<rect x=\"\(labelWidth + x)\" y=\"\(y + 3)\" width=\"\(barWidth - x)\" height=\"\(rowHeight - 6)\" "
                    + "fill=\"\(statusColour[.notAssessed]!)\"/>"
            }
            let figure = p.applicable == 0 ? "n/a" : "\(p.inPlacePercent)%"
            s += "<text x=\"\(labelWidth + barWidth + 8)\" y=\"\(y + 15)\">\(figure)</text>"
        }
        return s + "</svg>"
    }

    // MARK: Markdown

    public static func markdown(_ checklists: [Checklist], catalog: Catalog, date: String) -> String {
        let practices = catalog.practices
        let md = { (s: String) in ChecklistExport.md(DisplayText.safe(s)) }
        var o = ""
        func line(_ s: String = "") { o += s + "\n" }
        line(
            checklists.count == 1
                ? "# Practice checklist: \(md(checklists[0].name))"
                : "# Practice checklists: " + checklists.map { md($0.name) }.joined(separator: ", "))
        line()
        line("Self-assessment against the IAMM effective practices · report of \(md(date))")
        line()
        line("## Who, when and how far")
        for c in checklists {
            line()
            line("### \(md(c.name))")
            line()
            for (label, value) in ChecklistExport.metaLines(c.meta) { line("- \(label): \(md(value))") }
            line("- Last change: \(md(c.updated)) (revision \(c.revision))")
            line("- Progress: \(c.progress(overall: practices).summary)")
            let conflicted = c.conflictedItems
            if !conflicted.isEmpty {
                line(
                    "- Items with a second version kept: "
                        + conflicted.map { ChecklistItemID.displayNumber($0) ?? $0 }.joined(separator: ", "))
            }
        }
        line()
        line("## Progress by heading")
        line()
        line("| # | Heading | " + checklists.map { md($0.name) }.joined(separator: " | ") + " |")
        line("| ---: | --- |" + String(repeating: " ---: |", count: checklists.count))
        for p in practices {
            line(
                "| \(p.number) | \(md(p.title)) | "
                    + checklists.map {
                        let pr = $0.progress(for: p)
                        return "\(pr.inPlace)/\(pr.applicable) in place, \(pr.assessed)/\(pr.total) assessed"
                    }.joined(separator: " | ") + " |")
        }
        if checklists.count > 1 {
            let cmp = ChecklistComparison(checklists, practices: practices)
            line()
            line("## Side by side")
            line()
            line("\(cmp.differingRows.count) of \(cmp.rows.count) items differ (marked ≠).")
            line()
            line("| # | Item | " + cmp.names.map(md).joined(separator: " | ") + " | |")
            line("| ---: | --- |" + String(repeating: " --- |", count: cmp.names.count) + " --- |")
            for r in cmp.rows {
                let title = r.isHeading ? "**\(md(r.title))**" : md(r.title)
                line(
                    "| \(r.number) | \(title) | "
                        + r.statuses.map { "\($0.glyph) \($0.label)" }.joined(separator: " | ")
                        + " | \(r.differs ? "≠" : "") |")
            }
        }
        for p in practices {
            line()
            line("## \(p.number). \(md(p.title))")
            line()
            let discussed = catalog.processes(forPractice: p.number)
            if discussed.isEmpty {
                line("No process of the data has a topic under this heading.")
            } else {
                line(
                    "*Discussed by (editorial link made for rcpx from the processes' topics, not a statement of the "
                        + "paper):* "
                        + discussed.map {
                            "\(md($0.process.shortName)) (\(md($0.topics.map(\.label).joined(separator: "; "))))"
                        }
                        .joined(separator: ", "))
            }
            let rows =
                [(p.id, String(p.number), "The heading as a whole")]
                + p.items.map { ($0.id, ChecklistItemID.displayNumber($0.id) ?? $0.id, $0.title) }
            for (id, number, title) in rows {
                line()
                line("- **\(md(number))** \(md(title))")
                for c in checklists {
                    let e = c.entries[id]
                    let s = e?.status ?? .notAssessed
                    let who = checklists.count > 1 ? "\(md(c.name)): " : ""
                    line("  - \(who)\(s.glyph) *\(s.label)*")
                    if let note = e?.note { line(ChecklistExport.noteQuote(note, indent: "    ", safe: true)) }
                    for a in e?.alternatives ?? [] { line(ChecklistExport.keptLine(a, indent: "    ")) }
                }
            }
        }
        for c in checklists {
            let orphans = ChecklistExport.orphanItems(c, practices: practices, withDates: false, safe: true)
            guard !orphans.isEmpty else { continue }
            line()
            line("## No longer in the data (\(md(c.name)))")
            line()
            for item in orphans { line(item) }
        }
        return o
    }
}
