import ArgumentParser
import RCPCore

/// `rcpx show PROCESS`: the detail card of a process (or of a global mechanism).
struct ShowCommand: LookupCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show the detail card of a process.",
        discussion: """
            PROCESS may be an id, the matrix number, a name, an acronym or any alias, matched ignoring case, \
            accents and punctuation: "bali", "12", "soderkoping", "RCM". A global mechanism (IDM, Berne \
            Initiative, …) is shown too.

            --format markdown writes the card as Markdown (for a handout); --format csv writes its \
            participants, one row each.

            Formats: \(formatList).
            """
    )

    static let formats: [OutputFormat] = [.text, .json, .markdown, .csv]

    @OptionGroup var global: GlobalOptions

    @Argument(
        help: ArgumentHelp("The process: id, number, name, acronym or alias.", valueName: "process"),
        completion: .processNames)
    var process: String

    func validate() throws {
        try validateFormat()
        try requireName(process, "a process")
    }

    func run() throws {
        let session = try session()
        let subject = try session.processOrMechanism(process)
        switch (subject, session.format) {
        case (.process(let p), .json): session.emit(ShowCommand.json(p, session))
        case (.process(let p), .markdown): session.emit(ShowCommand.markdown(p, session))
        case (.process(let p), .csv):
            session.emit(
                ShowCommand.participantTable("process", p.id, p.shortName, session.catalog.participants(of: p.id)))
        case (.process(let p), .text): session.emit(ShowCommand.card(p, session))
        case (.mechanism(let m), .json): session.emit(ShowCommand.json(m, session))
        case (.mechanism(let m), .markdown): session.emit(ShowCommand.markdown(m, session))
        case (.mechanism(let m), .csv):
            session.emit(
                ShowCommand.participantTable(
                    "mechanism", m.id, m.shortName, session.catalog.participants(ofMechanism: m.id)))
        case (.mechanism(let m), .text): session.emit(ShowCommand.card(m, session))
        }
    }

    // MARK: Text

    static func card(_ p: Process, _ session: Session) -> TextDocument {
        let look = session.look, catalog = session.catalog
        var doc = TextDocument(look)
        let number = p.number.map { "\($0). " } ?? "\(look.symbols.footnote) "
        doc.paragraph(number + look.text(p.displayName), style: { look.bold(look.accent($0)) })
        if p.name != p.displayName { doc.paragraph(look.text(p.name)) }
        let aliases = p.aliases.filter { $0 != p.name && $0 != p.shortName }
        if !aliases.isEmpty { doc.field("Also", look.text(aliases.joined(separator: "; "))) }
        doc.field("Id", p.id)
        var region = look.text(catalog.region(id: p.region)?.name ?? p.region)
        if let basis = p.bases.editorial("region") { region += " (" + Editorial.note(basis, look) + ")" }
        doc.field("Region", region)
        switch (p.year, p.yearNote) {
        case (let year?, let note?): doc.field("Since", "\(year) (\(look.text(note)))")
        case (let year?, nil): doc.field("Since", String(year))
        case (nil, let note?): doc.field("Since", look.text(note))
        case (nil, nil): doc.field("Since", "no year given in the paper")
        }
        if !p.inMatrix { doc.field("Matrix", "outside the Annex A matrix (a footnote group)") }
        if !p.summary.isEmpty {
            doc.blank()
            doc.paragraph(look.text(p.summary))
        }

        participantSections(
            catalog.participants(of: p.id), other: p.otherParticipants, total: p.statedTotal,
            into: &doc, session, bases: p.bases)

        doc.heading("Secretariat")
        doc.paragraph(look.text(p.secretariat), indent: 2)
        let secretariatBases = p.bases.entries("secretariat")
        if secretariatBases.count > 1 || secretariatBases.contains(where: { $0.kind == .editorial }) {
            for basis in secretariatBases {
                doc.item(
                    look.symbols.bullet,
                    basis.kind == .editorial
                        ? Editorial.note(basis, look)
                        : "The paper: " + look.text(basis.reason))
            }
        }

        if !p.classification.isEmpty {
            doc.heading("The paper's classification")
            for c in p.classification {
                doc.field(
                    c.aspect.label.prefix(1).uppercased() + c.aspect.label.dropFirst(),
                    c.value + " (" + look.text(c.section) + ", lines " + look.text(c.lines.description) + ")",
                    indent: 2)
            }
        }

        if !p.topics.isEmpty {
            let mapping = p.bases.editorial("topics.practices")
            doc.heading(
                "Main areas of discussion (with IAMM effective-practice headings"
                    + (mapping.map { _ in " " + Editorial.mark(look) } ?? "") + ")")
            if let mapping { doc.paragraph(Editorial.note(mapping, look), indent: 2) }
            for topic in p.topics {
                let headings =
                    topic.practices.isEmpty ? "" : " [" + topic.practices.map(String.init).joined(separator: ", ") + "]"
                doc.item(look.symbols.bullet, look.text(topic.label) + headings)
            }
        }
        if !p.priorities.isEmpty {
            doc.heading("Current priorities")
            for (i, priority) in p.priorities.enumerated() { doc.item("\(i + 1))", look.text(priority)) }
        }
        if !p.status.isEmpty {
            doc.heading("Status")
            for note in p.status { doc.item(look.symbols.bullet, look.text(note)) }
        }
        if let iom = p.iomRole {
            doc.heading("IOM's role")
            doc.paragraph(look.text(iom), indent: 2)
        }
        let said = catalog.guidePoints(citingProcess: p.id)
        if !said.isEmpty {
            doc.heading("The paper says of this process (\(said.count))")
            for (topic, point) in said {
                doc.item(
                    look.symbols.bullet,
                    look.text(point.text) + " (" + look.text(topic.title) + "; "
                        + look.text(point.section) + ", lines " + point.lines.description + ")")
            }
        }
        let events = catalog.events(withProcess: p.id)
        if !events.isEmpty {
            doc.heading("Events")
            for (mechanism, event) in events { doc.item(look.symbols.bullet, eventLine(event, mechanism, look)) }
        }
        doc.blank()
        doc.field("Source", look.text(p.source))
        return doc
    }

    static func card(_ m: Mechanism, _ session: Session) -> TextDocument {
        let look = session.look
        var doc = TextDocument(look)
        doc.paragraph(look.text(m.shortName) + " (global mechanism)", style: { look.bold(look.accent($0)) })
        if m.name != m.shortName { doc.paragraph(look.text(m.name)) }
        let aliases = m.aliases.filter { $0 != m.name && $0 != m.shortName }
        if !aliases.isEmpty { doc.field("Also", look.text(aliases.joined(separator: "; "))) }
        doc.field("Id", m.id)
        if let year = m.year { doc.field("Since", String(year)) }
        if !m.summary.isEmpty {
            doc.blank()
            doc.paragraph(look.text(m.summary))
        }
        participantSections(
            session.catalog.participants(ofMechanism: m.id), other: m.otherParticipants, total: nil,
            into: &doc, session)
        if !m.events.isEmpty {
            doc.heading("Events (\(m.events.count))")
            for event in m.events { doc.item(look.symbols.bullet, eventLine(event, nil, look)) }
        }
        doc.blank()
        doc.field("Source", look.text(m.source))
        return doc
    }

    /// "2005-04-14/15 · workshop: Title, Geneva (IDM)".
    static func eventLine(_ event: Event, _ mechanism: Mechanism?, _ look: Look) -> String {
        var text =
            (event.date ?? String(event.year)) + " " + look.symbols.middleDot + " " + event.kind.label + ": "
            + look.text(event.title)
        if let place = event.place { text += ", " + look.text(place) }
        if let mechanism { text += " (\(look.text(mechanism.shortName)))" }
        return text
    }

    /// The non-leadership roles in the order participants are grouped by: each participant is listed once,
    /// under the first of these it holds, with its other roles in brackets.
    static let groupOrder: [(role: Role, label: String)] = [
        (.member, "Members"), (.interestedState, "Interested states"), (.participant, "Participants"),
        (.observer, "Observers and partners"), (.secretariat, "Secretariat"), (.coordinator, "Coordinators"),
    ]

    /// Leadership, then one wrapped list per role group, each with its count (members and interested states
    /// against the printed total).
    static func participantSections(
        _ participants: [(party: Party, participation: Participation)],
        other: [String], total: StatedTotal?, into doc: inout TextDocument,
        _ session: Session, bases: [Basis] = []
    ) {
        doc.heading("Participants")
        let fields = participantFields(participants, other: other, total: total, session.look, bases: bases)
        for field in fields { doc.field(field.label, field.value, indent: 2) }
        if fields.isEmpty { doc.paragraph("none named", indent: 2) }
    }

    /// The lines of the participants section as (label, value): the printed total, leadership, then one list
    /// per role group with its count. Empty when no participant is named. Editorial roles are marked.
    static func participantFields(
        _ participants: [(party: Party, participation: Participation)],
        other: [String], total: StatedTotal?, _ look: Look,
        bases: [Basis] = []
    ) -> [(label: String, value: String)] {
        var fields: [(label: String, value: String)] = []
        func group(_ p: Participation) -> Role? { groupOrder.first { p.roles.contains($0.role) }?.role }
        func entry(_ e: (party: Party, participation: Participation), extraRoles: Bool) -> String {
            var notes: [String] = []
            if extraRoles {
                let base = group(e.participation)
                let others = e.participation.roles.sorted().filter { !$0.isLeadership && $0 != base }
                if !others.isEmpty { notes.append("also " + others.map(\.label).joined(separator: ", ")) }
            }
            if let note = e.participation.note { notes.append(look.text(note)) }
            if let basis = bases.editorial("participants." + e.party.id) { notes.append(Editorial.note(basis, look)) }
            return look.name(e.party) + (notes.isEmpty ? "" : " (" + notes.joined(separator: "; ") + ")")
        }
        if let total {
            var printed = total.text
            if printed.hasPrefix("Total:") { printed = String(printed.dropFirst(6).drop { $0 == " " }) }
            fields.append(("Printed total", look.text(printed)))
        }
        let leadership: [(Role, String, String)] = [
            (.chair, "Chair", "Chairs"), (.coChair, "Co-chair", "Co-chairs"), (.viceChair, "Vice-chair", "Vice-chairs"),
            (.presidencyProTempore, "Presidency pro tempore", "Presidency pro tempore"),
        ]
        for (role, one, many) in leadership {
            let list = participants.filter { $0.participation.roles.contains(role) }
            if list.isEmpty { continue }
            fields.append((list.count == 1 ? one : many, list.map { look.name($0.party) }.joined(separator: ", ")))
        }
        for (role, label) in groupOrder {
            let list = participants.filter { group($0.participation) == role }
            if list.isEmpty { continue }
            var count = "\(list.count)"
            if role == .member, let total {
                let plus = list.filter { total.plus.contains($0.party.id) }.count
                if plus > 0 { count = "\(list.count - plus) + \(plus)" }
                if list.count - plus != total.members { count += ", the paper prints \(total.members)" }
            } else if role == .interestedState, let total, total.interested != list.count {
                count += ", the paper prints \(total.interested)"
            }
            fields.append(("\(label) (\(count))", list.map { entry($0, extraRoles: true) }.joined(separator: ", ")))
        }
        if !other.isEmpty { fields.append(("Also", look.text(other.joined(separator: "; ")))) }
        if participants.isEmpty && other.isEmpty { return [] }
        return fields
    }

    // MARK: JSON

    static func participantsJSON(
        _ list: [(party: Party, participation: Participation)],
        bases: [Basis] = []
    ) -> JSONOut {
        .array(
            list.map { entry in
                .object([
                    ("party", .string(entry.party.id)), ("name", .string(entry.party.name)),
                    ("kind", .string(entry.party.kind.rawValue)), ("roles", Role.json(entry.participation.roles)),
                    ("note", .string(entry.participation.note)),
                    ("editorial", Editorial.valueJSON(bases.editorial("participants." + entry.party.id))),
                ])
            })
    }

    static func eventJSON(_ event: Event, mechanism: Mechanism) -> JSONOut {
        .object([
            ("id", .string(event.id)), ("mechanism", .string(mechanism.id)), ("kind", .string(event.kind.rawValue)),
            ("year", .int(event.year)), ("date", .string(event.date)), ("title", .string(event.title)),
            ("place", .string(event.place)), ("partners", .strings(event.partners)),
            ("processes", .strings(event.processes)), ("summary", .string(event.summary)),
            ("source", .string(event.source)),
        ])
    }

    static func json(_ p: Process, _ session: Session) -> JSONOut {
        let catalog = session.catalog
        let total: JSONOut =
            p.statedTotal.map { t in
                .object([
                    ("text", .string(t.text)), ("members", .int(t.members)), ("interested", .int(t.interested)),
                    ("plus", .strings(t.plus)),
                ])
            } ?? .null
        return .object([
            ("kind", .string("process")),
            ("id", .string(p.id)), ("number", .int(p.number)), ("name", .string(p.name)),
            ("shortName", .string(p.shortName)), ("aliases", .strings(p.aliases)), ("region", .string(p.region)),
            ("regionName", .string(catalog.region(id: p.region)?.name)), ("year", .int(p.year)),
            ("yearNote", .string(p.yearNote)), ("inMatrix", .bool(p.inMatrix)), ("summary", .string(p.summary)),
            ("participants", participantsJSON(catalog.participants(of: p.id), bases: p.bases)),
            ("otherParticipants", .strings(p.otherParticipants)), ("statedTotal", total),
            ("secretariat", .string(p.secretariat)),
            (
                "topics",
                .array(
                    p.topics.map {
                        .object([
                            ("label", .string($0.label)),
                            ("practices", .array($0.practices.map { .int($0) })),
                        ])
                    })
            ),
            ("topicPracticesEditorial", Editorial.valueJSON(p.bases.editorial("topics.practices"))),
            ("priorities", .strings(p.priorities)), ("status", .strings(p.status)), ("iomRole", .string(p.iomRole)),
            ("events", .array(catalog.events(withProcess: p.id).map { eventJSON($0.event, mechanism: $0.mechanism) })),
            (
                "classification",
                .array(
                    p.classification.map { c in
                        .object([
                            ("aspect", .string(c.aspect.rawValue)), ("value", .string(c.value)),
                            ("section", .string(c.section)),
                            ("lines", .array([.int(c.lines.start), .int(c.lines.end)])),
                        ])
                    })
            ),
            ("bases", Editorial.json(p.bases)),
            ("guidePoints", Editorial.guideJSON(catalog.guidePoints(citingProcess: p.id))),
            ("source", .string(p.source)),
        ])
    }

    static func json(_ m: Mechanism, _ session: Session) -> JSONOut {
        .object([
            ("kind", .string("mechanism")),
            ("id", .string(m.id)), ("name", .string(m.name)), ("shortName", .string(m.shortName)),
            ("aliases", .strings(m.aliases)), ("year", .int(m.year)), ("summary", .string(m.summary)),
            ("participants", participantsJSON(session.catalog.participants(ofMechanism: m.id))),
            ("otherParticipants", .strings(m.otherParticipants)),
            ("events", .array(m.events.map { eventJSON($0, mechanism: m) })),
            ("source", .string(m.source)),
        ])
    }
}

extension CompletionKind {
    /// Process ids of the bundled data.
    static var processNames: CompletionKind {
        .custom { _, _, _ in Catalog.bundled.processes.map(\.id) }
    }
}
