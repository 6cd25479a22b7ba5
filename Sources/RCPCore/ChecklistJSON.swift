import Foundation

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

    private struct Header: Decodable { var formatVersion: Int? }
    private struct File: Decodable {
        var formatVersion: Int
        var name: String
        var created: String
        var updated: String
        var revision: Int
        var entries: [String: Entry]?
    }
    private struct Entry: Decodable {
        var status: String
        var note: String?
        var updated: String?
    }

    static func decode(_ bytes: [UInt8]) throws(DecodeError) -> Checklist {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            throw .corrupt("the file is empty")
        }
        let data = Data(bytes)
        let decoder = JSONDecoder()
        let header: Header
        do { header = try decoder.decode(Header.self, from: data) } catch { throw .corrupt(reason(error)) }
        guard let version = header.formatVersion else { throw .corrupt("no \"formatVersion\"") }
        if version > Checklist.currentFormatVersion { throw .newerFormat(version) }
        if version < 1 { throw .corrupt("unknown \"formatVersion\" \(version)") }
        let file: File
        do { file = try decoder.decode(File.self, from: data) } catch { throw .corrupt(reason(error)) }
        if file.name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw .corrupt("\"name\" is empty") }
        if file.revision < 0 { throw .corrupt("\"revision\" is negative") }
        var entries: [String: ChecklistEntry] = [:]
        for (id, e) in file.entries ?? [:] {
            guard let status = ChecklistStatus(rawValue: e.status) else {
                throw .corrupt("entry \"\(id)\" has an unknown status \"\(e.status)\"")
            }
            entries[id] = ChecklistEntry(status: status, note: e.note, updated: e.updated ?? file.updated)
        }
        return Checklist(name: file.name, created: file.created, updated: file.updated, revision: file.revision,
                         entries: entries, formatVersion: version)
    }

    /// A decoding failure in a few words: "not valid JSON", "\"revision\" is missing", …
    private static func reason(_ error: Error) -> String {
        func path(_ keys: [CodingKey], _ last: CodingKey? = nil) -> String {
            let all = keys.map(\.stringValue) + (last.map { [$0.stringValue] } ?? [])
            return all.isEmpty ? "the top level" : "\"" + all.joined(separator: ".") + "\""
        }
        switch error as? DecodingError {
        case .dataCorrupted(let c)? where c.codingPath.isEmpty: return "not valid JSON"
        case .dataCorrupted(let c)?: return "\(path(c.codingPath)) is not valid"
        case .keyNotFound(let key, let c)?: return "\(path(c.codingPath, key)) is missing"
        case .valueNotFound(_, let c)?: return "\(path(c.codingPath)) is null"
        case .typeMismatch(let type, let c)?:
            if c.codingPath.isEmpty { return "not a JSON object" }
            let what = type == Int.self ? "a whole number" : type == String.self ? "text" : "an object"
            return "\(path(c.codingPath)) is not \(what)"
        default: return "not valid JSON"
        }
    }
}
