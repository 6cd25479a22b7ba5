import RCPCore
import RCPUI
import Testing

// A view that exists only in this file: a list of the regions with their process counts. It proves the claim
// of docs/ARCHITECTURE.md: a view is its own type, one row of the layout table and its rows of the key table —
// no edit anywhere else — and it joins the layouts, the tab bar, focus keys, Tab, the help and the hints.
// (`import RCPUI` without `@testable`: only the public API a view needs.)

extension PaneID { static let tally = PaneID("tally") }
extension KeyScope { static let tally = KeyScope("tally", label: "Region tally") }

struct TallyPane: Pane {
    var list = ListState<String>()
    /// Counts shown as shares of the matrix (toggled by its own key).
    var asShare = false

    var id: PaneID { .tally }
    var tabTitle: String { "Tally" }
    var shortTabTitle: String { "Tally" }
    var scope: KeyScope { .tally }

    func regions(_ context: PaneContext) -> [String] { context.env.catalog.regions.map(\.id) }

    func title(_ context: PaneContext) -> (title: String, note: String) {
        ("Region tally", asShare ? "shares" : "counts")
    }

    mutating func handle(_ action: Action, _ context: PaneContext) -> PaneOutcome {
        let rows = regions(context)
        if action == .toggleSort { asShare.toggle(); return PaneOutcome(message: asShare ? "Shares." : "Counts.") }
        guard let r = list.moved(action, in: rows, visible: context.area.height) else {
            if action == .activate, let r = list.selected { return PaneOutcome(open: .region(r)) }
            return .none
        }
        list.selected = r
        return PaneOutcome(show: .region(r))
    }

    mutating func click(x: Int, y: Int, _ context: PaneContext) -> PaneOutcome {
        let rows = regions(context)
        guard let i = list.row(atY: y, area: context.area, rowHeight: 1, in: rows) else { return .none }
        list.selected = rows[i]
        return PaneOutcome(show: .region(rows[i]))
    }

    mutating func settle(_ context: PaneContext) { list.settle(regions(context), visible: context.area.height) }

    func invariants(_ context: PaneContext) -> [String] {
        list.invariants(regions(context), visible: context.area.height, name: "tally")
    }

    func render(into grid: inout Grid, context: PaneContext, focused: Bool) -> PaneDrawing {
        let rows = regions(context), area = context.area
        let catalog = context.env.catalog
        let total = max(1, catalog.processes.filter(\.inMatrix).count)
        let offset = list.shownOffset(in: rows, visible: area.height)
        for (i, id) in rows.enumerated().dropFirst(offset).prefix(area.height) {
            let n = catalog.processes(inRegion: id).filter(\.inMatrix).count
            let figure = asShare ? "\(n * 100 / total)%" : "\(n)"
            let name = catalog.region(id: id)?.name ?? id
            let style =
                id == list.selected ? Style(focused ? .selection : .selectionUnfocused, reverse: focused) : .normal
            _ = grid.write("\(figure) \(name)", x: area.x, y: area.y + i - offset, style: style, clip: area)
        }
        return PaneDrawing()
    }

    func shows(_ subject: Subject, _ context: PaneContext) -> Bool { subject == list.selected.map { .region($0) } }
    var placeName: String? { "tally" }
}

@Suite("A view added from outside joins everything")
struct AddedViewTests {
    static let layouts = LayoutTable.standard.adding(.init(.tally, .corner) { _ in TallyPane() })
    static let keys = KeyBindings.standard.adding([
        KeyBinding([.character("7")], .focusPane, .global, "go to the region tally", pane: .tally),
        KeyBinding([.character("s")], .toggleSort, .tally, "counts or shares of the matrix", hint: "shares"),
    ])

    func state(_ w: Int, _ h: Int) -> AppState {
        var s = AppState(catalog: .bundled, options: UIOptions(), layouts: Self.layouts, keys: Self.keys)
        _ = App.update(&s, .resize(width: w, height: h))
        return s
    }

    func press(_ s: inout AppState, _ keys: Key...) { for k in keys { _ = App.update(&s, .key(k)) } }
    func screen(_ s: AppState) -> String { App.render(s, width: s.width, height: s.height).plainText() }

    @Test func itHasATabAFocusKeyAndAPlaceInEveryLayout() {
        for (w, h) in [(200, 50), (132, 43), (80, 24), (50, 20)] {
            var s = state(w, h)
            press(&s, .character("7"))
            #expect(s.focus == .tally, "\(w)×\(h)")
            #expect(s.layout.frame(of: .tally) != nil, "\(w)×\(h): not shown")
            let text = screen(s)
            #expect(text.contains("Region tally"), "\(w)×\(h): no title")
            #expect(s.checkInvariants() == [], "\(w)×\(h)")
        }
        let wide = screen(state(200, 50))
        #expect(wide.contains("7 Tally"))
    }

    @Test func itsKeysWorkAndTheHelpAndHintsListThem() {
        var s = state(132, 43)
        press(&s, .character("7"))
        #expect(screen(s).contains("shares"), "its hint on the bottom line")
        press(&s, .down)
        #expect(s.card.subject == .region(Catalog.bundled.regions[1].id))
        press(&s, .character("s"))
        #expect(screen(s).contains("%"))
        press(&s, .character("?"))
        for c in "tally" { press(&s, .character(c)) }
        let help = screen(s)
        #expect(help.contains("Region tally"))
        #expect(help.contains("go to the region tally"))
        #expect(help.contains("counts or shares of the matrix"))
    }

    @Test func tabReachesItAndTheClickSelects() {
        var s = state(132, 43)
        for _ in 0..<6 { press(&s, .tab) }
        #expect(s.focus == .tally)
        let area = s.layout.frame(of: .tally)!.content
        _ = App.update(&s, .mouse(.press, x: area.x + 1, y: area.y + 2))
        #expect(s.card.subject == .region(Catalog.bundled.regions[2].id))
        // The checklist shares the place: going back to it shows it there again.
        press(&s, .character("4"))
        #expect(s.layout.frame(of: .checklist) != nil && s.layout.frame(of: .tally) == nil)
    }
}
