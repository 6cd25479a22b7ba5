/// The checklist file format, version 2: a pretty-printed UTF-8 JSON object with, in this order,
/// `formatVersion` (2), `name` (the display name), `created` and `updated` (ISO-8601 UTC), `revision` (int, +1
/// per saved change), `meta` (only when something is set: `subject` {`kind`: party|process|text, `id` (not for
/// text), `name`}, `date`, `facilitator`, `participants`) and `entries`: an object from item id ("ep-06",
/// "ep-06.2") to `{"status": "<status id>", "note": "…" (only when there is one), "updated": "<ISO-8601 UTC>",
/// "revision": <the checklist revision that last changed it> (when known), "alternatives": [{"status", "note",
/// "updated", "source"}] (only when versions are kept beside it)}`, in natural id order.
///
/// Version 1 is the same without `meta`, the entries' `revision` and `alternatives`; it is read (the entries
/// get revision 0) and written back as version 2 on the next change. Unknown keys are ignored on reading (and
/// not written back); a `formatVersion` above 2 is refused.
enum ChecklistFileFormat {
    static func encode(_ c: Checklist) -> [UInt8] {
        var entries: [(String, JSONOut)] = []
        for id in c.entries.keys.sorted(by: ChecklistItemID.precedes) {
            let e = c.entries[id]!
            var pairs: [(String, JSONOut)] = [("status", .string(e.status.rawValue))]
            if let note = e.note { pairs.append(("note", .string(note))) }
            pairs.append(("updated", .string(e.updated)))
            if e.revision > 0 { pairs.append(("revision", .int(e.revision))) }
            if !e.alternatives.isEmpty {
                pairs.append(
                    (
                        "alternatives",
                        .array(
                            e.alternatives.map { a in
                                var fields: [(String, JSONOut)] = [("status", .string(a.status.rawValue))]
                                if let note = a.note { fields.append(("note", .string(note))) }
                                fields += [("updated", .string(a.updated)), ("source", .string(a.source))]
                                return .object(fields)
                            })
                    ))
            }
            entries.append((id, .object(pairs)))
        }
        var top: [(String, JSONOut)] = [
            ("formatVersion", .int(Checklist.currentFormatVersion)),
            ("name", .string(c.name)),
            ("created", .string(c.created)),
            ("updated", .string(c.updated)),
            ("revision", .int(c.revision)),
        ]
        if !c.meta.isEmpty { top.append(("meta", metaJSON(c.meta))) }
        top.append(("entries", .object(entries)))
        return Array(JSONOut.object(top).rendered().utf8)
    }

    static func metaJSON(_ m: ChecklistMeta) -> JSONOut {
        var pairs: [(String, JSONOut)] = []
        if let s = m.subject {
            var fields: [(String, JSONOut)] = [("kind", .string(s.kind.rawValue))]
            if let id = s.id { fields.append(("id", .string(id))) }
            fields.append(("name", .string(s.name)))
            pairs.append(("subject", .object(fields)))
        }
        if let d = m.date { pairs.append(("date", .string(d))) }
        if let f = m.facilitator { pairs.append(("facilitator", .string(f))) }
        if let p = m.participants { pairs.append(("participants", .string(p))) }
        return .object(pairs)
    }

    /// Reads a `meta` object (of a file or a report).
    static func decodeMeta(_ value: JSONValue?) throws(DecodeError) -> ChecklistMeta {
        var m = ChecklistMeta()
        switch value {
        case nil, .null?: return m
        case .object?: break
        default: throw .corrupt("\"meta\" is not an object")
        }
        func text(_ key: String) throws(DecodeError) -> String? {
            switch value?[key] {
            case nil, .null?: return nil
            case .string(let s)?: return ChecklistMeta.clean(s)
            default: throw .corrupt("\"\(key)\" of \"meta\" is not text")
            }
        }
        m.date = try text("date")
        m.facilitator = try text("facilitator")
        m.participants = try text("participants")
        switch value?["subject"] {
        case nil, .null?: break
        case .object?:
            let s = value!["subject"]!
            guard case .string(let kindText)? = s["kind"], let kind = ChecklistSubject.Kind(rawValue: kindText) else {
                throw .corrupt("the subject's \"kind\" is missing or not party, process or text")
            }
            guard case .string(let name)? = s["name"], let cleaned = ChecklistMeta.clean(name) else {
                throw .corrupt("the subject has no \"name\"")
            }
            var id: String? = nil
            if kind != .text {
                guard case .string(let i)? = s["id"], !i.isEmpty else { throw .corrupt("the subject has no \"id\"") }
                id = i
            }
            m.subject = ChecklistSubject(kind: kind, id: id, name: cleaned)
        default: throw .corrupt("\"subject\" of \"meta\" is not an object")
        }
        return m
    }

    enum DecodeError: Error {
        /// The file is not a checklist this build can read; `reason` says why, in words.
        case corrupt(String)
        /// Written by a newer rcpx.
        case newerFormat(Int)
    }

    static func decode(_ bytes: [UInt8]) throws(DecodeError) -> Checklist {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw .corrupt("the file is empty")
        }
        let doc: JSONValue
        do { doc = try JSON.parse(bytes) } catch { throw .corrupt("not valid JSON: \(error)") }
        guard case .object(let members) = doc else { throw .corrupt("not a JSON object") }
        var seen = Set<String>()
        for m in members where !seen.insert(m.key).inserted { throw .corrupt("\"\(m.key)\" appears twice") }

        guard let versionValue = doc["formatVersion"] else { throw .corrupt("no \"formatVersion\"") }
        guard let version = int(versionValue) else { throw .corrupt("\"formatVersion\" is not a whole number") }
        if version > Checklist.currentFormatVersion { throw .newerFormat(version) }
        if version < 1 { throw .corrupt("unknown \"formatVersion\" \(version)") }

        func text(_ key: String) throws(DecodeError) -> String {
            guard case .string(let s)? = doc[key] else { throw .corrupt("\"\(key)\" is missing or not text") }
            return s
        }
        let name = try text("name")
        if name.allSatisfy({ $0.isWhitespace }) { throw .corrupt("\"name\" is empty") }
        let created = try text("created")
        let updated = try text("updated")
        guard let revisionValue = doc["revision"], let revision = int(revisionValue), revision >= 0 else {
            throw .corrupt("\"revision\" is missing or not a whole number")
        }
        var entries: [String: ChecklistEntry] = [:]
        switch doc["entries"] {
        case nil, .null?: break
        case .object(let list)?:
            for m in list {
                let id = m.key
                if entries[id] != nil { throw .corrupt("entry \"\(id)\" appears twice") }
                guard case .object = m.value else { throw .corrupt("entry \"\(id)\" is not an object") }
                guard case .string(let statusText)? = m.value["status"] else {
                    throw .corrupt("entry \"\(id)\" has no \"status\"")
                }
                guard let status = ChecklistStatus(rawValue: statusText) else {
                    throw .corrupt("entry \"\(id)\" has an unknown status \"\(statusText)\"")
                }
                var note: String? = nil
                switch m.value["note"] {
                case nil, .null?: break
                case .string(let s)?: note = s
                default: throw .corrupt("the note of entry \"\(id)\" is not text")
                }
                var entryUpdated = updated
                switch m.value["updated"] {
                case nil, .null?: break
                case .string(let s)?: entryUpdated = s
                default: throw .corrupt("\"updated\" of entry \"\(id)\" is not text")
                }
                var entryRevision = 0
                switch m.value["revision"] {
                case nil, .null?: break
                case let v?:
                    guard let n = int(v), n >= 0 else {
                        throw .corrupt("\"revision\" of entry \"\(id)\" is not a whole number")
                    }
                    entryRevision = n
                }
                let alternatives = try decodeAlternatives(m.value["alternatives"], id: id, fallback: entryUpdated)
                entries[id] = ChecklistEntry(
                    status: status, note: note, updated: entryUpdated,
                    revision: entryRevision, alternatives: alternatives)
            }
        default: throw .corrupt("\"entries\" is not an object")
        }
        let meta = version >= 2 ? try decodeMeta(doc["meta"]) : ChecklistMeta()
        return Checklist(
            name: name, created: created, updated: updated, revision: revision, entries: entries,
            meta: meta, formatVersion: version)
    }

    static func decodeAlternatives(
        _ value: JSONValue?, id: String,
        fallback: String
    ) throws(DecodeError) -> [ChecklistAlternative] {
        switch value {
        case nil, .null?: return []
        case .array(let list)?:
            var out: [ChecklistAlternative] = []
            for a in list {
                guard case .object = a, case .string(let st)? = a["status"],
                    let status = ChecklistStatus(rawValue: st)
                else {
                    throw .corrupt("a kept version of entry \"\(id)\" has no valid \"status\"")
                }
                var note: String? = nil
                switch a["note"] {
                case nil, .null?: break
                case .string(let s)?: note = s
                default: throw .corrupt("the note of a kept version of entry \"\(id)\" is not text")
                }
                var updated = fallback, source = "kept version"
                if case .string(let s)? = a["updated"] { updated = s }
                if case .string(let s)? = a["source"] { source = s }
                out.append(ChecklistAlternative(status: status, note: note, updated: updated, source: source))
            }
            return out
        default: throw .corrupt("\"alternatives\" of entry \"\(id)\" is not a list")
        }
    }

    /// A whole number, or nil (booleans, fractions, text, huge values).
    static func int(_ value: JSONValue) -> Int? {
        guard case .number(let d) = value, d == d.rounded(), abs(d) < 1e15 else { return nil }
        return Int(d)
    }
}
