import CNcurses
import RCPTestSupport
import RCPUI
import Testing

@testable import rcpx

/// Escape sequences read whole, whatever terminfo lists (issue 10, item 5): the byte sequences of xterm,
/// rxvt, PuTTY, the Linux console, tmux and screen, as they arrive when curses does not recognise them.
@Suite struct EscapeSequenceTests {
    /// The input decoded from `bytes` (each a character from `wget_wch`), then a pause.
    func parse(_ bytes: String) -> [TerminalInput] {
        var parser = EscapeSequenceParser()
        var out: [TerminalInput] = []
        for s in bytes.unicodeScalars { out += parser.feed(.character(s.value)) }
        out += parser.feed(.timeout)
        #expect(!parser.isPending)
        return out.filter { $0 != .ignored }
    }

    func keys(_ keys: Key...) -> [TerminalInput] { keys.map { .event(.key($0)) } }

    static let esc = "\u{1B}"

    @Test(
        arguments: [
            // xterm (normal and application cursor mode)
            ("xterm", "\u{1B}[H", Key.home), ("xterm", "\u{1B}[F", .end), ("xterm", "\u{1B}OH", .home),
            ("xterm", "\u{1B}OF", .end),
            ("xterm", "\u{1B}[A", .up), ("xterm", "\u{1B}OB", .down), ("xterm", "\u{1B}[1;5C", .right),
            ("xterm", "\u{1B}[1;2D", .left),
            ("xterm", "\u{1B}[5~", .pageUp), ("xterm", "\u{1B}[6~", .pageDown), ("xterm", "\u{1B}[3~", .delete),
            ("xterm", "\u{1B}[Z", .backTab), ("xterm", "\u{1B}OP", .function(1)), ("xterm", "\u{1B}[15~", .function(5)),
            ("xterm", "\u{1B}[24~", .function(12)), ("xterm", "\u{1B}[1;5H", .home),
            // rxvt
            ("rxvt", "\u{1B}[7~", .home), ("rxvt", "\u{1B}[8~", .end), ("rxvt", "\u{1B}[11~", .function(1)),
            ("rxvt", "\u{1B}[a", .up), ("rxvt", "\u{1B}[7$", .home), ("rxvt", "\u{1B}[8^", .end),
            ("rxvt", "\u{1B}Od", .left),
            // PuTTY
            ("PuTTY", "\u{1B}[1~", .home), ("PuTTY", "\u{1B}[4~", .end), ("PuTTY", "\u{1B}[11~", .function(1)),
            ("PuTTY", "\u{1B}[2~", nil as Key?),
            // the Linux console
            ("linux", "\u{1B}[1~", .home), ("linux", "\u{1B}[4~", .end), ("linux", "\u{1B}[[A", .function(1)),
            ("linux", "\u{1B}[[E", .function(5)), ("linux", "\u{1B}[3~", .delete),
            ("linux", "\u{1B}[17~", .function(6)),
            // tmux and screen (TERM=screen / tmux: Home and End as VT220 keys, cursor keys in application mode)
            ("tmux", "\u{1B}[1~", .home), ("tmux", "\u{1B}[4~", .end), ("tmux", "\u{1B}OA", .up),
            ("tmux", "\u{1B}OP", .function(1)),
            ("screen", "\u{1B}[1~", .home), ("screen", "\u{1B}[4~", .end), ("screen", "\u{1B}OC", .right),
            // the keypad in application mode
            ("xterm", "\u{1B}OM", .enter), ("xterm", "\u{1B}Op", .character("0")),
            ("xterm", "\u{1B}Oy", .character("9")),
            ("xterm", "\u{1B}Ok", .character("+")),
        ] as [(String, String, Key?)])
    func aSequenceIsOneKey(terminal: String, bytes: String, key: Key?) {
        #expect(parse(bytes) == (key.map { keys($0) } ?? []), "\(terminal) \(bytes.debugDescription)")
    }

    @Test func homeAndEndNeverCancel() {
        // The bug: ESC [ 1 ~ read as Esc, "[", "1", "~". Now one Home, and no Esc anywhere.
        for bytes in [
            "\u{1B}[1~", "\u{1B}[4~", "\u{1B}[7~", "\u{1B}[8~", "\u{1B}[H", "\u{1B}[F", "\u{1B}OH", "\u{1B}OF",
        ] {
            let out = parse(bytes)
            #expect(out.count == 1, "\(bytes.debugDescription): \(out)")
            #expect(!out.contains(.event(.key(.escape))))
            #expect(
                !out.contains {
                    if case .event(.key(.character)) = $0 { return true }; return false
                })
        }
    }

    @Test func unknownSequencesAreThrownAway() {
        for bytes in [
            "\u{1B}[200~", "\u{1B}[201~", "\u{1B}[I", "\u{1B}[O", "\u{1B}[<0;12;5M", "\u{1B}[<0;12;5m",
            "\u{1B}[?1;2c", "\u{1B}[12;40R", "\u{1B}[99~", "\u{1B}[2~", "\u{1B}[1;2;3;4;5;6;7X", "\u{1B}OX",
        ] {
            #expect(parse(bytes).isEmpty, "\(bytes.debugDescription): \(parse(bytes))")
        }
        // A sequence without end is dropped after a bounded length, and what follows is read normally.
        let long = "\u{1B}[" + String(repeating: "1;", count: 40) + "q"
        #expect(!parse(long).contains(.event(.key(.escape))))
    }

    @Test func aLoneEscIsEsc() {
        #expect(parse("\u{1B}") == keys(.escape))
        var parser = EscapeSequenceParser()
        #expect(parser.feed(.character(27)).isEmpty)
        #expect(parser.pendingWait == EscapeSequenceParser.escapeWaitMilliseconds)
        #expect(parser.feed(.timeout) == keys(.escape))
        // Esc, a pause, then a key: two keys.
        #expect(parser.feed(.character(27)).isEmpty)
        #expect(parser.feed(.timeout) == keys(.escape))
        #expect(parser.feed(.character(UInt32(UInt8(ascii: "q")))) == keys(.character("q")))
    }

    @Test func altChordsAreIgnoredNotEscThenAKey() {
        #expect(parse("\u{1B}x") == [])
        #expect(parse("\u{1B}b") == [])
        #expect(parse("\u{1B}\u{7F}") == [], "Alt-Backspace")
        #expect(parse("\u{1B}ö") == [])
        // Alt with a function key is the key.
        #expect(parse("\u{1B}\u{1B}[A") == keys(.up))
        #expect(parse("\u{1B}\u{1B}OH") == keys(.home))
        // Alt-Ctrl-C still interrupts.
        #expect(parse("\u{1B}\u{03}") == [.interrupt])
    }

    @Test func keyCodesPassThroughAndEndAnOpenSequence() {
        var parser = EscapeSequenceParser()
        #expect(parser.feed(.keyCode(KEY_HOME)) == keys(.home))
        #expect(parser.feed(.character(27)).isEmpty)
        #expect(parser.feed(.keyCode(KEY_UP)) == keys(.up))
        #expect(!parser.isPending)
        #expect(parser.feed(.keyCode(KEY_RESIZE)) == [.resize])
    }

    @Test func textAroundSequencesIsKept() {
        #expect(parse("a\u{1B}[1~b") == keys(.character("a"), .home, .character("b")))
        #expect(parse("\u{1B}[1~\u{1B}[4~") == keys(.home, .end))
        #expect(parse("\u{1B}[1\u{1B}[4~") == keys(.end), "a sequence cut by another Esc is dropped")
        #expect(parse("\u{1B}[1;5Cx") == keys(.right, .character("x")))
    }

    @Test func ctrlLRepaints() {
        #expect(parse("\u{0C}") == [.repaint])
        #expect(TerminalKeys.decode(status: OK, code: 12) == .repaint)
    }
}
