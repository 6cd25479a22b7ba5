import ArgumentParser
import RCPCore

/// `rcpx search QUERY...`: ranked hits of every kind.
struct SearchCommand: LookupCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search names, aliases, topics, practices, understandings and events; best hits first.",
        discussion: """
            Every word must match the record or its context (a topic's process, an event's mechanism), in any \
            order, ignoring case, accents and punctuation; a word matches the start of a word, and abbreviations \
            such as intl, govt or idp stand for what they abbreviate. 'word matches the whole word only, ^word \
            the start of a name only, !word leaves out records with a word starting so; kind:process (party, \
            state, organization, topic, event, …) and region:africa keep some records only.

            Processes, parties, mechanisms and regions whose name matches come first, then topics, then events, \
            practices and understandings; whole words before starts of words. Words inside other words, a \
            misspelt word's correction (said on stderr: "showing results for …") and letters in order are \
            tried only when nothing better matches.

            Formats: \(formatList).
            """
    )

    static let formats: [OutputFormat] = [.text, .json, .csv, .markdown]

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("What to look for.", valueName: "query"))
    var query: [String]

    @Option(
        name: .long,
        help: ArgumentHelp("At most this many hits (how many more there are is said on stderr).", valueName: "n"))
    var limit: Int = 20

    @Option(
        name: .long,
        help: ArgumentHelp("Only hits of this kind.", valueName: "kind"),
        completion: .list(SearchKind.allNames))
    var kind: SearchKind?

    func validate() throws {
        try validateFormat()
        if limit < 1 { throw ValidationError("--limit must be at least 1.") }
        if query.joined().allSatisfy({ $0 == " " }) { throw ValidationError("Give something to search for.") }
    }

    func run() throws {
        let session = try session()
        let text = query.joined(separator: " ")
        // Every hit, so that a cut list can say how many it leaves out.
        let result = session.catalog.searchResult(text, limit: nil)
        if let problem = result.problem {
            throw ValidationError(DisplayText.safe(problem.prefix(1).uppercased() + problem.dropFirst()) + ".")
        }
        var hits = result.hits
        if let kind { hits = hits.filter { $0.kind == kind } }
        let total = hits.count
        hits = Array(hits.prefix(limit))
        if let corrected = result.correctedQuery, hits.contains(where: { $0.quality == .corrected }) {
            Console.error("showing results for \"\(DisplayText.safe(corrected))\".")
        }
        if total > hits.count {
            Console.error("showing the best \(hits.count) of \(total) hits; --limit \(total) shows them all.")
        }
        guard !hits.isEmpty else {
            Console.error(
                "nothing matches \"\(echo(text))\"" + (kind.map { " among the \($0.name) records" } ?? "") + ".")
            throw RCPXExit.notFound
        }
        let look = session.look
        switch session.format {
        case .text:
            var table = TextTable([
                TextColumn(title: "Kind"),
                TextColumn(title: "Title", wraps: true, style: look.accent),
                TextColumn(title: "Where", wraps: true),
            ])
            for hit in hits {
                var title = hit.title
                if hit.matched != hit.title, hit.matched.count <= 30 { title += " (" + hit.matched + ")" }
                table.add([hit.kind.name, look.text(title), look.text(hit.detail ?? "")])
            }
            session.emit(TextDocument(look).with(table))
        case .json:
            session.emit(
                .array(
                    hits.map { hit in
                        var members: [(String, JSONOut)] = [
                            ("kind", .string(hit.kind.name)), ("id", .string(hit.ref.id)),
                            ("title", .string(hit.title)),
                            ("score", .int(hit.score)),
                        ]
                        members += hit.ref.extraJSON
                        members += [
                            ("detail", .string(hit.detail)), ("matched", .string(hit.matched)),
                            ("quality", .string(hit.quality.name)),
                        ]
                        return .object(members)
                    }))
        case .csv, .markdown:
            var table = DataTable(header: ["kind", "id", "title", "score", "detail"])
            if session.format == .markdown { table.header = ["Kind", "Id", "Title", "Score", "Where"] }
            for hit in hits {
                table.rows.append([hit.kind.name, hit.ref.id, hit.title, String(hit.score), hit.detail ?? ""])
            }
            session.emit(table, rightAligned: [3])
        }
    }
}

extension SearchKind: ExpressibleByArgument {
    /// The name on the command line and in JSON: "practice-item" for `practiceItem`, else the raw value.
    var name: String { self == .practiceItem ? "practice-item" : rawValue }

    static var allNames: [String] { allCases.map(\.name) }

    public init?(argument: String) {
        let folded = Session.fold(argument).replacingSpaces()
        guard
            let kind = SearchKind.allCases.first(where: {
                Session.fold($0.name).replacingSpaces() == folded
                    || Session.fold($0.name).replacingSpaces() + "s" == folded
            })
        else { return nil }
        self = kind
    }

    public static var allValueStrings: [String] { allNames }
}

private extension String {
    func replacingSpaces() -> String { split(separator: " ").joined() }
}

extension MatchQuality {
    var name: String {
        switch self {
        case .exact: return "exact"
        case .prefix: return "prefix"
        case .word: return "word"
        case .substring: return "substring"
        case .corrected: return "corrected"
        case .fuzzy: return "fuzzy"
        }
    }
}

extension SearchRef {
    /// The id of the record the hit leads to: the process's for a topic, the event's for an event.
    var id: String {
        switch self {
        case .process(let id), .party(let id), .practice(let id), .practiceItem(let id), .understanding(let id),
            .mechanism(let id), .region(let id):
            return id
        case .topic(let processID, _): return processID
        case .event(_, let eventID): return eventID
        case .guidePoint(_, let pointID): return pointID
        }
    }

    /// What else JSON needs to find the record: the topic's index in its process, the event's mechanism.
    var extraJSON: [(String, JSONOut)] {
        switch self {
        case .topic(let processID, let index): return [("process", .string(processID)), ("topic", .int(index))]
        case .event(let mechanismID, _): return [("mechanism", .string(mechanismID))]
        case .guidePoint(let topicID, _): return [("guideTopic", .string(topicID))]
        default: return []
        }
    }
}
