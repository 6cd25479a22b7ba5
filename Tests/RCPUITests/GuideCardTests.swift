import RCPCore
import Testing

@testable import RCPUI

/// The explorer's guide cards, the guide points on process cards, and editorial marks on cards.
@Suite struct GuideCardTests {
    func card(_ subject: Subject, ascii: Bool = false) -> [CardLine] {
        CardContent.lines(subject, makeState(ascii: ascii).env)
    }

    @Test func aGuideCardShowsItsPointsWithProvenanceAndWorkingLinks() throws {
        let lines = card(.guide("impact"))
        #expect(lines.first?.plain == "Impact")
        #expect(lines.contains { $0.plain.contains("the paper's B.2.b, lines 504–586") })
        let pathfinder = try #require(lines.firstIndex { $0.plain.contains("pathfinder") })
        #expect(lines[pathfinder].plain.contains("B.2.b, lines 556–558"))
        // The next line links to the Bali Process, and every link leads to a record that exists.
        #expect(lines[pathfinder + 1].link == .process("bali"))
        let links = lines.compactMap(\.link)
        #expect(links.contains(.party("panama")) && links.contains(.party("fiji")))
        for link in links { #expect(link.exists(in: catalog), "\(link) leads nowhere") }
    }

    @Test func everyGuideTopicHasACardAndTheOverviewLinksThem() {
        for topic in catalog.guideTopics {
            let lines = card(.guide(topic.id))
            #expect(lines.first?.plain == topic.title)
            #expect(lines.filter { $0.plain.hasPrefix("• ") }.count == topic.points.count)
        }
        let overview = card(.overview).compactMap(\.link)
        #expect(
            overview.filter { if case .guide = $0 { return true } else { return false } }.count
                == catalog.guideTopics.count)
        #expect(card(.guide("no-such-topic")).first?.plain == "Not in the data")
    }

    @Test func aProcessCardSaysWhatThePaperSaysOfIt() throws {
        let lines = card(.process("bali"))
        let heading = try #require(lines.firstIndex { $0.plain.hasPrefix("The paper says of this process") })
        let said = lines[(heading + 1)...].prefix { !$0.isBlank }
        #expect(said.contains { $0.plain.contains("pathfinder") && $0.link == .guide("impact") })
        #expect(lines.contains { $0.plain.hasPrefix("The paper's classification") })
        #expect(lines.contains { $0.plain.contains("Secretariat: none") })
        // A guide search hit opens the topic's card.
        #expect(Subject(.guidePoint(topicID: "impact", pointID: "impact.10")) == .guide("impact"))
    }

    @Test func editorialValuesAreMarkedOnCards() throws {
        let marri = card(.process("marri")).map(\.plain)
        #expect(marri.contains { $0.hasPrefix("Region: Europe and the Former Soviet Union † editorial") })
        #expect(
            marri.contains { $0.contains("South-East European Co-operation Process") && $0.contains("† editorial") })
        #expect(marri.contains { $0.contains("† Editorial") })
        #expect(
            marri.contains { $0.contains("region") && $0.contains("editorial: Footnote i gives the group no region") })
        let bali = card(.process("bali")).map(\.plain)
        #expect(!bali.contains { $0.hasPrefix("Region:") && $0.contains("editorial") })
        #expect(bali.contains { $0.hasPrefix("Topics") && $0.contains("† editorial mapping") })
        let ascii = card(.process("marri"), ascii: true).map(\.plain)
        #expect(ascii.contains { $0.hasPrefix("Region: Europe and the Former Soviet Union ^ editorial") })
        let cis = card(.process("cis")).map(\.plain)
        #expect(cis.contains { $0.hasPrefix("The paper's own words differ") })
        #expect(card(.party("guam")).contains { $0.plain.contains("† editorial: Background knowledge") })
        #expect(card(.practiceItem("ep-07.5")).contains { $0.plain == "Printed: Internally Displacement" })
    }
}
