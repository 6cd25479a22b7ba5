import ArgumentParser
import RCPCore

/// `rcpx guide [TOPIC]`: the paper's analysis, topic by topic (what an RCP is, its characteristics, impact, …).
struct GuideCommand: LookupCommand {
    static let configuration = CommandConfiguration(
        commandName: "guide",
        abstract: "The paper's analysis of RCPs, topic by topic: list the topics, or print one.",
        discussion: """
            Without TOPIC, lists the guide topics. TOPIC may be a topic's id ("impact"), its number ("11") or \
            words of its title ("five characteristics"). A topic prints its summary and the points the paper \
            makes, each with its section and line range in the paper and the processes, parties, mechanisms and \
            events it names.

            Formats: \(formatList).
            """
    )

    static let formats: [OutputFormat] = [.text, .json, .markdown]

    @OptionGroup var global: GlobalOptions

    @Argument(
        help: ArgumentHelp("The topic: id, number or words of its title (quoted or not).", valueName: "topic"),
        completion: .guideTopics)
    var words: [String] = []

    /// The topic asked for, its words joined; nil for the list.
    var topic: String? { words.isEmpty ? nil : words.joined(separator: " ") }

    func validate() throws {
        try validateFormat()
        if let topic { try requireName(topic, "a guide topic") }
    }

    func run() throws {
        let session = try session()
        let catalog = session.catalog
        guard let topic else {
            GuideCommand.list(catalog.guideTopics, session)
            return
        }
        let found = catalog.resolveGuideTopic(topic)
        if found.count == 1 {
            GuideCommand.show(found[0], session)
            return
        }
        let query = DisplayText.safe(topic)
        if found.isEmpty {
            Console.error(
                "No guide topic matches \"\(query)\". `rcpx guide` lists them"
                    + (catalog.guideTopics.isEmpty ? "; this data file has none." : "."))
        } else {
            Console.error(
                "\"\(query)\" matches \(found.count) guide topics: "
                    + found.map { "\($0.number) \($0.title) (\($0.id))" }.joined(separator: ", ")
                    + ". Give one by number or id.")
        }
        throw RCPXExit.notFound
    }

    // MARK: List

    static func list(_ topics: [GuideTopic], _ session: Session) {
        let look = session.look
        switch session.format {
        case .json:
            session.emit(
                .array(
                    topics.map { t in
                        .object([
                            ("id", .string(t.id)), ("number", .int(t.number)), ("title", .string(t.title)),
                            ("section", .string(t.section)), ("lines", lines(t.lines)),
                            ("points", .int(t.points.count)),
                        ])
                    }))
        case .markdown:
            var out = "| No. | Id | Topic | Section | Points |\n| ---: | --- | --- | --- | ---: |\n"
            for t in topics {
                out +=
                    "| \(t.number) | \(t.id) | " + DataTable.markdownCell(safe(t.title, look)) + " | "
                    + DataTable.markdownCell(safe(t.section, look)) + " | \(t.points.count) |\n"
            }
            session.emit(out)
        default:
            var table = TextTable([
                TextColumn(title: "No.", alignment: .right),
                TextColumn(title: "Topic", wraps: true, style: look.accent),
                TextColumn(title: "Id"),
                TextColumn(title: "Section", wraps: true),
                TextColumn(title: "Points", alignment: .right),
            ])
            for t in topics {
                table.add([String(t.number), safe(t.title, look), t.id, safe(t.section, look), String(t.points.count)])
            }
            var doc = TextDocument(look)
            if topics.isEmpty { doc.paragraph("This data file has no guide topics.") } else { doc.table(table) }
            doc.blank()
            doc.paragraph("rcpx guide TOPIC prints one (by number, id or title words).")
            session.emit(doc)
        }
    }

    // MARK: One topic

    static func show(_ t: GuideTopic, _ session: Session) {
        let look = session.look, catalog = session.catalog
        switch session.format {
        case .json:
            session.emit(
                .object([
                    ("id", .string(t.id)), ("number", .int(t.number)), ("title", .string(t.title)),
                    ("summary", .string(t.summary)), ("section", .string(t.section)), ("lines", lines(t.lines)),
                    (
                        "points",
                        .array(
                            t.points.map { p in
                                .object([
                                    ("id", .string(p.id)), ("label", .string(p.label)), ("text", .string(p.text)),
                                    ("section", .string(p.section)), ("lines", lines(p.lines)),
                                    ("processes", .strings(p.processes)), ("parties", .strings(p.parties)),
                                    ("mechanisms", .strings(p.mechanisms)), ("events", .strings(p.events)),
                                    ("links", .strings(linkNames(p, catalog))),
                                ])
                            })
                    ),
                ]))
        case .markdown:
            var out = "## \(t.number). " + markdownText(safe(t.title, look)) + "\n\n"
            out += "*" + markdownText(safe(t.section, look)) + ", lines \(t.lines)*\n\n"
            out += markdownText(safe(t.summary, look)) + "\n\n"
            for p in t.points {
                var line = "- "
                if let label = p.label { line += "**" + markdownText(safe(label, look)) + ".** " }
                line +=
                    markdownText(safe(p.text, look)) + " (" + markdownText(safe(p.section, look))
                    + ", lines \(p.lines))"
                let names = linkNames(p, catalog)
                if !names.isEmpty { line += " — " + markdownText(safe(names.joined(separator: ", "), look)) }
                out += line + "\n"
            }
            session.emit(out)
        default:
            var doc = TextDocument(look)
            doc.paragraph("\(t.number). " + safe(t.title, look), hanging: 4, style: { look.bold(look.accent($0)) })
            doc.field("Id", t.id)
            doc.field("Paper", safe(t.section, look) + ", lines " + t.lines.description)
            doc.blank()
            doc.paragraph(safe(t.summary, look))
            doc.heading("What the paper says (\(t.points.count))")
            for p in t.points {
                var text = p.label.map { safe($0, look) + ": " } ?? ""
                text += safe(p.text, look) + " (" + safe(p.section, look) + ", lines " + p.lines.description + ")"
                doc.item(look.symbols.bullet, text)
                let names = linkNames(p, catalog)
                if !names.isEmpty {
                    doc.paragraph(look.symbols.link + " " + safe(names.joined(separator: ", "), look), indent: 4)
                }
            }
            session.emit(doc)
        }
    }

    /// The names of the records a point links to, processes first.
    static func linkNames(_ p: GuidePoint, _ catalog: Catalog) -> [String] {
        p.processes.map { id in catalog.process(id: id).map { $0.shortName } ?? id }
            + p.parties.map { id in catalog.party(id: id)?.name ?? id }
            + p.mechanisms.map { id in catalog.mechanism(id: id)?.shortName ?? id }
            + p.events.map { id in catalog.event(id: id)?.1.title ?? id }
    }

    static func lines(_ r: LineRange) -> JSONOut { .array([.int(r.start), .int(r.end)]) }

    /// A data string as shown: transliterated with --ascii, control characters made visible.
    static func safe(_ s: String, _ look: Look) -> String { DisplayText.safe(look.text(s)) }

    /// Text with the characters Markdown would read as markup escaped.
    static func markdownText(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "\\", "*", "_", "`", "[", "]", "<", ">", "#", "|": out += "\\" + String(c)
            default: out.append(c)
            }
        }
        return out
    }
}

extension CompletionKind {
    /// The guide topic ids of the bundled data.
    static var guideTopics: CompletionKind {
        .custom { _, _, _ in Catalog.bundled.guideTopics.map(\.id) }
    }
}
