import RCPCore
import Testing

@testable import RCPUI

/// The screens people see, as plain text, at 80×24 and 132×43. Run with RCPX_UPDATE_SNAPSHOTS=1 to rewrite
/// the files in Snapshots/ after a deliberate change, and read every changed one.
@Suite struct SnapshotTests {
    struct Scenario: Sendable, CustomStringConvertible {
        var name: String
        var ascii = false
        var steps: @Sendable (inout AppState) -> Void
        var description: String { name }
    }

    static let scenarios: [Scenario] = [
        Scenario(name: "start") { _ in },
        Scenario(name: "tree-process-card") { s in s.press(.down, .down, .down) },
        Scenario(name: "state-card") { s in
            s.press(.character("/")); s.type("turkey"); s.press(.enter)
        },
        Scenario(name: "matrix-crosshair") { s in
            s.press(.character("3"))
            for _ in 0..<6 { s.press(.down) }
            for _ in 0..<4 { s.press(.right) }
        },
        Scenario(name: "matrix-header") { s in s.press(.character("3"), .character("g"), .up, .right, .right) },
        Scenario(name: "checklist") { s in s.press(.character("4"), .down, .down, .down, .down, .down, .right, .down) },
        Scenario(name: "search-active") { s in
            s.press(.character("/")); s.type("traff")
        },
        Scenario(name: "filter-active") { s in
            s.press(.character("f")); s.type("bali"); s.press(.enter, .character("3"))
        },
        Scenario(name: "help") { s in s.press(.character("?")) },
        Scenario(name: "help-narrowed") { s in
            s.press(.character("?")); s.type("zoom")
        },
        Scenario(name: "zoom") { s in s.press(.character("3"), .character("z")) },
        Scenario(name: "presentation") { s in s.press(.down, .down, .down, .character("2"), .character("p")) },
        Scenario(name: "checklist-statuses") { s in
            _ = App.update(
                &s, .checklistOpened(Checklist(name: "Ghana 2026 workshop", created: "2026-03-14T09:00:00Z")))
            s.press(
                .character("4"), .character(" "), .character(" "), .character(" "), .right, .down, .character(" "),
                .down,
                .character(" "), .character(" "))
            s.press(.character("e")); s.type("agreed in session 2"); s.press(.enter)
            s.press(.down, .down, .character(" "), .character(" "), .character(" "), .character(" "))
        },
        Scenario(name: "checklist-presentation") { s in
            _ = App.update(
                &s, .checklistOpened(Checklist(name: "Ghana 2026 workshop", created: "2026-03-14T09:00:00Z")))
            s.press(
                .character("4"), .character(" "), .character(" "), .character(" "), .down, .character(" "),
                .character("p"))
        },
        Scenario(name: "checklist-delete-confirm") { s in
            _ = App.update(
                &s, .checklistOpened(Checklist(name: "Ghana 2026 workshop", created: "2026-03-14T09:00:00Z")))
            s.press(.character("4"), .character("D"))
        },
        Scenario(name: "checklist-note-prompt") { s in
            _ = App.update(
                &s, .checklistOpened(Checklist(name: "Ghana 2026 workshop", created: "2026-03-14T09:00:00Z")))
            s.press(.character("4"), .down, .character("e")); s.type("draft law before parliament")
        },
        Scenario(name: "map-bali") { s in
            s.press(.character("/")); s.type("bali process"); s.press(.enter, .character("5"))
        },
        Scenario(name: "map-turkey") { s in
            s.press(.character("/")); s.type("turkey"); s.press(.enter, .character("5"))
        },
        Scenario(name: "map-coverage") { s in s.press(.character("5"), .character("v")) },
        Scenario(name: "timeline") { s in
            s.press(.character("/")); s.type("bali process"); s.press(.enter, .character("6"))
        },
        Scenario(name: "presentation-bali") { s in
            s.press(.character("/")); s.type("bali process"); s.press(.enter, .character("2"), .character("p"))
            for _ in 0..<20 { s.press(.down) }
        },
        Scenario(name: "slide-landscape") { s in s.press(.character("p"), .pageDown) },
        Scenario(name: "slide-map") { s in
            s.press(.character("/")); s.type("bali process"); s.press(.enter, .character("p"))
            for _ in 0..<4 { s.press(.pageDown) }
        },
        Scenario(name: "checklists-compared") { s in
            _ = App.update(
                &s, .checklistOpened(Checklist(name: "Ghana 2026 workshop", created: "2026-03-14T09:00:00Z")))
            _ = App.update(&s, .checklistsLoaded(ChecklistCompareTests.delegations(), problems: []))
            for _ in 0..<4 { s.press(.down) }
            s.press(.right)
        },
        Scenario(name: "tree-zoomed") { s in s.press(.character("1"), .character("z")) },
        Scenario(name: "guide") { s in s.press(.character("1"), .up, .right, .down) },
        Scenario(name: "ascii", ascii: true) { s in
            s.press(.character("/")); s.type("cote"); s.press(.enter, .character("3"))
        },
    ]

    @Test(arguments: scenarios, [(80, 24), (132, 43)])
    func screen(_ scenario: Scenario, _ size: (Int, Int)) {
        var s = makeState(size.0, size.1, ascii: scenario.ascii)
        scenario.steps(&s)
        let grid = App.render(s, width: size.0, height: size.1)
        #expect(s.checkInvariants() == [])
        assertSnapshot(grid.plainText(), named: "\(scenario.name)-\(size.0)x\(size.1)")
    }

    /// The scenes whose styles carry meaning: focus, selection, the crosshair, the search highlight, statuses
    /// and the presentation theme's roles. Their style maps sit beside the text snapshots (`*.styles.txt`).
    static let styled = [
        "start", "matrix-crosshair", "search-active", "checklist-statuses", "presentation", "map-bali",
    ]

    @Test(arguments: styled, [(80, 24), (132, 43)])
    func styles(_ name: String, _ size: (Int, Int)) throws {
        let scenario = try #require(Self.scenarios.first { $0.name == name })
        var s = makeState(size.0, size.1, ascii: scenario.ascii)
        scenario.steps(&s)
        let grid = App.render(s, width: size.0, height: size.1)
        assertSnapshot(grid.styleMap(), named: "\(name)-\(size.0)x\(size.1).styles")
    }

    @Test func tooSmall() {
        let s = makeState(36, 8)
        assertSnapshot(App.render(s, width: 36, height: 8).plainText(), named: "too-small-36x8")
    }
}
