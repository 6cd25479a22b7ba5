import Foundation
import RCPTestSupport
import Testing

/// The checklist in the real explorer: a status set with Space is saved at once and is there after a restart.
@Suite(.serialized) struct ChecklistExplorerTests {
    @Test func statusSetWithSpaceSurvivesQuitAndRestart() throws {
        try ExplorerTmuxTests.requireTmux()
        let home = URL(fileURLWithPath: try makeScratchDirectory("rcpx-cl-e2e"))
        defer { try? FileManager.default.removeItem(at: home) }
        let command = "\(ExplorerTmuxTests.binary) --checklist 'Ghana 2026 workshop'"
        let environment = ["XDG_DATA_HOME": home.path, "TERM": "xterm-256color"]

        let first = try TmuxSession(command: command, width: 100, height: 30, environment: environment)
        try first.waitFor(timeout: ExplorerTmuxTests.patience) { $0.contains("Budapest") }
        try first.send("4")
        var screen = try first.waitFor(timeout: ExplorerTmuxTests.patience) { $0.contains("assessed") }
        #expect(screen.contains("0/51 assessed"), "\(screen)")
        try first.send("Space")
        screen = try first.waitFor(timeout: ExplorerTmuxTests.patience) {
            $0.contains("1/51 assessed") && $0.contains("saved")
        }
        #expect(screen.contains("1/51 assessed"), "\(screen)")
        try first.send("q")
        try first.waitFor(timeout: ExplorerTmuxTests.patience) { _ in (try? first.paneInfo().dead) ?? true }
        first.kill()

        // The file on disk has it, as the command line reads it.
        let export = try runRcpx(
            ["checklist", "export", "Ghana 2026 workshop", "--format", "csv"],
            environment: ["XDG_DATA_HOME": home.path])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stdout.contains("not-in-place"), "\(export.stdout)")

        let second = try TmuxSession(command: command, width: 100, height: 30, environment: environment)
        try second.waitFor(timeout: ExplorerTmuxTests.patience) { $0.contains("Budapest") }
        try second.send("4")
        screen = try second.waitFor(timeout: ExplorerTmuxTests.patience) { $0.contains("1/51 assessed") }
        #expect(screen.contains("1/51 assessed"), "after a restart the status is still set:\n\(screen)")
        #expect(screen.contains("✗"), "the status shows as its glyph:\n\(screen)")
        try second.send("q")
    }
}
