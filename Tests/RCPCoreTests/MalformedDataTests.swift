import RCPCore
import RCPData
import RCPTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Malformed variants of the bundled data file, made by a generator: cut short at many offsets, values of the
/// wrong type, required fields removed, references to records that do not exist, duplicate ids, huge strings,
/// control characters and invalid UTF-8 in names, keys repeated or unknown, the wrong top-level value, an
/// empty file, a directory. Each variant must be refused with problems that name the file and say what is
/// wrong where (the record and field of the damage, or the line and column of a syntax error) — never a
/// crash, never a silent load. (`Tests/RCPXTests/RobustnessDataFileTests.swift` runs a sample through the
/// real binary.)
@Suite("Malformed data files")
struct MalformedDataTests {
    static let file = "variant.json"

    /// The loader's problems for `bytes`, or nil when it loaded.
    static func problems(_ bytes: [UInt8]) -> [LoadProblem]? {
        do {
            _ = try DataLoader.load(bytes: bytes, file: file)
            return nil
        } catch {
            return error.problems
        }
    }

    /// What every refusal must look like: at least one problem, each naming the file, each one printable line
    /// of reasonable length (values are quoted and cut, control characters escaped).
    static func checkShape(_ problems: [LoadProblem], _ what: String) {
        #expect(!problems.isEmpty, "\(what): refused without a problem")
        for p in problems {
            let d = p.description
            #expect(p.file == file && d.hasPrefix(file + ":"), "\(what): problem without the file name: \(d)")
            #expect(
                !d.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F },
                "\(what): raw control character in \(d.debugDescription)")
            #expect(d.count < 600, "\(what): a \(d.count)-character message")
            #expect(!p.message.isEmpty, "\(what): empty message")
        }
    }

    /// Whether a problem names `record` and `field` and its message passes `message`.
    static func named(_ found: [LoadProblem], _ record: String, _ field: String, _ message: (String) -> Bool) -> Bool {
        found.contains { p in p.record == record && p.field == field && message(p.message) }
    }

    static func named(_ found: [LoadProblem], _ record: String, _ field: String, _ message: String) -> Bool {
        named(found, record, field) { $0 == message }
    }

    static func descriptions(_ found: [LoadProblem]) -> [String] { found.map(\.description) }

    // MARK: The bundled file as a tree

    static let original: JSONValue = {
        do { return try JSON.parse(BundledData.json) } catch { fatalError("the bundled file does not parse: \(error)") }
    }()

    static func members(_ v: JSONValue) -> [JSONMember] {
        if case .object(let m) = v { return m }
        return []
    }

    static func elements(_ v: JSONValue) -> [JSONValue] {
        if case .array(let a) = v { return a }
        return []
    }

    /// A record of the file: where it is and how problems name it.
    struct Record {
        var collection: String
        var kind: String
        var index: Int
        var id: String
        var label: String { "\(kind) \"\(id)\"" }
        var indexLabel: String { "\(collection)[\(index)]" }
    }

    static let kinds = [
        ("regions", "region"), ("parties", "party"), ("processes", "process"),
        ("mechanisms", "mechanism"), ("practices", "practice"), ("understandings", "understanding"),
    ]

    static func records(_ collection: String) -> [Record] {
        let kind = kinds.first { $0.0 == collection }!.1
        let list = elements(original[collection] ?? .null)
        return list.enumerated().map { i, v in
            var id = ""
            if case .string(let s)? = v["id"] { id = s }
            return Record(collection: collection, kind: kind, index: i, id: id)
        }
    }

    /// The file with record `index` of `collection` changed by `change`.
    static func editing(_ collection: String, _ index: Int, _ change: (inout [JSONMember]) -> Void) -> [UInt8] {
        var top = members(original)
        let at = top.firstIndex { $0.key == collection }!
        var list = elements(top[at].value)
        var record = members(list[index])
        change(&record)
        list[index] = .object(record)
        top[at].value = .array(list)
        return serialize(.object(top))
    }

    static func serialize(_ v: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        func string(_ s: String) {
            out.append(0x22)
            for u in s.unicodeScalars {
                switch u {
                case "\"": out += Array("\\\"".utf8)
                case "\\": out += Array("\\\\".utf8)
                default:
                    if u.value < 0x20 {
                        let hex = String(u.value, radix: 16)
                        out += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                    } else {
                        out += Array(String(u).utf8)
                    }
                }
            }
            out.append(0x22)
        }
        func value(_ v: JSONValue, _ indent: Int) {
            switch v {
            case .null: out += Array("null".utf8)
            case .bool(let b): out += Array((b ? "true" : "false").utf8)
            case .number(let d): out += Array((d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)).utf8)
            case .string(let s): string(s)
            case .array(let a):
                out.append(UInt8(ascii: "["))
                for (i, e) in a.enumerated() { if i > 0 { out.append(UInt8(ascii: ",")) }; value(e, indent + 1) }
                out.append(UInt8(ascii: "]"))
            case .object(let m):
                // One member a line, so that line numbers mean something.
                out.append(UInt8(ascii: "{"))
                for (i, e) in m.enumerated() {
                    if i > 0 { out.append(UInt8(ascii: ",")) }
                    out.append(UInt8(ascii: "\n"))
                    out += Array(repeating: UInt8(ascii: " "), count: 2 * (indent + 1))
                    string(e.key)
                    out += Array(": ".utf8)
                    value(e.value, indent + 1)
                }
                out.append(UInt8(ascii: "}"))
            }
        }
        value(v, 0)
        return out
    }

    @Test func theSerializedOriginalLoads() throws {
        // The generator's own output, unchanged, must load: else every refusal below proves nothing.
        #expect(Self.problems(Self.serialize(Self.original)) == nil)
    }

    // MARK: Syntax

    @Test func truncatedAtManyOffsetsIsASyntaxErrorWithAPosition() {
        let bytes = BundledData.json
        var offsets = Set(stride(from: 1, to: bytes.count, by: max(1, bytes.count / 250)))
        var rng = SplitMix64(seed: 11)
        for _ in 0..<100 { offsets.insert(Int.random(in: 1..<bytes.count, using: &rng)) }
        // Inside a multi-byte character, and just before the final brace.
        if let i = bytes.firstIndex(where: { $0 >= 0xC0 }) { offsets.insert(i + 1) }
        offsets.insert(bytes.count - 1)
        for n in offsets.sorted() {
            let cut = Array(bytes[..<n])
            guard let found = Self.problems(cut) else {
                Issue.record("cut at \(n) of \(bytes.count) bytes loads")
                continue
            }
            Self.checkShape(found, "cut at \(n)")
            if cut.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { continue }
            #expect(
                found.count == 1 && found[0].line != nil && found[0].column != nil,
                "cut at \(n): \(found.map(\.description))")
        }
    }

    @Test func invalidUTF8InANameIsASyntaxErrorAtItsLine() throws {
        let text = BundledData.json
        let lines = text.split(separator: 0x0A, omittingEmptySubsequences: false)
        // Every line holding a "name", in turn, with each kind of bad sequence.
        let bad: [[UInt8]] = [
            [0xFF], [0xC3], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xE2, 0x82],
        ]
        let nameLines = lines.indices.filter { lines[$0].starts(with: Array("      \"name\": \"".utf8)) }
        try #require(nameLines.count > 100, "the bundled file has a \"name\" line per record")
        var tried = 0
        for (n, line) in nameLines.enumerated() where n % 3 == 0 {
            var copy = lines.map(Array.init)
            let sequence = bad[n % bad.count]
            let quote = copy[line].lastIndex(of: 0x22)!
            copy[line].insert(contentsOf: sequence, at: quote)
            let bytes = Array(copy.joined(separator: [0x0A]))
            let found = try #require(Self.problems(bytes), "invalid UTF-8 \(sequence) on line \(line + 1) loads")
            Self.checkShape(found, "invalid UTF-8 on line \(line + 1)")
            #expect(
                found.count == 1 && found[0].line == line + 1 && found[0].message.contains("invalid UTF-8"),
                "\(sequence) on line \(line + 1): \(found.map(\.description))")
            tried += 1
        }
        #expect(tried > 30)
    }

    /// Whole files that are not a data file at all: (name, text, a fragment the problem must contain).
    static let oddities: [(String, String, String)] = [
        ("empty", "", "the file is empty"),
        ("blanks", "   \n\t ", ""),
        ("a byte-order mark alone", "\u{FEFF}", ""),
        ("null", "null", "expected an object, found null"),
        ("an array", "[]", "expected an object, found an array"),
        ("a string", "\"rcp\"", "expected an object, found a string"),
        ("a number", "42", "expected an object, found a number"),
        ("an empty object", "{}", "missing required field"),
        ("only the version", "{\"formatVersion\": 1}", "missing required field"),
        ("two documents", "{\"formatVersion\": 1} {}", ""),
        ("100,000 nested arrays", String(repeating: "[", count: 100_000), "deep"),
        ("a NUL in a string", "{\"a\": \"\u{0}\"}", ""),
        ("a number too large", "{\"formatVersion\": 1e400}", ""),
    ]

    @Test(arguments: oddities.map(\.0))
    func wholeFileOddities(name: String) throws {
        let (_, text, fragment) = Self.oddities.first { $0.0 == name }!
        let found = try #require(Self.problems(Array(text.utf8)), "\(name) loads")
        Self.checkShape(found, name)
        if !fragment.isEmpty {
            #expect(found.contains { $0.message.contains(fragment) }, "\(name): \(Self.descriptions(found))")
        }
    }

    @Test func aDirectoryOrANonFileIsNamed() throws {
        let dir = try makeScratchDirectory("rcpx-malformed")
        defer { removeScratchDirectory(dir) }
        for (path, fragment) in [
            (dir, "is a directory"), ("/dev/null", "empty"), (dir + "/absent.json", "no such file"),
        ] {
            do {
                _ = try DataLoader.load(path: path)
                Issue.record("\(path) loads")
            } catch {
                #expect(
                    error.problems.count == 1 && error.problems[0].file == path
                        && error.problems[0].message.contains(fragment), "\(path): \(error.problems)")
            }
        }
    }

    // MARK: Structure: types, required fields, keys

    /// The required fields of each kind of record (docs/DATA.md).
    static let required: [String: [String]] = [
        "regions": ["id", "name", "order", "source"],
        "parties": ["id", "name", "kind", "source"],
        "processes": [
            "id", "name", "shortName", "aliases", "region", "inMatrix", "summary", "participants",
            "secretariat", "topics", "priorities", "source",
        ],
        "mechanisms": ["id", "name", "shortName", "aliases", "summary", "participants", "events", "source"],
        "practices": ["id", "number", "title", "items", "source"],
        "understandings": ["id", "number", "summary", "source"],
    ]

    /// A value of another JSON type than `v`.
    static func wrongType(for v: JSONValue, _ pick: Int) -> JSONValue {
        let candidates: [JSONValue] = [
            .number(7), .string("seven"), .bool(true), .array([.number(1)]),
            .object([JSONMember(key: "x", value: .number(1))]),
        ]
        let others = candidates.filter { $0.typeDescription != v.typeDescription }
        return others[pick % others.count]
    }

    @Test func everyRequiredFieldRemovedIsNamed() {
        var count = 0
        for (collection, fields) in Self.required {
            let all = Self.records(collection)
            // A few records of each kind, each missing each required field in turn.
            for record in all.enumerated().filter({ $0.offset % max(1, all.count / 4) == 0 }).map(\.element) {
                for field in fields {
                    let bytes = Self.editing(collection, record.index) { $0.removeAll { $0.key == field } }
                    let what = "\(record.label) without \(field)"
                    guard let found = Self.problems(bytes) else { Issue.record("\(what) loads"); continue }
                    Self.checkShape(found, what)
                    let label = field == "id" ? record.indexLabel : record.label
                    #expect(
                        Self.named(found, label, field, "missing required field"),
                        "\(what): \(found.map(\.description))")
                    count += 1
                }
            }
        }
        #expect(count > 100)
    }

    @Test func everyFieldWithTheWrongTypeIsNamed() {
        var count = 0
        for (collection, _) in Self.kinds {
            let all = Self.records(collection)
            for record in all.enumerated().filter({ $0.offset % max(1, all.count / 3) == 0 }).map(\.element) {
                let fields = Self.members(Self.elements(Self.original[collection] ?? .null)[record.index])
                // Not the id (it names the record), not a null (an optional field left out: any type is new).
                for (n, member) in fields.enumerated() where member.key != "id" && member.value != .null {
                    let bad = Self.wrongType(for: member.value, n + record.index)
                    let bytes = Self.editing(collection, record.index) { $0[n].value = bad }
                    let what = "\(record.label).\(member.key) = \(bad.typeDescription)"
                    guard let found = Self.problems(bytes) else { Issue.record("\(what) loads"); continue }
                    Self.checkShape(found, what)
                    let wrongTyped = found.contains { p in
                        p.record == record.label && (p.field ?? "").hasPrefix(member.key)
                            && p.message.hasPrefix("expected ")
                    }
                    #expect(wrongTyped, "\(what): \(Self.descriptions(found))")
                    count += 1
                }
            }
        }
        #expect(count > 150)
    }

    @Test func wrongTypesInsideNestedValuesAreNamed() throws {
        let bali = try #require(Self.records("processes").first { $0.id == "bali" })
        let cases: [(String, (inout [JSONMember]) -> Void, String)] = [
            (
                "participants[0].roles", { r in Self.setNested(&r, "participants", 0, "roles", .string("member")) },
                "participants[0].roles"
            ),
            (
                "participants[0].party", { r in Self.setNested(&r, "participants", 0, "party", .number(3)) },
                "participants[0].party"
            ),
            (
                "participants[2]", { r in Self.setElement(&r, "participants", 2, .string("Australia")) },
                "participants[2]"
            ),
            (
                "topics[0].practices", { r in Self.setNested(&r, "topics", 0, "practices", .array([.string("six")])) },
                "topics[0].practices[0]"
            ),
            ("aliases[1]", { r in Self.setElement(&r, "aliases", 1, .null) }, "aliases[1]"),
            (
                "statedTotal.members",
                { r in
                    guard let i = r.firstIndex(where: { $0.key == "statedTotal" }) else { return }
                    var t = Self.members(r[i].value)
                    if let j = t.firstIndex(where: { $0.key == "members" }) { t[j].value = .number(40.5) }
                    r[i].value = .object(t)
                }, "statedTotal.members"
            ),
        ]
        for (name, change, field) in cases {
            let found = try #require(Self.problems(Self.editing("processes", bali.index, change)), "\(name) loads")
            Self.checkShape(found, name)
            #expect(Self.named(found, bali.label, field) { _ in true }, "\(name): \(Self.descriptions(found))")
        }
    }

    static func setNested(_ r: inout [JSONMember], _ key: String, _ index: Int, _ field: String, _ value: JSONValue) {
        guard let i = r.firstIndex(where: { $0.key == key }) else { return }
        var list = elements(r[i].value)
        var element = members(list[index])
        if let j = element.firstIndex(where: { $0.key == field }) { element[j].value = value }
        list[index] = .object(element)
        r[i].value = .array(list)
    }

    static func setElement(_ r: inout [JSONMember], _ key: String, _ index: Int, _ value: JSONValue) {
        guard let i = r.firstIndex(where: { $0.key == key }) else { return }
        var list = elements(r[i].value)
        list[index] = value
        r[i].value = .array(list)
    }

    @Test func unknownAndRepeatedKeysAreNamed() throws {
        for record in Self.records("parties").prefix(20) {
            let unknown = Self.editing("parties", record.index) {
                $0.append(JSONMember(key: "colour", value: .string("red")))
            }
            let found = try #require(Self.problems(unknown))
            #expect(Self.named(found, record.label, "colour", "unknown key"), "\(Self.descriptions(found))")
            let repeated = Self.editing("parties", record.index) {
                $0.append(JSONMember(key: "name", value: .string("Other")))
            }
            let again = try #require(Self.problems(repeated))
            #expect(Self.named(again, record.label, "name", "duplicate key"), "\(Self.descriptions(again))")
        }
    }

    // MARK: References and ids

    @Test func everyKindOfUnknownReferenceIsNamed() throws {
        var count = 0
        for record in Self.records("processes") {
            let process = Self.elements(Self.original["processes"] ?? .null)[record.index]
            let list = Self.elements(process["participants"] ?? .null)
            for j in stride(from: 0, to: list.count, by: 7) {
                let bytes = Self.editing("processes", record.index) {
                    Self.setNested(&$0, "participants", j, "party", .string("atlantis"))
                }
                let found = try #require(Self.problems(bytes))
                #expect(
                    Self.named(found, record.label, "participants[\(j)].party", "unknown party \"atlantis\""),
                    "\(record.label) #\(j): \(Self.descriptions(found))")
                count += 1
            }
            let region = Self.editing("processes", record.index) { r in
                if let i = r.firstIndex(where: { $0.key == "region" }) { r[i].value = .string("oceania-x") }
            }
            let found = try #require(Self.problems(region))
            #expect(
                Self.named(found, record.label, "region", "unknown region \"oceania-x\""), "\(Self.descriptions(found))"
            )
        }
        // Events name partners and processes.
        for record in Self.records("mechanisms") {
            let mechanism = Self.elements(Self.original["mechanisms"] ?? .null)[record.index]
            let events = Self.elements(mechanism["events"] ?? .null)
            for (e, event) in events.enumerated() {
                for (key, what) in [("partners", "party"), ("processes", "process")]
                where !Self.elements(event[key] ?? .null).isEmpty {
                    let bytes = Self.editing("mechanisms", record.index) { r in
                        guard let i = r.firstIndex(where: { $0.key == "events" }) else { return }
                        var list = Self.elements(r[i].value)
                        var m = Self.members(list[e])
                        if let k = m.firstIndex(where: { $0.key == key }) {
                            m[k].value = .array([.string("nowhere-\(e)")])
                        }
                        list[e] = .object(m)
                        r[i].value = .array(list)
                    }
                    let found = try #require(Self.problems(bytes))
                    #expect(
                        Self.named(found, record.label, "events[\(e)].\(key)[0]", "unknown \(what) \"nowhere-\(e)\""),
                        "\(Self.descriptions(found))")
                    count += 1
                }
            }
        }
        #expect(count > 40)
    }

    @Test func duplicateIdsAreNamedInEveryCollection() throws {
        for (collection, kind) in Self.kinds {
            let all = Self.records(collection)
            guard all.count >= 2 else { continue }
            for k in stride(from: 1, to: all.count, by: max(1, all.count / 10)) {
                let taken = all[k - 1].id
                let bytes = Self.editing(collection, k) { r in
                    if let i = r.firstIndex(where: { $0.key == "id" }) { r[i].value = .string(taken) }
                }
                let found = try #require(Self.problems(bytes), "\(collection)[\(k)] with the id of [\(k - 1)] loads")
                Self.checkShape(found, "duplicate \(kind) id")
                #expect(
                    Self.named(found, "\(kind) \"\(taken)\"", "id", "duplicate id \"\(taken)\""),
                    "\(Self.descriptions(found))")
            }
        }
    }

    // MARK: Text

    /// A region's short name is for the narrow tree: longer than it has room for is refused, with the limit.
    @Test func aRegionShortNameTooLongForTheTreeIsNamed() throws {
        let long = String(repeating: "x", count: Region.shortNameLimit + 1)
        let bytes = Self.editing("regions", 1) { r in
            if let i = r.firstIndex(where: { $0.key == "shortName" }) { r[i].value = .string(long) }
        }
        let found = try #require(Self.problems(bytes), "a \(long.count)-character short name loads")
        #expect(
            found.contains { $0.message.contains("at most \(Region.shortNameLimit)") }, "\(Self.descriptions(found))")
    }

    @Test func hugeStringsAreRefusedAndQuotedShort() throws {
        for (collection, field, size) in [
            ("parties", "name", 10_001), ("processes", "summary", 1_000_000),
            ("regions", "name", 50_000), ("practices", "title", 200_000),
        ] {
            let record = Self.records(collection)[1]
            let huge = String(repeating: "Ω", count: size)
            let bytes = Self.editing(collection, record.index) { r in
                if let i = r.firstIndex(where: { $0.key == field }) { r[i].value = .string(huge) }
            }
            let found = try #require(Self.problems(bytes))
            Self.checkShape(found, "huge \(collection) \(field)")
            #expect(
                Self.named(found, record.label, field) { $0.contains("at most") },
                "\(found.map(\.description))")
        }
        // A huge unknown id in a reference is quoted short.
        let bali = try #require(Self.records("processes").first { $0.id == "bali" })
        let id = String(repeating: "z", count: 100_000)
        let found = try #require(
            Self.problems(
                Self.editing("processes", bali.index) { Self.setNested(&$0, "participants", 0, "party", .string(id)) }))
        Self.checkShape(found, "a 100,000-character party reference")
    }

    @Test func controlCharactersInNamesAndIdsAreNamedAndEscaped() throws {
        let controls: [Unicode.Scalar] = ["\u{0}", "\u{7}", "\u{1B}", "\t", "\n", "\u{7F}", "\u{85}", "\u{9B}"]
        for (n, c) in controls.enumerated() {
            let record = Self.records("parties")[n * 7]
            let name = "Ghana\(c)[31mred"
            let bytes = Self.editing("parties", record.index) { r in
                if let i = r.firstIndex(where: { $0.key == "name" }) { r[i].value = .string(name) }
            }
            let found = try #require(Self.problems(bytes), "a name with U+\(String(c.value, radix: 16)) loads")
            Self.checkShape(found, "control U+\(String(c.value, radix: 16)) in a name")
            #expect(
                Self.named(found, record.label, "name") { $0.hasPrefix("control character U+") },
                "\(found.map(\.description))")
            // In an id: the record is named with the id escaped.
            let inID = Self.editing("parties", record.index) { r in
                if let i = r.firstIndex(where: { $0.key == "id" }) { r[i].value = .string("x\(c)y") }
            }
            let idProblems = try #require(Self.problems(inID))
            Self.checkShape(idProblems, "control U+\(String(c.value, radix: 16)) in an id")
        }
    }

    /// Two hundred rounds of random structural edits, several at once: never a crash, never a load, always named.
    @Test func randomCombinationsOfDamage() {
        var rng = SplitMix64(seed: 2005)
        var refused = 0
        for round in 0..<200 {
            var top = Self.members(Self.original)
            var damage: [String] = []
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                let (collection, _) = Self.kinds.randomElement(using: &rng)!
                guard let at = top.firstIndex(where: { $0.key == collection }) else { continue }
                var list = Self.elements(top[at].value)
                guard !list.isEmpty else { continue }
                let i = Int.random(in: 0..<list.count, using: &rng)
                var record = Self.members(list[i])
                guard !record.isEmpty else { continue }
                let k = Int.random(in: 0..<record.count, using: &rng)
                switch Int.random(in: 0..<6, using: &rng) {
                case 0: damage.append("remove \(record[k].key)"); record.remove(at: k)
                case 1:
                    record[k].value = Self.wrongType(for: record[k].value, round);
                    damage.append("retype \(record[k].key)")
                case 2: record[k].value = .string("nonexistent-\(round)"); damage.append("string \(record[k].key)")
                case 3: record.append(JSONMember(key: "extra\(round)", value: .null)); damage.append("extra key")
                case 4: list.append(list[i]); damage.append("duplicate record")
                default: record[k].value = .null; damage.append("null \(record[k].key)")
                }
                if case .object = list[i] { list[i] = .object(record) }
                top[at].value = .array(list)
            }
            let bytes = Self.serialize(.object(top))
            if let found = Self.problems(bytes) {
                Self.checkShape(found, "round \(round): \(damage)")
                refused += 1
            }
        }
        // Some edits are harmless (null in an optional field, a changed prose string); most are not.
        #expect(refused > 130)
    }
}
