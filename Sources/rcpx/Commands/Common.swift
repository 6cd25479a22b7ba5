import ArgumentParser
import RCPCore
import RCPText

/// Output formats. Each command accepts the ones that make sense for its answer.
enum OutputFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json, csv, markdown

    static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

/// The options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp("Read another data file of the same format (see docs/DATA.md).", valueName: "file"),
        completion: .file(extensions: ["json"]))
    var data: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Output format: text, json, csv or markdown (where the command has it).",
            valueName: "format"),
        completion: .list(OutputFormat.allValueStrings))
    var format: OutputFormat = .text

    @Flag(name: .long, help: "ASCII only: transliterated names and plain rules.")
    var ascii = false

    @Flag(name: .customLong("no-color"), help: "No colour (also when NO_COLOR is set; never when piped).")
    var noColor = false

    /// ASCII output: `--ascii`, or a locale that is not UTF-8 (`LANG=C`; see `Console.utf8Output`).
    var asciiOutput: Bool { ascii || !Console.utf8Output }
}

/// A command that answers from the catalog and writes its answer in one of `formats`.
protocol LookupCommand: ParsableCommand {
    var global: GlobalOptions { get }
    static var formats: [OutputFormat] { get }
}

extension LookupCommand {
    /// "text, json, csv, markdown", for help texts.
    static var formatList: String { formats.map(\.rawValue).joined(separator: ", ") }

    /// A usage error (exit 64) for a format this command does not write.
    func validateFormat() throws {
        guard Self.formats.contains(global.format) else {
            let name = Self.configuration.commandName ?? "this command"
            let list = Self.formats.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("--format \(global.format.rawValue) does not apply to `\(name)`; it writes \(list).")
        }
    }

    /// A usage error (exit 64) for an argument that names nothing ("", "  ", "!!").
    func requireName(_ name: String, _ what: String) throws {
        if Session.fold(name).isEmpty { throw ValidationError("Give \(what) by id or name.") }
    }

    /// The catalog, the look and the output for this run.
    func session() throws -> Session { try Session(global) }
}

/// One run of a lookup: the options, the catalog (loaded once) and where the answer goes.
struct Session {
    let options: GlobalOptions
    let look: Look
    let catalog: Catalog

    var format: OutputFormat { options.format }

    init(_ options: GlobalOptions) throws {
        self.options = options
        look = Look.forOutput(noColor: options.noColor || options.format != .text, ascii: options.asciiOutput)
        catalog = try DataLocations.catalog(dataFile: options.data)
    }

    /// Writes the answer to stdout (transliterated with `--ascii`).
    func emit(_ text: String) {
        switch format {
        case .json: Console.write(text)  // already escaped to ASCII by the writer when asked
        default: Console.write(look.finish(text), styled: look.color)
        }
    }

    func emit(_ json: JSONOut) { Console.write(json.rendered(asciiOnly: options.asciiOutput)) }

    func emit(_ document: TextDocument) { emit(document.text) }

    /// A table in CSV or Markdown.
    func emit(_ table: DataTable, rightAligned: Set<Int> = []) {
        // Transliterate the cells before quoting or escaping: folding "”" to a quote or "│" to "|" afterwards
        // would break the CSV quoting or the Markdown table.
        var table = table
        if options.asciiOutput {
            table.header = table.header.map(ASCIIFold.fold)
            table.rows = table.rows.map { $0.map(ASCIIFold.fold) }
        }
        switch format {
        case .markdown: emit(table.markdown(rightAligned: rightAligned))
        default: emit(table.csv())
        }
    }

    // MARK: Names people type

    func process(_ query: String) throws -> Process {
        switch try processOrMechanism(query) {
        case .process(let process): return process
        case .mechanism(let mechanism):
            Console.error(
                "\(mechanism.shortName) is a global mechanism, not a regional process: "
                    + "`rcpx show \(mechanism.id)` shows it.")
            throw RCPXExit.notFound
        }
    }

    enum ProcessOrMechanism { case process(Process), mechanism(Mechanism) }

    /// A process, or failing that a global mechanism (IDM, Berne Initiative, …) of that name.
    func processOrMechanism(_ query: String) throws -> ProcessOrMechanism {
        switch catalog.resolveProcess(query) {
        case .found(let process):
            return .process(process)
        case .ambiguous(let candidates):
            if let mechanism = mechanism(query, exactOnly: true) { return .mechanism(mechanism) }
            Session.ambiguous(query, "processes", candidates.map { ($0.id, label($0)) })
        case .notFound(let suggestions):
            if let mechanism = mechanism(query) { return .mechanism(mechanism) }
            var hint = ""
            switch catalog.resolvePartyOrState(query) {
            case .found(.party(let party)):
                hint = " \(party.name) is a \(party.kind.rawValue): try `rcpx state \(party.id)`."
            case .found(.stateInNoProcess(let state)):
                hint = " \(state.name) is a state in no process of the paper: try `rcpx state \(state.id)`."
            default: break
            }
            let names = suggestions.map { s -> String in
                if case .found(let p) = catalog.resolveProcess(s) { return p.displayName }
                return s
            }
            Session.notFound(query, "process", names, hint: hint, listCommand: "rcpx list")
        }
        throw RCPXExit.notFound
    }

    func party(_ query: String) throws -> Party {
        switch catalog.resolveParty(query) {
        case .found(let party):
            return party
        case .ambiguous(let candidates):
            Session.ambiguous(query, "parties", candidates.map { ($0.id, "\($0.name) (\($0.kind.rawValue))") })
        case .notFound(let suggestions):
            partyNotFound(query, suggestions)
        }
        throw RCPXExit.notFound
    }

    private func partyNotFound(_ query: String, _ suggestions: [String]) {
        var hint = ""
        if case .found(let process) = catalog.resolveProcess(query) {
            hint = " \(process.shortName) is a process: try `rcpx show \(process.id)`."
        } else if case .found(.stateInNoProcess(let state)) = catalog.resolvePartyOrState(query) {
            Console.error(
                "\(state.name) takes part in none of the processes of the paper (\(state.standing)); "
                    + "`rcpx state \(state.id)` says so.")
            return
        }
        Session.notFound(
            query, "state, territory or organization", suggestions, hint: hint,
            listCommand: "rcpx matrix --kind all")
    }

    /// A party of the data or a UN member state of 2005 in no process of the paper (`rcpx state`); candidates
    /// and suggestions as `party(_:)`.
    func partyOrState(_ query: String) throws -> PartyLookup {
        switch catalog.resolvePartyOrState(query) {
        case .found(let found):
            return found
        case .ambiguous(let candidates):
            Session.ambiguous(
                query, "parties",
                candidates.map { c in
                    switch c {
                    case .party(let p): return (p.id, "\(p.name) (\(p.kind.rawValue))")
                    case .stateInNoProcess(let s): return (s.id, "\(s.name) (state, in no process)")
                    }
                })
        case .notFound(let suggestions):
            partyNotFound(query, suggestions)
        }
        throw RCPXExit.notFound
    }

    /// A region by id, name or a unique prefix of either (or of a word of the name), ignoring case and accents.
    func region(_ query: String) throws -> Region {
        let regions = catalog.regions
        switch Session.match(query, regions.map { [$0.id, $0.name] }) {
        case .found(let i): return regions[i]
        case .ambiguous(let list):
            Session.ambiguous(query, "regions", list.map { (regions[$0].id, regions[$0].name) })
        case .notFound:
            Console.error(
                "no region matches \"\(echo(query))\". Regions: "
                    + regions.map(\.id).joined(separator: ", ") + ".")
        }
        throw RCPXExit.notFound
    }

    /// A global mechanism (IDM, Berne Initiative, …) by id, name, short name or alias.
    func mechanism(_ query: String, exactOnly: Bool = false) -> Mechanism? {
        let list = catalog.mechanisms
        let names = list.map { [$0.id, $0.name, $0.shortName] + $0.aliases }
        if case .found(let i) = Session.match(query, names, exactOnly: exactOnly) { return list[i] }
        return nil
    }

    func label(_ process: Process) -> String {
        (process.number.map { "\($0). " } ?? "") + process.displayName
    }

    /// Matching for the small lists resolved here: exact (folded) first, then a unique prefix of a name or of
    /// a word in it.
    enum Match { case found(Int), ambiguous([Int]), notFound }

    static func match(_ query: String, _ names: [[String]], exactOnly: Bool = false) -> Match {
        let q = fold(query)
        guard !q.isEmpty else { return .notFound }
        let folded = names.map { $0.map(fold) }
        let exact = folded.indices.filter { folded[$0].contains(q) }
        if exact.count == 1 { return .found(exact[0]) }
        if exact.count > 1 { return .ambiguous(exact) }
        if exactOnly { return .notFound }
        let prefix = folded.indices.filter { i in
            folded[i].contains { name in name.hasPrefix(q) || name.contains(" " + q) }
        }
        if prefix.count == 1 { return .found(prefix[0]) }
        if prefix.count > 1 { return .ambiguous(prefix) }
        return .notFound
    }

    /// Folded for comparison: lower case, no accents, punctuation as single spaces.
    static func fold(_ s: String) -> String {
        normalizeForSearch(s).split(separator: " ").joined(separator: " ")
    }

    static func ambiguous(_ query: String, _ plural: String, _ candidates: [(id: String, label: String)]) {
        var text =
            candidates.count == 1
            ? "rcpx: \"\(echo(query))\" is only part of this name; say it in full or by id:\n"
            : "rcpx: \"\(echo(query))\" could be any of \(candidates.count) \(plural); "
                + "say which (by id or full name):\n"
        let width = candidates.map { TextWidth.of($0.id) }.max() ?? 0
        for c in candidates { text += "  " + TextWidth.pad(c.id, width: width) + "  " + c.label + "\n" }
        Console.writeError(text)
    }

    static func notFound(_ query: String, _ what: String, _ suggestions: [String], hint: String, listCommand: String) {
        var text = "no \(what) matches \"\(echo(query))\"."
        if !suggestions.isEmpty {
            text += " Did you mean: " + suggestions.joined(separator: ", ") + "?"
        }
        text += hint
        if suggestions.isEmpty && hint.isEmpty {
            // Suggest the search command line only when it can be copied as it is.
            let shown = echo(query)
            let simple = shown == query && query.allSatisfy { $0.isLetter || $0.isNumber || $0 == " " }
            text +=
                simple && !query.contains(" ")
                ? " Try `\(listCommand)` or `rcpx search \(query)`."
                : " Try `\(listCommand)` or `rcpx search`."
        }
        Console.error(text)
    }
}

// MARK: Small shared helpers

extension Role {
    /// Roles for people, strongest first: "member, vice-chair".
    static func words(_ roles: [Role]) -> String { roles.sorted().map(\.label).joined(separator: ", ") }
    /// Roles as the core's vocabulary, for CSV: "member;vice-chair".
    static func values(_ roles: [Role]) -> String { roles.sorted().map(\.rawValue).joined(separator: ";") }
    static func json(_ roles: [Role]) -> JSONOut { .strings(roles.sorted().map(\.rawValue)) }
}

extension Process {
    /// "12" for a matrix row, "" for a footnote group.
    var numberText: String { number.map(String.init) ?? "" }
}
