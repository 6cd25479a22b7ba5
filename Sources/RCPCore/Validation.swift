/// The semantic checks of a data set (docs/DATA.md), for a loaded file or a data set built in code:
/// ids (format, duplicates), references to parties, regions and processes, names (empty, longer than
/// `maxTextLength`, control characters), years (1900–2100), practice numbers (1–20), stated totals, roles,
/// and aliases that would resolve to two parties. Returns every problem found, in record order.
public func validate(_ dataset: Dataset, file: String) -> [LoadProblem] {
    var v = Validator(dataset: dataset, file: file)
    v.run()
    return v.problems + searchSynonymProblems(dataset, file: file)
}

/// Names and other strings longer than this are rejected.
public let maxTextLength = 10_000

/// Years outside this range are impossible for a record of the paper.
public let plausibleYears = 1900...2100

struct Validator {
    let dataset: Dataset
    let file: String
    var problems: [LoadProblem] = []

    let regionIDs: Set<String>
    let partyIDs: Set<String>
    let processIDs: Set<String>
    let practiceNumbers: Set<Int>

    init(dataset: Dataset, file: String) {
        self.dataset = dataset
        self.file = file
        regionIDs = Set(dataset.regions.map(\.id))
        partyIDs = Set(dataset.parties.map(\.id))
        processIDs = Set(dataset.processes.map(\.id))
        practiceNumbers = Set(dataset.practices.map(\.number))
    }

    mutating func add(_ record: String?, _ field: String?, _ message: String) {
        problems.append(LoadProblem(file: file, record: record, field: field, message: message))
    }

    mutating func run() {
        if !plausibleYears.contains(dataset.source.year) { add("source", "year", impossibleYear(dataset.source.year)) }
        for (field, text) in [
            ("title", dataset.source.title), ("publisher", dataset.source.publisher),
            ("matrixDate", dataset.source.matrixDate),
        ] {
            checkName(text, "source", field)
        }
        checkRegions()
        checkParties()
        checkProcesses()
        checkMechanisms()
        checkPractices()
        checkUnderstandings()
        checkGuide()
    }

    // MARK: Records

    mutating func checkRegions() {
        var seen = Set<String>()
        for (i, r) in dataset.regions.enumerated() {
            let rec = checkRecord("region", "regions", index: i, id: r.id, name: r.name, &seen)
            if let short = r.shortName {
                checkName(short, rec, "shortName")
                // The narrow tree has room for this many columns; a longer short name would be cut there.
                if short.count > Region.shortNameLimit {
                    add(rec, "shortName", "\(short.count) characters (at most \(Region.shortNameLimit))")
                }
            }
            checkText(r.note, rec, "note")
            checkText(r.source, rec, "source")
        }
    }

    mutating func checkParties() {
        var seen = Set<String>()
        // Folded name or alias → the party that owns it.
        var owners: [FoldedKey: String] = [:]
        for (i, p) in dataset.parties.enumerated() {
            let rec = checkRecord("party", "parties", index: i, id: p.id, name: p.name, &seen)
            if let iso3 = p.iso3, !(iso3.utf8.count == 3 && iso3.utf8.allSatisfy({ $0 >= 65 && $0 <= 90 })) {
                add(rec, "iso3", "\(quoted(iso3)) is not a three-letter upper-case code")
            }
            if let ascii = p.asciiName {
                checkName(ascii, rec, "asciiName")
                if !ascii.utf8.allSatisfy({ $0 < 0x80 }) { add(rec, "asciiName", "not ASCII") }
            }
            checkText(p.note, rec, "note")
            checkText(p.source, rec, "source")
            checkBases(p.bases, rec, fields: partyBasisFields, participants: [])
            if p.bases.editorial("note") != nil && p.note == nil { add(rec, "bases", "an editorial note needs a note") }
            var own = Set<FoldedKey>()
            for (field, text) in [("name", p.name)] + p.aliases.enumerated().map({ ("aliases[\($0)]", $1) }) {
                if field != "name" { checkName(text, rec, field) }
                let key = FoldedKey(searchKey(text))
                guard !key.codes.isEmpty, own.insert(key).inserted else { continue }
                if let other = owners[key], other != p.id {
                    add(rec, field, "\(quoted(text)) is also a name or alias of party \(quoted(other))")
                } else {
                    owners[key] = p.id
                }
            }
        }
    }

    mutating func checkProcesses() {
        var seen = Set<String>()
        var numbers: [Int: String] = [:]
        var owners: [FoldedKey: String] = [:]
        for (i, p) in dataset.processes.enumerated() {
            let rec = checkRecord("process", "processes", index: i, id: p.id, name: p.name, &seen)
            checkName(p.shortName, rec, "shortName")
            for (j, alias) in p.aliases.enumerated() { checkName(alias, rec, "aliases[\(j)]") }
            for (field, text) in [("name", p.name), ("shortName", p.shortName)]
                + p.aliases.enumerated().map({ ("aliases[\($0)]", $1) })
            {
                let key = FoldedKey(searchKey(text))
                guard !key.codes.isEmpty else { continue }
                if let other = owners[key], other != p.id {
                    add(rec, field, "\(quoted(text)) is also a name or alias of process \(quoted(other))")
                } else {
                    owners[key] = p.id
                }
            }
            if let n = p.number {
                if let other = numbers[n] {
                    add(rec, "number", "number \(n) is also used by process \(quoted(other))")
                } else {
                    numbers[n] = p.id
                }
                if n < 1 { add(rec, "number", "matrix numbers start at 1") }
                if !p.inMatrix { add(rec, "number", "a process outside the matrix has no matrix number") }
            } else if p.inMatrix {
                add(rec, "number", "a process in the matrix needs its matrix number")
            }
            if !regionIDs.contains(p.region) { add(rec, "region", "unknown region \(quoted(p.region))") }
            if let year = p.year, !plausibleYears.contains(year) { add(rec, "year", impossibleYear(year)) }
            for (field, text) in [
                ("yearNote", p.yearNote), ("summary", p.summary), ("secretariat", p.secretariat),
                ("iomRole", p.iomRole), ("source", p.source),
            ] {
                checkText(text, rec, field)
            }
            checkParticipations(p.participants, rec)
            for (j, text) in p.otherParticipants.enumerated() { checkText(text, rec, "otherParticipants[\(j)]") }
            for (j, text) in p.priorities.enumerated() { checkText(text, rec, "priorities[\(j)]") }
            for (j, text) in p.status.enumerated() { checkText(text, rec, "status[\(j)]") }
            for (j, d) in p.datedStatus.enumerated() {
                let f = "datedStatus[\(j)]"
                if !plausibleYears.contains(d.year) { add(rec, f + ".year", impossibleYear(d.year)) }
                if let date = d.date {
                    checkName(date, rec, f + ".date")
                    if !date.hasPrefix(String(d.year)) {
                        add(rec, f + ".date", "date \(quoted(date)) is not in the year \(d.year)")
                    }
                }
                checkName(d.text, rec, f + ".text")
                checkText(d.source, rec, f + ".source")
            }
            for (j, topic) in p.topics.enumerated() {
                checkName(topic.label, rec, "topics[\(j)].label")
                for (k, n) in topic.practices.enumerated() {
                    checkPracticeNumber(n, rec, "topics[\(j)].practices[\(k)]")
                }
            }
            if let total = p.statedTotal { checkTotal(total, p, rec) }
            checkBases(p.bases, rec, fields: processBasisFields, participants: Set(p.participants.map(\.party)))
            checkClassification(p.classification, rec)
        }
    }

    mutating func checkTotal(_ total: StatedTotal, _ p: Process, _ rec: String) {
        checkName(total.text, rec, "statedTotal.text")
        let plus = Set(total.plus)
        for (j, id) in total.plus.enumerated() {
            if !partyIDs.contains(id) {
                add(rec, "statedTotal.plus[\(j)]", "unknown party \(quoted(id))")
            } else if !p.participants.contains(where: { $0.party == id }) {
                add(rec, "statedTotal.plus[\(j)]", "party \(quoted(id)) is not a participant")
            }
        }
        let members = p.participants.filter { $0.roles.contains(.member) && !plus.contains($0.party) }.count
        if members != total.members {
            add(
                rec, "statedTotal.members",
                "states \(total.members) members but \(members) participants have the role member")
        }
        let interested = p.participants.filter { $0.roles.contains(.interestedState) }.count
        if interested != total.interested {
            add(
                rec, "statedTotal.interested",
                "states \(total.interested) interested states but \(interested) participants have the role interested-state"
            )
        }
    }

    mutating func checkMechanisms() {
        var seen = Set<String>()
        var eventIDs = Set<String>()
        for (i, m) in dataset.mechanisms.enumerated() {
            let rec = checkRecord("mechanism", "mechanisms", index: i, id: m.id, name: m.name, &seen)
            checkName(m.shortName, rec, "shortName")
            for (j, alias) in m.aliases.enumerated() { checkName(alias, rec, "aliases[\(j)]") }
            if let year = m.year, !plausibleYears.contains(year) { add(rec, "year", impossibleYear(year)) }
            checkText(m.summary, rec, "summary")
            checkText(m.source, rec, "source")
            checkParticipations(m.participants, rec)
            for (j, text) in m.otherParticipants.enumerated() { checkText(text, rec, "otherParticipants[\(j)]") }
            for (j, e) in m.events.enumerated() {
                let f = "events[\(j)]"
                checkID(e.id, rec, &eventIDs, field: f + ".id", what: "event")
                checkName(e.title, rec, f + ".title")
                if !plausibleYears.contains(e.year) { add(rec, f + ".year", impossibleYear(e.year)) }
                if let date = e.date {
                    checkName(date, rec, f + ".date")
                    if !date.hasPrefix(String(e.year)) {
                        add(rec, f + ".date", "date \(quoted(date)) is not in the year \(e.year)")
                    }
                }
                if let place = e.place { checkName(place, rec, f + ".place") }
                checkText(e.summary, rec, f + ".summary")
                checkText(e.source, rec, f + ".source")
                for (k, id) in e.partners.enumerated() where !partyIDs.contains(id) {
                    add(rec, f + ".partners[\(k)]", "unknown party \(quoted(id))")
                }
                for (k, id) in e.processes.enumerated() where !processIDs.contains(id) {
                    add(rec, f + ".processes[\(k)]", "unknown process \(quoted(id))")
                }
            }
        }
    }

    mutating func checkPractices() {
        let records = checkHeadings(
            "practice", "practices",
            dataset.practices.map { ($0.id, $0.number, "title", $0.title, $0.source) })
        var itemIDs = Set<String>()
        for (p, rec) in zip(dataset.practices, records) {
            for (j, item) in p.items.enumerated() {
                checkID(item.id, rec, &itemIDs, field: "items[\(j)].id", what: "practice item")
                checkName(item.title, rec, "items[\(j)].title")
                if let printed = item.paperTitle { checkName(printed, rec, "items[\(j)].paperTitle") }
            }
        }
    }

    mutating func checkUnderstandings() {
        _ = checkHeadings(
            "understanding", "understandings",
            dataset.understandings.map { ($0.id, $0.number, "summary", $0.summary, $0.source) })
    }

    /// The label of record `index` of a kind ("region", "regions"), after checking its id (well formed, not
    /// yet in `seen`) and its name.
    mutating func checkRecord(
        _ kind: String, _ plural: String, index: Int, id: String, name: String,
        _ seen: inout Set<String>
    ) -> String {
        let rec = recordLabel(kind, plural: plural, id: id, index: index)
        checkID(id, rec, &seen)
        checkName(name, rec, "name")
        return rec
    }

    /// What the IAMM's practices and understandings share: an id, a number 1–20 used once, a text, a source.
    /// Returns the record labels.
    mutating func checkHeadings(
        _ kind: String, _ plural: String,
        _ list: [(id: String, number: Int, field: String, text: String, source: String)]
    ) -> [String] {
        var ids = Set<String>()
        var numbers = Set<Int>()
        return list.enumerated().map { i, h in
            let rec = recordLabel(kind, plural: plural, id: h.id, index: i)
            checkID(h.id, rec, &ids)
            if !(1...20).contains(h.number) {
                add(rec, "number", "\(kind) number \(h.number) is outside 1–20")
            } else if !numbers.insert(h.number).inserted {
                add(rec, "number", "duplicate \(kind) number \(h.number)")
            }
            checkName(h.text, rec, h.field)
            checkText(h.source, rec, "source")
            return rec
        }
    }

    // MARK: Fields

    mutating func checkParticipations(_ list: [Participation], _ rec: String) {
        var seen = Set<String>()
        for (j, p) in list.enumerated() {
            let f = "participants[\(j)]"
            if !partyIDs.contains(p.party) {
                add(rec, f + ".party", "unknown party \(quoted(p.party))")
            } else if !seen.insert(p.party).inserted {
                add(rec, f + ".party", "party \(quoted(p.party)) is listed twice")
            }
            if p.roles.isEmpty {
                add(rec, f + ".roles", "at least one role is needed")
            } else if p.roles.allSatisfy(\.isLeadership) {
                add(rec, f + ".roles", "a leadership role needs the role the party holds otherwise (e.g. member)")
            }
            if Set(p.roles).count != p.roles.count { add(rec, f + ".roles", "a role is given twice") }
            checkText(p.note, rec, f + ".note")
        }
    }

    mutating func checkPracticeNumber(_ n: Int, _ rec: String, _ field: String) {
        if !(1...20).contains(n) {
            add(rec, field, "practice number \(n) is outside 1–20")
        } else if !practiceNumbers.isEmpty && !practiceNumbers.contains(n) {
            add(rec, field, "no practice has the number \(n)")
        }
    }

    /// Ids: present, lower-case ASCII words joined by "-" (and "." for sub-items), unique within their kind.
    mutating func checkID(
        _ id: String, _ rec: String, _ seen: inout Set<String>, field: String = "id",
        what: String? = nil
    ) {
        if id.isEmpty { add(rec, field, "empty id"); return }
        if !isValidID(id) {
            add(rec, field, "id \(quoted(id)) must be lower-case ASCII letters and digits joined by '-' or '.'")
        }
        if !seen.insert(id).inserted {
            add(rec, field, what.map { "duplicate \($0) id \(quoted(id))" } ?? "duplicate id \(quoted(id))")
        }
    }

    /// A name: not empty, not huge, no control characters.
    mutating func checkName(_ text: String, _ rec: String, _ field: String) {
        if text.allSatisfy({ $0 == " " }) { add(rec, field, "empty"); return }
        checkText(text, rec, field)
        if let c = text.unicodeScalars.first(where: isControl) {
            add(rec, field, "control character U+\(hex(c.value, width: 4))")
        }
    }

    /// Any text: not huge. (Prose fields may contain line breaks.)
    mutating func checkText(_ text: String?, _ rec: String, _ field: String) {
        guard let text else { return }
        if text.utf8.count > maxTextLength && text.count > maxTextLength {
            add(rec, field, "\(text.count) characters (at most \(maxTextLength))")
        }
    }

    func impossibleYear(_ year: Int) -> String {
        "impossible year \(year) (expected \(plausibleYears.lowerBound)–\(plausibleYears.upperBound))"
    }
}

private func isControl(_ s: Unicode.Scalar) -> Bool { s.value < 0x20 || (s.value >= 0x7F && s.value < 0xA0) }

private func isValidID(_ id: String) -> Bool {
    var previousWasSeparator = true
    for b in id.utf8 {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            previousWasSeparator = false
        case UInt8(ascii: "-"), UInt8(ascii: "."):
            if previousWasSeparator { return false }
            previousWasSeparator = true
        default:
            return false
        }
    }
    return !previousWasSeparator
}
