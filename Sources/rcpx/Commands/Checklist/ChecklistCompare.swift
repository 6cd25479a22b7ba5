import ArgumentParser
import RCPCore

extension ChecklistCommand {
    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "compare",
            abstract: "Show 2–8 checklists side by side: practices as rows, checklists as columns.",
            discussion: """
                Each cell is a status symbol that differs by shape (✓ in place, ◐ in progress, ✗ not in place, \
                – not applicable, ○ not assessed; with --ascii + ~ x - .). Rows where the checklists differ are \
                marked ≠ (ASCII: *); each heading row carries its progress (in place / applicable units). \
                --differences shows only the rows that differ. CSV and JSON carry the notes too.
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, csv, markdown }

        @OptionGroup var options: ChecklistOptions

        @Argument(help: ArgumentHelp("2 to 8 checklist names.", valueName: "name"))
        var names: [String]

        @Option(name: .long, help: "Output format: text, json, csv or markdown.")
        var format: Format = .text

        @Flag(name: .long, help: "Only the rows where the checklists differ.")
        var differences = false

        func validate() throws {
            guard (2...ChecklistComparison.maxColumns).contains(names.count) else {
                throw ValidationError(
                    "compare takes 2 to \(ChecklistComparison.maxColumns) checklists, not \(names.count).")
            }
        }

        func run() throws {
            let practices = try options.practices()
            let store = options.store
            let checklists = try names.map { n in try ChecklistCommand.run { try store.load(n) } }
            let cmp = ChecklistComparison(checklists, practices: practices)
            let rows = differences ? cmp.differingRows : cmp.rows
            let letters = (0..<cmp.names.count).map { String(UnicodeScalar(UInt8(65 + $0))) }
            func progressCell(_ p: ChecklistProgress) -> String { "\(p.inPlace)/\(p.applicable)" }
            switch format {
            case .json:
                func progress(_ p: ChecklistProgress) -> JSONOut {
                    .object([
                        ("total", .int(p.total)), ("assessed", .int(p.assessed)), ("inPlace", .int(p.inPlace)),
                        ("applicable", .int(p.applicable)), ("inPlacePercent", .int(p.inPlacePercent)),
                    ])
                }
                Console.write(
                    JSONOut.object([
                        (
                            "checklists",
                            .array(
                                cmp.names.enumerated().map { i, n in
                                    .object([("name", .string(n)), ("progress", progress(cmp.overall[i]))])
                                })
                        ),
                        ("differing", .int(cmp.differingRows.count)),
                        (
                            "rows",
                            .array(
                                rows.map { r in
                                    var fields: [(String, JSONOut)] = [
                                        ("id", .string(r.itemID)), ("number", .string(r.number)),
                                        ("title", .string(r.title)),
                                        ("heading", .bool(r.isHeading)), ("differs", .bool(r.differs)),
                                        ("statuses", .strings(r.statuses.map(\.rawValue))),
                                        ("notes", .array(r.notes.map { .string($0) })),
                                    ]
                                    if r.isHeading, let hp = cmp.headingProgress[r.itemID] {
                                        fields.append(("progress", .array(hp.map(progress))))
                                    }
                                    return .object(fields)
                                })
                        ),
                    ]).rendered())
            case .csv:
                var table = DataTable(
                    header: ["id", "number", "title"]
                        + cmp.names.flatMap { ["\($0) status", "\($0) note"] } + ["differs"])
                for r in rows {
                    table.rows.append(
                        [r.itemID, r.number, r.title]
                            + zip(r.statuses, r.notes).flatMap { [$0.rawValue, $1 ?? ""] }
                            + [r.differs ? "yes" : "no"])
                }
                Console.write(table.csv())
            case .markdown:
                var table = DataTable(header: ["#", "Item"] + cmp.names + ["≠"])
                for r in rows {
                    let title = r.isHeading ? "**\(r.title)**" : r.title
                    var cells = [r.number, title]
                    for (i, s) in r.statuses.enumerated() {
                        var cell = "\(s.glyph) \(s.label)"
                        if r.isHeading, let hp = cmp.headingProgress[r.itemID] {
                            cell += " (\(progressCell(hp[i])) in place)"
                        }
                        cells.append(cell)
                    }
                    table.rows.append(cells + [r.differs ? "≠" : ""])
                }
                var out =
                    "Comparing \(cmp.names.count) checklists: \(cmp.differingRows.count) of "
                    + "\(cmp.rows.count) items differ.\n\n"
                out += table.markdown()
                Console.write(out)
            case .text:
                var out =
                    "Comparing \(cmp.names.count) checklists (\(cmp.differingRows.count) of \(cmp.rows.count) "
                    + "items differ):\n"
                for (i, n) in cmp.names.enumerated() {
                    out +=
                        "  \(letters[i])  " + ChecklistCommand.cut(ChecklistCommand.safe(n), 40, ascii: options.ascii)
                        + "  \(cmp.overall[i].inPlace)/\(cmp.overall[i].applicable) in place, "
                        + "\(cmp.overall[i].assessed)/\(cmp.overall[i].total) assessed\n"
                }
                let cell = 6
                let titleWidth = 80 - 6 - cell * cmp.names.count - 2
                out +=
                    "\n" + ChecklistCommand.pad("#", 6) + ChecklistCommand.pad("Item", titleWidth)
                    + letters.map { ChecklistCommand.pad("  " + $0, cell) }.joined() + "\n"
                let differs = options.ascii ? "*" : "≠"
                for r in rows {
                    if r.isHeading && !differences { out += "\n" }
                    var line =
                        ChecklistCommand.pad(r.number, 6)
                        + ChecklistCommand.pad(
                            ChecklistCommand.cut(r.title, titleWidth - 1, ascii: options.ascii), titleWidth)
                    for s in r.statuses { line += ChecklistCommand.pad("  " + options.glyph(s), cell) }
                    out += line + (r.differs ? " " + differs : "") + "\n"
                    if r.isHeading, !differences, let hp = cmp.headingProgress[r.itemID] {
                        out +=
                            ChecklistCommand.pad("", 6) + ChecklistCommand.pad("  in place (units)", titleWidth)
                            + hp.map { ChecklistCommand.pad(progressCell($0), cell) }.joined() + "\n"
                    }
                }
                Console.write(
                    out.split(separator: "\n", omittingEmptySubsequences: false)
                        .map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }.joined(separator: "\n"))
            }
        }
    }

    /// `s` cut to `width` characters with "…" ("~" in ASCII) when longer.
    static func cut(_ s: String, _ width: Int, ascii: Bool) -> String {
        s.count <= width ? s : String(s.prefix(max(0, width - 1))) + (ascii ? "~" : "…")
    }
}
