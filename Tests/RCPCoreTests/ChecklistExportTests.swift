import Foundation
import Testing

@testable import RCPCore

@Suite struct ChecklistExportTests {
    /// A checklist with a bit of everything: each status, notes with awkward text, an orphan.
    static func sample() -> Checklist {
        var c = Checklist(
            name: "Ghana 2026 workshop", created: "2026-03-14T08:00:00Z",
            updated: "2026-03-14T09:30:00Z", revision: 12)
        let t = "2026-03-14T09:00:00Z"
        c.set("ep-01", status: .inProgress, at: t)
        c.setNote("ep-01", "Draft policy\nto cabinet in May", at: t)
        c.set("ep-01.1", status: .inPlace, at: t)
        c.set("ep-01.2", status: .notInPlace, at: t)
        c.setNote("ep-01.2", "needs \"review\", with the ministry", at: t)
        c.set("ep-06", status: .inPlace, at: t)
        c.set("ep-06.2", status: .notApplicable, at: t)
        c.setNote("ep-06.10", "*not* <yet> | 1. discussed", at: t)
        c.set("ep-21.3", status: .inPlace, at: "2025-12-01T10:00:00Z")
        c.setNote("ep-21.3", "from the old data", at: "2025-12-01T10:00:00Z")
        return c
    }

    @Test func markdownReport() {
        let md = ChecklistExport.markdown(Self.sample(), practices: ChecklistFixtures.practices, date: "2026-03-14")
        #expect(md.hasPrefix("# Practice checklist: Ghana 2026 workshop\n"))
        #expect(md.contains("Date: 2026-03-14"))
        #expect(md.contains("revision 12"))
        // Overall: 8 units; assessed ep-01, 01.1, 01.2, 06, 06.2 = 5; in place 01.1, 06 = 2; applicable 7.
        #expect(md.contains("**5 of 8 assessed, 2 in place (29% of applicable)**"))
        #expect(md.contains("| ✓ in place | 2 |"))
        #expect(md.contains("| ○ not assessed | 3 |"))
        #expect(md.contains("| 6 | Labour migration | ✓ in place | 2 of 4 | 1 |"))
        #expect(md.contains("## 1. Migration policy and legislation\n"))
        #expect(md.contains("Heading: ◐ **in progress**"))
        #expect(md.contains("Progress: 3 of 3 assessed, 1 in place (33% of applicable)"))
        #expect(md.contains("> Note: Draft policy  \n> to cabinet in May\n"), "each line of a note is kept")
        #expect(
            md.contains(
                "- ✗ **1.2** Laws in line with international standards — *not in place*\n"
                    + "  > Note: needs \"review\", with the ministry"))
        #expect(md.contains("- – **6.2** Information on legal channels — *not applicable*"))
        #expect(
            md.contains(
                "- ○ **6.10** Return and reintegration — *not assessed*\n"
                    + "  > Note: \\*not\\* \\<yet\\> \\| 1. discussed"), "Markdown in notes is escaped")
        #expect(md.contains("## 20. Research and data\n\nHeading: ○ **not assessed**"))
        // Orphans at the end.
        let orphanSection = md.range(of: "## No longer in the data")
        #expect(orphanSection != nil)
        #expect(orphanSection!.lowerBound > md.range(of: "## 20. Research and data")!.lowerBound)
        #expect(md.contains("- ✓ **ep-21.3** — *in place* (2025-12-01T10:00:00Z)\n  > Note: from the old data"))
        #expect(md.hasSuffix("\n") && !md.hasSuffix("\n\n"))
    }

    @Test func markdownEscapesLineStartsOfMultilineNotes() {
        #expect(ChecklistExport.md("- item", lineStart: true) == "\\- item")
        #expect(ChecklistExport.md("12. point", lineStart: true) == "12\\. point")
        #expect(ChecklistExport.md("# title", lineStart: true) == "\\# title")
        #expect(ChecklistExport.md("12. point") == "12. point")
        var c = Checklist(name: "M")
        c.setNote("ep-20", "first\n- not a list\n2. not a list either")
        let md = ChecklistExport.markdown(c, practices: ChecklistFixtures.practices, date: "d")
        #expect(md.contains("> Note: first  \n> \\- not a list  \n> 2\\. not a list either\n"))
        #expect(!md.contains("No longer in the data"), "no orphan section when there are none")
    }

    @Test func csvReport() throws {
        let csv = ChecklistExport.csv(Self.sample(), practices: ChecklistFixtures.practices, date: "2026-03-14")
        let rows = Self.parseCSV(csv)
        #expect(rows.first == ["id", "heading", "item", "status", "note", "updated"])
        #expect(rows.count == 1 + 8 + 1)
        for row in rows { #expect(row.count == 6, "\(row)") }
        #expect(
            rows[1] == [
                "ep-01", "1. Migration policy and legislation", "", "in-progress",
                "Draft policy\nto cabinet in May", "2026-03-14T09:00:00Z",
            ])
        #expect(
            rows[3] == [
                "ep-01.2", "1. Migration policy and legislation",
                "1.2 Laws in line with international standards", "not-in-place",
                "needs \"review\", with the ministry", "2026-03-14T09:00:00Z",
            ])
        #expect(rows[4][0] == "ep-06" && rows[4][3] == "in-place")
        #expect(
            rows[6] == [
                "ep-06.2", "6. Labour migration", "6.2 Information on legal channels",
                "not-applicable", "", "2026-03-14T09:00:00Z",
            ])
        #expect(rows[8] == ["ep-20", "20. Research and data", "", "not-assessed", "", ""])
        #expect(
            rows[9] == [
                "ep-21.3", "(no longer in the data)", "", "in-place", "from the old data",
                "2025-12-01T10:00:00Z",
            ])
        // Raw form: CRLF rows, quotes doubled, fields with commas or line breaks quoted.
        #expect(csv.hasPrefix("id,heading,item,status,note,updated\r\n"))
        #expect(csv.contains("\"needs \"\"review\"\", with the ministry\""))
        #expect(csv.contains("\"Draft policy\nto cabinet in May\""))
        #expect(csv.hasSuffix("\r\n"))
    }

    @Test func csvQuotesEveryAwkwardNote() {
        var c = Checklist(name: "Q")
        for (i, note) in checklistAwkwardNotes.enumerated() { c.setNote("x-\(i)", note) }
        let rows = Self.parseCSV(ChecklistExport.csv(c, practices: [], date: "d"))
        let notes = rows.dropFirst().map { $0[4] }
        #expect(notes == checklistAwkwardNotes.filter { !$0.allSatisfy(\.isWhitespace) })
    }

    @Test func jsonReport() throws {
        let text = ChecklistExport.json(Self.sample(), practices: ChecklistFixtures.practices, date: "2026-03-14")
        let doc = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        #expect(doc["checklist"] as? String == "Ghana 2026 workshop")
        #expect(doc["date"] as? String == "2026-03-14")
        #expect(doc["revision"] as? Int == 12)
        let progress = doc["progress"] as! [String: Any]
        #expect(progress["total"] as? Int == 8)
        #expect(progress["assessed"] as? Int == 5)
        #expect(progress["inPlacePercent"] as? Int == 29)
        #expect((progress["counts"] as! [String: Any])["not-applicable"] as? Int == 1)
        let headings = doc["headings"] as! [[String: Any]]
        #expect(headings.map { $0["id"] as! String } == ["ep-01", "ep-06", "ep-20"])
        #expect(headings[0]["status"] as? String == "in-progress")
        #expect(headings[0]["note"] as? String == "Draft policy\nto cabinet in May")
        #expect(headings[2]["note"] is NSNull)
        #expect((headings[1]["progress"] as! [String: Any])["assessed"] as? Int == 2)
        let items = headings[1]["items"] as! [[String: Any]]
        #expect(items.map { $0["number"] as! String } == ["6.1", "6.2", "6.10"])
        #expect(items[2]["note"] as? String == "*not* <yet> | 1. discussed")
        #expect(items[2]["status"] as? String == "not-assessed")
        let orphans = doc["noLongerInData"] as! [[String: Any]]
        #expect(orphans.count == 1)
        #expect(orphans[0]["id"] as? String == "ep-21.3")
        #expect(orphans[0]["note"] as? String == "from the old data")
        #expect(
            ChecklistExport.render(
                .json, Self.sample(), practices: ChecklistFixtures.practices,
                date: "2026-03-14") == text)
    }

    @Test func formatNames() {
        #expect(ChecklistExport.Format(parsing: "Markdown") == .markdown)
        #expect(ChecklistExport.Format(parsing: "md") == .markdown)
        #expect(ChecklistExport.Format(parsing: "csv") == .csv)
        #expect(ChecklistExport.Format(parsing: "pdf") == nil)
    }

    /// RFC 4180 reader for the tests.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false, i = text.startIndex
        while i < text.endIndex {
            let ch = text[i]
            if quoted {
                if ch == "\"" {
                    let n = text.index(after: i)
                    if n < text.endIndex && text[n] == "\"" { field.append("\""); i = n } else { quoted = false }
                } else {
                    field.append(ch)
                }
            } else if ch == "\"" {
                quoted = true
            } else if ch == "," {
                row.append(field); field = ""
            } else if ch == "\r\n" || ch == "\n" {
                row.append(field); field = ""; rows.append(row); row = []
            } else {
                field.append(ch)
            }
            i = text.index(after: i)
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}
