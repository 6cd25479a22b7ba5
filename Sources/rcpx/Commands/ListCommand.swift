import ArgumentParser
import RCPCore

/// `rcpx list [--region NAME]`: the processes by region.
struct ListCommand: LookupCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the processes by region: number, short name, name, year, member count.",
        discussion:
            "Footnote groups (processes outside the Annex A matrix) have no number; they are marked ◦.\n\nFormats: \(formatList)."
    )

    static let formats: [OutputFormat] = [.text, .json, .csv, .markdown]

    @OptionGroup var global: GlobalOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Only this region (id, name or a unique prefix: asia, africa, …).",
            valueName: "name"),
        completion: .regionNames)
    var region: String?

    func validate() throws { try validateFormat() }

    func run() throws {
        let session = try session()
        try ListCommand.answer(session, region: region)
    }

    static func answer(_ session: Session, region query: String?) throws {
        let catalog = session.catalog
        let regions = try query.map { [try session.region($0)] } ?? catalog.regions
        let groups = regions.map { ($0, catalog.processes(inRegion: $0.id)) }.filter { !$0.1.isEmpty }
        if groups.isEmpty, let region = regions.first {
            Console.error("\(region.name) has no regional processes (`rcpx search \(region.id)` finds what it has).")
            throw RCPXExit.notFound
        }
        let look = session.look
        switch session.format {
        case .text:
            var table = TextTable([
                TextColumn(title: "No.", alignment: .right),
                TextColumn(title: "Process", style: look.accent),
                TextColumn(title: "Name", wraps: true),
                TextColumn(title: "Year", alignment: .right),
                TextColumn(title: "Members", alignment: .right),
            ])
            var footnotes = false, editorialRegion = false
            for (region, processes) in groups {
                table.section(look.text(region.name))
                for p in processes {
                    footnotes = footnotes || p.number == nil
                    let mark = p.bases.editorial("region") == nil ? "" : " " + Editorial.mark(look)
                    editorialRegion = editorialRegion || !mark.isEmpty
                    table.add([
                        p.number.map(String.init) ?? look.symbols.footnote, look.text(p.shortName) + mark,
                        look.text(p.name),
                        p.year.map(String.init) ?? "-", String(p.memberCount),
                    ])
                }
            }
            var doc = TextDocument(look)
            doc.table(table)
            if footnotes {
                doc.blank()
                doc.paragraph(look.symbols.footnote + " a group outside the Annex A matrix (named in its footnotes)")
            }
            if editorialRegion {
                doc.paragraph(
                    Editorial.mark(look)
                        + " editorial: the paper gives this group no region; rcpx files it by where its members are")
            }
            session.emit(doc)
        case .json:
            session.emit(
                .array(
                    groups.flatMap { region, processes in
                        processes.map { p in
                            JSONOut.object([
                                ("id", .string(p.id)), ("number", .int(p.number)), ("shortName", .string(p.shortName)),
                                ("name", .string(p.name)), ("region", .string(region.id)),
                                ("regionName", .string(region.name)),
                                ("regionEditorial", Editorial.valueJSON(p.bases.editorial("region"))),
                                ("year", .int(p.year)),
                                ("inMatrix", .bool(p.inMatrix)), ("members", .int(p.memberCount)),
                                ("participants", .int(p.participants.count)),
                                ("statedTotal", .string(p.statedTotal?.text)),
                            ])
                        }
                    }))
        case .csv, .markdown:
            var table = DataTable(header: ["region", "number", "id", "shortName", "name", "year", "members"])
            if session.format == .markdown {
                table.header = ["Region", "No.", "Id", "Process", "Name", "Year", "Members"]
            }
            for (region, processes) in groups {
                for p in processes {
                    table.rows.append([
                        region.name, p.numberText, p.id, p.shortName, p.name, p.year.map(String.init) ?? "",
                        String(p.memberCount),
                    ])
                }
            }
            session.emit(table, rightAligned: [1, 5, 6])
        }
    }
}

extension CompletionKind {
    /// The region ids of the bundled data, asked of rcpx itself when the shell completes.
    static var regionNames: CompletionKind {
        .custom { _, _, _ in
            let catalog = Catalog.bundled
            return catalog.regions.filter { !catalog.processes(inRegion: $0.id).isEmpty }.map(\.id)
        }
    }
}
