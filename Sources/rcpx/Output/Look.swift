import RCPCore
import RCPUI

/// How text output looks: its width, whether it is coloured, whether it is ASCII only.
///
/// Colour only emphasises: every coloured word reads the same without it. Data strings go through `text(_:)`
/// before layout, so `--ascii` transliteration happens before columns are measured.
struct Look {
    var width: Int
    var color: Bool
    var ascii: Bool

    static let plain = Look(width: 80, color: false, ascii: false)

    /// The look for the options and the environment: colour only on a terminal, unless `--no-color` or a
    /// non-empty `NO_COLOR`, or `TERM=dumb`; width 80, or the terminal's when it is narrower.
    static func forOutput(noColor: Bool, ascii: Bool) -> Look {
        let terminal = Console.stdoutIsTerminal
        var color = terminal && !noColor
        if let value = Console.environment("NO_COLOR"), !value.isEmpty { color = false }
        if Console.environment("TERM") == "dumb" { color = false }
        var width = 80
        if let columns = Console.terminalColumns(), columns < width { width = max(40, columns) }
        return Look(width: width, color: color, ascii: ascii)
    }

    var symbols: Symbols { Symbols(ascii: ascii) }

    /// A data string as it will be shown: control characters made visible (`DisplayText.safe`), so that a
    /// data file cannot drive the terminal even in a styled answer; transliterated with `--ascii`.
    func text(_ s: String) -> String {
        let shown = DisplayText.safe(s)
        return ascii ? ASCIIFold.fold(shown) : shown
    }

    /// A party's name as shown: its own ASCII form with `--ascii` when the data gives one.
    func name(_ party: Party) -> String {
        text(ascii ? (party.asciiName ?? party.name) : party.name)
    }

    func bold(_ s: String) -> String { sgr("1", s) }
    func dim(_ s: String) -> String { sgr("2", s) }
    /// Names of records.
    func accent(_ s: String) -> String { sgr("36", s) }
    /// Leadership roles.
    func strong(_ s: String) -> String { sgr("1;33", s) }

    private func sgr(_ code: String, _ s: String) -> String {
        color && !s.isEmpty ? "\u{1B}[" + code + "m" + s + "\u{1B}[0m" : s
    }

    /// The last step before writing: no-break spaces (used to keep words together while wrapping) become
    /// spaces, and with `--ascii` everything is transliterated, so no byte above 0x7F escapes.
    func finish(_ s: String) -> String {
        let spaced = s.contains("\u{00A0}") ? String(s.map { $0 == "\u{00A0}" ? " " : $0 }) : s
        return ascii ? ASCIIFold.fold(spaced) : spaced
    }

    /// `s` with its spaces made no-break, so wrapping keeps it on one line ("CIS Conf.").
    static func together(_ s: String) -> String { String(s.map { $0 == " " ? "\u{00A0}" : $0 }) }

    /// Columns of `s`, ignoring colour escapes.
    static func columns(_ s: String) -> Int {
        guard s.utf8.contains(0x1B) else { return TextWidth.of(s) }
        return TextWidth.of(stripEscapes(s))
    }

    static func stripEscapes(_ s: String) -> String {
        var out = ""
        var inEscape = false
        for c in s.unicodeScalars {
            if inEscape {
                if c.value >= 0x40 && c.value <= 0x7E && c != "[" { inEscape = false }
                continue
            }
            if c == "\u{1B}" { inEscape = true; continue }
            out.unicodeScalars.append(c)
        }
        return out
    }
}
