import RCPData
import Testing

@testable import RCPCore

/// The time line of the bundled data: every dated record once, in order, in its lane; and its layout.
@Suite("Timeline")
struct TimelineTests {
    let catalog = Catalog.bundled

    /// The ids a time line must hold, read straight from the data set.
    func expectedIDs(_ d: Dataset) -> [String] {
        var ids: [String] = []
        for p in d.processes {
            if p.year != nil { ids.append("process:\(p.id)") }
            for i in p.datedStatus.indices { ids.append("status:\(p.id):\(i)") }
        }
        for m in d.mechanisms {
            if m.year != nil { ids.append("mechanism:\(m.id)") }
            for e in m.events { ids.append("event:\(e.id)") }
        }
        return ids.sorted()
    }

    @Test func holdsEveryDatedRecordExactlyOnce() {
        let ids = catalog.timeline().entries.map(\.id)
        #expect(Set(ids).count == ids.count, "an id twice")
        #expect(ids.sorted() == expectedIDs(catalog.dataset))
    }

    @Test func isInChronologicalOrder() {
        // Month and day parsed here, independently of the core's parser.
        func key(_ e: TimelineEntry) -> [Int] {
            guard let date = e.date else { return [e.year, 0, 0] }
            let parts = date.split(separator: "-").map { Int($0.prefix(2)) ?? 0 }
            return [e.year, parts.count > 1 ? parts[1] : 0, parts.count > 2 ? parts[2] : 0]
        }
        let entries = catalog.timeline().entries
        for (a, b) in zip(entries, entries.dropFirst()) {
            #expect(!key(b).lexicographicallyPrecedes(key(a)), "\(a.id) (\(a.date ?? "\(a.year)")) before \(b.id)")
        }
        #expect(entries.first?.year == catalog.dataset.processes.compactMap(\.year).min())
    }

    @Test func theAnnexAStartYearsMatchTheProcesses() {
        let starts = catalog.timeline().entries.filter { $0.kind == .processStart && !$0.outsideMatrix }
        let matrix = catalog.dataset.processes.filter(\.inMatrix)
        #expect(matrix.count == 13)
        #expect(starts.count == 13)
        for p in matrix {
            let entry = starts.first { $0.process == p.id }
            #expect(entry?.year == p.year, "\(p.id)")
            #expect(entry?.lane == p.region, "\(p.id)")
        }
        // The paper's wave of 1996: four processes of the matrix start that year.
        #expect(Set(starts.filter { $0.year == 1996 }.compactMap(\.process)) == ["cis", "puebla", "manila", "apc"])
    }

    @Test func footnoteGroupsWithAYearAreThereAndQualifiedYearsAreMarked() {
        let entries = catalog.timeline().entries
        for p in catalog.dataset.processes where !p.inMatrix {
            let entry = entries.first { $0.id == "process:\(p.id)" }
            #expect((entry != nil) == (p.year != nil), "\(p.id)")
            if let entry {
                #expect(entry.outsideMatrix)
                #expect(entry.editorial == (p.yearNote != nil))
            }
        }
        let fivePlusFive = entries.first { $0.id == "process:five-plus-five" }
        #expect(fivePlusFive?.editorial == true)
        #expect(entries.first { $0.id == "process:igc" }?.editorial == false)
    }

    @Test func datedStatusChangesAreOnTheLineOfTheirRegion() {
        let entries = catalog.timeline().entries
        let cis = entries.filter { $0.kind == .status && $0.process == "cis" }
        #expect(cis.count == 1)
        #expect(cis.first?.year == 2005 && cis.first?.lane == "europe-fsu" && cis.first?.planned == false)
        let midwa = entries.filter { $0.kind == .status && $0.process == "midwa" }
        #expect(midwa.first?.year == 2005 && midwa.first?.planned == true && midwa.first?.lane == "africa")
    }

    @Test func lanesAreTheRegionsInOrderThenTheGlobalMechanisms() {
        let t = catalog.timeline()
        #expect(t.lanes.map(\.id) == catalog.regions.map(\.id))
        #expect(t.lanes.last?.id == "global")
        for e in t.entries {
            #expect(t.laneIndex(e.lane) != nil, "\(e.id) in no lane")
            if e.kind == .event || e.kind == .mechanismStart { #expect(e.lane == "global") }
        }
        // Events of the mechanisms, e.g. Berne II with its days, and the April 2005 workshop.
        let berne = t.entries.first { $0.event == "berne-ii" }
        #expect(berne?.dayAndMonth == "16–17 Dec")
        #expect(t.entries.first { $0.event == "idm-2005-rcp-workshop" }?.dayAndMonth == "14–15 Apr")
    }

    @Test func filtersByRegionAndYears() {
        let t = catalog.timeline()
        let asia = t.filtered(region: "asia-oceania")
        #expect(asia.lanes.map(\.id) == ["asia-oceania"])
        #expect(!asia.entries.isEmpty && asia.entries.allSatisfy { $0.lane == "asia-oceania" })
        let span = t.filtered(from: 2001, to: 2003)
        #expect(span.entries.allSatisfy { (2001...2003).contains($0.year) })
        #expect(span.entries.count == t.entries.filter { (2001...2003).contains($0.year) }.count)
        #expect(t.filtered(from: 2050).entries.isEmpty)
    }

    @Test func theSelectionOfAProcessMarksItsYears() {
        let t = catalog.timeline()
        let bali = t.entries(concerning: "bali", in: catalog)
        #expect(bali.contains { $0.id == "process:bali" && $0.year == 2002 })
        // Bali took part in the April 2005 workshop and the Perth workshop of 2004.
        #expect(bali.contains { $0.event == "idm-2005-rcp-workshop" })
        #expect(bali.contains { $0.event == "bali-budapest-perth-2004" })
        #expect(!bali.contains { $0.id == "process:apc" })
    }

    // MARK: Data

    @Test func aDatedStatusWithABadDateOrFlagIsRefused() {
        var text = String(decoding: BundledData.json, as: UTF8.self)
        let cis = "\"text\": \"Formally ends; the work goes on\""
        #expect(text.contains(cis))
        text = text.replacingFirst(
            "\"date\": \"2005\",\n          " + cis, with: "\"date\": \"2004\",\n          " + cis)
        text = text.replacingFirst("\"planned\": true", with: "\"planned\": \"yes\"")
        do throws(LoadError) {
            _ = try DataLoader.load(bytes: Array(text.utf8), file: "x.json")
            Issue.record("loaded")
        } catch {
            let messages = error.problems.map(\.description)
            #expect(
                messages.contains { $0.contains("datedStatus[0].date") && $0.contains("not in the year 2005") },
                "\(messages)")
            #expect(
                messages.contains { $0.contains("datedStatus[0].planned") && $0.contains("expected a boolean") },
                "\(messages)")
        }
    }

    // MARK: Layout

    /// Checks that nothing overlaps, everything is inside the width, and every entry is shown once.
    func checkLayout(_ t: Timeline, width: Int, marker: Int, maxRows: Int? = nil) {
        let layout = TimelineLayout(t, width: width, maxRowsPerLane: maxRows, markerColumns: marker)
        let w = max(10, width)
        var shown: [String] = []
        var rows: [[Int]: [Range<Int>]] = [:]
        for item in layout.items {
            let span = item.x..<(item.x + marker + item.label.count)
            #expect(span.lowerBound >= 0 && span.upperBound <= w, "\(item.id) at \(span) beyond \(w)")
            for other in rows[[item.lane, item.row]] ?? [] {
                // One column at least between two labels of a row.
                #expect(
                    span.upperBound < other.lowerBound || other.upperBound < span.lowerBound,
                    "width \(w): \(item.id) \(span) meets \(other)")
            }
            rows[[item.lane, item.row], default: []].append(span)
            #expect(item.row < layout.laneRows[item.lane])
            if let maxRows { #expect(item.row < maxRows) }
            shown.append(item.id)
            shown += item.hidden
        }
        #expect(shown.sorted() == t.entries.map(\.id).sorted(), "width \(w): not every entry once")
        // Ticks in order, apart, inside.
        for (a, b) in zip(layout.ticks, layout.ticks.dropFirst()) {
            #expect(a.x + a.text.count < b.x, "ticks \(a.text) and \(b.text) meet at width \(w)")
            #expect(a.year < b.year)
        }
        if let last = layout.ticks.last { #expect(last.x + last.text.count <= w) }
        // Later years never left of earlier ones.
        for a in t.entries {
            for b in t.entries where a.year < b.year {
                if let xa = layout.x(ofYear: a.year), let xb = layout.x(ofYear: b.year) { #expect(xa <= xb) }
            }
        }
    }

    @Test(arguments: [40, 80, 132, 200])
    func theLayoutNeverOverlaps(width: Int) {
        let t = catalog.timeline()
        checkLayout(t, width: width, marker: 0)
        checkLayout(t, width: width, marker: 2)
        checkLayout(t, width: width, marker: 1, maxRows: 3)
        checkLayout(t.filtered(region: "asia-oceania"), width: width, marker: 1)
        checkLayout(t.filtered(from: 2004, to: 2004), width: width, marker: 1)
    }

    @Test func wideLayoutsShowWholeLabelsAndNarrowOnesAbbreviate() {
        let t = catalog.timeline()
        let wide = TimelineLayout(t, width: 200)
        let narrow = TimelineLayout(t, width: 40)
        #expect(wide.items.contains { $0.id == "process:igc" && $0.label == "IGC starts" })
        #expect(narrow.items.contains { $0.abbreviated })
        #expect(narrow.items.filter(\.abbreviated).count > wide.items.filter(\.abbreviated).count)
        // The axis runs from the first year to the last, and compresses the years without a record.
        #expect(wide.ticks.first?.year == t.firstYear && wide.ticks.last?.year == t.lastYear)
        #expect(!wide.breaks.isEmpty)
        #expect(wide.ticks.map(\.year).contains(1996) && !wide.ticks.map(\.year).contains(1990))
    }

    /// A data set of one mechanism with a meeting every year from 1900 to 2049.
    func longSpan(regions: [Region]) -> Timeline {
        let events = (1900..<2050).map { y in
            Event(id: "e\(y)", kind: .meeting, year: y, title: "Meeting \(y)", source: "test")
        }
        let dataset = Dataset(
            source: SourceInfo(title: "t", publisher: "p", year: 2000, matrixDate: "2000-01-01"),
            regions: regions, parties: [], processes: [],
            mechanisms: [
                Mechanism(
                    id: "m", name: "M", shortName: "M", aliases: [], year: nil, summary: "s",
                    participants: [], events: events, source: "t")
            ],
            practices: [], understandings: [])
        return Catalog(dataset).timeline()
    }

    @Test func aLongSpanOfYearsIsGroupedSoEveryYearStillHasRoom() {
        // 150 single-event years cannot have 2 columns each in 40: years group into slots.
        let t = longSpan(regions: [Region(id: "global", name: "Global mechanisms", order: 1, source: "t")])
        #expect(t.entries.count == 150)
        for width in [40, 80, 132] { checkLayout(t, width: width, marker: 1, maxRows: 2) }
        #expect(TimelineLayout(t, width: 40).yearsPerSlot > 1)
        #expect(TimelineLayout(t, width: 400).yearsPerSlot == 1)
    }

    @Test func mechanismsGetALaneEvenWithoutTheGlobalRegion() {
        let t = longSpan(regions: [Region(id: "africa", name: "Africa", order: 1, source: "t")])
        #expect(t.lanes.map(\.id) == ["africa", "global"])
        checkLayout(t, width: 80, marker: 1, maxRows: 2)
    }

    @Test func movesGoFromEventToEventAndBetweenLanes() throws {
        let t = catalog.timeline()
        let layout = TimelineLayout(t, width: 80, maxRowsPerLane: 3, markerColumns: 1)
        // Right from the first item of a lane walks every item of that lane once, left to right.
        for lane in t.lanes.indices {
            let inLane = layout.items.filter { $0.lane == lane }
            guard let start = inLane.min(by: { ($0.x, $0.row) < ($1.x, $1.row) }) else { continue }
            var seen = [start.id]
            while let next = layout.entry(from: seen.last!, .right) {
                let a = try #require(layout.item(showing: seen.last!)), b = try #require(layout.item(showing: next))
                #expect((a.x, a.row) < (b.x, b.row))
                seen.append(next)
                if seen.count > inLane.count { break }
            }
            #expect(Set(seen) == Set(inLane.map(\.id)))
            #expect(layout.entry(from: start.id, .left) == nil)
        }
        // Up and down land in the neighbouring lane with items.
        let bali = try #require(layout.item(showing: "process:bali"))
        let down = try #require(layout.entry(from: "process:bali", .down))
        #expect(layout.item(showing: down)?.lane == bali.lane + 1)
        let up = try #require(layout.entry(from: "process:bali", .up))
        #expect(layout.item(showing: up).map { $0.lane < bali.lane } == true)
        #expect(layout.entry(from: "process:igc", .up) == nil)
        // A hidden entry is found inside its "+N" item.
        let collapsed = try #require(layout.items.first { !$0.hidden.isEmpty })
        #expect(layout.item(showing: collapsed.hidden[0]) == collapsed)
    }

    @Test func anEmptyTimelineLaysOutToNothing() {
        let t = catalog.timeline().filtered(from: 2090)
        let layout = TimelineLayout(t, width: 80)
        #expect(layout.items.isEmpty && layout.ticks.isEmpty)
    }
}

extension String {
    /// The string with the first occurrence of `target` replaced (no Foundation in this target).
    func replacingFirst(_ target: String, with replacement: String) -> String {
        let chars = Array(self), t = Array(target)
        guard !t.isEmpty, chars.count >= t.count else { return self }
        for i in 0...(chars.count - t.count) where chars[i] == t[0] && Array(chars[i..<(i + t.count)]) == t {
            return String(chars[..<i]) + replacement + String(chars[(i + t.count)...])
        }
        return self
    }
}
