/// The one JSON writer of rcpx: every JSON answer of the command line, the checklist files and the
/// checklist exports are written with it. A value to write, with the keys of an object in the order given (so
/// output is stable and reads in a sensible order — Foundation's serializer would sort or shuffle them).
/// Reading JSON is `JSON.parse` (JSON.swift).
public indirect enum JSONOut: Sendable {
    case null
    case bool(Bool)
    case int(Int)
    /// Written as a whole number when it is one (below 10^15), else in Swift's shortest form; `null` when
    /// not finite (JSON has no infinity).
    case number(Double)
    case string(String)
    case array([JSONOut])
    case object([(String, JSONOut)])

    public static func string(_ s: String?) -> JSONOut { s.map { .string($0) } ?? .null }
    public static func int(_ n: Int?) -> JSONOut { n.map { .int($0) } ?? .null }
    public static func strings(_ list: [String]) -> JSONOut { .array(list.map { .string($0) }) }

    /// A parsed value to write back, its members in their order.
    public init(_ value: JSONValue) {
        switch value {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .number(let d): self = .number(d)
        case .string(let s): self = .string(s)
        case .array(let items): self = .array(items.map(JSONOut.init))
        case .object(let members): self = .object(members.map { ($0.key, JSONOut($0.value)) })
        }
    }

    /// Pretty-printed with two spaces, ending with a newline. With `asciiOnly`, every character above U+007F
    /// is written as a `\u` escape (a surrogate pair above U+FFFF), so the bytes are ASCII and the data is intact.
    public func rendered(asciiOnly: Bool = false) -> String {
        var out = ""
        write(into: &out, .indented(depth: 0), asciiOnly: asciiOnly)
        out += "\n"
        return out
    }

    /// On one line, without a final newline: `{"name": "Mali", "revision": 3}`, for lists of one-line
    /// records; with `spaced` false, without the space after each colon and comma (`{"name":"Mali"}`), the
    /// smallest form.
    public func renderedOnOneLine(asciiOnly: Bool = false, spaced: Bool = true) -> String {
        var out = ""
        write(into: &out, .oneLine(spaced: spaced), asciiOnly: asciiOnly)
        return out
    }

    /// Where a value goes: on indented lines at a depth, or all on one line.
    private enum Layout {
        case indented(depth: Int)
        case oneLine(spaced: Bool)

        /// The layout of the values inside a list or object written in this one.
        var inner: Layout {
            if case .indented(let depth) = self { return .indented(depth: depth + 1) }
            return self
        }
    }

    private func write(into out: inout String, _ layout: Layout, asciiOnly: Bool) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let n): out += String(n)
        case .number(let d):
            if !d.isFinite {
                out += "null"
            } else if d == d.rounded() && abs(d) < 1e15 {
                out += String(Int(d))
            } else {
                out += String(d)
            }
        case .string(let s): JSONOut.quote(s, into: &out, asciiOnly: asciiOnly)
        case .array(let items):
            JSONOut.writeList(items, open: "[", close: "]", into: &out, layout) { item, out in
                item.write(into: &out, layout.inner, asciiOnly: asciiOnly)
            }
        case .object(let members):
            JSONOut.writeList(members, open: "{", close: "}", into: &out, layout) { member, out in
                JSONOut.quote(member.0, into: &out, asciiOnly: asciiOnly)
                if case .oneLine(spaced: false) = layout { out += ":" } else { out += ": " }
                member.1.write(into: &out, layout.inner, asciiOnly: asciiOnly)
            }
        }
    }

    /// The brackets around `elements`, each written by `element`: one per indented line, or all on one line.
    private static func writeList<Element>(
        _ elements: [Element], open: String, close: String,
        into out: inout String, _ layout: Layout,
        element: (Element, inout String) -> Void
    ) {
        if elements.isEmpty { out += open + close; return }
        switch layout {
        case .oneLine(let spaced):
            out += open
            for (i, e) in elements.enumerated() {
                if i > 0 { out += spaced ? ", " : "," }
                element(e, &out)
            }
            out += close
        case .indented(let depth):
            out += open + "\n"
            for (i, e) in elements.enumerated() {
                out += String(repeating: "  ", count: depth + 1)
                element(e, &out)
                out += i == elements.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: "  ", count: depth) + close
        }
    }

    /// `s` as a JSON string literal (see `quote(_:into:asciiOnly:)`).
    public static func quoted(_ s: String, asciiOnly: Bool = false) -> String {
        var out = ""
        quote(s, into: &out, asciiOnly: asciiOnly)
        return out
    }

    /// A JSON string literal: `"` and `\` escaped, controls (C0, DEL and C1) as short escapes or `\u00XX`;
    /// U+2028 and U+2029 escaped too (they break JavaScript embedding); with `asciiOnly` every scalar above
    /// U+007F as `\uXXXX` (a surrogate pair above U+FFFF).
    public static func quote(_ s: String, into out: inout String, asciiOnly: Bool) {
        out += "\""
        out += DisplayText.replacingScalars(in: s) { scalar in
            switch scalar {
            case "\"": return "\\\""
            case "\\": return "\\\\"
            case "\n": return "\\n"
            case "\r": return "\\r"
            case "\t": return "\\t"
            case "\u{08}": return "\\b"
            case "\u{0C}": return "\\f"
            default:
                let v = scalar.value
                guard DisplayText.isControl(scalar) || v == 0x2028 || v == 0x2029 || (asciiOnly && v > 0x7F) else {
                    return nil
                }
                return String(scalar).utf16.map(unicodeEscape).joined()
            }
        }
        out += "\""
    }

    /// `\u` and four lower-case hex digits.
    private static func unicodeEscape(_ unit: UInt16) -> String {
        let hex = String(unit, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}
