/// A JSON value with ordered object keys, so that files and exports have a stable, readable key order.
enum ChecklistJSON: Equatable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([ChecklistJSON])
    case object([(String, ChecklistJSON)])

    static func == (a: ChecklistJSON, b: ChecklistJSON) -> Bool { a.rendered() == b.rendered() }

    /// Pretty-printed with two-space indentation and a final newline; non-ASCII text kept as UTF-8.
    func rendered() -> String {
        var out = ""
        write(into: &out, indent: 0)
        out.append("\n")
        return out
    }

    private func write(into out: inout String, indent: Int) {
        switch self {
        case .string(let s): ChecklistJSON.quote(s, into: &out)
        case .int(let n): out.append(String(n))
        case .bool(let b): out.append(b ? "true" : "false")
        case .null: out.append("null")
        case .array(let items):
            if items.isEmpty { out.append("[]"); return }
            out.append("[\n")
            for (i, item) in items.enumerated() {
                out.append(String(repeating: " ", count: indent + 2))
                item.write(into: &out, indent: indent + 2)
                out.append(i + 1 < items.count ? ",\n" : "\n")
            }
            out.append(String(repeating: " ", count: indent) + "]")
        case .object(let pairs):
            if pairs.isEmpty { out.append("{}"); return }
            out.append("{\n")
            for (i, (key, value)) in pairs.enumerated() {
                out.append(String(repeating: " ", count: indent + 2))
                ChecklistJSON.quote(key, into: &out)
                out.append(": ")
                value.write(into: &out, indent: indent + 2)
                out.append(i + 1 < pairs.count ? ",\n" : "\n")
            }
            out.append(String(repeating: " ", count: indent) + "}")
        }
    }

    static func quote(_ s: String, into out: inout String) {
        out.append("\"")
        for u in s.unicodeScalars {
            switch u {
            case "\"": out.append("\\\"")
            case "\\": out.append("\\\\")
            case "\n": out.append("\\n")
            case "\r": out.append("\\r")
            case "\t": out.append("\\t")
            case "\u{08}": out.append("\\b")
            case "\u{0C}": out.append("\\f")
            default:
                // Control characters, and the line/paragraph separators some JSON readers choke on.
                if u.value < 0x20 || u.value == 0x7F || u.value == 0x2028 || u.value == 0x2029 {
                    let hex = String(u.value, radix: 16)
                    out.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out.append("\"")
    }
}

/// The checklist file format, version 1: a pretty-printed UTF-8 JSON object with, in this order,
/// `formatVersion` (1), `name` (the display name), `created` and `updated` (ISO-8601 UTC), `revision` (int, +1
/// per saved change) and `entries`: an object from item id ("ep-06", "ep-06.2") to
/// `{"status": "<status id>", "note": "…" (only when there is one), "updated": "<ISO-8601 UTC>"}`, in natural
/// id order. Unknown keys are ignored on reading (and not written back); a `formatVersion` above 1 is refused.
enum ChecklistFileFormat {
    static func encode(_ c: Checklist) -> [UInt8] {
        var entries: [(String, ChecklistJSON)] = []
        for id in c.entries.keys.sorted(by: ChecklistItemID.precedes) {
            let e = c.entries[id]!
            var pairs: [(String, ChecklistJSON)] = [("status", .string(e.status.rawValue))]
            if let note = e.note { pairs.append(("note", .string(note))) }
            pairs.append(("updated", .string(e.updated)))
            entries.append((id, .object(pairs)))
        }
        let doc = ChecklistJSON.object([
            ("formatVersion", .int(c.formatVersion)),
            ("name", .string(c.name)),
            ("created", .string(c.created)),
            ("updated", .string(c.updated)),
            ("revision", .int(c.revision)),
            ("entries", .object(entries)),
        ])
        return Array(doc.rendered().utf8)
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
                entries[id] = ChecklistEntry(status: status, note: note, updated: entryUpdated)
            }
        default: throw .corrupt("\"entries\" is not an object")
        }
        return Checklist(name: name, created: created, updated: updated, revision: revision, entries: entries,
                         formatVersion: version)
    }

    /// A whole number, or nil (booleans, fractions, text, huge values).
    private static func int(_ value: JSONValue) -> Int? {
        guard case .number(let d) = value, d == d.rounded(), abs(d) < 1e15 else { return nil }
        return Int(d)
    }
}
