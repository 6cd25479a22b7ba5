import CNcurses
import Foundation
import RCPTestSupport
import RCPUI
import Testing

@testable import rcpx

/// The pure parts of the terminal backend: key decoding, mouse reports, OSC 52, start-up decisions.
@Suite struct ExplorerBackendTests {
    // MARK: Keys

    func key(_ code: UInt32, utf8: Bool = true) -> TerminalInput {
        TerminalKeys.decode(status: OK, code: code, utf8: utf8)
    }

    func keyCode(_ code: Int32) -> TerminalInput {
        TerminalKeys.decode(status: KEY_CODE_YES, code: UInt32(bitPattern: code))
    }

    @Test func controlCharactersBecomeNamedKeys() {
        #expect(key(10) == .event(.key(.enter)))
        #expect(key(13) == .event(.key(.enter)))
        #expect(key(9) == .event(.key(.tab)))
        #expect(key(27) == .event(.key(.escape)))
        #expect(key(127) == .event(.key(.backspace)))
        #expect(key(8) == .event(.key(.backspace)))
        #expect(key(21) == .event(.key(.ctrl("u"))))
        #expect(key(1) == .event(.key(.ctrl("a"))))
        #expect(key(3) == .interrupt)
        #expect(key(26) == .suspend)
        #expect(key(28) == .ignored)
        #expect(key(0) == .ignored)
    }

    @Test func printableCharactersPassThrough() {
        #expect(key(UInt32(UInt8(ascii: "q"))) == .event(.key(.character("q"))))
        #expect(key(UInt32(UInt8(ascii: " "))) == .event(.key(.character(" "))))
        #expect(key(0xF6) == .event(.key(.character("ö"))))
        #expect(key(0x4E16) == .event(.key(.character("世"))))
        #expect(key(0x85) == .ignored)
        // Without a UTF-8 locale a byte above 0x7F is half of something, not a character.
        #expect(key(0xC3, utf8: false) == .ignored)
        #expect(key(UInt32(UInt8(ascii: "j")), utf8: false) == .event(.key(.character("j"))))
    }

    @Test func keyCodesBecomeKeys() {
        #expect(keyCode(KEY_UP) == .event(.key(.up)))
        #expect(keyCode(KEY_DOWN) == .event(.key(.down)))
        #expect(keyCode(KEY_LEFT) == .event(.key(.left)))
        #expect(keyCode(KEY_RIGHT) == .event(.key(.right)))
        #expect(keyCode(KEY_HOME) == .event(.key(.home)))
        #expect(keyCode(KEY_END) == .event(.key(.end)))
        #expect(keyCode(KEY_PPAGE) == .event(.key(.pageUp)))
        #expect(keyCode(KEY_NPAGE) == .event(.key(.pageDown)))
        #expect(keyCode(KEY_BTAB) == .event(.key(.backTab)))
        #expect(keyCode(KEY_BACKSPACE) == .event(.key(.backspace)))
        #expect(keyCode(KEY_DC) == .event(.key(.delete)))
        #expect(keyCode(KEY_ENTER) == .event(.key(.enter)))
        #expect(keyCode(rcpx_key_f(1)) == .event(.key(.function(1))))
        #expect(keyCode(rcpx_key_f(12)) == .event(.key(.function(12))))
        #expect(keyCode(KEY_RESIZE) == .resize)
        #expect(keyCode(KEY_MOUSE) == .mouse)
        #expect(keyCode(KEY_MAX + 5) == .ignored)
        #expect(TerminalKeys.decode(status: ERR, code: 0) == .ignored)
    }

    @Test func mouseReportsBecomeEvents() {
        var down = false
        func events(_ state: mmask_t, _ x: Int32, _ y: Int32) -> [InputEvent] {
            TerminalKeys.mouseEvents(buttonState: UInt(state), x: x, y: y, buttonDown: &down)
        }
        #expect(events(rcpx_button1_pressed(), 3, 4) == [.mouse(.press, x: 3, y: 4)])
        #expect(down)
        #expect(events(rcpx_button1_released(), 3, 4) == [.mouse(.release, x: 3, y: 4)])
        #expect(!down)
        #expect(events(rcpx_button4_pressed(), 1, 2) == [.mouse(.wheelUp, x: 1, y: 2)])
        #expect(events(rcpx_button5_pressed(), 1, 2) == [.mouse(.wheelDown, x: 1, y: 2)])
        #expect(events(rcpx_button1_clicked(), 5, 6) == [.mouse(.press, x: 5, y: 6), .mouse(.release, x: 5, y: 6)])
        #expect(events(0, 0, 0).isEmpty)
        // A release whose press ncurses swallowed (both in one read) brings its press back.
        #expect(events(rcpx_button1_released(), 7, 8) == [.mouse(.press, x: 7, y: 8), .mouse(.release, x: 7, y: 8)])
    }

    // MARK: Clipboard

    @Test func base64MatchesFoundation() {
        for text in [
            "", "a", "ab", "abc", "abcd", "Söderköping", "Côte d’Ivoire\n世界 ✓", String(repeating: "xyz", count: 100),
        ] {
            #expect(TerminalClipboard.base64(Array(text.utf8)) == Data(text.utf8).base64EncodedString(), "\(text)")
        }
    }

    @Test func osc52Sequence() {
        let plain = TerminalClipboard.sequences(for: "Budapest Process", insideTmux: false)
        #expect(plain == ["\u{1B}]52;c;QnVkYXBlc3QgUHJvY2Vzcw==\u{1B}\\"])
        let tmux = TerminalClipboard.sequences(for: "hi", insideTmux: true)
        #expect(tmux.count == 2)
        #expect(tmux[0] == "\u{1B}]52;c;aGk=\u{1B}\\")
        // Passthrough: every ESC of the inner sequence doubled, wrapped in DCS tmux; … ST.
        #expect(tmux[1] == "\u{1B}Ptmux;\u{1B}\u{1B}]52;c;aGk=\u{1B}\u{1B}\\\u{1B}\\")
    }

    @Test func osc52CutsLongTextAtACharacter() {
        let long = String(repeating: "ö", count: TerminalClipboard.maxBytes)  // two bytes each
        let seq = TerminalClipboard.sequences(for: long, insideTmux: false)[0]
        let payload = seq.dropFirst("\u{1B}]52;c;".count).dropLast(2)
        let decoded = Data(base64Encoded: String(payload))
        #expect(decoded != nil)
        let text = String(data: decoded ?? Data(), encoding: .utf8)
        #expect(text != nil, "cut inside a character")
        #expect((decoded?.count ?? 0) <= TerminalClipboard.maxBytes)
    }

    // MARK: Start-up decisions

    @Test func refusesWithoutATerminal() {
        let known: (String) -> Bool = { $0 == "xterm-256color" || $0 == "dumb" }
        #expect(
            explorerCanStart(
                stdinIsTerminal: true, stdoutIsTerminal: true, term: "xterm-256color",
                probe: known) == nil)
        #expect(
            explorerCanStart(
                stdinIsTerminal: true, stdoutIsTerminal: false, term: "xterm-256color",
                probe: known)?.contains("standard output") == true)
        #expect(
            explorerCanStart(
                stdinIsTerminal: false, stdoutIsTerminal: true, term: "xterm-256color",
                probe: known)?.contains("standard input") == true)
        #expect(
            explorerCanStart(
                stdinIsTerminal: true, stdoutIsTerminal: true, term: nil,
                probe: known)?.contains("TERM is not set") == true)
        #expect(
            explorerCanStart(
                stdinIsTerminal: true, stdoutIsTerminal: true, term: "",
                probe: known)?.contains("TERM is not set") == true)
        #expect(
            explorerCanStart(
                stdinIsTerminal: true, stdoutIsTerminal: true, term: "dumb",
                probe: known)?.contains("dumb") == true)
        #expect(
            explorerCanStart(
                stdinIsTerminal: true, stdoutIsTerminal: true, term: "vt-nonesuch",
                probe: known)?.contains("vt-nonesuch") == true)
    }

    @Test func terminfoProbe() {
        // xterm is in every terminfo installation ncurses ships with; "dumb" cannot move the cursor.
        #expect(rcpx_probe_terminal("xterm", -1) == 1)
        #expect(rcpx_probe_terminal("dumb", -1) == 0)
        #expect(rcpx_probe_terminal("vt-nonesuch-42", -1) == 0)
    }

    @Test func localeFallbackRules() {
        #expect(TerminalLocale.shouldTryCUTF8(requested: nil))
        #expect(TerminalLocale.shouldTryCUTF8(requested: "en_US.UTF-8"))
        #expect(TerminalLocale.shouldTryCUTF8(requested: "de_DE.utf8"))
        #expect(!TerminalLocale.shouldTryCUTF8(requested: "C"))
        #expect(!TerminalLocale.shouldTryCUTF8(requested: "POSIX"))
        #expect(!TerminalLocale.shouldTryCUTF8(requested: "en_US.ISO-8859-1"))
        let env = ["LC_ALL": "", "LC_CTYPE": "fr_FR.UTF-8", "LANG": "C"]
        #expect(TerminalLocale.requestedLocale { env[$0] } == "fr_FR.UTF-8")
        #expect(TerminalLocale.requestedLocale { _ in nil } == nil)
    }
}
