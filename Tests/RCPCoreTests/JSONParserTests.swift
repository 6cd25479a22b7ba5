import RCPTestSupport
import Testing

@testable import RCPCore

private func parseError(_ text: String) -> JSONSyntaxError? {
    parseError(Array(text.utf8))
}

private func parseError(_ bytes: [UInt8]) -> JSONSyntaxError? {
    do {
        _ = try JSON.parse(bytes)
        return nil
    } catch {
        return error
    }
}

@Suite("JSON parser")
struct JSONParserTests {
    @Test func parsesEveryKindOfValueAndKeepsKeyOrder() throws {
        let value = try JSON.parse(#"{"z": [1, -2.5, 3e2, true, false, null], "a": "x", "m": {}}"#)
        guard case .object(let members) = value else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == ["z", "a", "m"])
        #expect(value["z"] == .array([.number(1), .number(-2.5), .number(300), .bool(true), .bool(false), .null]))
        #expect(value["a"] == .string("x"))
        #expect(value["m"] == .object([]))
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let value = try JSON.parse(#"["a\"b\\c\/d\n\t\u00e9\u2019\ud83c\udf0d"]"#)
        #expect(value == .array([.string("a\"b\\c/d\n\té’🌍")]))
    }

    @Test func keepsUTF8TextAsIs() throws {
        #expect(try JSON.parse("\"Söderköping – Côte d’Ivoire\"") == .string("Söderköping – Côte d’Ivoire"))
    }

    @Test func keepsDuplicateKeysForTheLoaderToReport() throws {
        let value = try JSON.parse(#"{"id": "a", "id": "b"}"#)
        #expect(
            value == .object([JSONMember(key: "id", value: .string("a")), JSONMember(key: "id", value: .string("b"))]))
    }

    @Test func reportsLineAndColumnOfAMissingComma() {
        let error = parseError("{\n  \"a\": 1,\n  \"b\": 2\n  \"c\": 3\n}")
        #expect(error?.line == 4)
        #expect(error?.column == 3)
        #expect(error?.message == "expected ',' or '}' after object member, found '\"'")
        #expect(error?.description == "4:3: expected ',' or '}' after object member, found '\"'")
    }

    @Test func countsColumnsInCharactersNotBytes() {
        // "é" and "’" are 2 and 3 bytes; the stray "x" is the 11th character of the line.
        let error = parseError("[\"é’\", 1, x]")
        #expect(error?.line == 1)
        #expect(error?.column == 11)
    }

    @Test(arguments: [
        ("", "expected a JSON value, found end of input"),
        ("   ", "expected a JSON value, found end of input"),
        ("[1, 2", "expected ',' or ']' after array element, found end of input"),
        ("[1 2]", "expected ',' or ']' after array element, found '2'"),
        ("[1,]", "expected a value, found ']'"),
        ("{\"a\" 1}", "expected ':' after object key, found '1'"),
        ("{a: 1}", "expected a string key in object, found 'a'"),
        ("{\"a\": 1,}", "expected a string key in object, found '}'"),
        ("\"abc", "unterminated string"),
        ("\"a\u{01}b\"", "control character U+0001 in string (escape it)"),
        ("\"a\\x\"", "invalid escape '\\x' in string"),
        ("\"\\u12G4\"", "expected 4 hex digits after \\u, found 'G'"),
        ("\"\\ud800\"", "unpaired surrogate in \\u escape"),
        ("\"\\udc00\\ud800\"", "unpaired surrogate in \\u escape"),
        ("01", "invalid number: leading zero"),
        ("-", "invalid number: expected a digit"),
        ("1.", "invalid number: expected a digit after '.'"),
        ("1e+", "invalid number: expected a digit in exponent"),
        ("tru", "expected a value, found 't'"),
        ("nul", "expected a value, found 'n'"),
        ("{} {}", "unexpected '{' after the JSON value"),
        ("[1] x", "unexpected 'x' after the JSON value"),
    ])
    func namesEachSyntaxError(input: String, message: String) {
        #expect(parseError(input)?.message == message)
    }

    @Test(
        arguments: [
            [0x22, 0xC0, 0x80, 0x22],  // overlong encoding of NUL
            [0x22, 0xED, 0xA0, 0x80, 0x22],  // an encoded surrogate
            [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22],  // above U+10FFFF
            [0x22, 0xE2, 0x80, 0x22],  // truncated sequence
            [0x22, 0x80, 0x22],  // stray continuation byte
            [0x22, 0xFF, 0x22],
        ] as [[UInt8]])
    func rejectsInvalidUTF8(bytes: [UInt8]) {
        let message = parseError(bytes)?.message ?? ""
        #expect(message.hasPrefix("invalid UTF-8"))
    }

    @Test func nestingIsLimitedInsteadOfOverflowingTheStack() throws {
        let deepest = String(repeating: "[", count: JSON.maxDepth) + String(repeating: "]", count: JSON.maxDepth)
        #expect(throws: Never.self) { try JSON.parse(deepest) }
        let tooDeep =
            String(repeating: "[", count: JSON.maxDepth + 1) + String(repeating: "]", count: JSON.maxDepth + 1)
        #expect(parseError(tooDeep)?.message == "arrays and objects nest deeper than 256 levels")
        // A million open brackets: an error at the 257th, no stack overflow.
        // The 257th opening bracket is the "[" of the 129th repetition, at offset 128 × 6.
        let error = parseError(String(repeating: "[{\"a\":", count: 500_000))
        #expect(error?.offset == 768)
        #expect(error?.column == 769)
    }

    @Test func toleratesAByteOrderMark() throws {
        #expect(try JSON.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == .array([.number(1)]))
    }

    @Test func randomBytesNeverCrashAndErrorsHaveAPosition() {
        var rng = SplitMix64(seed: 42)
        let alphabet =
            Array("{}[]\":,0123456789-+.eEtrufalsn \n\\u\"abc".utf8) + [0xC3, 0xA9, 0xE2, 0x80, 0x99, 0xFF, 0x00]
        for round in 0..<2_000 {
            let length = Int.random(in: 0..<40, using: &rng)
            let bytes: [UInt8] = (0..<length).map { _ in
                round % 2 == 0 ? alphabet.randomElement(using: &rng)! : UInt8.random(in: 0...255, using: &rng)
            }
            if let error = parseError(bytes) {
                #expect(error.line >= 1 && error.column >= 1 && error.offset <= bytes.count)
            }
        }
    }

    @Test func mutatedDataFilesNeverCrashTheParserOrTheLoader() {
        var rng = SplitMix64(seed: 7)
        let original = Array(Fixture.json.utf8)
        var truncations = 0
        for _ in 0..<1_500 {
            var bytes = original
            var truncated = false
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let i = Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: bytes[i] = UInt8.random(in: 0...255, using: &rng)
                case 1: bytes.remove(at: i)
                case 2: bytes.insert(bytes[Int.random(in: 0..<bytes.count, using: &rng)], at: i)
                default: bytes.removeSubrange(i...); truncated = true
                }
                if bytes.isEmpty { bytes = [0x7B] }
            }
            do {
                _ = try DataLoader.load(bytes: bytes, file: "mutant.json")
                // Damage inside prose strings can leave a valid file; a cut-off file never is.
                #expect(!truncated)
            } catch {
                #expect(!error.problems.isEmpty)
                #expect(error.problems.allSatisfy { $0.file == "mutant.json" })
            }
            if truncated { truncations += 1 }
        }
        #expect(truncations > 300)
    }
}
