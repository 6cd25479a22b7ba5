import ArgumentParser
import RCPCore

/// `rcpx state PARTY`: every process a state, territory or organization takes part in.
struct StateCommand: LookupCommand {
    static let configuration = CommandConfiguration(
        commandName: "state",
        abstract: "List every process a state, territory or organization takes part in, with its roles.",
        discussion: """
            PARTY may be an id, a name, an alias, an ISO 3166 alpha-3 code or a common short form: "UK", \
            "Viet Nam", "cote d'ivoire", "IOM"; words in any order ("korea republic"). The global mechanisms \
            and events it appears in follow. A UN member state of 2005 in no process of the paper (Egypt) is \
            answered so.

            Formats: \(formatList).
            """
    )

    static let formats: [OutputFormat] = [.text, .json, .csv, .markdown]

    @OptionGroup var global: GlobalOptions

    @Argument(
        help: ArgumentHelp("The state, territory or organization.", valueName: "party"),
        completion: .custom { _, _, _ in Catalog.bundled.parties.map(\.id) })
    var party: String

    func validate() throws {
        try validateFormat()
        try requireName(party, "a state, territory or organization")
    }

    func run() throws {
        let session = try session()
        let party: Party
        switch try session.partyOrState(self.party) {
        case .party(let p): party = p
        case .stateInNoProcess(let state):
            Self.emitInNoProcess(state, session)
            return
        }
        let catalog = session.catalog
        let participations = catalog.participations(of: party.id)
        let mechanisms = catalog.mechanismParticipations(of: party.id)
        let events = catalog.events(withPartner: party.id)
        let look = session.look
        switch session.format {
        case .text:
            var doc = TextDocument(look)
            doc.paragraph(look.name(party), style: { look.bold(look.accent($0)) })
            var facts = [party.kind.rawValue]
            if let iso3 = party.iso3 { facts.append("ISO3 " + iso3) }
            facts.append("id " + party.id)
            doc.paragraph(facts.joined(separator: " " + look.symbols.middleDot + " "))
            let aliases = party.aliases.filter { $0 != party.name }
            if !aliases.isEmpty { doc.field("Also", look.text(aliases.joined(separator: "; "))) }
            if let note = party.note {
                let basis = party.bases.editorial("note")
                doc.field("Note", look.text(note) + (basis.map { " (" + Editorial.note($0, look) + ")" } ?? ""))
            }

            doc.heading(
                participations.isEmpty
                    ? "Processes (0)" : "Processes — " + catalog.participationCount(of: party.id).sentence)
            if participations.isEmpty {
                doc.paragraph("none", indent: 2)
            } else {
                var table = TextTable([
                    TextColumn(title: "No.", alignment: .right),
                    TextColumn(title: "Process", wraps: true, style: look.accent),
                    TextColumn(title: "Region", wraps: true),
                    TextColumn(title: "Roles", wraps: true),
                ])
                for p in participations {
                    var roles = Role.words(p.roles)
                    if let note = p.note { roles += " (\(look.text(note)))" }
                    if let basis = p.process.editorialBasis(participant: party.id) {
                        roles += " (" + Editorial.note(basis, look) + ")"
                    }
                    table.add([
                        p.process.number.map(String.init) ?? look.symbols.footnote, look.text(p.process.shortName),
                        look.text(catalog.region(id: p.process.region)?.name ?? p.process.region),
                        roles,
                    ])
                }
                doc.table(table)
            }
            if !mechanisms.isEmpty {
                doc.heading("Global mechanisms (\(mechanisms.count))")
                var table = TextTable([
                    TextColumn(title: "Mechanism", wraps: true, style: look.accent),
                    TextColumn(title: "Roles", wraps: true),
                ])
                table.showsHeader = false
                table.indent = 2
                for (m, participation) in mechanisms {
                    var roles = Role.words(participation.roles)
                    if let note = participation.note { roles += " (\(look.text(note)))" }
                    table.add([look.text(m.shortName), roles])
                }
                doc.table(table)
            }
            if !events.isEmpty {
                doc.heading("Events (\(events.count))")
                for (m, event) in events { doc.item(look.symbols.bullet, ShowCommand.eventLine(event, m, look)) }
            }
            session.emit(doc)
        case .json:
            session.emit(
                .object([
                    (
                        "party",
                        Self.partyJSON(
                            id: party.id, name: party.name, kind: party.kind, iso3: party.iso3, aliases: party.aliases,
                            asciiName: party.asciiName, note: party.note,
                            noteEditorial: Editorial.valueJSON(party.bases.editorial("note")), source: party.source)
                    ),
                    ("namedInPaper", .bool(true)),
                    (
                        "processCount",
                        .object([
                            ("inMatrix", .int(catalog.participationCount(of: party.id).inMatrix)),
                            ("all", .int(catalog.participationCount(of: party.id).all)),
                        ])
                    ),
                    (
                        "participations",
                        .array(
                            participations.map { p in
                                .object([
                                    ("process", .string(p.process.id)), ("processName", .string(p.process.name)),
                                    ("shortName", .string(p.process.shortName)), ("number", .int(p.process.number)),
                                    ("region", .string(p.process.region)), ("roles", Role.json(p.roles)),
                                    ("note", .string(p.note)),
                                    ("editorial", Editorial.valueJSON(p.process.editorialBasis(participant: party.id))),
                                ])
                            })
                    ),
                    (
                        "mechanisms",
                        .array(
                            mechanisms.map { m, participation in
                                .object([
                                    ("mechanism", .string(m.id)), ("mechanismName", .string(m.name)),
                                    ("roles", Role.json(participation.roles)), ("note", .string(participation.note)),
                                ])
                            })
                    ),
                    ("events", .array(events.map { ShowCommand.eventJSON($0.event, mechanism: $0.mechanism) })),
                ]))
        case .csv, .markdown:
            var table = DataTable(header: ["party", "kind", "id", "number", "shortName", "name", "region", "roles"])
            if session.format == .markdown {
                table.header = ["Party", "Kind", "Id", "No.", "Process", "Name", "Region", "Roles"]
            }
            let roles = session.format == .csv ? Role.values : Role.words
            for p in participations {
                table.rows.append([
                    party.name, "process", p.process.id, p.process.numberText, p.process.shortName,
                    p.process.name, catalog.region(id: p.process.region)?.name ?? p.process.region,
                    roles(p.roles),
                ])
            }
            for (m, participation) in mechanisms {
                table.rows.append([
                    party.name, "mechanism", m.id, "", m.shortName, m.name,
                    catalog.region(id: "global")?.name ?? "global", roles(participation.roles),
                ])
            }
            session.emit(table, rightAligned: [3])
        }
    }

    /// The answer for a UN member state of 2005 that the paper names in no process (Egypt): the same shape as a
    /// party's, with no processes, `namedInPaper` false and its UN sub-region.
    static func emitInNoProcess(_ state: CoverageGap, _ session: Session) {
        let look = session.look
        let sentence = "\(state.name) takes part in none of the processes of the paper (\(state.standing))."
        switch session.format {
        case .text:
            var doc = TextDocument(look)
            doc.paragraph(look.text(state.name), style: { look.bold(look.accent($0)) })
            doc.paragraph(
                ["state", "ISO3 " + state.iso3, state.subregion]
                    .joined(separator: " " + look.symbols.middleDot + " "))
            doc.blank()
            doc.paragraph(look.text(sentence))
            doc.paragraph("`rcpx gaps` lists the states in no process, by UN sub-region.", style: look.dim)
            session.emit(doc)
        case .json:
            session.emit(
                .object([
                    (
                        "party",
                        Self.partyJSON(
                            id: state.id, name: state.name, kind: .state, iso3: state.iso3, aliases: [], asciiName: nil,
                            note: nil, noteEditorial: .null, source: nil)
                    ),
                    ("namedInPaper", .bool(false)),
                    ("subregion", .string(state.subregion)),
                    ("processCount", .object([("inMatrix", .int(0)), ("all", .int(0))])),
                    ("participations", .array([])), ("mechanisms", .array([])), ("events", .array([])),
                ]))
        case .csv, .markdown:
            // The table of a party's processes, with no rows; the sentence on stderr.
            var table = DataTable(header: ["party", "kind", "id", "number", "shortName", "name", "region", "roles"])
            if session.format == .markdown {
                table.header = ["Party", "Kind", "Id", "No.", "Process", "Name", "Region", "Roles"]
            }
            Console.error(sentence)
            session.emit(table)
        }
    }

    /// The `party` object of `rcpx state --format json`, in one key order for a party of the data and for a
    /// state in no process.
    static func partyJSON(
        id: String, name: String, kind: PartyKind, iso3: String?, aliases: [String], asciiName: String?,
        note: String?, noteEditorial: JSONOut, source: String?
    ) -> JSONOut {
        .object([
            ("id", .string(id)), ("name", .string(name)), ("kind", .string(kind.rawValue)), ("iso3", .string(iso3)),
            ("aliases", .strings(aliases)), ("asciiName", .string(asciiName)), ("note", .string(note)),
            ("noteEditorial", noteEditorial), ("source", .string(source)),
        ])
    }
}
