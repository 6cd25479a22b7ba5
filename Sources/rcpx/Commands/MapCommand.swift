import ArgumentParser
import RCPCore
import RCPText

/// The formats `rcpx map` writes.
enum MapFormat: String, CaseIterable, ExpressibleByArgument {
    case text, svg
}

/// `rcpx map [PROCESS|STATE|REGION] [--coverage]`: where a process, a state or a region reaches, or coverage.
struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Draw a world map of a process, a state or a region, or of coverage (--coverage).",
        discussion: """
            A process shows its participants by role; a state, itself and the states it meets in its processes; \
            a region, the combined membership of its processes (the strongest role); --coverage, every state by \
            the number of Annex A processes it takes part in, with the UN members of 2005 in none marked. With \
            no subject and no --coverage, coverage is drawn. A process, state or region map is fitted to what \
            it shows (across the Pacific when that is shorter); --world shows the whole world.

            Text draws braille dots (2 x 4 to a character cell); every category has its own dot pattern, \
            named in the legend, so the map reads without colour. Colour is added on a terminal unless \
            NO_COLOR or --no-color. --ascii (or a non-UTF-8 locale such as LANG=C) draws one character per cell \
            instead. SVG writes the projected country shapes, one element per country with its code and name \
            as a title, with a legend and the sources.

            Projection: Equal Earth (equal-area). Shapes: Natural Earth 1:110m; see docs/DATA.md.

            Formats: text, svg.
            """
    )

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Read another data file of the same format (see docs/DATA.md).",
            valueName: "file"),
        completion: .file(extensions: ["json"]))
    var data: String?

    @Option(
        name: .long, help: ArgumentHelp("Output format: text or svg.", valueName: "format"),
        completion: .list(MapFormat.allCases.map(\.rawValue)))
    var format: MapFormat = .text

    @Flag(name: .long, help: "ASCII only: one character per cell, transliterated names.")
    var ascii = false

    @Flag(name: .customLong("no-color"), help: "No colour (also when NO_COLOR is set; never when piped).")
    var noColor = false

    @Argument(help: ArgumentHelp("A process, state, territory or region (id, name or ISO code).", valueName: "subject"))
    var subject: String?

    @Flag(name: .long, help: "Shade every state by its number of Annex A processes; mark those in none.")
    var coverage = false

    @Flag(name: .long, help: "Show the whole world instead of fitting the map to the subject.")
    var world = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Map width in characters, 40-400 (default: 80, or the terminal's if narrower; SVG: 960 pixels).",
            valueName: "n"))
    var width: Int?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Map height in lines, 12-200 (default: what the width needs).",
            valueName: "n"))
    var height: Int?

    func validate() throws {
        if let width, !(40...400).contains(width) { throw ValidationError("--width must be between 40 and 400.") }
        if let height, !(12...200).contains(height) { throw ValidationError("--height must be between 12 and 200.") }
        if coverage, subject != nil {
            throw ValidationError("Give either a subject or --coverage, not both.")
        }
        if let subject, Session.fold(subject).isEmpty {
            throw ValidationError("Give a process, state or region by id or name.")
        }
    }

    func run() throws {
        var options = try GlobalOptions.parse(data.map { ["--data", $0] } ?? [])
        options.noColor = noColor || format != .text
        options.ascii = ascii || MapCommand.localeWantsASCII()
        let session = try Session(options)
        let catalog = session.catalog
        let worldMap = WorldMap.bundled
        let (subject, title) = try resolve(session)
        let layer = catalog.mapLayer(subject, world: worldMap)

        switch format {
        case .text:
            let look = session.look
            let columns = width ?? look.width
            let rows = height ?? worldMap.naturalRows(columns: columns)
            let view = fittedView(layer, world: worldMap, columns: columns, rows: rows)
            let picture = worldMap.picture(view, columns: columns, rows: rows, style: layer.style)
            Console.write(
                MapText.render(
                    picture, layer: layer, world: worldMap, title: title, look: look,
                    catalog: catalog, source: catalog.dataset.source))
        case .svg:
            let columns = 480, rows = worldMap.naturalRows(columns: columns)
            let view = fittedView(layer, world: worldMap, columns: columns, rows: rows)
            Console.write(
                MapSVG.render(
                    view: view, columns: columns, rows: rows, layer: layer, world: worldMap,
                    title: title, source: catalog.dataset.source))
        }
    }

    private func fittedView(_ layer: MapLayer, world map: WorldMap, columns: Int, rows: Int) -> MapView {
        switch layer.subject {
        case .world, .coverage: return .world
        default: return world ? .world : map.fit(layer.focus, columns: columns, rows: rows)
        }
    }

    /// The subject and the map's title line.
    private func resolve(_ session: Session) throws -> (MapSubject, String) {
        let catalog = session.catalog
        guard let query = subject else {
            return (.coverage, "Coverage: Annex A processes per state, as of \(catalog.dataset.source.matrixDate)")
        }
        // A process first, then a state or territory, then a region; the names rarely collide.
        if case .found(let process) = catalog.resolveProcess(query) {
            return (.process(process.id), "\(session.label(process)): participants by role")
        }
        if case .found(let party) = catalog.resolveParty(query), party.kind != .organization {
            return (.party(party.id), "\(session.look.name(party)) and the states it meets in its processes")
        }
        let regions = catalog.regions.filter { $0.id != "global" }
        if case .found(let i) = Session.match(query, regions.map { [$0.id, $0.name] }) {
            return (.region(regions[i].id), "\(regions[i].name): combined membership of its processes")
        }
        let processes = catalog.resolveProcess(query), parties = catalog.resolveParty(query)
        if case .found(.stateInNoProcess(let state)) = catalog.resolvePartyOrState(query) {
            Console.error(
                "\(state.name) takes part in none of the processes of the paper (\(state.standing)); "
                    + "`rcpx map` (coverage) marks the states in no process.")
            throw RCPXExit.notFound
        }
        if case .found(let party) = parties {
            Console.error(
                "\(party.name) is an organization and has no place on the map; "
                    + "`rcpx state \(party.id)` lists its processes.")
            throw RCPXExit.notFound
        }
        var candidates: [(id: String, label: String)] = []
        if case .ambiguous(let list) = processes { candidates += list.map { ($0.id, session.label($0)) } }
        if case .ambiguous(let list) = parties {
            candidates += list.filter { $0.kind != .organization }.map { ($0.id, "\($0.name) (\($0.kind.rawValue))") }
        }
        if !candidates.isEmpty {
            Session.ambiguous(DisplayText.excerpt(query), "processes or states", candidates)
            throw RCPXExit.notFound
        }
        var suggestions: [String] = []
        if case .notFound(let list) = processes { suggestions += list }
        if case .notFound(let list) = parties { suggestions += list }
        let hint = suggestions.isEmpty ? "" : " Did you mean: " + suggestions.prefix(3).joined(separator: ", ") + "?"
        let shown = DisplayText.excerpt(query)
        Console.error(
            "no process, state or region matches \"\(shown)\".\(hint) "
                + "Try `rcpx list`, `rcpx search \(shown)` or a region: "
                + regions.map(\.id).joined(separator: ", ") + ".")
        throw RCPXExit.notFound
    }

    /// Whether the environment asks for a locale that is not UTF-8 (`LANG=C`, `LC_ALL=POSIX`, …).
    static func localeWantsASCII() -> Bool {
        guard let requested = TerminalLocale.requestedLocale() else { return false }
        return !TerminalLocale.claimsUTF8(requested)
    }
}

/// The text form of a map: a title, the map, the legend and the sources.
enum MapText {
    static func render(
        _ picture: MapPicture, layer: MapLayer, world: WorldMap, title: String, look: Look,
        catalog: Catalog, source: SourceInfo
    ) -> String {
        var out = ""
        let width = max(40, picture.columns)
        for row in TextWrap.linesPlain(look.text(title), width: width) { out += look.bold(row) + "\n" }
        for row in 0..<picture.rows {
            var line = ""
            var run = ""
            var runCategory: MapCategory? = nil
            func flush() {
                guard !run.isEmpty else { return }
                line += paint(run, runCategory, look)
                run = ""
            }
            for column in 0..<picture.columns {
                let cell = picture.cell(column: column, row: row)
                if cell.category != runCategory { flush(); runCategory = cell.category }
                run.append(look.ascii ? cell.ascii : cell.braille)
            }
            flush()
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
        }
        out += "\n"
        for entry in layer.legend {
            let shade = entry.category.shade
            let sample = look.ascii ? "\(shade.ascii)\(shade.ascii)" : "\(shade.sample)\(shade.pointSample)"
            var text = entry.category.label
            if entry.category != .context { text += " (\(entry.count))" }
            let pattern = look.ascii ? "'\(shade.ascii)'" : shade.rawValue
            out += "  " + paint(sample, entry.category, look) + "  " + text + ", " + pattern + "\n"
        }
        if !look.ascii {
            out += "  The second sign is the mark of a country smaller than one character.\n"
        }
        if !layer.unplaced.isEmpty {
            let names = layer.unplaced.map { "\(look.name($0)) (\($0.iso3 ?? ""))" }.joined(separator: ", ")
            out +=
                "\n"
                + TextWrap.linesPlain("Not on the map (no shape or point for the code): " + names, width: width)
                .joined(separator: "\n") + "\n"
        }
        if case .party(let id) = layer.subject {
            let list = catalog.participations(of: id).map { look.text($0.process.shortName) }
            let line = "Processes (\(list.count)): " + (list.isEmpty ? "none" : list.joined(separator: ", "))
            out += "\n" + TextWrap.linesPlain(line, width: width).joined(separator: "\n") + "\n"
        }
        if case .region(let id) = layer.subject {
            let list = catalog.processes(inRegion: id).map { look.text($0.shortName) }
            out +=
                "\n"
                + TextWrap.linesPlain("Processes: " + list.joined(separator: ", "), width: width)
                .joined(separator: "\n") + "\n"
        }
        let sources =
            "Equal Earth projection. Shapes: Natural Earth 1:110m. Membership: \(look.text(source.publisher)) "
            + "\(source.year), as of \(source.matrixDate)."
        out += "\n" + TextWrap.linesPlain(sources, width: width).map { look.dim($0) }.joined(separator: "\n") + "\n"
        return look.ascii ? look.finish(out) : out
    }

    /// Colour for a category (only emphasis: the dot patterns carry the meaning).
    static func paint(_ s: String, _ category: MapCategory?, _ look: Look) -> String {
        guard look.color, let category, !s.allSatisfy({ $0 == " " }) else { return s }
        let code: String
        switch category {
        case .leader, .selected: code = "1;33"
        case .takesPart, .partner: code = "36"
        case .interested: code = "32"
        case .observer: code = "34"
        case .otherRole: code = "35"
        case .processes(let n): code = n >= 4 ? "1;33" : n == 3 ? "32" : n == 2 ? "36" : "34"
        case .noProcess: code = "31"
        case .context: code = "2"
        case .marked: code = "1;7"
        }
        return "\u{1B}[" + code + "m" + s + "\u{1B}[0m"
    }
}

extension TextWrap {
    /// Plain wrapped lines of `text` at `width`, without trailing spaces.
    static func linesPlain(_ text: String, width: Int) -> [String] {
        TextWrap.lines(text, width: width).map { row in
            var plain = row
            while plain.last == " " { plain.removeLast() }
            return plain
        }
    }
}
