/// Text as it may be shown to a person: counted nouns with the right plural, and strings from users or files
/// with their control characters made visible so that no input can drive a terminal.
public enum DisplayText {
    /// "1 process", "2 processes", "0 processes". `plural` defaults to `singular + "s"`.
    public static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) \(n == 1 ? singular : (plural ?? singular + "s"))"
    }

    /// The noun alone, chosen for `n`.
    public static func noun(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        n == 1 ? singular : (plural ?? singular + "s")
    }

    /// `text` with every C0/C1 control character and DEL replaced by a visible escape (`\e`, `\n`, `\t`,
    /// `\u{9b}`, …), so that text from an argument, a data file or a checklist can be printed to a terminal.
    public static func safe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        return replacingScalars(in: text) { s in
            guard isControl(s) else { return nil }
            switch s.value {
            case 0x1B: return "\\e"
            case 0x0A: return "\\n"
            case 0x0D: return "\\r"
            case 0x09: return "\\t"
            default: return "\\u{" + String(s.value, radix: 16) + "}"
            }
        }
    }

    /// `text` with each Unicode scalar for which `replacement` gives a string replaced by that string, the
    /// others kept: the one loop behind `safe`, `markup` and JSON's string literals (`JSONOut.quote`).
    public static func replacingScalars(in text: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 8)
        for s in text.unicodeScalars {
            if let r = replacement(s) { out += r } else { out.unicodeScalars.append(s) }
        }
        return out
    }

    /// `safe(text)` cut to at most `limit` characters, marked with "…" (or "~" in ASCII) when cut and followed
    /// by how long the whole was: for echoing user input in a message.
    public static func excerpt(_ text: String, limit: Int = 60, ascii: Bool = false) -> String {
        let shown = safe(text)
        guard shown.count > limit else { return shown }
        return String(shown.prefix(max(1, limit - 1))) + (ascii ? "~" : "…") + " (\(text.count) characters)"
    }

    /// Text for HTML and XML (reports, SVG maps and time lines): `& < > " '` escaped, line breaks and tabs kept, every other control character shown as a
    /// visible escape (`\e`, `\u{7}`), which HTML could not carry.
    public static func markup(_ s: String) -> String {
        replacingScalars(in: s) { u in
            switch u {
            case "&": return "&amp;"
            case "<": return "&lt;"
            case ">": return "&gt;"
            case "\"": return "&quot;"
            case "'": return "&#39;"
            case "\n", "\t": return nil
            case "\r": return ""
            default:
                return isControl(u) || u.value == 0xFFFE || u.value == 0xFFFF ? safe(String(u)) : nil
            }
        }
    }

    /// True for C0 controls, DEL and C1 controls.
    public static func isControl(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || (s.value >= 0x7F && s.value < 0xA0)
    }
}
