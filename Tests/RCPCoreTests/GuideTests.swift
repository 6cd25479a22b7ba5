import Testing

@testable import RCPCore

/// Guide records, stated/editorial bases and the paper's classifications: the format (docs/DATA.md, "Guide",
/// "Basis"), their checks, the catalog's queries, and the bundled data's audit fixes.
@Suite("Guide, bases and classifications")
struct GuideTests {
    /// The fixture with two guide topics, a basis and a classification on Bali.
    static let guideJSON = #"""
          "guide": [
            {"id": "impact", "number": 2, "title": "Impact of RCPs", "summary": "What RCPs changed.", "section": "B.2.b",
             "lines": [504, 586],
             "points": [
               {"id": "impact.1", "text": "Bali's pathfinder approach.", "section": "B.2.b", "lines": [556, 558],
                "processes": ["bali"], "searchTerms": ["path finder"]},
               {"id": "impact.2", "text": "Laws reviewed.", "section": "B.2.b", "lines": [521, 524], "parties": ["turkey"]}
             ]},
            {"id": "characteristics", "number": 1, "title": "Five common characteristics", "summary": "Traits.",
             "section": "B.1.a", "lines": [274, 302],
             "points": [{"id": "characteristics.1", "label": "States-owned", "text": "States own them.", "section": "B.1.a",
                         "lines": [281, 282], "mechanisms": ["idm"], "events": ["idm-2004-trade"]}]}
          ],
          "understandings": [
        """#

    static func json(guide: String = guideJSON, bali: String = "") -> [UInt8] {
        var text = Fixture.json.replacing("  \"understandings\": [\n", with: guide, maxReplacements: 1)
        if !bali.isEmpty {
            text = text.replacing(
                "\"priorities\": [], \"source\": \"Annex A, row 13\"}",
                with: "\"priorities\": [], \"source\": \"Annex A, row 13\"" + bali + "}", maxReplacements: 1)
        }
        return Array(text.utf8)
    }

    static func problems(_ bytes: [UInt8]) -> [String] {
        do {
            _ = try DataLoader.load(bytes: bytes, file: "g.json")
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    static let basesJSON = #"""
        , "bases": [{"field": "region", "basis": "editorial", "reason": "Not given."},
                    {"field": "participants.iom", "basis": "editorial", "reason": "Inferred."},
                    {"field": "secretariat", "basis": "stated", "reason": "Annex A."},
                    {"field": "secretariat", "basis": "stated", "reason": "Endnote 7 differs."}],
          "classification": [{"aspect": "meeting-level", "value": "ministerial", "section": "Annex A, row 12", "lines": [2103, 2105]}]
        """#

    @Test func guideTopicsLoadInOrderWithTheirPointsAndLinks() throws {
        let catalog = Catalog(try DataLoader.load(bytes: Self.json(bali: Self.basesJSON), file: "g.json"))
        #expect(catalog.guideTopics.map(\.id) == ["characteristics", "impact"])
        let (topic, point) = try #require(catalog.guidePoint(id: "impact.1"))
        #expect(topic.id == "impact" && point.lines == LineRange(556, 558) && point.lines.description == "556–558")
        #expect(catalog.guidePoints(citingProcess: "bali").map(\.point.id) == ["impact.1"])
        #expect(catalog.guidePoints(citingProcess: "manila").isEmpty)
        #expect(catalog.guidePoints(citingParty: "turkey").map(\.point.id) == ["impact.2"])
        // A point citing an event of a mechanism, or the mechanism, cites the mechanism.
        #expect(catalog.guidePoints(citingMechanism: "idm").map(\.point.id) == ["characteristics.1"])
        #expect(catalog.guideTopics[0].points[0].label == "States-owned")
    }

    @Test func aTopicIsFoundByIdNumberOrTitleWords() throws {
        let catalog = Catalog(try DataLoader.load(bytes: Self.json(), file: "g.json"))
        #expect(catalog.resolveGuideTopic("impact").map(\.id) == ["impact"])
        #expect(catalog.resolveGuideTopic("1").map(\.id) == ["characteristics"])
        #expect(catalog.resolveGuideTopic("Five CHARACTERISTICS").map(\.id) == ["characteristics"])
        #expect(catalog.resolveGuideTopic("  impact of  ").map(\.id) == ["impact"])
        #expect(catalog.resolveGuideTopic("3").isEmpty)
        #expect(catalog.resolveGuideTopic("weaknesses").isEmpty)
    }

    @Test func basesAndClassificationsLoad() throws {
        let catalog = Catalog(try DataLoader.load(bytes: Self.json(bali: Self.basesJSON), file: "g.json"))
        let bali = try #require(catalog.process(id: "bali"))
        #expect(bali.bases.editorial("region")?.reason == "Not given.")
        #expect(bali.bases.editorial("secretariat") == nil)
        #expect(bali.bases.entries("secretariat").count == 2)
        #expect(
            bali.classification == [
                Classification(
                    aspect: .meetingLevel, value: "ministerial",
                    section: "Annex A, row 12", lines: LineRange(2103, 2105))
            ])
    }

    @Test func brokenGuideLinksAndBasesAreEachNamed() {
        let guide = Self.guideJSON
            .replacing("\"processes\": [\"bali\"]", with: "\"processes\": [\"atlantis\"]")
            .replacing("\"parties\": [\"turkey\"]", with: "\"parties\": [\"narnia\"]")
            .replacing("\"events\": [\"idm-2004-trade\"]", with: "\"events\": [\"nope\"]")
            .replacing("\"lines\": [521, 524]", with: "\"lines\": [524, 521]")
            .replacing("\"id\": \"impact.2\"", with: "\"id\": \"other.2\"")
            .replacing("\"number\": 1,", with: "\"number\": 2,")
        let bases = Self.basesJSON
            .replacing("\"field\": \"region\"", with: "\"field\": \"colour\"")
            .replacing("participants.iom", with: "participants.senegal")
            .replacing("\"value\": \"ministerial\"", with: "\"value\": \"royal\"")
        let found = Self.problems(Self.json(guide: guide, bali: bases))
        let expected = [
            "guide topic \"impact\": points[0].processes[0]: unknown process \"atlantis\"",
            "guide topic \"impact\": points[1].parties[0]: unknown party \"narnia\"",
            "guide topic \"characteristics\": points[0].events[0]: unknown event \"nope\"",
            "guide topic \"impact\": points[1].lines: bad line range 524–521",
            "guide topic \"impact\": points[1].id: a point's id starts with its topic's id and a dot",
            "guide topic \"characteristics\": number: number 2 is also used by guide topic \"impact\"",
            "process \"bali\": bases[0].field: unknown field \"colour\"",
            "process \"bali\": bases[1].field: \"senegal\" is not a participant",
            "process \"bali\": classification[0].value: unknown meeting level \"royal\"",
        ]
        for text in expected {
            #expect(found.contains { $0.contains(text) }, "missing: \(text)\nfound:\n\(found.joined(separator: "\n"))")
        }
    }

    @Test func aGuideTopicNeedsPointsAndTwoLineNumbers() {
        let guide = Self.guideJSON.replacing("\"lines\": [504, 586]", with: "\"lines\": [504]")
            .replacing(
                #"""
                     "points": [{"id": "characteristics.1", "label": "States-owned", "text": "States own them.", "section": "B.1.a",
                                 "lines": [281, 282], "mechanisms": ["idm"], "events": ["idm-2004-trade"]}]}
                """#, with: "         \"points\": []}")
        let found = Self.problems(Self.json(guide: guide))
        #expect(
            found.contains {
                $0.contains("guide topic \"impact\": lines: expected two line numbers [start, end], found 1")
            })
        #expect(
            found.contains {
                $0.contains("guide topic \"characteristics\": points: a guide topic needs at least one point")
            })
    }

    @Test func searchFindsGuidePointsAndThePapersOwnSpellings() throws {
        let catalog = Catalog(try DataLoader.load(bytes: Self.json(), file: "g.json"))
        let hits = catalog.search("path finder", limit: 5)
        #expect(hits.first?.ref == .guidePoint(topicID: "impact", pointID: "impact.1"))
        #expect(hits.first?.kind == .guidePoint)
    }

    // MARK: The bundled data

    static let bundled = Catalog.bundled

    @Test func theBundledGuideCoversTheAuditsFifteenAreas() throws {
        let ids = Self.bundled.guideTopics.map(\.id)
        for id in [
            "what-is-an-rcp", "characteristics", "emergence", "range-of-issues", "participation", "administration",
            "activities", "cross-fertilization", "weaknesses", "value", "impact", "iom-role", "idm", "berne",
            "context", "conclusion",
        ] {
            #expect(ids.contains(id), "no guide topic \(id)")
        }
        let characteristics = try #require(Self.bundled.guideTopic(id: "characteristics"))
        #expect(
            characteristics.points.compactMap(\.label) == [
                "States-owned", "Thematic or geographic", "Recurring",
                "Flexible focus", "Informal and non-binding",
            ])
        for topic in Self.bundled.guideTopics {
            #expect(!topic.points.isEmpty)
            for p in topic.points {
                #expect(p.lines.start >= 1 && p.lines.end <= 2564 && !p.section.isEmpty, "\(p.id)")
            }
        }
        // The paper's examples are linked to the records they name.
        let bali = Self.bundled.guidePoints(citingProcess: "bali").map(\.point.text)
        #expect(bali.contains { $0.contains("pathfinder") })
        #expect(bali.contains { $0.contains("ambassador") })
        #expect(Self.bundled.guidePoints(citingProcess: "puebla").contains { $0.point.text.contains("SIEMCA") })
        #expect(Self.bundled.guidePoints(citingParty: "panama").contains { $0.point.text.contains("Fiji") })
    }

    @Test func theAuditsDiscrepanciesAreFixed() throws {
        let c = Self.bundled
        // #1, #3: hosts of the April 2005 workshop; no co-organizer of the 2004 panel.
        #expect(try #require(c.event(id: "idm-2005-rcp-workshop")).1.partners == ["gcim", "iom"])
        #expect(try #require(c.event(id: "idm-2004-panel-gcim")).1.partners.isEmpty)
        // #2: like-minded, not destination states.
        #expect(!(try #require(c.process(id: "igc"))).summary.contains("destination"))
        // #4: no inferred start years.
        #expect(c.process(id: "marri")?.year == nil && c.process(id: "jcm")?.year == nil)
        // #11: no invented acronym.
        let lima = try #require(c.process(id: "lima"))
        #expect(lima.shortName == "Lima" && !lima.aliases.contains("Lima Process"))
        // #20–#23: the paper's spellings.
        #expect(c.practiceItem(id: "ep-07.5")?.1.paperTitle == "Internally Displacement")
        #expect(c.search("Internally Displacement", limit: 1).first?.ref == .practiceItem("ep-07.5"))
        #expect(c.practiceItem(id: "ep-13.3")?.1.title == "“Brain Drain” or “Brain Gain”")
        #expect(c.party(id: "samp")?.name == "Southern Africa Migration Project")
        // #28: both statements on the CIS secretariat, with their provenance.
        let cis = try #require(c.process(id: "cis")).bases.entries("secretariat")
        #expect(cis.count == 2 && cis.allSatisfy { $0.kind == .stated })
        #expect(cis.contains { $0.reason.contains("Endnote 7") } && cis.contains { $0.reason.contains("Annex A") })
        // #31: the IDM's research publications.
        #expect(c.event(id: "idm-2002-compendium")?.1.kind == .publication)
    }

    @Test func everyInferenceOfTheBundledDataIsMarkedEditorial() {
        let c = Self.bundled
        for p in c.processes {
            #expect(p.bases.editorial("topics.practices") != nil, "\(p.id): the topic mapping is not marked editorial")
            #expect((p.bases.editorial("region") != nil) == !p.inMatrix, "\(p.id): region basis")
        }
        #expect(c.process(id: "marri")?.editorialBases.map(\.field).contains("participants.seecp") == true)
        #expect(c.process(id: "pidc")?.bases.editorial("participants.pidc-secretariat") != nil)
        #expect(c.party(id: "oau")?.bases.editorial("note") != nil)
        // Classified only where the paper classifies: Colombo narrow, Lima rotating; nothing for APC.
        #expect(
            c.process(id: "colombo")?.classification.contains { $0.aspect == .focus && $0.value == "narrow" } == true)
        #expect(
            c.process(id: "lima")?.classification.contains { $0.aspect == .chair && $0.value == "rotating" } == true)
        #expect(c.process(id: "apc")?.classification.isEmpty == true)
    }
}

private extension Process {
    var editorialBases: [Basis] { bases.filter { $0.kind == .editorial } }
}
