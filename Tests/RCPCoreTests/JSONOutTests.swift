import RCPCore
import Testing

/// The JSON writer every JSON output of rcpx goes through: its three layouts and its string escapes.
@Suite("JSON writer")
struct JSONOutTests {
    static let sample = JSONOut.object([
        ("name", .string("Côte d’Ivoire")), ("count", .int(3)), ("none", .null), ("ok", .bool(true)),
        ("list", .array([.int(1), .array([]), .object([])])),
    ])

    @Test func prettyPrintedWithTwoSpacesAndAFinalNewline() {
        #expect(
            Self.sample.rendered() == """
                {
                  "name": "Côte d’Ivoire",
                  "count": 3,
                  "none": null,
                  "ok": true,
                  "list": [
                    1,
                    [],
                    {}
                  ]
                }

                """)
    }

    @Test func oneLineSpacedAndCompact() {
        #expect(
            Self.sample.renderedOnOneLine()
                == #"{"name": "Côte d’Ivoire", "count": 3, "none": null, "ok": true, "list": [1, [], {}]}"#)
        #expect(
            Self.sample.renderedOnOneLine(spaced: false)
                == #"{"name":"Côte d’Ivoire","count":3,"none":null,"ok":true,"list":[1,[],{}]}"#)
    }

    @Test func controlsSeparatorsAndQuotesAreEscaped() {
        let text = "a\"b\\c\n\r\t\u{08}\u{0C}\u{01}\u{7F}\u{85}\u{2028}\u{2029}é😀"
        #expect(
            JSONOut.quoted(text)
                == #""a\"b\\c\n\r\t\b\f\u0001\u007f\u0085\u2028\u2029é😀""#)
        #expect(
            JSONOut.quoted(text, asciiOnly: true)
                == #""a\"b\\c\n\r\t\b\f\u0001\u007f\u0085\u2028\u2029\u00e9\ud83d\ude00""#)
    }

    @Test func aParsedValueIsWrittenBackAsItWas() throws {
        let compact = #"{"a":[1,-2,1.5,1e+20,true,null],"b":{"c":"d\u0001é"},"e":[]}"#
        let value = try JSON.parse(Array(compact.utf8))
        #expect(JSONOut(value).renderedOnOneLine(spaced: false) == compact)
    }
}
