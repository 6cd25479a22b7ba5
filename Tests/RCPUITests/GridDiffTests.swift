import RCPCore
import Testing

@testable import RCPUI

/// The diff from one frame to the next, computed in RCPUI: what the backend writes is exactly these runs.
@Suite("Grid diff: what a key changes on the screen")
struct GridDiffTests {
    @Test func noPreviousFrameMeansEveryCell() {
        let g = App.render(makeState(80, 24), width: 80, height: 24)
        #expect(g.changedCellCount(since: nil) == 80 * 24)
        #expect(g.changes(since: g).isEmpty)
    }

    @Test func aWideCharacterIsNeverWrittenHalf() {
        var a = Grid(width: 6, height: 1)
        _ = a.write("ab", x: 0, y: 0, style: .normal)
        var b = a
        _ = b.write("世", x: 2, y: 0, style: .normal)
        let runs = b.changes(since: a)
        #expect(runs.count == 1)
        #expect(runs[0].x == 2 && runs[0].cells.count == 2 && runs[0].cells[1].isContinuation)
        // Only the continuation column differs (the wide character's style changed behind it): both go.
        var c = b
        c[3, 0] = Cell("", width: 0, style: Style(.heading))
        #expect(c.changes(since: b).first?.x == 2)
    }

    /// One step down in the tree at 132×43 changes the two tree rows (the old and the new selection), the
    /// card (it shows the new selection) and the line with the card's title, nothing else: not the matrix,
    /// not the checklist, not the tab bar.
    @Test func aNavigationKeyChangesOnlyWhatItMoves() {
        var s = makeState(132, 43)
        let before = App.render(s, width: 132, height: 43)
        s.press(.down)
        let after = App.render(s, width: 132, height: 43)
        let runs = after.changes(since: before)
        let layout = s.layout
        let tree = layout.frame(of: .tree)!.frame, card = layout.frame(of: .card)!.frame
        let outside = runs.filter { run in
            !(tree.contains(x: run.x, y: run.y) || card.contains(x: run.x, y: run.y) || run.y == layout.status.y)
        }
        #expect(
            outside.isEmpty, "changed outside the tree, the card and the status line: \(outside.map { ($0.x, $0.y) })")
        let treeRows = Set(runs.filter { tree.contains(x: $0.x, y: $0.y) }.map(\.y))
        #expect(treeRows.count == 2, "tree rows changed: \(treeRows.sorted())")
        let count = after.changedCellCount(since: before)
        #expect(count < 132 * 43 / 4, "\(count) cells changed for one step down")
        #expect(count > 0)
    }

    /// Moving the matrix crosshair changes the old and new crosshair lines of the matrix and the card, not the
    /// tree or the checklist (beside the matrix at 200×60).
    @Test func theMatrixCrosshairLeavesTheOtherPanesAlone() throws {
        var s = makeState(200, 60)
        s.press(.character("3"))
        let before = App.render(s, width: 200, height: 60)
        s.press(.right)
        let after = App.render(s, width: 200, height: 60)
        let tree = try #require(s.layout.frame(of: .tree)).frame
        let checklist = try #require(s.layout.frame(of: .checklist), "the checklist beside the matrix").frame
        let runs = after.changes(since: before)
        #expect(!runs.isEmpty)
        #expect(!runs.contains { tree.contains(x: $0.x, y: $0.y) || checklist.contains(x: $0.x, y: $0.y) })
    }
}
