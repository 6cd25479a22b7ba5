import RCPTestSupport
import Testing

@testable import RCPCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The problems of loading `bytes`, as descriptions (empty when it loads).
private func problems(_ bytes: [UInt8], file: String = "rcp-data.json") -> [String] {
    do {
        _ = try DataLoader.load(bytes: bytes, file: file)
        return []
    } catch {
        return error.problems.map(\.description)
    }
}

/// The problems of the fixture with `old` replaced by `new`.
private func problems(replacing old: String, with new: String) -> [String] {
    problems(Fixture.replacing(old, with: new))
}

/// A scratch directory for file tests, removed by the caller.
private func scratchDirectory() -> String { try! makeScratchDirectory("rcpcore-test") }

private func writeFile(_ bytes: [UInt8], to path: String, mode: mode_t = 0o644) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode)
    precondition(fd >= 0)
    _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    close(fd)
}

@Suite("Loading and validation")
struct LoaderTests {
    @Test func theFixtureLoadsWithEveryRecord() throws {
        let dataset = try DataLoader.load(bytes: Array(Fixture.json.utf8), file: "fixture.json")
        #expect(dataset.processes.count == 6)
        #expect(dataset.parties.count == 13)
        #expect(dataset.processes.first { $0.id == "budapest" }?.participants.first?.roles == [.member, .viceChair])
        #expect(dataset.processes.first { $0.id == "manila" }?.statedTotal?.plus == ["hong-kong"])
        #expect(dataset.mechanisms.first?.events.first?.kind == .intersessionalWorkshop)
    }

    @Test func aSyntaxErrorNamesFileLineAndColumn() {
        let bytes = Array("{\n  \"formatVersion\": 1\n  \"source\": {}\n}".utf8)
        #expect(problems(bytes) == ["rcp-data.json:3:3: expected ',' or '}' after object member, found '\"'"])
    }

    @Test func anUnknownPartyIsNamedWithRecordAndField() {
        let found = problems(
            replacing: #"{"party": "dpr-korea", "roles": ["member"]}"#,
            with: #"{"party": "atlantis", "roles": ["member"]}"#)
        #expect(found.contains(#"rcp-data.json: process "bali": participants[5].party: unknown party "atlantis""#))
    }

    @Test(arguments: [
        // (old, new, the problem expected)
        (
            #""region": "asia", "year": 2002"#, #""region": "oceania", "year": 2002"#,
            #"process "bali": region: unknown region "oceania""#
        ),
        (#""year": 2002"#, #""year": 1802"#, #"process "bali": year: impossible year 1802 (expected 1900–2100)"#),
        (
            #""roles": ["member", "co-chair"]}"#, #""roles": ["member", "leader"]}"#,
            #"process "bali": participants[1].roles[1]: unknown role "leader" (expected one of: member, interested-state, observer, participant, chair, co-chair, vice-chair, presidency-pro-tempore, secretariat, coordinator)"#
        ),
        (
            #""kind": "territory""#, #""kind": "colony""#,
            #"party "hong-kong": kind: unknown party kind "colony" (expected one of: state, territory, organization)"#
        ),
        (#""name": "Senegal""#, #""name": """#, #"party "senegal": name: empty"#),
        (#""name": "Senegal""#, #""name": "Sene\tgal""#, #"party "senegal": name: control character U+0009"#),
        (#""id": "ukraine""#, #""id": "turkey""#, #"party "turkey": id: duplicate id "turkey""#),
        (
            #""id": "ep-06.2""#, #""id": "ep-06.1""#,
            #"practice "ep-06": items[1].id: duplicate practice item id "ep-06.1""#
        ),
        (
            #""id": "ukraine""#, #""id": "Ukraine!""#,
            #"party "Ukraine!": id: id "Ukraine!" must be lower-case ASCII letters and digits joined by '-' or '.'"#
        ),
        (
            #""label": "asylum", "practices": [9]"#, #""label": "asylum", "practices": [21]"#,
            #"process "soderkoping": topics[0].practices[0]: practice number 21 is outside 1–20"#
        ),
        (
            #""label": "asylum", "practices": [9]"#, #""label": "asylum", "practices": [4]"#,
            #"process "soderkoping": topics[0].practices[0]: no practice has the number 4"#
        ),
        (
            #""number": 9, "title": "Return""#, #""number": 0, "title": "Return""#,
            #"practice "ep-09": number: practice number 0 is outside 1–20"#
        ),
        (
            #""text": "Total: 3", "members": 3"#, #""text": "Total: 4", "members": 4"#,
            #"process "budapest": statedTotal.members: states 4 members but 3 participants have the role member"#
        ),
        (
            #""text": "Total: 3", "members": 3"#, #""text": "Total: 3", "members": 3, "interested": 2"#,
            #"process "budapest": statedTotal.interested: states 2 interested states but 0 participants have the role interested-state"#
        ),
        (
            #""aliases": ["Vietnam"]"#, #""aliases": ["Vietnam", "Türkiye"]"#,
            #"party "viet-nam": aliases[1]: "Türkiye" is also a name or alias of party "turkey""#
        ),
        (
            #""aliases": ["Vietnam"]"#, #""aliases": ["Vietnam", "TURKEY"]"#,
            #"party "viet-nam": aliases[1]: "TURKEY" is also a name or alias of party "turkey""#
        ),
        (
            #""partners": ["unhcr"]"#, #""partners": ["unicef"]"#,
            #"mechanism "idm": events[0].partners[0]: unknown party "unicef""#
        ),
        (
            #""processes": ["bali"]"#, #""processes": ["lima"]"#,
            #"mechanism "idm": events[0].processes[0]: unknown process "lima""#
        ),
        (
            #""plus": ["hong-kong"]}"#, #""plus": ["macao"]}"#,
            #"process "manila": statedTotal.plus[0]: unknown party "macao""#
        ),
        (
            #""roles": ["member", "vice-chair"]"#, #""roles": ["vice-chair"]"#,
            #"process "budapest": participants[0].roles: a leadership role needs the role the party holds otherwise (e.g. member)"#
        ),
        (
            #""roles": ["member", "vice-chair"]"#, #""roles": []"#,
            #"process "budapest": participants[0].roles: at least one role is needed"#
        ),
        (
            #"{"party": "ukraine", "roles": ["member"]}, {"party": "united-kingdom""#,
            #"{"party": "ukraine", "roles": ["member"]}, {"party": "ukraine""#,
            #"process "soderkoping": participants[1].party: party "ukraine" is listed twice"#
        ),
        (
            #""number": 2, "name": "Budapest Process""#, #""number": 3, "name": "Budapest Process""#,
            #"process "soderkoping": number: number 3 is also used by process "budapest""#
        ),
        (
            #""number": null, "name": "Cluster Process""#, #""number": 14, "name": "Cluster Process""#,
            #"process "cluster": number: a process outside the matrix has no matrix number"#
        ),
        (
            #""date": "2004-12""#, #""date": "2003-12""#,
            #"mechanism "idm": events[0].date: date "2003-12" is not in the year 2004"#
        ),
        (#""iso3": "SEN""#, #""iso3": "sn""#, #"party "senegal": iso3: "sn" is not a three-letter upper-case code"#),
    ])
    func eachSemanticProblemNamesRecordAndField(old: String, new: String, expected: String) {
        let found = problems(replacing: old, with: new)
        #expect(found.contains("rcp-data.json: " + expected), "got \(found)")
    }

    @Test(arguments: [
        (#""year": 2002"#, #""year": "2002""#, #"process "bali": year: expected an integer, found a string"#),
        (#""year": 2002"#, #""year": 2002.5"#, #"process "bali": year: expected an integer, found 2002.5"#),
        (
            #""inMatrix": false"#, #""inMatrix": "no""#,
            #"process "cluster": inMatrix: expected a boolean, found a string"#
        ),
        (
            #""aliases": ["CBCP", "#, #""aliases": ["CBCP", 7, "#,
            #"process "soderkoping": aliases[1]: expected a string, found a number"#
        ),
        (#""shortName": "Budapest", "#, "", #"process "budapest": shortName: missing required field"#),
        (#""shortName": "Budapest", "#, #""shortNam": "Budapest", "#, #"process "budapest": shortNam: unknown key"#),
        (
            #""shortName": "Budapest", "#, #""shortName": "Budapest", "shortName": "B", "#,
            #"process "budapest": shortName: duplicate key"#
        ),
        (#"{"id": "senegal", "#, #"{"#, #"parties[10]: id: missing required field"#),
        (#"{"id": "senegal", "#, #"{"id": 12, "#, #"parties[10]: id: expected a string, found a number"#),
        (
            #"{"party": "cote-d-ivoire", "roles": ["member"]}"#, "[]",
            #"process "midwa": participants[0]: expected an object, found an array"#
        ),
        (
            #""formatVersion": 1"#, #""formatVersion": 2"#,
            #"formatVersion: unsupported format version 2 (this rcpx reads 1)"#
        ),
        (
            #""publisher": "IOM", "year": 2005"#, #""publisher": "IOM", "year": 2205"#,
            #"source: year: impossible year 2205 (expected 1900–2100)"#
        ),
    ])
    func eachStructuralProblemNamesRecordAndField(old: String, new: String, expected: String) {
        let found = problems(replacing: old, with: new)
        #expect(found.contains("rcp-data.json: " + expected), "got \(found)")
    }

    @Test func aMissingFieldIsReportedOnceNotAlsoAsEmpty() {
        let found = problems(replacing: #""name": "Senegal", "#, with: "")
        #expect(found == [#"rcp-data.json: party "senegal": name: missing required field"#])
    }

    @Test func reportsEveryProblemAtOnceInRecordOrder() {
        var text = Fixture.json
        text = text.replacing(
            #""region": "asia", "year": 2002"#, with: #""region": "asai", "year": 20002"#, maxReplacements: 1)
        text = text.replacing(#"{"party": "dpr-korea""#, with: #"{"party": "north-korea""#, maxReplacements: 1)
        text = text.replacing(#""name": "Senegal""#, with: #""name": "   ""#, maxReplacements: 1)
        text = text.replacing(#""title": "Return""#, with: #""title": "Return", "colour": "red""#, maxReplacements: 1)
        let error: LoadError
        do {
            _ = try DataLoader.load(bytes: Array(text.utf8), file: "new.json")
            Issue.record("loaded")
            return
        } catch let e {
            error = e
        }
        #expect(
            error.problems.map(\.description) == [
                #"new.json: practice "ep-09": colour: unknown key"#,
                #"new.json: party "senegal": name: empty"#,
                #"new.json: process "bali": region: unknown region "asai""#,
                #"new.json: process "bali": year: impossible year 20002 (expected 1900–2100)"#,
                #"new.json: process "bali": participants[5].party: unknown party "north-korea""#,
            ])
        #expect(error.description.hasPrefix("new.json: 5 problems\n  new.json: practice"))
        #expect(error.problems[4].record == #"process "bali""#)
        #expect(error.problems[4].field == "participants[5].party")
    }

    @Test func hugeStringsAreRejected() {
        let huge = String(repeating: "a", count: maxTextLength + 1)
        let found = problems(replacing: #""summary": "Asia.""#, with: "\"summary\": \"\(huge)\"")
        #expect(found == [#"rcp-data.json: process "manila": summary: 10001 characters (at most 10000)"#])
    }

    @Test func validateChecksADataSetBuiltInCode() {
        var dataset = Fixture.dataset
        #expect(validate(dataset, file: "code").isEmpty)
        dataset.parties.append(Party(id: "turkey", name: "", kind: .state, source: "test"))
        dataset.understandings[0].number = 30
        #expect(
            validate(dataset, file: "code").map(\.description) == [
                #"code: party "turkey": id: duplicate id "turkey""#,
                #"code: party "turkey": name: empty"#,
                #"code: understanding "cu-01": number: understanding number 30 is outside 1–20"#,
            ])
    }

    @Test func invalidUTF8IsASyntaxErrorWithPosition() {
        var bytes = Array(Fixture.json.utf8)
        let i = bytes.firstIndex(of: 0xC3)!  // the "ü" of "Türkiye"
        bytes[i + 1] = 0x28
        let found = problems(bytes)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("rcp-data.json:") == true)
        #expect(found.first?.hasSuffix("invalid UTF-8 (byte 0x28)") == true)
    }

    @Test func emptyBytesAreAnEmptyFile() {
        #expect(problems([]) == ["rcp-data.json: the file is empty"])
    }

    @Test func loadsAFileFromDisk() throws {
        let dir = scratchDirectory()
        defer { _ = unlink(dir + "/data.json"); _ = rmdir(dir) }
        writeFile(Array(Fixture.json.utf8), to: dir + "/data.json")
        let dataset = try DataLoader.load(path: dir + "/data.json")
        #expect(dataset.processes.count == 6)
    }

    @Test func fileProblemsAreClear() throws {
        let dir = scratchDirectory()
        defer {
            for name in ["empty.json", "secret.json", "bad.json"] { _ = unlink(dir + "/" + name) }
            _ = rmdir(dir)
        }
        func fileProblems(_ path: String) -> [String] {
            do { _ = try DataLoader.load(path: path); return [] } catch { return error.problems.map(\.description) }
        }
        #expect(fileProblems(dir + "/missing.json") == ["\(dir)/missing.json: no such file"])
        #expect(fileProblems(dir) == ["\(dir): is a directory, not a data file"])
        writeFile([], to: dir + "/empty.json")
        #expect(fileProblems(dir + "/empty.json") == ["\(dir)/empty.json: the file is empty"])
        writeFile(Array("[1,".utf8), to: dir + "/bad.json")
        #expect(fileProblems(dir + "/bad.json") == ["\(dir)/bad.json:1:4: expected a value, found end of input"])
        writeFile(Array(Fixture.json.utf8), to: dir + "/secret.json", mode: 0o000)
        if getuid() != 0 {  // root reads anything
            #expect(
                fileProblems(dir + "/secret.json") == [
                    "\(dir)/secret.json: permission denied (the file is not readable)"
                ])
        }
        #expect(fileProblems(dir + "/empty.json/x") == ["\(dir)/empty.json/x: a part of the path is not a directory"])
    }
}

@Suite("Problem messages")
struct ProblemMessageTests {
    @Test func valuesInMessagesAreQuotedShortAndWithoutControlCharacters() {
        let longID = String(repeating: "x", count: 5_000)
        let found = problems(replacing: #"{"party": "dpr-korea""#, with: "{\"party\": \"\(longID)\"")
        let expected =
            "rcp-data.json: process \"bali\": participants[5].party: unknown party \""
            + String(repeating: "x", count: 60) + "…\""
        #expect(found.contains(expected))
        let control = problems(
            replacing: #""roles": ["member", "co-chair"]"#, with: #""roles": ["member", "co\u001bchair"]"#)
        #expect(
            control.contains {
                $0.hasSuffix(
                    #"unknown role "co\u{1B}chair" (expected one of: member, interested-state, observer, participant, chair, co-chair, vice-chair, presidency-pro-tempore, secretariat, coordinator)"#
                )
            })
        let key = problems(replacing: #""shortName": "Budapest", "#, with: #""shortName": "Budapest", "a\nb": 1, "#)
        #expect(key == [#"rcp-data.json: process "budapest": "a\u{0A}b": unknown key"#])
    }

    @Test func aMistypedFormatVersionIsReportedOnce() {
        let found = problems(replacing: #""formatVersion": 1"#, with: #""formatVersion": "1""#)
        #expect(found == ["rcp-data.json: formatVersion: expected an integer, found a string"])
    }
}
