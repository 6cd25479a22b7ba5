import ArgumentParser
import RCPCore

/// `rcpx rank states|processes`: the rankings a facilitator asks for.
struct RankCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rank",
        abstract: "Rank states by the processes they are in, or processes by members, observers or topics.",
        subcommands: [RankStatesCommand.self, RankProcessesCommand.self]
    )
}

extension ProcessRankKey: ExpressibleByArgument {}

/// `rcpx rank states`: the states and territories in the most processes.
struct RankStatesCommand: LookupCommand {
    static let configuration = CommandConfiguration(
        commandName: "states",
        abstract: "States and territories by the number of processes they take part in.",
        discussion: """
            The count is over the 13 processes of the Annex A matrix, any role; the figure with the footnote groups \
            (the 5 groups outside the matrix) is shown beside it, and --with-groups ranks by that one instead. \
            Parties with the same count share a rank (as in 1, 2, 2, 4) and are listed alphabetically; a --limit \
            that would split a tie shows the whole tie.

            Formats: \(formatList).
            """
    )

    static let formats: [OutputFormat] = [.text, .json, .csv, .markdown]

    @OptionGroup var global: GlobalOptions

    @Flag(name: .customLong("with-groups"), help: "Rank by the count with the groups outside the matrix.")
    var withGroups = false

    @Option(name: .long, help: ArgumentHelp("Show the first N (whole ties kept); 0 for all.", valueName: "n"))
    var limit: Int = 20

    func validate() throws {
        try validateFormat()
        if limit < 0 { throw ValidationError("--limit takes 0 (all) or more, not \(limit).") }
    }

    func run() throws {
        let session = try session()
        let all = session.catalog.rankParties(includeGroups: withGroups)
        guard !all.isEmpty else {
            Console.error("no state or territory takes part in a process.")
            throw RCPXExit.notFound
        }
        let shown = limit == 0 ? all : all.filter { $0.rank <= limit }
        let look = session.look
        let matrixTotal = session.catalog.processes.filter(\.inMatrix).count
        let groups = session.catalog.processes.count - matrixTotal
        switch session.format {
        case .text:
            var doc = TextDocument(look)
            let by =
                withGroups
                ? "all \(session.catalog.processes.count) processes (the \(groups) footnote groups too)"
                : "the \(matrixTotal) Annex A matrix processes"
            doc.paragraph("States and territories by the number of \(by) they take part in, any role", style: look.bold)
            doc.paragraph(
                "Same count, same rank (\"=\" marks a tie); ties are listed alphabetically. "
                    + (withGroups
                        ? "\"Matrix\" counts the matrix processes only."
                        : "\"With groups\" counts the \(groups) groups outside the matrix too."))
            var table = TextTable([
                TextColumn(title: "Rank", alignment: .right),
                TextColumn(title: "Party", wraps: true, style: look.accent),
                TextColumn(title: withGroups ? "All" : "Matrix", alignment: .right),
                TextColumn(title: withGroups ? "Matrix" : "With groups", alignment: .right),
            ])
            for r in shown {
                let first = withGroups ? r.allCount : r.matrixCount, second = withGroups ? r.matrixCount : r.allCount
                table.add([rankLabel(r.rank, tied: r.tied), look.name(r.party), String(first), String(second)])
            }
            doc.blank()
            doc.table(table)
            if shown.count < all.count {
                doc.blank()
                doc.paragraph("\(all.count - shown.count) more with fewer (--limit 0 shows all \(all.count)).")
            }
            session.emit(doc)
        case .json:
            session.emit(
                .array(
                    shown.map { r in
                        .object([
                            ("rank", .int(r.rank)), ("tied", .int(r.tied)), ("party", .string(r.party.id)),
                            ("name", .string(r.party.name)), ("kind", .string(r.party.kind.rawValue)),
                            ("matrixProcesses", .int(r.matrixCount)), ("allProcesses", .int(r.allCount)),
                        ])
                    }))
        case .csv, .markdown:
            var table = DataTable(header: ["rank", "tied", "party", "name", "matrixProcesses", "allProcesses"])
            if session.format == .markdown {
                table.header = ["Rank", "Tied", "Id", "Party", "Matrix processes", "With groups"]
            }
            table.rows = shown.map { r in
                [String(r.rank), String(r.tied), r.party.id, r.party.name, String(r.matrixCount), String(r.allCount)]
            }
            session.emit(table, rightAligned: [0, 1, 4, 5])
        }
    }
}

/// `rcpx rank processes --by members|observers|topics`.
struct RankProcessesCommand: LookupCommand {
    static let configuration = CommandConfiguration(
        commandName: "processes",
        abstract: "Processes by their number of members, observers or topics.",
        discussion: """
            Members and observers are the named participants with that role; topics are the main areas of \
            discussion the matrix lists. The 13 Annex A processes, or all 18 with --with-groups. Processes with \
            the same value share a rank and keep the matrix order.

            Formats: \(formatList).
            """
    )

    static let formats: [OutputFormat] = [.text, .json, .csv, .markdown]

    @OptionGroup var global: GlobalOptions

    @Option(
        name: .long, help: ArgumentHelp("What to rank by: members, observers or topics.", valueName: "what"),
        completion: .list(ProcessRankKey.allCases.map(\.rawValue)))
    var by: ProcessRankKey = .members

    @Flag(name: .customLong("with-groups"), help: "Include the groups outside the Annex A matrix.")
    var withGroups = false

    func validate() throws { try validateFormat() }

    func run() throws {
        let session = try session()
        let ranked = session.catalog.rankProcesses(by: by, includeGroups: withGroups)
        guard !ranked.isEmpty else {
            Console.error("no process to rank.")
            throw RCPXExit.notFound
        }
        let look = session.look
        let column = by.rawValue.prefix(1).uppercased() + by.rawValue.dropFirst()
        switch session.format {
        case .text:
            var doc = TextDocument(look)
            doc.paragraph(
                "Processes by \(by.rawValue)" + (withGroups ? ", with the groups outside the matrix" : ""),
                style: look.bold)
            var table = TextTable([
                TextColumn(title: "Rank", alignment: .right),
                TextColumn(title: "No.", alignment: .right),
                TextColumn(title: "Process", style: look.accent),
                TextColumn(title: "Name", wraps: true),
                TextColumn(title: column, alignment: .right),
            ])
            for r in ranked {
                table.add([
                    rankLabel(r.rank, tied: r.tied),
                    r.process.number.map(String.init) ?? look.symbols.footnote,
                    look.text(r.process.shortName), look.text(r.process.displayName), String(r.value),
                ])
            }
            doc.blank()
            doc.table(table)
            doc.blank()
            doc.paragraph(
                "\"=\" marks a tie" + (withGroups ? "; \(look.symbols.footnote) a group outside the matrix" : ""))
            session.emit(doc)
        case .json:
            session.emit(
                .array(
                    ranked.map { r in
                        .object([
                            ("rank", .int(r.rank)), ("tied", .int(r.tied)), ("id", .string(r.process.id)),
                            ("number", .int(r.process.number)), ("shortName", .string(r.process.shortName)),
                            (by.rawValue, .int(r.value)),
                        ])
                    }))
        case .csv, .markdown:
            var table = DataTable(header: ["rank", "tied", "number", "id", "shortName", by.rawValue])
            if session.format == .markdown { table.header = ["Rank", "Tied", "No.", "Id", "Process", column] }
            table.rows = ranked.map { r in
                [
                    String(r.rank), String(r.tied), r.process.numberText, r.process.id, r.process.shortName,
                    String(r.value),
                ]
            }
            session.emit(table, rightAligned: [0, 1, 2, 5])
        }
    }
}
