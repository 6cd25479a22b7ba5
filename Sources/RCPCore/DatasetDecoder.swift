/// Maps a parsed JSON document to a `Dataset` (the format of docs/DATA.md), reporting structural problems
/// (wrong type, missing field, unknown key, unknown role / kind) to a `ProblemLog` and carrying on.
struct DatasetDecoder {
    let log: ProblemLog

    func dataset(_ root: JSONValue) -> Dataset {
        let empty = Dataset(
            source: SourceInfo(title: "", publisher: "", year: 0, matrixDate: ""), regions: [],
            parties: [], processes: [], mechanisms: [], practices: [], understandings: [])
        guard var top = ObjectReader(root, log: log, record: nil, field: nil) else { return empty }
        let version = top.int("formatVersion")
        if version != Dataset.currentFormatVersion && !log.spots.contains(ProblemLog.spot(nil, "formatVersion")) {
            log.add(
                nil, "formatVersion",
                "unsupported format version \(version) (this rcpx reads \(Dataset.currentFormatVersion))")
        }
        let source = top.required("source").map(sourceInfo) ?? empty.source
        var dataset = Dataset(
            formatVersion: version,
            source: source,
            regions: records(&top, "regions", "region", region),
            parties: records(&top, "parties", "party", party),
            processes: records(&top, "processes", "process", process),
            mechanisms: records(&top, "mechanisms", "mechanism", mechanism),
            practices: records(&top, "practices", "practice", practice),
            understandings: records(&top, "understandings", "understanding", understanding),
            guide: guide(&top))
        dataset.searchSynonyms = searchSynonyms(&top)
        top.finish()
        return dataset
    }

    /// Maps each element of a top-level array; elements that are not objects are reported and left out.
    private func records<T>(
        _ top: inout ObjectReader, _ key: String, _ kind: String,
        _ map: (inout ObjectReader) -> T
    ) -> [T] {
        top.array(key, required: true).enumerated().compactMap { index, value in
            guard var r = ObjectReader(value, log: log, record: "\(key)[\(index)]", field: nil) else { return nil }
            // Name the record by its id from here on, when it has a usable one.
            if case .string(let id)? = value["id"], !id.isEmpty {
                r.record = recordLabel(kind, plural: key, id: id, index: index)
            }
            let record = map(&r)
            r.finish()
            return record
        }
    }

    private func sourceInfo(_ value: JSONValue) -> SourceInfo {
        guard var r = ObjectReader(value, log: log, record: "source", field: nil) else {
            return SourceInfo(title: "", publisher: "", year: 0, matrixDate: "")
        }
        let info = SourceInfo(
            title: r.string("title"), publisher: r.string("publisher"), year: r.int("year"),
            matrixDate: r.string("matrixDate"))
        r.finish()
        return info
    }

    private func region(_ r: inout ObjectReader) -> Region {
        Region(
            id: r.string("id"), name: r.string("name"), shortName: r.optionalString("shortName"), order: r.int("order"),
            note: r.optionalString("note"), source: r.string("source"))
    }

    private func party(_ r: inout ObjectReader) -> Party {
        Party(
            id: r.string("id"), name: r.string("name"),
            kind: r.enumValue("kind", "party kind", PartyKind.self) ?? .state,
            iso3: r.optionalString("iso3"), aliases: r.strings("aliases", required: false),
            asciiName: r.optionalString("asciiName"), note: r.optionalString("note"), source: r.string("source"),
            bases: bases(&r))
    }

    private func participations(_ r: inout ObjectReader) -> [Participation] {
        r.array("participants", required: true).enumerated().compactMap { i, value in
            guard var p = ObjectReader(value, log: log, record: r.record, field: "participants[\(i)]") else {
                return nil
            }
            let party = p.string("party")
            let roles = p.array("roles", required: true).enumerated().compactMap { j, v -> Role? in
                guard let raw = p.asString(v, "roles[\(j)]") else { return nil }
                return p.parseEnum(raw, "roles[\(j)]", "role")
            }
            let note = p.optionalString("note")
            p.finish()
            return Participation(party: party, roles: roles, note: note)
        }
    }

    private func process(_ r: inout ObjectReader) -> Process {
        let id = r.string("id")
        let number = r.optionalInt("number")
        let name = r.string("name")
        let shortName = r.string("shortName")
        let aliases = r.strings("aliases", required: true)
        let region = r.string("region")
        let dated = datedStatus(&r)
        let year = r.optionalInt("year")
        let yearNote = r.optionalString("yearNote")
        let inMatrix = r.bool("inMatrix")
        let summary = r.string("summary")
        let participants = participations(&r)
        let others = r.strings("otherParticipants", required: false)
        let total = r.value("statedTotal").flatMap { statedTotal($0, record: r.record) }
        let secretariat = r.string("secretariat")
        let topics = r.array("topics", required: true).enumerated().compactMap { i, v -> Topic? in
            guard var t = ObjectReader(v, log: log, record: r.record, field: "topics[\(i)]") else { return nil }
            let topic = Topic(label: t.string("label"), practices: t.ints("practices", required: true))
            t.finish()
            return topic
        }
        return Process(
            id: id, number: number, name: name, shortName: shortName, aliases: aliases, region: region,
            year: year, yearNote: yearNote, inMatrix: inMatrix, summary: summary, participants: participants,
            otherParticipants: others, statedTotal: total, secretariat: secretariat, topics: topics,
            priorities: r.strings("priorities", required: true), status: r.strings("status", required: false),
            iomRole: r.optionalString("iomRole"), datedStatus: dated, source: r.string("source"), bases: bases(&r),
            classification: classification(&r))
    }

    /// The optional `datedStatus` list of a process.
    private func datedStatus(_ r: inout ObjectReader) -> [DatedStatus] {
        r.array("datedStatus", required: false).enumerated().compactMap { i, v -> DatedStatus? in
            guard var d = ObjectReader(v, log: log, record: r.record, field: "datedStatus[\(i)]") else { return nil }
            var planned = false
            if let value = d.value("planned") {
                if case .bool(let b) = value {
                    planned = b
                } else {
                    d.problem("planned", "expected a boolean, found \(value.typeDescription)")
                }
            }
            let status = DatedStatus(
                year: d.int("year"), date: d.optionalString("date"), text: d.string("text"),
                planned: planned, source: d.string("source"))
            d.finish()
            return status
        }
    }

    private func statedTotal(_ value: JSONValue, record: String?) -> StatedTotal? {
        guard var t = ObjectReader(value, log: log, record: record, field: "statedTotal") else { return nil }
        let total = StatedTotal(
            text: t.string("text"), members: t.int("members"),
            interested: t.optionalInt("interested") ?? 0, plus: t.strings("plus", required: false))
        t.finish()
        return total
    }

    private func mechanism(_ r: inout ObjectReader) -> Mechanism {
        let id = r.string("id"), name = r.string("name"), shortName = r.string("shortName")
        let aliases = r.strings("aliases", required: true)
        let year = r.optionalInt("year")
        let summary = r.string("summary")
        let participants = participations(&r)
        let others = r.strings("otherParticipants", required: false)
        let events = r.array("events", required: true).enumerated().compactMap { i, v in
            event(v, record: r.record, index: i)
        }
        return Mechanism(
            id: id, name: name, shortName: shortName, aliases: aliases, year: year, summary: summary,
            participants: participants, otherParticipants: others, events: events, source: r.string("source"))
    }

    private func event(_ value: JSONValue, record: String?, index: Int) -> Event? {
        guard var e = ObjectReader(value, log: log, record: record, field: "events[\(index)]") else { return nil }
        let event = Event(
            id: e.string("id"), kind: e.enumValue("kind", "event kind", EventKind.self) ?? .meeting,
            year: e.int("year"), date: e.optionalString("date"), title: e.string("title"),
            place: e.optionalString("place"), partners: e.strings("partners", required: false),
            processes: e.strings("processes", required: false), summary: e.optionalString("summary"),
            source: e.string("source"))
        e.finish()
        return event
    }

    private func practice(_ r: inout ObjectReader) -> Practice {
        let id = r.string("id"), number = r.int("number"), title = r.string("title")
        let items = r.array("items", required: true).enumerated().compactMap { i, v -> PracticeItem? in
            guard var item = ObjectReader(v, log: log, record: r.record, field: "items[\(i)]") else { return nil }
            let result = PracticeItem(
                id: item.string("id"), title: item.string("title"),
                paperTitle: item.optionalString("paperTitle"))
            item.finish()
            return result
        }
        return Practice(id: id, number: number, title: title, items: items, source: r.string("source"))
    }

    private func understanding(_ r: inout ObjectReader) -> Understanding {
        Understanding(
            id: r.string("id"), number: r.int("number"), summary: r.string("summary"), source: r.string("source"))
    }
}
