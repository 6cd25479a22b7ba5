import Foundation
import RCPTestSupport
import Testing

@testable import rcpx

/// A TERM this system does not know (issue 10, item 17): drawn as xterm-256color (or xterm), said once on the
/// status line; when no fallback is installed, rcpx says how to fix it and exits non-zero.
@Suite(.serialized) struct ExplorerTerminalTypeTests {
    @Test func anUnknownTermFallsBackToAnInstalledXterm() {
        let all: (String) -> Bool = { ["xterm-256color", "xterm", "screen"].contains($0) }
        #expect(
            terminalPlan(stdinIsTerminal: true, stdoutIsTerminal: true, term: "xterm-kitty", probe: all)
                == .start(term: "xterm-256color", fallbackFrom: "xterm-kitty"))
        let onlyXterm: (String) -> Bool = { $0 == "xterm" }
        #expect(
            terminalPlan(stdinIsTerminal: true, stdoutIsTerminal: true, term: "foot", probe: onlyXterm)
                == .start(term: "xterm", fallbackFrom: "foot"))
        #expect(
            terminalPlan(stdinIsTerminal: true, stdoutIsTerminal: true, term: "screen", probe: all)
                == .start(term: "screen", fallbackFrom: nil))
        #expect(
            TerminalPlan.start(term: "xterm-256color", fallbackFrom: "alacritty").notice
                == "TERM=alacritty is unknown here: drawing as xterm-256color.")
        #expect(TerminalPlan.start(term: "screen", fallbackFrom: nil).notice == nil)
    }

    @Test func withoutAFallbackItSaysHowToFixIt() {
        let none: (String) -> Bool = { _ in false }
        #expect(
            terminalPlan(stdinIsTerminal: true, stdoutIsTerminal: true, term: "xterm-kitty", probe: none)
                == .unknownTerm("xterm-kitty"))
    }

    @Test func dumbUnsetAndNoTerminalAreStillRefused() {
        let all: (String) -> Bool = { _ in true }
        for term in [nil, "", "dumb"] as [String?] {
            guard case .refuse = terminalPlan(stdinIsTerminal: true, stdoutIsTerminal: true, term: term, probe: all)
            else {
                Issue.record("\(String(describing: term)) not refused"); continue
            }
        }
        guard
            case .refuse = terminalPlan(
                stdinIsTerminal: true, stdoutIsTerminal: false, term: "xterm-kitty",
                probe: { _ in false })
        else {
            Issue.record("a pipe is not refused"); return
        }
    }

    @Test(arguments: ["xterm-kitty", "foot", "alacritty", "vt-nonesuch-42"])
    func theExplorerStartsAndSaysWhichTermItUses(_ term: String) throws {
        try ExplorerTmuxTests.requireTmux()
        let dir = try ExplorerTmuxTests.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let session = try TmuxSession(
            command: ExplorerTmuxTests.wrapped("env TERM=\(term) \(ExplorerTmuxTests.binary)", in: dir))
        let screen = try session.waitFor(timeout: ExplorerTmuxTests.patience) {
            ExplorerTmuxTests.showsFirstScreen($0) && $0.contains("drawing as")
        }
        #expect(ExplorerTmuxTests.showsFirstScreen(screen), "TERM=\(term): no explorer:\n\(screen)")
        #expect(screen.contains("TERM=\(term) is unknown here: drawing as xterm-256color."), "\(screen)")
        // Said once: the next key clears it.
        try session.send("j")
        let after = try session.waitFor(timeout: ExplorerTmuxTests.patience) { !$0.contains("drawing as") }
        #expect(!after.contains("drawing as"), "\(after)")
        try session.send("q")
        let status = ExplorerTmuxTests.waitForFile(dir.appendingPathComponent("status"))
        #expect(status.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        #expect(ExplorerTmuxTests.isSane(ExplorerTmuxTests.waitForFile(dir.appendingPathComponent("stty"))))
    }

    // MARK: Item 20: the Linux console

    @Test func theLinuxConsoleGetsTheASCIISet() throws {
        #expect(consoleLacksGlyphs("linux"))
        #expect(consoleLacksGlyphs("linux-16color"))
        #expect(!consoleLacksGlyphs("xterm-256color"))
        try ExplorerTmuxTests.requireTmux()
        // A UTF-8 locale, but the console's fonts lack the explorer's glyphs: nothing above ASCII is drawn.
        let session = try TmuxSession(command: "exec env TERM=linux LANG=C.UTF-8 \(ExplorerTmuxTests.binary)")
        let screen = try session.waitFor(timeout: ExplorerTmuxTests.patience) { ExplorerTmuxTests.showsFirstScreen($0) }
        #expect(ExplorerTmuxTests.showsFirstScreen(screen), "\(screen)")
        #expect(screen.utf8.allSatisfy { $0 < 0x80 }, "glyphs the Linux console lacks:\n\(screen)")
        try session.send("q")
        #expect(try ExplorerTmuxTests.waitUntilDead(session).dead)
    }
}
