import RCPCore
import Testing

@testable import RCPUI

/// The first screen is a map of the landscape: a facilitator can point at every region and every Annex A
/// process without scrolling, and no region name is cut.
@Suite("First screen: the whole landscape")
struct FirstScreenTests {
    let matrixProcesses = catalog.processes.filter(\.inMatrix)

    /// The tree's rows on screen, as text (the left pane, or the whole screen when zoomed).
    func treeText(_ s: AppState) -> [String] {
        let grid = App.render(s, width: s.width, height: s.height)
        let frame = s.layout.frame(of: .tree)!.content
        return (frame.y..<frame.maxY).map { y in
            (frame.x..<frame.maxX).map { grid[$0, y] }.filter { !$0.isContinuation }.map(\.text).joined()
        }
    }

    func regionLabels(_ r: Region) -> [String] { [r.name] + (r.shortName.map { [$0] } ?? []) }

    @Test(arguments: [(132, 43), (200, 60), (120, 30)])
    func wideShowsEveryRegionAndProcess(_ size: (Int, Int)) {
        let s = makeState(size.0, size.1)
        let text = treeText(s).joined(separator: "\n")
        for r in catalog.regions {
            #expect(regionLabels(r).contains { text.contains($0) }, "\(size): region \(r.name) not shown whole")
        }
        for p in matrixProcesses where size.1 >= 43 {
            #expect(text.contains(p.shortName), "\(size): \(p.shortName) not on the first screen")
        }
        #expect(!text.contains("…"), "\(size): a cut name in the tree:\n\(text)")
    }

    @Test func theOverviewListsEveryRegionWhole() {
        let s = makeState(132, 43)
        let card = s.layout.frame(of: .card)!.content
        let grid = App.render(s, width: 132, height: 43)
        let text = (card.y..<card.maxY).map { y in
            (card.x..<card.maxX).map { grid[$0, y] }.filter { !$0.isContinuation }.map(\.text).joined()
        }.joined(separator: "\n")
        for r in catalog.regions { #expect(text.contains(r.name), "overview card lacks \(r.name)") }
    }

    @Test func compactShowsEveryRegionNameWholeAndZoomShowsEveryProcess() {
        var s = makeState(80, 24)
        let compact = treeText(s).joined(separator: "\n")
        for r in catalog.regions.prefix(5) {
            #expect(regionLabels(r).contains { compact.contains($0) }, "80×24: region \(r.name) cut or missing")
        }
        s.press(.character("z"))
        let zoomed = treeText(s).joined(separator: "\n")
        for r in catalog.regions { #expect(regionLabels(r).contains { zoomed.contains($0) }, "zoomed: \(r.name)") }
        for p in matrixProcesses { #expect(zoomed.contains(p.shortName), "zoomed 80×24: \(p.shortName) not shown") }
        #expect(!zoomed.contains("…"))
    }

    /// The zoomed tree flows into two columns at 80×24; walking down it reaches every row, and a click in the
    /// second column selects the row drawn there.
    @Test func theColumnsOfTheZoomedTreeWalkAndClick() {
        var s = makeState(80, 24)
        s.press(.character("z"))
        let count = s.tree.rows(s.env).count
        for _ in 0..<count { s.press(.down) }
        #expect(s.tree.selected == s.tree.rows(s.env).last?.node)
        #expect(s.checkInvariants() == [])
        let area = s.layout.frame(of: .tree)!.content
        _ = App.update(&s, .mouse(.press, x: area.x + area.width / 2 + 3, y: area.y))
        let perColumn = area.height
        #expect(s.tree.selected == s.tree.rows(s.env)[perColumn].node)
    }
}
