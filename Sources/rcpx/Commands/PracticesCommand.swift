import ArgumentParser
import RCPCore
import RCPText

/// `rcpx practices [NUMBER]`: the IAMM effective-practice headings and the processes that discuss each.
struct PracticesCommand: LookupCommand {
    static let configuration = CommandConfiguration(
        commandName: "practices",
        abstract: "List the 20 IAMM effective-practice headings (Annex D) and the processes that discuss each.",
        discussion: """
            With a NUMBER (1-20, or an id such as ep-06), shows that heading: its sub-headings, and each process \
            with the topics that fall under it.

            Formats: \(formatList).
            """
    )

    static let formats: [OutputFormat] = [.text, .json, .csv, .markdown]

    @OptionGroup var global: GlobalOptions

    @Argument(
        help: ArgumentHelp("A heading number (1-20) or id (ep-06).", valueName: "number"),
        completion: .custom { _, _, _ in Catalog.bundled.practices.map { String($0.number) } })
    var heading: String?

    func validate() throws { try validateFormat() }

    func run() throws {
        let session = try session()
        let catalog = session.catalog
        var practices = catalog.practices
        if let heading {
            guard let practice = PracticesCommand.find(heading, in: catalog) else {
                let range = catalog.practices.map(\.number)
                Console.error(
                    "no effective-practice heading \"\(echo(heading))\"; the headings are numbered "
                        + "\(range.min() ?? 1)-\(range.max() ?? 20).")
                throw RCPXExit.notFound
            }
            practices = [practice]
        }
        let look = session.look
        let discussions = practices.map { catalog.processes(forPractice: $0.number) }
        switch session.format {
        case .text where heading != nil:
            let practice = practices[0], processes = discussions[0]
            var doc = TextDocument(look)
            doc.paragraph("\(practice.number). " + look.text(practice.title), hanging: 4, style: look.bold)
            doc.field("Id", practice.id)
            if !practice.items.isEmpty {
                doc.heading("Sub-headings")
                for item in practice.items { doc.item(item.id, look.text(item.title)) }
            }
            doc.heading("Processes that discuss it (\(processes.count)) " + Editorial.mark(look))
            doc.paragraph(Editorial.mark(look) + " editorial: " + PracticesCommand.mappingNote, indent: 2)
            if processes.isEmpty { doc.paragraph("none", indent: 2) }
            let markerWidth = processes.map { $0.process.number.map { String($0).count + 1 } ?? 1 }.max() ?? 1
            for (process, topics) in processes {
                let number = TextWidth.padLeft(
                    process.number.map { "\($0)." } ?? look.symbols.footnote,
                    width: max(markerWidth, TextWidth.of(look.symbols.footnote)))
                doc.item(
                    number,
                    look.text(process.shortName) + ": "
                        + look.text(topics.map(\.label).joined(separator: "; ")))
            }
            doc.blank()
            doc.field("Source", look.text(practice.source))
            session.emit(doc)
        case .text:
            var table = TextTable([
                TextColumn(title: "No.", alignment: .right),
                TextColumn(title: "Effective-practice heading", wraps: true, style: look.accent),
                TextColumn(title: "Processes that discuss it " + Editorial.mark(look), wraps: true),
            ])
            for (practice, processes) in zip(practices, discussions) {
                table.add([
                    String(practice.number), look.text(practice.title),
                    processes.isEmpty
                        ? "-"
                        : look.text(
                            processes.map { Look.together($0.process.shortName) }
                                .joined(separator: ", ")),
                ])
            }
            var doc = TextDocument(look).with(table)
            doc.blank()
            doc.paragraph(Editorial.mark(look) + " editorial: " + PracticesCommand.mappingNote)
            session.emit(doc)
        case .json:
            let objects: [JSONOut] = zip(practices, discussions).map { practice, processes in
                .object([
                    ("id", .string(practice.id)), ("number", .int(practice.number)), ("title", .string(practice.title)),
                    (
                        "items",
                        .array(practice.items.map { .object([("id", .string($0.id)), ("title", .string($0.title))]) })
                    ),
                    (
                        "processesBasis",
                        .object([
                            ("basis", .string("editorial")),
                            ("reason", .string(PracticesCommand.mappingNote)),
                        ])
                    ),
                    (
                        "processes",
                        .array(
                            processes.map { process, topics in
                                .object([
                                    ("process", .string(process.id)), ("processName", .string(process.name)),
                                    ("shortName", .string(process.shortName)),
                                    ("topics", .strings(topics.map(\.label))),
                                ])
                            })
                    ),
                    ("source", .string(practice.source)),
                ])
            }
            session.emit(heading == nil ? .array(objects) : objects[0])
        case .csv, .markdown:
            var table = DataTable(header: ["number", "id", "title", "processes", "processIds"])
            if session.format == .markdown { table.header = ["No.", "Id", "Heading", "Processes", "Process ids"] }
            let separator = session.format == .csv ? ";" : ", "
            for (practice, processes) in zip(practices, discussions) {
                table.rows.append([
                    String(practice.number), practice.id, practice.title,
                    processes.map(\.process.shortName).joined(separator: separator),
                    processes.map(\.process.id).joined(separator: separator),
                ])
            }
            session.emit(table, rightAligned: [0])
        }
    }

    /// Why "processes that discuss it" is rcpx's inference: the mapping of topics to headings is editorial.
    static let mappingNote = "the paper never links a process's topics to these headings; rcpx does, by topic."

    /// A heading by number ("6", "06"), id ("ep-06", "EP6") or, failing that, a unique word of its title.
    static func find(_ query: String, in catalog: Catalog) -> Practice? {
        let folded = Session.fold(query)
        let digits = folded.hasPrefix("ep") ? String(folded.dropFirst(2)).split(separator: " ").joined() : folded
        if let n = Int(digits) { return catalog.practice(number: n) }
        if let practice = catalog.practice(id: query.lowercased()) { return practice }
        if case .found(let i) = Session.match(query, catalog.practices.map { [$0.title] }) {
            return catalog.practices[i]
        }
        return nil
    }
}

/// `rcpx understandings`: the IAMM common understandings.
struct UnderstandingsCommand: LookupCommand {
    static let configuration = CommandConfiguration(
        commandName: "understandings",
        abstract: "List the 20 IAMM common understandings (Annex C), summarised.",
        discussion: "Formats: \(formatList)."
    )

    static let formats: [OutputFormat] = [.text, .json, .csv, .markdown]

    @OptionGroup var global: GlobalOptions

    func validate() throws { try validateFormat() }

    func run() throws {
        let session = try session()
        let list = session.catalog.understandings
        let look = session.look
        switch session.format {
        case .text:
            var doc = TextDocument(look)
            let width = String(list.map(\.number).max() ?? 0).count + 1
            for u in list {
                let marker = String(repeating: " ", count: max(0, width - String(u.number).count - 1)) + "\(u.number)."
                doc.item(marker, look.text(u.summary), indent: 0)
            }
            if let source = list.first?.source {
                doc.blank()
                doc.field("Source", look.text(source))
            }
            session.emit(doc)
        case .json:
            session.emit(
                .array(
                    list.map { u in
                        .object([
                            ("id", .string(u.id)), ("number", .int(u.number)), ("summary", .string(u.summary)),
                            ("source", .string(u.source)),
                        ])
                    }))
        case .csv, .markdown:
            var table = DataTable(header: ["number", "id", "summary"])
            if session.format == .markdown { table.header = ["No.", "Id", "Common understanding"] }
            for u in list { table.rows.append([String(u.number), u.id, u.summary]) }
            session.emit(table, rightAligned: [0])
        }
    }
}
