import Testing

@testable import RCPCore

/// A small set of headings shaped like the real ones: sub-headings, a two-digit sub-heading, a heading without.
enum ChecklistFixtures {
    static let practices: [Practice] = [
        Practice(
            id: "ep-01", number: 1, title: "Migration policy and legislation",
            items: [
                PracticeItem(id: "ep-01.1", title: "A comprehensive policy"),
                PracticeItem(id: "ep-01.2", title: "Laws in line with international standards"),
            ],
            source: "Annex D, 1"),
        Practice(
            id: "ep-06", number: 6, title: "Labour migration",
            items: [
                PracticeItem(id: "ep-06.1", title: "Bilateral labour agreements"),
                PracticeItem(id: "ep-06.2", title: "Information on legal channels"),
                PracticeItem(id: "ep-06.10", title: "Return and reintegration"),
            ],
            source: "Annex D, 6"),
        Practice(id: "ep-20", number: 20, title: "Research and data", items: [], source: "Annex D, 20"),
    ]
}

@Suite struct ChecklistStatusTests {
    @Test func cycleFollowsTheIssueOrderAndWraps() {
        #expect(
            ChecklistStatus.allCases.map(\.rawValue)
                == ["not-assessed", "not-in-place", "in-progress", "in-place", "not-applicable"])
        #expect(ChecklistStatus.notAssessed.next == .notInPlace)
        #expect(ChecklistStatus.notInPlace.next == .inProgress)
        #expect(ChecklistStatus.inProgress.next == .inPlace)
        #expect(ChecklistStatus.inPlace.next == .notApplicable)
        #expect(ChecklistStatus.notApplicable.next == .notAssessed)
        var s = ChecklistStatus.inProgress
        for _ in 0..<ChecklistStatus.allCases.count { s = s.next }
        #expect(s == .inProgress)
    }

    @Test func labelsAndGlyphsAreDistinct() {
        #expect(
            ChecklistStatus.allCases.map(\.label)
                == ["not assessed", "not in place", "in progress", "in place", "not applicable"])
        let glyphs = ChecklistStatus.allCases.map(\.glyph)
        let ascii = ChecklistStatus.allCases.map(\.asciiGlyph)
        #expect(Set(glyphs).count == 5)
        #expect(Set(ascii).count == 5)
        for g in glyphs { #expect(g.count == 1) }
        for g in ascii { #expect(g.count == 1 && g.allSatisfy(\.isASCII)) }
        #expect(ChecklistStatus.inPlace.glyph == "✓")
        #expect(ChecklistStatus.notInPlace.glyph == "✗")
    }

    @Test func parsingAcceptsIdsAndCommonSpellings() {
        for s in ChecklistStatus.allCases { #expect(ChecklistStatus(parsing: s.rawValue) == s) }
        #expect(ChecklistStatus(parsing: "In Place") == .inPlace)
        #expect(ChecklistStatus(parsing: "not_in_place") == .notInPlace)
        #expect(ChecklistStatus(parsing: "n/a") == .notApplicable)
        #expect(ChecklistStatus(parsing: "finished") == nil)
        #expect(ChecklistStatus(parsing: "") == nil)
    }
}

@Suite struct ChecklistValueTests {
    @Test func setAndNoteKeepEachOtherAndTimestamps() {
        var c = Checklist(name: "T", created: "2026-01-01T00:00:00Z")
        #expect(c.status(of: "ep-06.2") == .notAssessed)
        c.set("ep-06.2", status: .notAssessed, at: "t1")
        #expect(c.entries.isEmpty, "setting the default creates nothing")
        c.set("ep-06.2", status: .inProgress, at: "t1")
        c.setNote("ep-06.2", "talks with Italy", at: "t2")
        #expect(c.status(of: "ep-06.2") == .inProgress)
        #expect(c.note(of: "ep-06.2") == "talks with Italy")
        #expect(c.entries["ep-06.2"]?.updated == "t2")
        c.set("ep-06.2", status: .inProgress, at: "t3")
        #expect(c.entries["ep-06.2"]?.updated == "t2", "an unchanged status is not a change")
        c.setNote("ep-06.2", "   \n ", at: "t4")
        #expect(c.note(of: "ep-06.2") == nil, "a blank note clears it")
        #expect(c.status(of: "ep-06.2") == .inProgress)
        c.setNote("ep-01", "note first", at: "t5")
        #expect(c.status(of: "ep-01") == .notAssessed)
        #expect(c.note(of: "ep-01") == "note first")
    }

    @Test func progressCountsHeadingAndItsItems() {
        var c = Checklist(name: "T")
        let p = ChecklistFixtures.practices
        c.set("ep-06", status: .inProgress)
        c.set("ep-06.1", status: .inPlace)
        c.set("ep-06.2", status: .notApplicable)
        // ep-06.10 not assessed
        let six = c.progress(for: p[1])
        #expect(six.total == 4)
        #expect(six.assessed == 3)
        #expect(six.inPlace == 1)
        #expect(six.count(.inProgress) == 1)
        #expect(six.count(.notApplicable) == 1)
        #expect(six.count(.notAssessed) == 1)
        #expect(six.applicable == 3)
        #expect(six.inPlacePercent == 33)
        #expect(six.assessedPercent == 75)
        #expect(six.summary == "3 of 4 assessed, 1 in place (33% of applicable)")
        #expect(!six.isComplete)

        c.set("ep-20", status: .inPlace)
        let twenty = c.progress(for: p[2])
        #expect(twenty.total == 1 && twenty.inPlace == 1 && twenty.isComplete && twenty.inPlacePercent == 100)

        c.set("ep-99.1", status: .inPlace)  // an orphan: not counted
        let all = c.progress(overall: p)
        #expect(all.total == 3 + 4 + 1)
        #expect(all.assessed == 4)
        #expect(all.inPlace == 2)
        #expect(all.applicable == 7)
        #expect(all.inPlacePercent == 29)  // 2/7 = 28.6%

        let empty = Checklist(name: "E").progress(for: p[0])
        #expect(empty.total == 3 && empty.assessed == 0 && empty.inPlaceShare == 0)
        #expect(ChecklistProgress().inPlacePercent == 0)
    }

    @Test func progressBarShowsShares() {
        let p = ChecklistProgress(counts: [.inPlace: 2, .inProgress: 1, .notAssessed: 1])
        #expect(p.bar(width: 8, ascii: true) == "####==..")
        #expect(p.bar(width: 8) == "████▒▒░░")
        #expect(p.bar(width: 0) == "")
    }

    @Test func orphansAreRecordedIdsTheDataLacks() {
        var c = Checklist(name: "T")
        c.set("ep-06.2", status: .inPlace)
        c.set("ep-21", status: .inProgress)
        c.setNote("ep-06.11", "renumbered?")
        c.set("ep-06.3", status: .notInPlace)
        let known = Checklist.knownItemIDs(ChecklistFixtures.practices)
        #expect(known.contains("ep-06.10") && known.contains("ep-20") && known.count == 3 + 4 + 1)
        #expect(c.orphanEntries(known: known) == ["ep-06.3", "ep-06.11", "ep-21"])
        #expect(c.orphanEntries(practices: ChecklistFixtures.practices) == ["ep-06.3", "ep-06.11", "ep-21"])
    }
}

@Suite struct ChecklistItemIDTests {
    @Test func displayNumbers() {
        #expect(ChecklistItemID.displayNumber("ep-06.2") == "6.2")
        #expect(ChecklistItemID.displayNumber("ep-06") == "6")
        #expect(ChecklistItemID.displayNumber("ep-20.10") == "20.10")
        #expect(ChecklistItemID.displayNumber("cu-01") == nil)
        #expect(ChecklistItemID.displayNumber("ep-x") == nil)
    }

    @Test func resolvesWhatPeopleType() {
        let p = ChecklistFixtures.practices
        #expect(ChecklistItemID.resolve("ep-06.2", in: p) == "ep-06.2")
        #expect(ChecklistItemID.resolve("EP-06.2", in: p) == "ep-06.2")
        #expect(ChecklistItemID.resolve("6.2", in: p) == "ep-06.2")
        #expect(ChecklistItemID.resolve("06.2", in: p) == "ep-06.2")
        #expect(ChecklistItemID.resolve("6.10", in: p) == "ep-06.10")
        #expect(ChecklistItemID.resolve("6.1", in: p) == "ep-06.1")
        #expect(ChecklistItemID.resolve("6", in: p) == "ep-06")
        #expect(ChecklistItemID.resolve(" 20 ", in: p) == "ep-20")
        #expect(ChecklistItemID.resolve("7", in: p) == nil)
        #expect(ChecklistItemID.resolve("6.4", in: p) == nil)
        #expect(ChecklistItemID.resolve("", in: p) == nil)
    }

    @Test func naturalOrder() {
        let ids = ["ep-10", "ep-06.10", "ep-06", "ep-06.2", "ep-02", "ep-06.1", "zz"]
        #expect(
            ids.sorted(by: ChecklistItemID.precedes)
                == ["ep-02", "ep-06", "ep-06.1", "ep-06.2", "ep-06.10", "ep-10", "zz"])
    }

    @Test func clockFormatsUTC() {
        #expect(ChecklistClock.format(0) == "1970-01-01T00:00:00Z")
        #expect(ChecklistClock.format(1_773_480_600) == "2026-03-14T09:30:00Z")
        let now = ChecklistClock.now()
        #expect(now.count == 20 && now.hasSuffix("Z"))
        #expect(ChecklistClock.today() == String(now.prefix(10)))
    }
}
