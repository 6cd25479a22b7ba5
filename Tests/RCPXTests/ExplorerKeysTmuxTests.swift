import Foundation
import RCPTestSupport
import Testing

/// Keys the way real terminals send them (issue 10, items 5 and 18), end to end in tmux with
/// TERM=xterm-256color, whose terminfo lists Home as `ESC O H`: PuTTY's, the Linux console's, screen's and
/// rxvt's Home and End (`ESC[1~`, `ESC[4~`, `ESC[7~`, `ESC[8~`) are then unknown to curses.
@Suite(.serialized) struct ExplorerKeysTmuxTests {
    /// The explorer under TERM=xterm-256color (set by `env`: tmux gives a pane its own TERM).
    static let command = "exec env TERM=xterm-256color \(ExplorerTmuxTests.binary)"

    /// Sends raw bytes to the pane (as a terminal would), given in hex.
    static func sendBytes(_ session: TmuxSession, _ hex: String) throws {
        try TmuxSession.tmux(["send-keys", "-t", session.name, "-H"] + hex.split(separator: " ").map(String.init))
    }

    static let puttyHome = "1b 5b 31 7e", puttyEnd = "1b 5b 34 7e", rxvtHome = "1b 5b 37 7e", rxvtEnd = "1b 5b 38 7e"

    /// For each step, a key as raw bytes (hex), then text typed after it.
    static func keysThenText(_ session: TmuxSession, _ steps: [(key: String, text: String)]) throws {
        for (key, text) in steps {
            try sendBytes(session, key)
            try session.send(text, literal: true)
        }
    }

    /// The explorer in a new 80×24 session, once it shows its first screen.
    static func startExplorer() throws -> TmuxSession {
        try ExplorerTmuxTests.requireTmux()
        let session = try TmuxSession(command: command, width: 80, height: 24)
        try #require(
            ExplorerTmuxTests.showsFirstScreen(
                try session.waitFor(timeout: ExplorerTmuxTests.patience) {
                    ExplorerTmuxTests.showsFirstScreen($0)
                }))
        return session
    }

    @Test func homeAndEndInTheSearchBoxMoveTheCaret() throws {
        let session = try Self.startExplorer()
        try session.send("/")
        try session.send("traffick", literal: true)
        try session.waitFor(timeout: ExplorerTmuxTests.patience) { $0.contains("traffick") }
        // Before: Esc (the search cancelled), "[" (back), "1" (the tree), "~"; the X typed nowhere.
        try Self.keysThenText(
            session, [(Self.puttyHome, "X"), (Self.rxvtEnd, "Y"), (Self.rxvtHome, "W"), (Self.puttyEnd, "Z")])
        let screen = try session.waitFor(timeout: ExplorerTmuxTests.patience) { $0.contains("WXtraffickYZ") }
        #expect(screen.contains("WXtraffickYZ"), "the search box lost its text or the keys:\n\(screen)")
        // Esc, and only once it has been read, q (sent within the escape delay they would be Alt-q).
        try session.send("Escape")
        try session.waitFor(timeout: ExplorerTmuxTests.patience) { !$0.contains("WXtraffickYZ") }
        try session.send("q")
        #expect(try ExplorerTmuxTests.waitUntilDead(session).dead)
    }

    @Test func homeInTheNoteEditorKeepsTheNote() throws {
        try ExplorerTmuxTests.requireTmux()
        let home = URL(fileURLWithPath: try makeScratchDirectory("rcpx-keys"))
        defer { try? FileManager.default.removeItem(at: home) }
        let session = try TmuxSession(
            command: Self.command + " --checklist keys", width: 100, height: 30,
            environment: ["XDG_DATA_HOME": home.path])
        try session.waitFor(timeout: ExplorerTmuxTests.patience) { $0.contains("Budapest") }
        try session.send("4")
        try session.waitFor(timeout: ExplorerTmuxTests.patience) { $0.contains("assessed") }
        try session.send("e")
        try session.waitFor(timeout: ExplorerTmuxTests.patience) { $0.lowercased().contains("note") }
        try session.send("border", literal: true)
        try session.waitFor(timeout: ExplorerTmuxTests.patience) { $0.contains("border") }
        try Self.keysThenText(session, [(Self.puttyHome, "open "), (Self.puttyEnd, " posts")])
        let editing = try session.waitFor(timeout: ExplorerTmuxTests.patience) { $0.contains("open border posts") }
        #expect(editing.contains("open border posts"), "the note editor closed or lost the text:\n\(editing)")
        try session.send("Enter")
        try session.send("q")
        #expect(try ExplorerTmuxTests.waitUntilDead(session).dead)
        let export = try runRcpx(
            ["checklist", "export", "keys", "--format", "csv"], environment: ["XDG_DATA_HOME": home.path])
        #expect(export.stdout.contains("open border posts"), "the note was not saved: \(export.stdout)")
    }

    @Test func ctrlLRepaintsWhatSomethingElseWroteOver() throws {
        let session = try Self.startExplorer()
        // What `wall` does: another process writes to the terminal.
        let tty = try TmuxSession.tmux(["display-message", "-p", "-t", session.name, "#{pane_tty}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let handle = try #require(FileHandle(forWritingAtPath: tty), "cannot open \(tty)")
        handle.write(Data("\u{1B}[5;5HBROADCAST MESSAGE FROM ROOT".utf8))
        try handle.close()
        let overwritten = try session.waitFor(timeout: ExplorerTmuxTests.patience) { $0.contains("BROADCAST MESSAGE") }
        try #require(overwritten.contains("BROADCAST MESSAGE"), "the message did not reach the pane")
        try session.send("C-l")
        let repainted = try session.waitFor(timeout: ExplorerTmuxTests.patience) {
            !$0.contains("BROADCAST MESSAGE") && ExplorerTmuxTests.showsFirstScreen($0)
        }
        #expect(!repainted.contains("BROADCAST MESSAGE"), "Ctrl-L did not repaint:\n\(repainted)")
        #expect(ExplorerTmuxTests.showsFirstScreen(repainted), "\(repainted)")
        try session.send("q")
        #expect(try ExplorerTmuxTests.waitUntilDead(session).dead)
    }
}
