import RCPCore

/// A small data set in the file format, shaped like the real one (names, roles, totals), for tests that
/// must not depend on the bundled data.
enum Fixture {
    static let json = #"""
        {
          "formatVersion": 1,
          "source": {"title": "Test paper", "publisher": "IOM", "year": 2005, "matrixDate": "2005-05-19"},
          "regions": [
            {"id": "europe", "name": "Europe and the Former Soviet Union", "order": 1, "source": "Annex A"},
            {"id": "asia", "name": "Asia and the Pacific", "order": 3, "source": "Annex A"},
            {"id": "africa", "name": "Africa", "order": 2, "source": "Annex A"},
            {"id": "global", "name": "Global mechanisms", "order": 4, "source": "Part II"}
          ],
          "parties": [
            {"id": "turkey", "name": "Turkey", "kind": "state", "iso3": "TUR", "aliases": ["Türkiye"], "source": "Annex A"},
            {"id": "united-kingdom", "name": "United Kingdom", "kind": "state", "iso3": "GBR", "aliases": ["UK", "the UK"], "source": "Annex A"},
            {"id": "ukraine", "name": "Ukraine", "kind": "state", "iso3": "UKR", "source": "Annex A"},
            {"id": "cote-d-ivoire", "name": "Côte d’Ivoire", "kind": "state", "iso3": "CIV", "aliases": ["Côte d’ Ivoire"], "asciiName": "Cote d'Ivoire", "source": "Annex A"},
            {"id": "viet-nam", "name": "Viet Nam", "kind": "state", "iso3": "VNM", "aliases": ["Vietnam"], "source": "Annex A"},
            {"id": "australia", "name": "Australia", "kind": "state", "iso3": "AUS", "source": "Annex A"},
            {"id": "indonesia", "name": "Indonesia", "kind": "state", "iso3": "IDN", "source": "Annex A"},
            {"id": "hong-kong", "name": "Hong Kong SAR", "kind": "territory", "iso3": "HKG", "aliases": ["Hong Kong (SAR of China)"], "source": "Annex A"},
            {"id": "republic-of-korea", "name": "Republic of Korea", "kind": "state", "iso3": "KOR", "source": "Annex A"},
            {"id": "dpr-korea", "name": "Democratic People’s Republic of Korea", "kind": "state", "iso3": "PRK", "aliases": ["DPR Korea"], "source": "Annex A"},
            {"id": "senegal", "name": "Senegal", "kind": "state", "iso3": "SEN", "source": "Annex A"},
            {"id": "iom", "name": "International Organization for Migration", "kind": "organization", "aliases": ["IOM"], "source": "Annex A"},
            {"id": "unhcr", "name": "UNHCR", "kind": "organization", "source": "Annex A"}
          ],
          "processes": [
            {"id": "budapest", "number": 2, "name": "Budapest Process", "shortName": "Budapest", "aliases": [],
             "region": "europe", "year": 1993, "inMatrix": true, "summary": "Forum of European states.",
             "participants": [
               {"party": "turkey", "roles": ["member", "vice-chair"]},
               {"party": "united-kingdom", "roles": ["member"]},
               {"party": "ukraine", "roles": ["member"]},
               {"party": "iom", "roles": ["observer", "secretariat"]},
               {"party": "unhcr", "roles": ["observer"]}
             ],
             "statedTotal": {"text": "Total: 3", "members": 3},
             "secretariat": "ICMPD", "topics": [{"label": "smuggling and trafficking", "practices": [6]}],
             "priorities": ["return"], "source": "Annex A, row 2"},
            {"id": "soderkoping", "number": 3, "name": "Söderköping Process", "shortName": "Söderköping",
             "aliases": ["CBCP", "Cross-Border Co-operation Process"],
             "region": "europe", "year": 2001, "inMatrix": true, "summary": "Border states of the enlarged EU.",
             "participants": [{"party": "ukraine", "roles": ["member"]}, {"party": "united-kingdom", "roles": ["observer"], "note": "through a project"}],
             "statedTotal": {"text": "Total: 1", "members": 1},
             "secretariat": "UNHCR", "topics": [{"label": "asylum", "practices": [9]}], "priorities": [], "source": "Annex A, row 3"},
            {"id": "cluster", "number": null, "name": "Cluster Process", "shortName": "Cluster", "aliases": [],
             "region": "europe", "year": 2001, "inMatrix": false, "summary": "A footnote group.",
             "participants": [{"party": "turkey", "roles": ["participant"]}],
             "secretariat": "none", "topics": [], "priorities": [], "source": "Annex A, footnote i"},
            {"id": "midwa", "number": 9, "name": "Migration Dialogue for West Africa", "shortName": "MIDWA",
             "aliases": ["Dakar Follow-up"], "region": "africa", "year": 2001, "inMatrix": true,
             "summary": "West African dialogue.",
             "participants": [{"party": "cote-d-ivoire", "roles": ["member"]}, {"party": "senegal", "roles": ["member", "chair"]}],
             "statedTotal": {"text": "Total: 2", "members": 2},
             "secretariat": "IOM", "topics": [{"label": "trafficking in persons", "practices": [6]}],
             "priorities": [], "status": ["dormant"], "source": "Annex A, row 9"},
            {"id": "manila", "number": 10, "name": "Manila Process", "shortName": "Manila", "aliases": [],
             "region": "asia", "year": 1996, "inMatrix": true, "summary": "Asia.",
             "participants": [{"party": "australia", "roles": ["member"]}, {"party": "hong-kong", "roles": ["member"]}],
             "statedTotal": {"text": "Total: 1 + Hong Kong", "members": 1, "plus": ["hong-kong"]},
             "secretariat": "IOM", "topics": [], "priorities": [], "source": "Annex A, row 10"},
            {"id": "bali", "number": 13, "name": "Bali Ministerial Conference on People Smuggling, Trafficking in Persons and Related Transnational Crime",
             "shortName": "Bali Process", "aliases": ["Bali Conference"], "region": "asia", "year": 2002, "inMatrix": true,
             "summary": "Asia-Pacific.",
             "participants": [
               {"party": "viet-nam", "roles": ["member"]},
               {"party": "indonesia", "roles": ["member", "co-chair"]},
               {"party": "turkey", "roles": ["member"]},
               {"party": "australia", "roles": ["member", "co-chair"]},
               {"party": "hong-kong", "roles": ["member"]},
               {"party": "dpr-korea", "roles": ["member"]},
               {"party": "republic-of-korea", "roles": ["member"]},
               {"party": "iom", "roles": ["participant"]}
             ],
             "statedTotal": {"text": "Total: 6 + Hong Kong", "members": 6, "plus": ["hong-kong"]},
             "secretariat": "Australia, Indonesia, IOM", "topics": [{"label": "people smuggling", "practices": [6]}, {"label": "return and readmission", "practices": [6, 9]}],
             "priorities": [], "source": "Annex A, row 13"}
          ],
          "mechanisms": [
            {"id": "idm", "name": "International Dialogue on Migration", "shortName": "IDM", "aliases": [], "year": 2001,
             "summary": "IOM's forum.", "participants": [{"party": "iom", "roles": ["coordinator"]}],
             "events": [
               {"id": "idm-2004-trade", "kind": "intersessional-workshop", "year": 2004, "date": "2004-12", "title": "Trade and Migration",
                "place": "Geneva", "partners": ["unhcr"], "processes": ["bali"], "source": "Part II"}
             ],
             "source": "Part II"}
          ],
          "practices": [
            {"id": "ep-06", "number": 6, "title": "Irregular migration",
             "items": [{"id": "ep-06.1", "title": "Trafficking in persons"}, {"id": "ep-06.2", "title": "Smuggling of migrants"}],
             "source": "Annex D"},
            {"id": "ep-09", "number": 9, "title": "Return", "items": [], "source": "Annex D"}
          ],
          "understandings": [
            {"id": "cu-01", "number": 1, "summary": "Migration touches every state.", "source": "Annex C"}
          ]
        }
        """#

    static let dataset: Dataset = {
        do {
            return try DataLoader.load(bytes: Array(json.utf8), file: "fixture.json")
        } catch {
            fatalError("the fixture does not load:\n\(error)")
        }
    }()

    static let catalog = Catalog(dataset)

    /// The fixture's text with the first `old` replaced by `new` — for loader tests that break one thing.
    static func replacing(_ old: String, with new: String) -> [UInt8] {
        precondition(json.contains(old), "the fixture has no \(old)")
        return Array(json.replacing(old, with: new, maxReplacements: 1).utf8)
    }
}
