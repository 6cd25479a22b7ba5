import CNcurses
import RCPUI

/// What `wget_wch` returned, before it is told apart: a character (status `OK`), a key code (`KEY_CODE_YES`),
/// or nothing within the wait (`ERR`).
enum RawInput: Equatable {
    case character(UInt32)
    case keyCode(Int32)
    case timeout

    init?(status: Int32, code: UInt32) {
        switch status {
        case OK: self = .character(code)
        case KEY_CODE_YES: self = .keyCode(Int32(bitPattern: code))
        default: return nil
        }
    }
}

/// Completes what curses leaves undone: escape sequences its terminfo entry does not list arrive as Esc followed
/// by plain characters ("ESC [ 1 ~", PuTTY's Home under TERM=xterm-256color), and read one by one they would
/// be Esc (cancel, close the note editor) and then typed text. This parser reads every CSI sequence
/// (`ESC [` parameters, intermediates, a final byte 0x40–0x7E) and SS3 sequence (`ESC O x`) whole, turns the
/// ones keyboards send into keys whatever terminfo says, and throws the rest away.
///
/// - Home: `ESC[1~` `ESC[7~` `ESC[H` `ESC O H`; End: `ESC[4~` `ESC[8~` `ESC[F` `ESC O F` (xterm, rxvt, PuTTY,
///   the Linux console, tmux, screen); arrows, PgUp/PgDn, Delete, Shift-Tab, F1–F12 (also the Linux console's
///   `ESC[[A`…`ESC[[E`), the keypad in application mode (`ESC O p`… as digits, `ESC O M` as Enter). Modifiers
///   (`ESC[1;5C`, rxvt's `ESC[7^`, `ESC[a`) are dropped: the key arrives plain.
/// - Alt-x (Esc and another key within the escape delay and `escapeWaitMilliseconds`) is ignored: nothing in
///   rcpx is bound to Alt, and read as Esc then x it would cancel whatever was open.
///   Alt with a function key (`ESC ESC [ A`) is that key.
/// - A lone Esc (nothing after it within the wait) is Esc.
///
/// Pure: fed one `RawInput` at a time, it returns the input decoded so far; `pendingWait` says how long the
/// caller should wait for the next byte of an unfinished sequence (then feed `.timeout`).
struct EscapeSequenceParser {
    private enum State: Equatable {
        case idle
        /// Esc read; `alt`: it followed another Esc.
        case escape(alt: Bool)
        /// Inside `ESC [`: the bytes after the bracket so far.
        case csi([UInt32])
        /// Inside `ESC O`: parameter digits so far.
        case ss3([UInt32])
        /// `ESC [ [`: the Linux console's F1–F5; one letter follows.
        case linuxFunction
    }

    private var state = State.idle
    /// Whether a locale decodes UTF-8 (see `TerminalKeys.decodeCharacter`).
    var utf8: Bool

    /// Longest wait for the next byte inside a sequence (a slow link may split one).
    static let sequenceWaitMilliseconds: Int32 = 50
    /// A sequence longer than this is not from a keyboard: dropped as soon as it is that long.
    static let maximumLength = 32

    init(utf8: Bool = true) { self.utf8 = utf8 }

    /// How long to wait after an Esc for what may follow it. Curses has already waited its own escape delay
    /// (25 ms) before handing the Esc over, so this only catches the rest of a sequence a busy machine or a
    /// slow link delivered late (read as Esc and letters, it would cancel what was open).
    static let escapeWaitMilliseconds: Int32 = 25

    /// Nil when no sequence is open; else the milliseconds to wait for its next byte before feeding `.timeout`.
    var pendingWait: Int32? {
        switch state {
        case .idle: return nil
        case .escape: return Self.escapeWaitMilliseconds
        case .csi, .ss3, .linuxFunction: return Self.sequenceWaitMilliseconds
        }
    }

    var isPending: Bool { state != .idle }

    /// Feeds one input; returns the decoded input it completes (often none, while a sequence is open).
    mutating func feed(_ input: RawInput) -> [TerminalInput] {
        switch state {
        case .idle:
            switch input {
            case .timeout: return []
            case .keyCode(let k): return [TerminalKeys.decodeKeyCode(k)]
            case .character(27):
                state = .escape(alt: false)
                return []
            case .character(let c): return [TerminalKeys.decodeCharacter(c, utf8: utf8)]
            }

        case .escape(let alt):
            switch input {
            case .timeout:
                state = .idle
                return [.event(.key(.escape))]
            case .keyCode(let k):
                // Alt with a key curses recognised (or a resize or a mouse report): the key.
                state = .idle
                return [TerminalKeys.decodeKeyCode(k)]
            case .character(UInt32(UInt8(ascii: "["))):
                state = .csi([])
                return []
            case .character(UInt32(UInt8(ascii: "O"))):
                state = .ss3([])
                return []
            case .character(27):
                if alt {
                    // Three Escs: the first was a key of its own.
                    state = .escape(alt: true)
                    return [.event(.key(.escape))]
                }
                state = .escape(alt: true)
                return []
            case .character(let c):
                state = .idle
                // Alt-Ctrl-C and Alt-Ctrl-Z still interrupt and suspend; any other Alt chord is ignored.
                let plain = TerminalKeys.decodeCharacter(c, utf8: utf8)
                return plain == .interrupt || plain == .suspend ? [plain] : [.ignored]
            }

        case .csi(let bytes):
            guard case .character(let c) = input else {
                // Cut short (a timeout, or a key curses decoded): the partial sequence is dropped.
                state = .idle
                if case .keyCode(let k) = input { return [TerminalKeys.decodeKeyCode(k)] }
                return [.ignored]
            }
            if bytes.isEmpty && c == UInt32(UInt8(ascii: "[")) {
                state = .linuxFunction
                return []
            }
            switch c {
            case 0x20...0x3F:
                // Parameter (0x30–0x3F) and intermediate (0x20–0x2F) bytes. rxvt ends modified keys with "$"
                // (an intermediate byte by the standard): taken as final after a digit.
                if c == UInt32(UInt8(ascii: "$")), let last = bytes.last, (0x30...0x39).contains(last) {
                    state = .idle
                    return [Self.csiKey(bytes, final: c)]
                }
                if bytes.count + 1 >= Self.maximumLength {
                    state = .idle
                    return [.ignored]
                }
                state = .csi(bytes + [c])
                return []
            case 0x40...0x7E:
                state = .idle
                return [Self.csiKey(bytes, final: c)]
            default:
                // A control or a non-ASCII character inside a sequence: not a key. Drop the sequence; an Esc
                // starts a new one, anything else is read on its own.
                state = .idle
                return [.ignored] + feed(input)
            }

        case .ss3(let digits):
            guard case .character(let c) = input else {
                state = .idle
                if case .keyCode(let k) = input { return [TerminalKeys.decodeKeyCode(k)] }
                return [.ignored]
            }
            if (0x30...0x3B).contains(c) && digits.count < 8 {
                state = .ss3(digits + [c])
                return []
            }
            state = .idle
            if (0x40...0x7E).contains(c) { return [Self.ss3Key(c)] }
            return [.ignored] + feed(input)

        case .linuxFunction:
            state = .idle
            guard case .character(let c) = input else {
                if case .keyCode(let k) = input { return [TerminalKeys.decodeKeyCode(k)] }
                return [.ignored]
            }
            if (UInt32(UInt8(ascii: "A"))...UInt32(UInt8(ascii: "E"))).contains(c) {
                return [.event(.key(.function(Int(c) - 0x40)))]
            }
            return [.ignored]
        }
    }

    /// The key of a CSI sequence: `bytes` between `ESC [` and the final byte.
    static func csiKey(_ bytes: [UInt32], final: UInt32) -> TerminalInput {
        let text = String(decoding: bytes.map { UInt8(truncatingIfNeeded: $0) }, as: UTF8.self)
        // Private parameters ("<" of SGR mouse reports, "?" of replies) are never keys.
        if let first = text.first, "<=>?".contains(first) { return .ignored }
        let parameters = text.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        let first = parameters.first.flatMap { $0 }
        switch Character(Unicode.Scalar(UInt8(final))) {
        case "A", "a": return .event(.key(.up))
        case "B", "b": return .event(.key(.down))
        case "C", "c": return .event(.key(.right))
        case "D", "d": return .event(.key(.left))
        case "H": return .event(.key(.home))
        case "F": return .event(.key(.end))
        case "Z": return .event(.key(.backTab))
        case "P": return .event(.key(.function(1)))
        case "Q": return .event(.key(.function(2)))
        case "R" where first == 1: return .event(.key(.function(3)))  // ESC[1;2R; ESC[row;colR is a cursor report
        case "S": return .event(.key(.function(4)))
        case "~", "$", "^", "@":
            switch first {
            case 1, 7: return .event(.key(.home))
            case 4, 8: return .event(.key(.end))
            case 3: return .event(.key(.delete))
            case 5: return .event(.key(.pageUp))
            case 6: return .event(.key(.pageDown))
            case let n? where (11...15).contains(n): return .event(.key(.function(n - 10)))
            case let n? where (17...21).contains(n): return .event(.key(.function(n - 11)))
            case let n? where (23...24).contains(n): return .event(.key(.function(n - 12)))
            default: return .ignored  // Insert (2), bracketed paste (200, 201), F13 and beyond
            }
        default:
            return .ignored  // focus reports (I, O), cursor reports, anything else
        }
    }

    /// The key of an SS3 sequence `ESC O x`.
    static func ss3Key(_ final: UInt32) -> TerminalInput {
        switch Character(Unicode.Scalar(UInt8(final))) {
        case "A", "a": return .event(.key(.up))  // lower case: rxvt's Ctrl-arrows
        case "B", "b": return .event(.key(.down))
        case "C", "c": return .event(.key(.right))
        case "D", "d": return .event(.key(.left))
        case "H": return .event(.key(.home))
        case "F": return .event(.key(.end))
        case "P": return .event(.key(.function(1)))
        case "Q": return .event(.key(.function(2)))
        case "R": return .event(.key(.function(3)))
        case "S": return .event(.key(.function(4)))
        case "M": return .event(.key(.enter))
        // The keypad in application mode: "p"…"y" are 0…9, then * + , - . /
        case let c where ("p"..."y").contains(c):
            return .event(.key(.character(Character(Unicode.Scalar(UInt8(final) - 0x40)))))
        case "j": return .event(.key(.character("*")))
        case "k": return .event(.key(.character("+")))
        case "l": return .event(.key(.character(",")))
        case "m": return .event(.key(.character("-")))
        case "n": return .event(.key(.character(".")))
        case "o": return .event(.key(.character("/")))
        default: return .ignored
        }
    }
}
