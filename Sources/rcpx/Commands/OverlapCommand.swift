import ArgumentParser
import RCPCore

/// `rcpx overlap A B`: the parties two processes share, and those only one has.
struct OverlapCommand: LookupCommand {
    static let configuration = CommandConfiguration(
        commandName: "overlap",
        abstract: "Compare two processes: participants in common and participants of only one.",
        discussion:
            "Every named participant counts, whatever its role; the roles in each process are shown.\n\nFormats: \(formatList)."
    )

    static let formats: [OutputFormat] = [.text, .json, .csv, .markdown]

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The first process.", valueName: "process"), completion: .processNames)
    var first: String

    @Argument(help: ArgumentHelp("The second process.", valueName: "process"), completion: .processNames)
    var second: String

    func validate() throws {
        try validateFormat()
        try requireName(first, "two processes")
        try requireName(second, "two processes")
    }

    func run() throws {
        let session = try session()
        let a = try session.process(first), b = try session.process(second)
        guard let overlap = session.catalog.overlap(a.id, b.id) else { throw RCPXExit.notFound }
        let look = session.look
        switch session.format {
        case .text:
            var doc = TextDocument(look)
            let title = "\(label(a)) and \(label(b))"
            doc.paragraph(look.text(title), style: look.bold)
            doc.paragraph(
                "\(overlap.common.count) in common, \(overlap.onlyA.count) only in \(look.text(a.shortName)), "
                    + "\(overlap.onlyB.count) only in \(look.text(b.shortName))")
            doc.heading("In both (\(overlap.common.count))")
            if overlap.common.isEmpty {
                doc.paragraph("none", indent: 2)
            } else {
                var table = TextTable([
                    TextColumn(title: "Party", wraps: true, style: look.accent),
                    TextColumn(title: look.text(a.shortName), wraps: true),
                    TextColumn(title: look.text(b.shortName), wraps: true),
                ])
                table.indent = 2
                for entry in overlap.common {
                    table.add([look.name(entry.party), Role.words(entry.rolesInA), Role.words(entry.rolesInB)])
                }
                doc.table(table)
            }
            for (process, only) in [(a, overlap.onlyA), (b, overlap.onlyB)] {
                doc.heading("Only in \(look.text(process.shortName)) (\(only.count))")
                doc.paragraph(only.isEmpty ? "none" : only.map(look.name).joined(separator: ", "), indent: 2)
            }
            session.emit(doc)
        case .json:
            func ref(_ p: Process) -> JSONOut {
                .object([
                    ("id", .string(p.id)), ("number", .int(p.number)), ("shortName", .string(p.shortName)),
                    ("name", .string(p.name)),
                ])
            }
            func parties(_ list: [Party]) -> JSONOut {
                .array(list.map { .object([("party", .string($0.id)), ("name", .string($0.name))]) })
            }
            session.emit(
                .object([
                    ("a", ref(a)), ("b", ref(b)),
                    (
                        "common",
                        .array(
                            overlap.common.map { entry in
                                .object([
                                    ("party", .string(entry.party.id)), ("name", .string(entry.party.name)),
                                    ("rolesInA", Role.json(entry.rolesInA)), ("rolesInB", Role.json(entry.rolesInB)),
                                ])
                            })
                    ),
                    ("onlyA", parties(overlap.onlyA)), ("onlyB", parties(overlap.onlyB)),
                ]))
        case .csv, .markdown:
            let roles = session.format == .csv ? Role.values : Role.words
            var table = DataTable(header: ["party", "name", "in", a.shortName, b.shortName])
            if session.format == .markdown { table.header = ["Id", "Party", "In", a.shortName, b.shortName] }
            var rows: [(Party, [String])] = []
            for entry in overlap.common {
                rows.append((entry.party, ["both", roles(entry.rolesInA), roles(entry.rolesInB)]))
            }
            let rolesA = Dictionary(a.participants.map { ($0.party, $0.roles) }, uniquingKeysWith: { x, _ in x })
            let rolesB = Dictionary(b.participants.map { ($0.party, $0.roles) }, uniquingKeysWith: { x, _ in x })
            for party in overlap.onlyA { rows.append((party, [a.id, roles(rolesA[party.id] ?? []), ""])) }
            for party in overlap.onlyB { rows.append((party, [b.id, "", roles(rolesB[party.id] ?? [])])) }
            table.rows = rows.map { [$0.0.id, $0.0.name] + $0.1 }
            session.emit(table)
        }
    }

    private func label(_ p: Process) -> String {
        p.number.map { "\(p.displayName) (\($0))" } ?? p.displayName
    }
}
