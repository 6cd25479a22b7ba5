import Testing

@testable import RCPCore

@Suite("Normalization")
struct NormalizationTests {
    @Test(arguments: [
        ("Söderköping", "soderkoping"),
        ("Côte d’Ivoire", "cote d ivoire"),
        ("COTE D'IVOIRE", "cote d ivoire"),
        ("“5+5” – Dialogue", " 5 5    dialogue"),
        ("Ñandú Łódź Œuvre ŞİŞLİ Ţara", "nandu lodz ouvre sisli tara"),
        ("Ærø Þór straße ÿ", "aro tor strase y"),
        ("România: Ștefan, Țara", "romania  stefan  tara"),
        ("Москва", "москва"),
    ])
    func foldsCaseDiacriticsAndPunctuation(input: String, folded: String) {
        #expect(normalizeForSearch(input) == folded)
    }

    @Test func keepsOneCharacterPerCharacterSoOffsetsMapBack() {
        let samples = ["Côte d’ Ivoire", "e\u{301}cole", "🇫🇷 France", "Hong Kong (SAR of China)", "a\r\nb", "Ǆemal"]
        for s in samples {
            #expect(normalizeForSearch(s).count == s.count, "\(s)")
        }
        // A decomposed "é" (e + combining acute) is one character and folds like a composed one.
        #expect(normalizeForSearch("e\u{301}cole") == "ecole")
    }

    @Test func matchRangesHighlightTheOriginalCharacters() {
        #expect(matchRanges(of: "ivoire", in: "Côte d’Ivoire") == [7..<13])
        #expect(matchRanges(of: "cote d ivoire", in: "La Côte d’ Ivoire") == [3..<17])
        #expect(matchRanges(of: "an", in: "Anand and Ann") == [0..<2, 2..<4, 6..<8, 10..<12])
        #expect(matchRanges(of: "soderk", in: "the Söderköping Process") == [4..<10])
        #expect(matchRanges(of: "", in: "anything") == [])
        #expect(matchRanges(of: "xyz", in: "anything") == [])
    }

    @Test func editDistanceCountsTranspositionsAsOneEdit() {
        func d(_ a: String, _ b: String) -> Int { editDistance(searchKey(a), searchKey(b)) }
        #expect(d("turky", "turkey") == 1)
        #expect(d("tukrey", "turkey") == 1)
        #expect(d("bali proces", "bali process") == 1)
        #expect(d("", "abc") == 3)
        #expect(d("kitten", "sitting") == 3)
    }
}
