/// A JSON value to write, with the keys of an object in the order given (so output is stable and reads in a
/// sensible order — Foundation's serializer would sort or shuffle them).
indirect enum JSONOut {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONOut])
    case object([(String, JSONOut)])

    static func string(_ s: String?) -> JSONOut { s.map { .string($0) } ?? .null }
    static func int(_ n: Int?) -> JSONOut { n.map { .int($0) } ?? .null }
    static func strings(_ list: [String]) -> JSONOut { .array(list.map { .string($0) }) }

    /// Pretty-printed with two spaces, ending with a newline. With `asciiOnly`, every character above U+007F
    /// is written as a `\u` escape (a surrogate pair above U+FFFF), so the bytes are ASCII and the data is intact.
    func rendered(asciiOnly: Bool = false) -> String {
        var out = ""
        write(into: &out, depth: 0, asciiOnly: asciiOnly)
        out += "\n"
        return out
    }

    private func write(into out: inout String, depth: Int, asciiOnly: Bool) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let n): out += String(n)
        case .string(let s): JSONOut.quote(s, into: &out, asciiOnly: asciiOnly)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "[\n"
            for (i, item) in items.enumerated() {
                JSONOut.indent(&out, depth + 1)
                item.write(into: &out, depth: depth + 1, asciiOnly: asciiOnly)
                out += i == items.count - 1 ? "\n" : ",\n"
            }
            JSONOut.indent(&out, depth)
            out += "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{\n"
            for (i, (key, value)) in members.enumerated() {
                JSONOut.indent(&out, depth + 1)
                JSONOut.quote(key, into: &out, asciiOnly: asciiOnly)
                out += ": "
                value.write(into: &out, depth: depth + 1, asciiOnly: asciiOnly)
                out += i == members.count - 1 ? "\n" : ",\n"
            }
            JSONOut.indent(&out, depth)
            out += "}"
        }
    }

    private static func indent(_ out: inout String, _ depth: Int) {
        out += String(repeating: "  ", count: depth)
    }

    private static let hex: [Character] = Array("0123456789abcdef")

    private static func escape(_ unit: UInt16, into out: inout String) {
        out += "\\u"
        for shift in stride(from: 12, through: 0, by: -4) { out.append(hex[Int((unit >> UInt16(shift)) & 0xF)]) }
    }

    /// A JSON string literal: `"` and `\` escaped, controls (C0, DEL and C1) as short escapes or `\u00XX`; U+2028 and U+2029
    /// escaped too (they break JavaScript embedding).
    static func quote(_ s: String, into out: inout String, asciiOnly: Bool) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                let v = scalar.value
                if v < 0x20 || (v >= 0x7F && v < 0xA0) || v == 0x2028 || v == 0x2029 || (asciiOnly && v > 0x7F) {
                    for unit in String(scalar).utf16 { escape(unit, into: &out) }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
