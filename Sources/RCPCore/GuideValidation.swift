/// Checks of the guide records, bases and classifications (docs/DATA.md, "Guide" and "Basis").

/// The fields of a process a basis entry may name ("participants.ID" names one participation).
let processBasisFields: Set<String> = [
    "name", "shortName", "aliases", "region", "year", "yearNote", "summary",
    "secretariat", "topics.practices", "priorities", "status", "iomRole",
    "otherParticipants", "statedTotal",
]
/// The fields of a party a basis entry may name.
let partyBasisFields: Set<String> = ["name", "aliases", "iso3", "note"]

extension Validator {
    mutating func checkBases(_ bases: [Basis], _ rec: String, fields: Set<String>, participants: Set<String>) {
        var seen = Set<String>()
        for (i, b) in bases.enumerated() {
            let f = "bases[\(i)]"
            checkName(b.reason, rec, f + ".reason")
            if b.kind == .editorial && !seen.insert(b.field).inserted {
                add(rec, f + ".field", "field \(quoted(b.field)) is marked editorial twice")
            }
            if b.field.hasPrefix("participants.") && !participants.isEmpty {
                let party = String(b.field.dropFirst("participants.".count))
                if !participants.contains(party) { add(rec, f + ".field", "\(quoted(party)) is not a participant") }
            } else if !fields.contains(b.field) {
                add(
                    rec, f + ".field",
                    "unknown field \(quoted(b.field)) (expected one of: \(fields.sorted().joined(separator: ", "))\(participants.isEmpty ? "" : ", participants.PARTY"))"
                )
            }
        }
    }

    mutating func checkClassification(_ list: [Classification], _ rec: String) {
        var seen = Set<ClassificationAspect>()
        for (i, c) in list.enumerated() {
            let f = "classification[\(i)]"
            if !seen.insert(c.aspect).inserted { add(rec, f + ".aspect", "\(c.aspect.label) classified twice") }
            checkName(c.section, rec, f + ".section")
            checkLines(c.lines, rec, f + ".lines")
        }
    }

    mutating func checkLines(_ r: LineRange, _ rec: String, _ field: String) {
        if r.start < 1 || r.end < r.start { add(rec, field, "bad line range \(r.start)–\(r.end)") }
    }

    mutating func checkGuide() {
        var seen = Set<String>()
        var pointIDs = Set<String>()
        var numbers: [Int: String] = [:]
        let mechanismIDs = Set(dataset.mechanisms.map(\.id))
        let eventIDs = Set(dataset.mechanisms.flatMap { $0.events.map(\.id) })
        for (i, t) in dataset.guide.enumerated() {
            let rec = recordLabel("guide topic", plural: "guide", id: t.id, index: i)
            checkID(t.id, rec, &seen)
            if let other = numbers[t.number] {
                add(rec, "number", "number \(t.number) is also used by guide topic \(quoted(other))")
            } else {
                numbers[t.number] = t.id
            }
            if t.number < 1 { add(rec, "number", "guide numbers start at 1") }
            checkName(t.title, rec, "title")
            checkName(t.section, rec, "section")
            checkText(t.summary, rec, "summary")
            if t.summary.isEmpty { add(rec, "summary", "empty") }
            checkLines(t.lines, rec, "lines")
            if t.points.isEmpty { add(rec, "points", "a guide topic needs at least one point") }
            for (j, p) in t.points.enumerated() {
                let f = "points[\(j)]"
                checkID(p.id, rec, &pointIDs, field: f + ".id", what: "guide point")
                if !p.id.hasPrefix(t.id + ".") {
                    add(rec, f + ".id", "a point's id starts with its topic's id and a dot")
                }
                if let label = p.label { checkName(label, rec, f + ".label") }
                checkName(p.section, rec, f + ".section")
                checkText(p.text, rec, f + ".text")
                if p.text.isEmpty { add(rec, f + ".text", "empty") }
                checkLines(p.lines, rec, f + ".lines")
                for (k, term) in p.searchTerms.enumerated() { checkName(term, rec, f + ".searchTerms[\(k)]") }
                for (k, id) in p.processes.enumerated() where !processIDs.contains(id) {
                    add(rec, f + ".processes[\(k)]", "unknown process \(quoted(id))")
                }
                for (k, id) in p.parties.enumerated() where !partyIDs.contains(id) {
                    add(rec, f + ".parties[\(k)]", "unknown party \(quoted(id))")
                }
                for (k, id) in p.mechanisms.enumerated() where !mechanismIDs.contains(id) {
                    add(rec, f + ".mechanisms[\(k)]", "unknown mechanism \(quoted(id))")
                }
                for (k, id) in p.events.enumerated() where !eventIDs.contains(id) {
                    add(rec, f + ".events[\(k)]", "unknown event \(quoted(id))")
                }
            }
        }
    }
}
