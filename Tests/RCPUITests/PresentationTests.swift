import RCPCore
import Testing

@testable import RCPUI

/// Presentation mode is for a room: PgDn steps through prepared slides, every screen is readable whole at
/// 132×43 and 100×30 (no name cut, nothing drawn over), every glyph on screen has its legend, and the footer
/// names the next slide.
@Suite("Presentation: slides a room can read")
struct PresentationTests {
    static let sizes = [(132, 43), (100, 30)]

    func start(_ w: Int, _ h: Int, about query: String) -> AppState {
        var s = makeState(w, h)
        s.press(.character("/")); s.type(query); s.press(.enter)
        s.press(.character("p"))
        return s
    }

    @Test(arguments: sizes)
    func theSlidesStepThroughTheLandscapeAndStayWhole(_ size: (Int, Int)) {
        var s = start(size.0, size.1, about: "bali process")
        let slides = s.slideShow!.slides(catalog)
        #expect(slides == [.landscape, .region("asia-oceania"), .process("bali"), .map("bali"), .checklist])
        // What must be on each slide: its subject and the legend of what it draws.
        let expected: [[String]] = [
            ["Asia and Oceania", "Annex A row", "footnote group", "members"],
            ["Asia and Oceania"],
            // At 100×30 the members are one arrow key further down; at 132×43 all 40 are on the slide.
            size.1 >= 43 ? ["Bali", "Afghanistan", "Viet Nam", "member", "observer"] : ["Bali", "member", "observer"],
            ["Map: Bali"],
            ["Checklist", "how many processes discuss"],
        ]
        for (i, slide) in slides.enumerated() {
            s.press(.pageDown)
            #expect(s.slideShow?.index == i, "\(size): slide \(i)")
            let screen = s.screen
            for word in expected[i] { #expect(screen.contains(word), "\(size) \(slide): no “\(word)”\n\(screen)") }
            #expect(!screen.contains("…"), "\(size) \(slide): something is cut\n\(screen)")
            if slide == .landscape {
                // The whole landscape on one slide: every Annex A process, by its full or its short name.
                for p in catalog.processes where p.inMatrix {
                    #expect(
                        screen.contains(p.name) || screen.contains(p.shortName),
                        "\(size): \(p.shortName) not on the slide")
                }
            }
            #expect(s.checkInvariants() == [], "\(size) \(slide)")
            let footer = screen.split(separator: "\n").last.map(String.init) ?? ""
            if i + 1 < slides.count {
                #expect(
                    footer.contains("next: " + slides[i + 1].title(catalog)), "\(size) \(slide): footer “\(footer)”")
            } else {
                #expect(footer.contains("Last slide"))
            }
        }
        // Back steps return; Esc leaves.
        s.press(.pageUp)
        #expect(s.slideShow?.index == slides.count - 2 && s.focus == .map)
        s.press(.escape)
        #expect(!s.presentation && s.slideShow == nil)
    }

    /// The 40 members of the Bali Process flow into columns at 132×43: all of them on one screen.
    @Test func aLongMemberListFlowsIntoColumns() {
        var s = start(132, 43, about: "bali process")
        for _ in 0..<3 { s.press(.pageDown) }
        let screen = s.screen
        let members = catalog.participants(of: "bali").filter { $0.participation.roles.contains(.member) }
        #expect(members.count == 40)
        let rows = screen.split(separator: "\n").filter { line in members.contains { line.contains($0.party.name) } }
        #expect(rows.count <= 14, "\(rows.count) rows for 40 members")
        for m in members { #expect(screen.contains(m.party.name) || s.card.offset > 0, "\(m.party.name) missing") }
    }

    @Test(arguments: sizes)
    func theChecklistSlideHasItsLegendWithAChecklistOpen(_ size: (Int, Int)) {
        var s = start(size.0, size.1, about: "bali process")
        _ = App.update(&s, .checklistOpened(Checklist(name: "Ghana 2026 workshop", created: "2026-03-14T09:00:00Z")))
        for _ in 0..<5 { s.press(.pageDown) }
        let screen = s.screen
        for word in [
            "in place", "in progress", "not in place", "not assessed", "not applicable", "share in place",
            "still to do",
        ] {
            #expect(screen.contains(word), "\(size): checklist legend lacks “\(word)”")
        }
        #expect(!screen.contains("…"), "\(size): something is cut\n\(screen)")
    }
}
