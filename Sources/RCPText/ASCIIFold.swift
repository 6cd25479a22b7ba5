import RCPCore

/// Transliteration to ASCII for terminals without UTF-8 (`--ascii`): keeps case, folds Latin diacritics with
/// the same table as search ("Söderköping" → "Soderkoping"), and replaces typographic punctuation ("’" → "'",
/// "–" → "-", "…" → "..."). Anything else that is not ASCII becomes "?".
public enum ASCIIFold {
    public static func fold(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return s }
        var out = ""
        for c in s { out += fold(c) }
        return out
    }

    public static func fold(_ c: Character) -> String {
        if c.isASCII { return String(c) }
        if let p = punctuation[c] { return p }
        let v = c.unicodeScalars.first!.value
        if let special = multiLetter[c] { return special }
        if v >= 0xC0 && v < 0x250 || v == 0x218 || v == 0x219 || v == 0x21A || v == 0x21B {
            let folded = normalizeForSearch(String(c))
            if let f = folded.first, f.isASCII, f != " " {
                return c.isUppercase ? f.uppercased() : String(f)
            }
        }
        if TextWidth.of(c) == 0 { return "" }
        if c.isWhitespace { return " " }
        return "?"
    }

    private static let multiLetter: [Character: String] = [
        "Æ": "AE", "æ": "ae", "ß": "ss", "Œ": "OE", "œ": "oe", "Þ": "Th", "þ": "th", "Ĳ": "IJ", "ĳ": "ij",
    ]

    private static let punctuation: [Character: String] = [
        "’": "'", "‘": "'", "‚": ",", "′": "'", "“": "\"", "”": "\"", "„": "\"", "«": "\"", "»": "\"",
        "–": "-", "—": "-", "‑": "-", "−": "-", "…": "...", "•": "*", "◦": "o", "·": ".", "×": "x",
        "\u{00A0}": " ", "\u{2009}": " ", "\u{202F}": " ", "°": "o", "§": "S", "¶": "P", "€": "EUR",
        "→": "->", "←": "<-", "↑": "^", "↓": "v", "▸": ">", "▾": "v", "▶": ">", "▼": "v", "✓": "+",
        "✗": "x", "●": "M", "○": "i", "◇": "o", "★": "*", "☆": "v", "◆": "p", "■": "S", "│": "|", "─": "-",
    ]
}
