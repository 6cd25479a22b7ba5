import ArgumentParser
import RCPCore

/// The formats of `rcpx timeline`: those of every command, and a drawn time line.
enum TimelineFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json, csv, markdown, svg
}

/// The options of `rcpx timeline`: the global ones, with `svg` among the formats.
struct TimelineOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp("Read another data file of the same format (see docs/DATA.md).", valueName: "file"),
        completion: .file(extensions: ["json"]))
    var data: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Output format: text, json, csv, markdown or svg.", valueName: "format"),
        completion: .list(TimelineFormat.allCases.map(\.rawValue)))
    var format: TimelineFormat = .text

    @Flag(name: .long, help: "ASCII only: transliterated names and plain rules.")
    var ascii = false

    @Flag(name: .customLong("no-color"), help: "No colour (also when NO_COLOR is set; never when piped).")
    var noColor = false

    /// The same choices as the global options every other command reads (SVG is written without colour).
    func global() throws -> GlobalOptions {
        var words = ["--format", format == .svg ? OutputFormat.json.rawValue : format.rawValue]
        if let data { words += ["--data", data] }
        if ascii { words.append("--ascii") }
        if noColor { words.append("--no-color") }
        return try GlobalOptions.parse(words)
    }
}

/// `rcpx timeline`: every dated record, in order, by region.
struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Every dated record in order: process starts, the mechanisms' events, dated status changes.",
        discussion: """
            Each record once: the year each process starts (the groups outside the matrix too, where the paper \
            gives one; * marks a year the record qualifies), the start of each global mechanism, every event of \
            the mechanisms (IDM sessions and workshops, the Berne Initiative's conferences and consultations, \
            joint workshops), and the status changes the paper dates (the CIS Conference formally ending, \
            MIDWA's expected revival). Lanes are the regions of Annex A in order, then the global mechanisms.

            --format svg draws the time line for slides: one lane per region, one element per record with its \
            description as a tooltip (<title>).

            Formats: text, json, csv, markdown, svg.
            """
    )

    @OptionGroup var options: TimelineOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Only this region's lane (id, name or a unique prefix; global for the mechanisms).",
            valueName: "name"),
        completion: .regionNames)
    var region: String?

    @Option(name: .long, help: ArgumentHelp("From this year on.", valueName: "year"))
    var from: Int?

    @Option(name: .long, help: ArgumentHelp("Up to this year (inclusive).", valueName: "year"))
    var to: Int?

    func validate() throws {
        for (name, year) in [("--from", from), ("--to", to)] {
            if let year, !(1900...2100).contains(year) {
                throw ValidationError("\(name) \(year) is not a year rcpx knows (1900–2100).")
            }
        }
        if let from, let to, from > to { throw ValidationError("--from \(from) is after --to \(to).") }
    }

    func run() throws {
        let session = try Session(options.global())
        var timeline = session.catalog.timeline()
        if let query = self.region, query.unicodeScalars.contains(where: DisplayText.isControl) {
            Console.error("no region matches \"\(DisplayText.excerpt(query))\".")
            throw RCPXExit.notFound
        }
        let region = try self.region.map { try session.region($0) }
        timeline = timeline.filtered(region: region?.id, from: from, to: to)
        if timeline.entries.isEmpty {
            var what = "no dated record"
            if let region { what += " in \(region.name)" }
            if from != nil || to != nil { what += " \(from.map(String.init) ?? "…")–\(to.map(String.init) ?? "…")" }
            Console.error(what + " (`rcpx timeline` lists them all).")
            throw RCPXExit.notFound
        }
        let look = session.look
        switch options.format {
        case .text: session.emit(textTimeline(timeline, look))
        case .json: session.emit(jsonTimeline(timeline))
        case .csv, .markdown:
            var table = DataTable(header: [
                "year", "date", "lane", "kind", "id", "record", "label", "planned", "yearNote",
            ])
            if options.format == .markdown {
                table.header = ["Year", "Date", "Region", "Kind", "Id", "Record", "What", "Planned", "Year note"]
            }
            let laneName = Dictionary(timeline.lanes.map { ($0.id, $0.laneName) }, uniquingKeysWith: { a, _ in a })
            for e in timeline.entries {
                table.rows.append([
                    String(e.year), e.date ?? "", options.format == .csv ? e.lane : laneName[e.lane] ?? e.lane,
                    e.kind.rawValue, e.id, e.recordID, e.label, e.planned ? "yes" : "",
                    e.yearNote ?? "",
                ])
            }
            session.emit(table)
        case .svg:
            Console.write(TimelineSVG.render(timeline, title: svgTitle(region: region), ascii: options.ascii))
        }
    }

    private func svgTitle(region: Region?) -> String {
        var title =
            region.map { "\($0.name): dated records" } ?? "Regional consultative processes and global mechanisms"
        if from != nil || to != nil { title += ", \(from.map(String.init) ?? "…")–\(to.map(String.init) ?? "…")" }
        return title
    }

    private func textTimeline(_ timeline: Timeline, _ look: Look) -> TextDocument {
        var doc = TextDocument(look)
        let span =
            timeline.firstYear == timeline.lastYear
            ? "\(timeline.firstYear!)"
            : "\(timeline.firstYear!)–\(timeline.lastYear!)"
        doc.paragraph(
            "Timeline \(span): " + DisplayText.count(timeline.entries.count, "dated record"), style: look.bold)
        var table = TextTable([
            TextColumn(title: "Year", alignment: .right, style: look.bold),
            TextColumn(title: "Date"),
            TextColumn(title: "Region", wraps: true, style: look.dim),
            TextColumn(title: "Record", wraps: true),
        ])
        let laneName = Dictionary(timeline.lanes.map { ($0.id, $0.laneName) }, uniquingKeysWith: { a, _ in a })
        var lastYear: Int? = nil
        var marks: Set<String> = []
        for e in timeline.entries {
            var what = look.text(e.label)
            if e.outsideMatrix && e.kind == .processStart {
                what = look.symbols.footnote + " " + what; marks.insert("footnote")
            }
            if let note = e.yearNote { what += " * (" + look.text(note) + ")"; marks.insert("editorial") }
            if e.planned { what = "planned: " + what }
            table.add([
                e.year == lastYear ? "" : String(e.year), look.text(e.dayAndMonth),
                look.text(laneName[e.lane] ?? e.lane), what,
            ])
            lastYear = e.year
        }
        doc.table(table)
        var legend: [String] = []
        if marks.contains("footnote") { legend.append(look.symbols.footnote + " a group outside the Annex A matrix") }
        if marks.contains("editorial") { legend.append("* a year the record qualifies") }
        if !legend.isEmpty {
            doc.blank()
            doc.paragraph(legend.joined(separator: "; "))
        }
        return doc
    }

    private func jsonTimeline(_ timeline: Timeline) -> JSONOut {
        .object([
            ("firstYear", .int(timeline.firstYear)), ("lastYear", .int(timeline.lastYear)),
            ("lanes", .array(timeline.lanes.map { .object([("id", .string($0.id)), ("name", .string($0.name))]) })),
            (
                "entries",
                .array(
                    timeline.entries.map { e in
                        .object([
                            ("id", .string(e.id)), ("kind", .string(e.kind.rawValue)), ("year", .int(e.year)),
                            ("date", .string(e.date)), ("lane", .string(e.lane)), ("label", .string(e.label)),
                            ("short", .string(e.short)), ("process", .string(e.process)),
                            ("mechanism", .string(e.mechanism)), ("event", .string(e.event)),
                            ("inMatrix", e.process == nil ? .null : .bool(!e.outsideMatrix)),
                            ("yearNote", .string(e.yearNote)), ("planned", .bool(e.planned)),
                            ("source", .string(e.source)),
                        ])
                    })
            ),
        ])
    }
}
