import RCPCore

/// `rcpx show NAME --format markdown` (the card as a Markdown document, for a handout) and `--format csv` (the
/// participants, one row each).
extension ShowCommand {
    /// Markdown text: the data's text escaped so that it stays plain (`ChecklistExport.md`), controls visible.
    static func md(_ s: String, _ look: Look) -> String { ChecklistExport.md(look.text(s)) }

    /// Already shown text (from `look.text`, `participantFields`, `eventLine`) escaped for Markdown.
    static func mdShown(_ s: String) -> String { ChecklistExport.md(s) }

    static func markdown(_ p: Process, _ session: Session) -> String {
        let look = session.look, catalog = session.catalog
        var out = "# " + (p.number.map { "\($0). " } ?? "") + md(p.displayName, look) + "\n\n"
        if p.name != p.displayName { out += md(p.name, look) + "\n\n" }
        var facts: [(String, String)] = []
        let aliases = p.aliases.filter { $0 != p.name && $0 != p.shortName }
        if !aliases.isEmpty { facts.append(("Also", md(aliases.joined(separator: "; "), look))) }
        facts.append(("Id", "`\(p.id)`"))
        facts.append(("Region", md(catalog.region(id: p.region)?.name ?? p.region, look)))
        switch (p.year, p.yearNote) {
        case (let year?, let note?): facts.append(("Since", "\(year) (\(md(note, look)))"))
        case (let year?, nil): facts.append(("Since", String(year)))
        case (nil, let note?): facts.append(("Since", md(note, look)))
        case (nil, nil): facts.append(("Since", "no year given in the paper"))
        }
        if !p.inMatrix { facts.append(("Matrix", "outside the Annex A matrix (a footnote group)")) }
        out += list(facts)
        if !p.summary.isEmpty { out += "\n" + paragraph(p.summary, look) }

        out += "\n## Participants\n\n"
        let fields = participantFields(
            catalog.participants(of: p.id), other: p.otherParticipants,
            total: p.statedTotal, look)
        out += fields.isEmpty ? "None named.\n" : list(fields.map { ($0.label, mdShown($0.value)) })

        out += "\n## Secretariat\n\n" + paragraph(p.secretariat, look)
        if !p.topics.isEmpty {
            out += "\n## Main areas of discussion\n\n"
            out += "With the numbers of the IAMM effective-practice headings (`rcpx practices N`).\n\n"
            for topic in p.topics {
                let headings =
                    topic.practices.isEmpty ? "" : " (" + topic.practices.map(String.init).joined(separator: ", ") + ")"
                out += "- " + md(topic.label, look) + headings + "\n"
            }
        }
        if !p.priorities.isEmpty {
            out += "\n## Current priorities\n\n"
            for (i, priority) in p.priorities.enumerated() { out += "\(i + 1). " + md(priority, look) + "\n" }
        }
        if !p.status.isEmpty {
            out += "\n## Status\n\n"
            for note in p.status { out += "- " + md(note, look) + "\n" }
        }
        if let iom = p.iomRole { out += "\n## IOM's role\n\n" + paragraph(iom, look) }
        let events = catalog.events(withProcess: p.id)
        if !events.isEmpty {
            out += "\n## Events\n\n"
            for (mechanism, event) in events { out += "- " + mdShown(eventLine(event, mechanism, look)) + "\n" }
        }
        out += "\n_Source: " + md(p.source, look) + " (" + md(catalog.dataset.source.title, look) + ")._\n"
        return out
    }

    static func markdown(_ m: Mechanism, _ session: Session) -> String {
        let look = session.look
        var out = "# " + md(m.shortName, look) + " (global mechanism)\n\n"
        if m.name != m.shortName { out += md(m.name, look) + "\n\n" }
        var facts: [(String, String)] = []
        let aliases = m.aliases.filter { $0 != m.name && $0 != m.shortName }
        if !aliases.isEmpty { facts.append(("Also", md(aliases.joined(separator: "; "), look))) }
        facts.append(("Id", "`\(m.id)`"))
        if let year = m.year { facts.append(("Since", String(year))) }
        out += list(facts)
        if !m.summary.isEmpty { out += "\n" + paragraph(m.summary, look) }
        out += "\n## Participants\n\n"
        let fields = participantFields(
            session.catalog.participants(ofMechanism: m.id), other: m.otherParticipants,
            total: nil, look)
        out += fields.isEmpty ? "None named.\n" : list(fields.map { ($0.label, mdShown($0.value)) })
        if !m.events.isEmpty {
            out += "\n## Events (\(m.events.count))\n\n"
            for event in m.events { out += "- " + mdShown(eventLine(event, nil, look)) + "\n" }
        }
        out += "\n_Source: " + md(m.source, look) + " (" + md(session.catalog.dataset.source.title, look) + ")._\n"
        return out
    }

    /// "- **Label:** value" lines (values already escaped).
    private static func list(_ items: [(String, String)]) -> String {
        items.map { "- **\($0.0):** \($0.1)\n" }.joined()
    }

    /// A paragraph of prose: each line of the data escaped as a line start, lines kept apart.
    private static func paragraph(_ text: String, _ look: Look) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: true)
            .map { ChecklistExport.md(look.text(String($0)), lineStart: true) }
            .joined(separator: "\n\n") + "\n"
    }

    /// One row per participant: the process or mechanism (id, short name), the party's id, name, kind and ISO3 code, its roles
    /// (the core's words, ";"-separated, strongest first) and the note of the paper.
    /// `kind` names the first two columns: "process" or "mechanism".
    static func participantTable(
        _ kind: String, _ id: String, _ shortName: String,
        _ participants: [(party: Party, participation: Participation)]
    ) -> DataTable {
        var table = DataTable(header: [kind, "shortName", "party", "name", "kind", "iso3", "roles", "note"])
        for (party, participation) in participants {
            table.rows.append([
                id, shortName, party.id, party.name, party.kind.rawValue, party.iso3 ?? "",
                Role.values(participation.roles), participation.note ?? "",
            ])
        }
        return table
    }
}
