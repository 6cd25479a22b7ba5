import ArgumentParser
import RCPCore
import RCPUI

/// Which parties are rows of the matrix.
enum MatrixKind: String, CaseIterable, ExpressibleByArgument {
    case states, organizations, all

    var kinds: Set<PartyKind> {
        switch self {
        case .states: return [.state, .territory]
        case .organizations: return [.organization]
        case .all: return Set(PartyKind.allCases)
        }
    }
}

extension MatrixSort: ExpressibleByArgument {}

/// `rcpx matrix`: parties × processes, like Annex A.
struct MatrixCommand: LookupCommand {
    static let configuration = CommandConfiguration(
        commandName: "matrix",
        abstract: "Show the membership matrix: parties as rows, processes as columns.",
        discussion: """
            Columns are the matrix numbers of Annex A and letters for the groups outside it (listed under the \
            table); a cell shows the party's strongest role there. CSV and JSON give every role.

            Formats: \(formatList).
            """
    )

    static let formats: [OutputFormat] = [.text, .json, .csv, .markdown]

    @OptionGroup var global: GlobalOptions

    @Option(
        name: .long, help: ArgumentHelp("Only the processes of this region.", valueName: "name"),
        completion: .regionNames)
    var region: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Rows: states (and territories), organizations, or all.",
            valueName: "kind"))
    var kind: MatrixKind = .states

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Rows by name, or by number of processes (most first).",
            valueName: "order"))
    var sort: MatrixSort = .name

    @Flag(name: .customLong("no-footnotes"), help: "Only the processes of the Annex A matrix (no footnote groups).")
    var noFootnotes = false

    func validate() throws { try validateFormat() }

    func run() throws {
        let session = try session()
        let regionID = try region.map { try session.region($0).id }
        let matrix = session.catalog.matrix(
            region: regionID, kinds: kind.kinds, sort: sort,
            includeOutsideMatrix: !noFootnotes)
        guard !matrix.columns.isEmpty, !matrix.rows.isEmpty else {
            Console.error("the matrix is empty for these options.")
            throw RCPXExit.notFound
        }
        let look = session.look
        let symbols = look.symbols
        func glyph(_ roles: [Role]) -> String {
            RoleMark.strongest(roles).map { symbols.glyph($0) } ?? ""
        }
        let labels = MatrixCommand.columnLabels(matrix.columns, all: session.catalog.processes)
        switch session.format {
        case .text:
            var columns = [TextColumn(title: kind == .organizations ? "Organization" : "Party", wraps: true)]
            columns += labels.map { TextColumn(title: $0, alignment: .right) }
            columns.append(TextColumn(title: "n", alignment: .right))
            var table = TextTable(columns)
            table.gap = 1
            var editorial = false
            for row in matrix.rows {
                let cells = zip(matrix.columns, row.cells).map { process, roles -> String in
                    if roles.isEmpty { return symbols.emptyCell }
                    guard process.editorialBasis(participant: row.party.id) != nil else { return glyph(roles) }
                    editorial = true
                    return glyph(roles) + Editorial.mark(look)
                }
                table.add([look.name(row.party)] + cells + [String(row.count)])
            }
            var doc = TextDocument(look)
            doc.table(table)
            doc.blank()
            let sep = "  "
            // No-break spaces keep each glyph or column label with its words when the legend wraps.
            let nbsp = "\u{00A0}"
            doc.paragraph(MatrixCommand.legend(symbols, space: nbsp).joined(separator: sep), hanging: 2)
            doc.paragraph(
                zip(labels, matrix.columns).map { "\($0)\(nbsp)\(Look.together(look.text($1.shortName)))" }
                    .joined(separator: sep), hanging: 2)
            if editorial {
                doc.paragraph(
                    Editorial.mark(look) + " editorial: a role the paper does not state (rcpx show PROCESS"
                        + " gives the reason)", hanging: 2)
            }
            let outside = matrix.columns.filter { !$0.inMatrix }.count
            doc.paragraph(
                "\(matrix.rows.count) rows; n = number of processes among these columns"
                    + (outside > 0 ? "; letters are groups outside the Annex A matrix." : "."))
            session.emit(doc)
        case .json:
            session.emit(
                .object([
                    (
                        "columns",
                        .array(
                            matrix.columns.map { p in
                                .object([
                                    ("id", .string(p.id)), ("number", .int(p.number)),
                                    ("shortName", .string(p.shortName)),
                                    ("region", .string(p.region)), ("inMatrix", .bool(p.inMatrix)),
                                ])
                            })
                    ),
                    (
                        "rows",
                        .array(
                            matrix.rows.map { row in
                                .object([
                                    ("party", .string(row.party.id)), ("name", .string(row.party.name)),
                                    ("kind", .string(row.party.kind.rawValue)), ("count", .int(row.count)),
                                    (
                                        "roles",
                                        .object(
                                            zip(matrix.columns, row.cells).filter { !$0.1.isEmpty }
                                                .map { ($0.0.id, Role.json($0.1)) })
                                    ),
                                    (
                                        "editorial",
                                        .strings(
                                            zip(matrix.columns, row.cells).filter {
                                                !$0.1.isEmpty && $0.0.editorialBasis(participant: row.party.id) != nil
                                            }.map(\.0.id))
                                    ),
                                ])
                            })
                    ),
                ]))
        case .csv:
            var table = DataTable(header: ["party", "name", "kind"] + matrix.columns.map(\.shortName) + ["count"])
            for row in matrix.rows {
                table.rows.append(
                    [row.party.id, row.party.name, row.party.kind.rawValue]
                        + row.cells.map(Role.values) + [String(row.count)])
            }
            session.emit(table)
        case .markdown:
            var table = DataTable(
                header: ["Party"] + zip(labels, matrix.columns).map { "\($0) \($1.shortName)" } + ["n"])
            for row in matrix.rows {
                table.rows.append([row.party.name] + row.cells.map(glyph) + [String(row.count)])
            }
            let right = Set(1...(matrix.columns.count + 1))
            session.emit(
                table.markdown(rightAligned: right) + "\n"
                    + MatrixCommand.legend(symbols, space: " ").joined(separator: " · ") + "\n")
        }
    }

    /// Matrix numbers, and letters (a, b, …) for the groups outside the matrix, lettered in the order of all
    /// processes so a group keeps its letter whatever the region.
    static func columnLabels(_ columns: [Process], all: [Process]) -> [String] {
        let outside = all.filter { $0.number == nil }.map(\.id)
        return columns.map { p in
            if let n = p.number { return String(n) }
            let letter = outside.firstIndex(of: p.id) ?? 0
            return String(UnicodeScalar(UInt8(ascii: "a") + UInt8(letter % 26)))
        }
    }

    /// "● member", … in the order of strength.
    static func legend(_ symbols: Symbols, space: String) -> [String] {
        RoleMark.allCases.map { "\(symbols.glyph($0))\(space)\($0.label)" }
    }
}
