import ArgumentParser
import RCPCore

struct PartyComparisonOutput {
    let session: Session
    let c: PartyComparison

    var look: Look { session.look }

    func emit() {
        let names = c.parties.map { look.name($0) }
        let counts = c.counts
        let matrixCounts = c.parties.indices.map { i in
            c.rows.filter { $0.roles[i] != nil && $0.process.inMatrix }.count
        }
        switch session.format {
        case .text:
            var doc = TextDocument(look)
            doc.paragraph(names.joined(separator: ", "), style: look.bold)
            let each = c.parties.indices.map { i in
                "\(names[i]) \(matrixCounts[i]) (\(counts[i]))"
            }
            let matrix = session.catalog.processes.filter(\.inMatrix).count
            doc.paragraph(
                "Processes of the \(matrix) in the matrix (with the footnote groups): "
                    + each.joined(separator: ", ") + ".")
            doc.paragraph("They share \(DisplayText.count(c.shared.count, "process", "processes")).")
            var table = TextTable(
                [
                    TextColumn(title: "No.", alignment: .right),
                    TextColumn(title: "Process", wraps: true, style: look.accent),
                ]
                    + names.map { TextColumn(title: $0, wraps: true) })
            for (heading, rows) in [
                ("In all \(c.parties.count)", c.shared),
                ("In some", c.rows.filter { $0.count < c.parties.count }),
            ] where !rows.isEmpty {
                table.section("\(heading) (\(rows.count))")
                for row in rows {
                    table.add(
                        [
                            row.process.number.map(String.init) ?? look.symbols.footnote,
                            look.text(row.process.shortName),
                        ] + row.roles.map { roleCell($0, csv: false) })
                }
            }
            doc.blank()
            doc.table(table)
            if c.rows.contains(where: { !$0.process.inMatrix }) {
                doc.blank()
                doc.paragraph(look.symbols.footnote + " a group outside the Annex A matrix; - takes no part")
            } else {
                doc.blank()
                doc.paragraph("- takes no part")
            }
            session.emit(doc)
        case .json:
            session.emit(
                .object([
                    ("kind", .string("parties")),
                    (
                        "parties",
                        .array(
                            c.parties.indices.map { i in
                                .object([
                                    ("id", .string(c.parties[i].id)), ("name", .string(c.parties[i].name)),
                                    ("kind", .string(c.parties[i].kind.rawValue)),
                                    ("matrixProcesses", .int(matrixCounts[i])), ("allProcesses", .int(counts[i])),
                                ])
                            })
                    ),
                    (
                        "processes",
                        .array(
                            c.rows.map { row in
                                .object([
                                    ("id", .string(row.process.id)), ("number", .int(row.process.number)),
                                    ("shortName", .string(row.process.shortName)),
                                    ("shared", .bool(row.count == c.parties.count)),
                                    ("roles", .array(row.roles.map { $0.map(Role.json) ?? .null })),
                                ])
                            })
                    ),
                ]))
        case .csv, .markdown:
            let csv = session.format == .csv
            var table = DataTable(header: ["number", "process", "name", "shared"] + c.parties.map(\.id))
            if !csv { table.header = ["No.", "Process", "Name", "Shared"] + c.parties.map(\.name) }
            for row in c.rows {
                table.rows.append(
                    [
                        row.process.numberText, row.process.id, row.process.shortName,
                        row.count == c.parties.count ? "yes" : "",
                    ] + row.roles.map { roleCell($0, csv: true) })
            }
            session.emit(table)
        }
    }
}
