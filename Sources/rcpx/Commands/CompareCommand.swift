import ArgumentParser
import RCPCore

/// `rcpx compare A B [C [D]]`: two to four processes, or two to four parties, side by side.
struct CompareCommand: LookupCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare 2 to 4 processes (or 2 to 4 states or organizations) side by side.",
        discussion: """
            Processes: the participants in all, in some and in only one (with their roles, and how many of each \
            come from each UN continent, organizations apart), the figures, secretariat, chair and IOM's role of \
            each, and the topics and IAMM effective-practice headings they share and do not share. Parties: the processes each is in, with its roles, and those they share. \
            Processes and parties cannot be mixed. `rcpx overlap` is the two-process form of the participants.

            Formats: \(formatList).
            """
    )

    static let formats: [OutputFormat] = [.text, .json, .csv, .markdown]

    @OptionGroup var global: GlobalOptions

    @Argument(
        help: ArgumentHelp(
            "2 to 4 processes, or 2 to 4 parties (by id, name or matrix number).",
            valueName: "name"))
    var names: [String] = []

    func validate() throws {
        try validateFormat()
        guard (2...4).contains(names.count) else {
            throw ValidationError("Give 2 to 4 processes or 2 to 4 parties to compare (got \(names.count)).")
        }
        for name in names { try requireName(name, "each process or party") }
    }

    func run() throws {
        let session = try session()
        let subjects = try resolve(session)
        let comparison: Comparison
        do {
            comparison = try session.catalog.compare(subjects)
        } catch {
            Console.error(String(describing: error) + ".")
            throw RCPXExit.usage
        }
        switch comparison {
        case .processes(let c): ProcessComparisonOutput(session: session, c: c).emit()
        case .parties(let c): PartyComparisonOutput(session: session, c: c).emit()
        }
    }

    /// Each name as a process or a party. A name that could be either takes the kind of the others; a mix of
    /// kinds is a usage error.
    private func resolve(_ session: Session) throws -> [ComparisonSubject] {
        let catalog = session.catalog
        var kinds: [(process: Process?, party: Party?)] = []
        for name in names {
            var process: Process? = nil, party: Party? = nil
            if case .found(let p) = catalog.resolveProcess(name) { process = p }
            if case .found(let p) = catalog.resolveParty(name) { party = p }
            kinds.append((process, party))
        }
        for (i, name) in names.enumerated() where kinds[i].process == nil && kinds[i].party == nil {
            if name.unicodeScalars.contains(where: DisplayText.isControl) {
                Console.error("no process or party matches \"\(DisplayText.excerpt(name))\".")
                throw RCPXExit.notFound
            }
            if session.mechanism(name) != nil, case .notFound = catalog.resolveProcess(name) {
                Console.error(
                    "\"\(DisplayText.excerpt(name))\" is a global mechanism; `rcpx compare` takes "
                        + "regional processes or parties.")
                throw RCPXExit.notFound
            }
            // Explain as the kind the other names are (a party when they are parties, or when only a party
            // name comes close), with the usual lookups: ambiguous names listed, close names suggested.
            let othersParties = kinds.contains { $0.party != nil && $0.process == nil }
            var closeParty = false
            if case .notFound(let s) = catalog.resolveParty(name), !s.isEmpty { closeParty = true }
            if case .ambiguous = catalog.resolveParty(name) { closeParty = true }
            var closeProcess = false
            if case .notFound(let s) = catalog.resolveProcess(name), !s.isEmpty { closeProcess = true }
            if case .ambiguous = catalog.resolveProcess(name) { closeProcess = true }
            if othersParties || (closeParty && !closeProcess) { _ = try session.party(name) }
            _ = try session.process(name)
            throw RCPXExit.notFound
        }
        let decidedProcess = kinds.contains { $0.process != nil && $0.party == nil }
        let decidedParty = kinds.contains { $0.party != nil && $0.process == nil }
        if decidedProcess && decidedParty {
            let p = names[kinds.firstIndex { $0.process != nil && $0.party == nil }!]
            let q = names[kinds.firstIndex { $0.party != nil && $0.process == nil }!]
            Console.error(
                "compare processes with processes, or parties with parties: \"\(DisplayText.excerpt(p))\" "
                    + "is a process and \"\(DisplayText.excerpt(q))\" a party.")
            throw RCPXExit.usage
        }
        let asParties = decidedParty
        let subjects: [ComparisonSubject] = kinds.map { asParties ? .party($0.party!.id) : .process($0.process!.id) }
        for (i, subject) in subjects.enumerated() {
            if let j = subjects[..<i].firstIndex(of: subject) {
                let what = asParties ? kinds[i].party!.name : kinds[i].process!.shortName
                Console.error(
                    "\"\(DisplayText.excerpt(names[j]))\" and \"\(DisplayText.excerpt(names[i]))\" both name "
                        + "\(what); compare different ones.")
                throw RCPXExit.usage
            }
        }
        return subjects
    }
}

/// Marks for a process column: roles in words, or "-" when the party takes no part.
func roleCell(_ roles: [Role]?, csv: Bool) -> String {
    guard let roles else { return csv ? "" : "-" }
    return csv ? Role.values(roles) : Role.words(roles)
}

struct ProcessComparisonOutput {
    let session: Session
    let c: ProcessComparison

    var look: Look { session.look }
    var names: [String] { c.processes.map { look.text($0.shortName) } }

    func emit() {
        switch session.format {
        case .text: session.emit(text())
        case .json: session.emit(json())
        case .csv, .markdown: session.emit(table())
        }
    }

    /// "In all 3", "In both", "In some", "In only one".
    private func groupTitle(_ g: ComparedGroup) -> String {
        let n = c.processes.count
        switch g {
        case .all: return n == 2 ? "In both" : "In all \(n)"
        case .some: return "In some"
        case .one: return "In only one"
        }
    }

    /// "Asia 10, Oceania 2, organizations 3".
    private func regionWords(_ t: RegionTotals) -> String {
        t.areas.map { "\($0.area.label) \($0.count)" }.joined(separator: ", ")
    }

    private func title(_ p: Process) -> String { (p.number.map { "\($0). " } ?? "") + p.displayName }

    /// The figures and words of each process: one row per fact, one column per process.
    private var facts: [(key: String, label: String, values: [String])] {
        let f = c.facts
        return [
            ("number", "No.", f.map { $0.process.number.map(String.init) ?? "outside matrix" }),
            ("region", "Region", f.map { $0.regionName }),
            ("year", "Year", f.map { $0.process.year.map(String.init) ?? "not given" }),
            ("members", "Members", f.map { String($0.members) }),
            ("observers", "Observers", f.map { String($0.observers) }),
            ("participants", "Named", f.map { String($0.participants) }),
            ("statedTotal", "Stated total", f.map { $0.process.statedTotal?.text ?? "" }),
            (
                "chair", "Chair",
                f.map { fact in
                    fact.leaders.map { "\($0.party.name) (\(Role.words($0.roles)))" }.joined(separator: "; ")
                }
            ),
            ("secretariat", "Secretariat", f.map { $0.process.secretariat }),
            ("iomRole", "IOM's role", f.map { $0.process.iomRole ?? "" }),
        ]
    }

    private func text() -> TextDocument {
        var doc = TextDocument(look)
        doc.paragraph(look.text(c.processes.map(title).joined(separator: ", ")), style: look.bold)
        let n = c.processes.count
        let all = n == 2 ? "both" : "all \(n)"
        var summary = "\(c.inAll.count) " + DisplayText.noun(c.inAll.count, "participant") + " in \(all)"
        if n > 2 { summary += ", \(c.inSome.count) in some" }
        summary +=
            ", \(c.onlyOne.count) in only one; \(c.membersInAll.count) "
            + DisplayText.noun(c.membersInAll.count, "is a member", "are members") + " of \(all)"
        doc.paragraph(summary)
        doc.paragraph("By region (states and territories by UN continent; organizations apart):")
        for t in c.regionTotals {
            doc.paragraph(
                "\(groupTitle(t.group)) (\(t.total)): " + (t.total == 0 ? "none" : regionWords(t)),
                indent: 2, hanging: 4)
        }

        var side = TextTable(
            [TextColumn(title: "", style: look.bold)]
                + names.map { TextColumn(title: $0, wraps: true, style: nil) })
        for fact in facts { side.add([fact.label] + fact.values.map { look.text($0.isEmpty ? "-" : $0) }) }
        doc.blank()
        doc.table(side)

        func participants(_ heading: String, _ rows: [ComparedParticipant]) {
            doc.heading("\(heading) (\(rows.count))")
            if rows.isEmpty { doc.paragraph("none", indent: 2); return }
            var table = TextTable(
                [TextColumn(title: "Party", wraps: true, style: look.accent)]
                    + names.map { TextColumn(title: $0, wraps: true) })
            table.indent = 2
            for row in rows { table.add([look.name(row.party)] + row.roles.map { roleCell($0, csv: false) }) }
            doc.table(table)
        }
        participants(n == 2 ? "In both" : "In all \(n)", c.inAll)
        if n > 2 { participants("In some", c.inSome) }
        for (k, p) in c.processes.enumerated() {
            let only = c.onlyOne.filter { $0.roles[k] != nil }
            doc.heading("Only in \(look.text(p.shortName)) (\(only.count))")
            let words = only.map { row -> String in
                let roles = row.roles[k] ?? []
                return look.name(row.party) + (roles == [.member] ? "" : " (\(Role.words(roles)))")
            }
            doc.paragraph(words.isEmpty ? "none" : words.joined(separator: ", "), indent: 2)
        }

        doc.heading("Topics")
        let shared = c.topics.filter { $0.count == n }
        doc.paragraph(
            (n == 2 ? "In both: " : "In all: ")
                + (shared.isEmpty ? "none" : shared.map { look.text($0.label) }.joined(separator: "; ")),
            indent: 2, hanging: 4)
        if n > 2 {
            let some = c.topics.filter { $0.count > 1 && $0.count < n }
            if !some.isEmpty {
                let words = some.map { t in
                    look.text(t.label) + " ("
                        + t.present.enumerated().filter(\.element).map { names[$0.offset] }
                        .joined(separator: ", ") + ")"
                }
                doc.paragraph("In some: " + words.joined(separator: "; "), indent: 2, hanging: 4)
            }
        }
        for (k, p) in c.processes.enumerated() {
            let only = c.topics.filter { $0.count == 1 && $0.present[k] }
            doc.paragraph(
                "Only \(look.text(p.shortName)): "
                    + (only.isEmpty ? "none" : only.map { look.text($0.label) }.joined(separator: "; ")),
                indent: 2, hanging: 4)
        }

        let inAll = c.practices.filter { $0.count == n }.count
        doc.heading("IAMM effective-practice headings (\(inAll) of \(c.practices.count) in all)")
        var table = TextTable(
            [
                TextColumn(title: "No.", alignment: .right),
                TextColumn(title: "Heading", wraps: true),
            ]
                + names.map { TextColumn(title: $0) })
        table.indent = 2
        let yes = look.ascii ? "x" : "✓", no = look.symbols.emptyCell
        for h in c.practices {
            table.add([String(h.practice ?? 0), look.text(h.label)] + h.present.map { $0 ? yes : no })
        }
        doc.table(table)
        return doc
    }

    private func json() -> JSONOut {
        let catalog = session.catalog
        func participant(_ row: ComparedParticipant) -> JSONOut {
            .object([
                ("party", .string(row.party.id)), ("name", .string(row.party.name)),
                ("roles", .array(row.roles.map { $0.map(Role.json) ?? .null })),
                ("region", .string(catalog.area(of: row.party).id)),
            ])
        }
        func topic(_ t: ComparedTopic) -> JSONOut {
            var fields: [(String, JSONOut)] = []
            if let n = t.practice { fields.append(("number", .int(n))) }
            fields += [("label", .string(t.label)), ("in", .array(t.present.map { .bool($0) }))]
            return .object(fields)
        }
        return .object([
            ("kind", .string("processes")),
            (
                "processes",
                .array(
                    c.facts.map { f in
                        .object([
                            ("id", .string(f.process.id)), ("number", .int(f.process.number)),
                            ("shortName", .string(f.process.shortName)), ("name", .string(f.process.name)),
                            ("region", .string(f.process.region)), ("year", .int(f.process.year)),
                            ("members", .int(f.members)), ("observers", .int(f.observers)),
                            ("participants", .int(f.participants)),
                            ("statedTotal", .string(f.process.statedTotal?.text)),
                            (
                                "chair",
                                .array(
                                    f.leaders.map { l in
                                        .object([("party", .string(l.party.id)), ("roles", Role.json(l.roles))])
                                    })
                            ),
                            ("secretariat", .string(f.process.secretariat)), ("iomRole", .string(f.process.iomRole)),
                        ])
                    })
            ),
            ("inAll", .array(c.inAll.map(participant))),
            ("inSome", .array(c.inSome.map(participant))),
            ("onlyOne", .array(c.onlyOne.map(participant))),
            ("topics", .array(c.topics.map(topic))),
            ("practices", .array(c.practices.map(topic))),
            (
                "regionTotals",
                .array(
                    c.regionTotals.map { t in
                        .object([
                            ("group", .string(t.group.rawValue)), ("total", .int(t.total)),
                            (
                                "regions",
                                .array(
                                    t.areas.enumerated().map { i, a in
                                        .object([
                                            ("region", .string(a.area.id)), ("name", .string(a.area.label)),
                                            ("count", .int(a.count)),
                                            ("perProcess", .array(t.perProcess.map { .int($0[i]) })),
                                        ])
                                    })
                            ),
                        ])
                    })
            ),
        ])
    }

    /// One table: the facts, then the participants, topics and headings, a section column saying which.
    private func table() -> DataTable {
        let csv = session.format == .csv
        var table = DataTable(header: ["section", "key", "name", "in"] + c.processes.map(\.id))
        if !csv { table.header = ["Section", "Key", "Name", "In"] + c.processes.map(\.shortName) }
        let n = c.processes.count
        for fact in facts { table.rows.append(["fact", fact.key, fact.label, ""] + fact.values) }
        for (group, rows) in [("all", c.inAll), ("some", c.inSome), ("one", c.onlyOne)] {
            for row in rows {
                table.rows.append(
                    ["participant", row.party.id, row.party.name, group]
                        + row.roles.map { roleCell($0, csv: true) })
            }
        }
        // Region totals: the group as the key, the region as the name, how many in "in", and in each process's
        // column how many of them take part in it.
        for t in c.regionTotals {
            for (i, a) in t.areas.enumerated() {
                table.rows.append(
                    ["region", t.group.rawValue, a.area.label, String(a.count)]
                        + t.perProcess.map { String($0[i]) })
            }
        }
        func presence(_ t: ComparedTopic) -> String { t.count == n ? "all" : t.count == 1 ? "one" : "some" }
        for t in c.topics {
            table.rows.append(["topic", "", t.label, presence(t)] + t.present.map { $0 ? "yes" : "" })
        }
        for t in c.practices {
            table.rows.append(
                ["practice", String(t.practice ?? 0), t.label, presence(t)]
                    + t.present.map { $0 ? "yes" : "" })
        }
        return table
    }
}
