import RCPCore
import Testing

@testable import RCPUI

/// The parts of the comparison a user reads beyond the lists: the region totals, the matrix narrowed to the
/// compared processes, and marked states on the world map.
@Suite struct CompareDetailsTests {
    /// Bali, APC and Colombo marked in the tree and compared.
    func baliAPCColombo(_ width: Int = 132, _ height: Int = 43) -> AppState {
        var s = makeState(width, height)
        for name in ["bali", "apc", "colombo"] {
            s.press(.character("'")); s.type(name); s.press(.enter, .character("x"))
        }
        s.press(.character("C"))
        return s
    }

    /// The rows of the rendered screen.
    func rows(_ s: AppState) -> [String] {
        let grid = App.render(s, width: s.width, height: s.height)
        return (0..<s.height).map { grid.rowText($0) }
    }

    @Test func theRegionTotalsAreUnderEachGroup() throws {
        let s = baliAPCColombo()
        guard case .processes(let c) = try catalog.compare([.process("bali"), .process("apc"), .process("colombo")])
        else { Issue.record("not a process comparison"); return }
        let all = try #require(c.regionTotals.first)
        let words = all.areas.map { "\($0.area.label) \($0.count)" }.joined(separator: ", ")
        let screen = rows(s)
        let heading = try #require(screen.firstIndex { $0.contains("In all 3 (\(c.inAll.count))") })
        #expect(screen[heading + 1].contains("by region (UN continent): " + words), "\(screen[heading + 1])")
    }

    @Test func theNarrowedMatrixShowsEachPartysRoleGlyphs() throws {
        var s = baliAPCColombo()
        // Scroll until the narrowed matrix's heading is near the top (it scrolls with the overlay).
        var screen = rows(s)
        #expect(!screen.contains { $0.contains("The matrix narrowed to them") }, "below the lists at first")
        for _ in 0..<300 {
            if let h = screen.firstIndex(where: { $0.contains("The matrix narrowed to them") }), h < 6 { break }
            s.press(.down)
            screen = rows(s)
        }
        let headingRow = try #require(screen.firstIndex { $0.contains("The matrix narrowed to them") })
        let header = Array(screen[headingRow + 1])
        let processes = ["bali", "apc", "colombo"].map { catalog.process(id: $0)! }
        // The column of each process: where its short name starts in the header.
        let columns = try processes.map { p -> Int in
            let name = Array(p.shortName)
            return try #require(
                header.indices.first { i in i + name.count <= header.count && Array(header[i..<i + name.count]) == name
                })
        }
        // Rows are by count of the compared processes, then name: the first row is the first party in all three.
        let first = try #require(
            catalog.parties.first { party in
                processes.allSatisfy { p in p.participants.contains { $0.party == party.id } }
            })
        #expect(screen[headingRow + 2].contains(first.name), "\(screen[headingRow + 2])")
        // A few parties, glyph by glyph, as the membership matrix draws their roles.
        var checked = 0
        for party in ["china", "australia", "japan", "sri-lanka", "afghanistan"] {
            let name = try #require(catalog.party(id: party)).name
            let y = try #require(
                screen.indices.first {
                    $0 > headingRow + 1 && screen[$0].contains(name + " ")
                        && !screen[$0].contains("—")
                }, "\(name)'s row")
            let line = Array(screen[y])
            for (k, p) in processes.enumerated() {
                let roles = p.participants.filter { $0.party == party }.flatMap(\.roles)
                let expected = RoleMark.strongest(roles).map(\.glyph) ?? "·"
                #expect(String(line[columns[k]]) == expected, "\(name) × \(p.shortName): \(screen[y])")
            }
            checked += 1
        }
        #expect(checked == 5)
        // The data behind one of them: Australia co-chairs Bali, so its Bali cell is a star, not a member's dot.
        let australiaInBali = processes[0].participants.filter { $0.party == "australia" }.flatMap(\.roles)
        #expect(RoleMark.strongest(australiaInBali) == .leadership)
    }

    @Test func theNarrowedMatrixHasALegendOfItsGlyphs() {
        let lines = ComparisonLines.lines(
            ComparisonState(subjects: [.process("bali"), .process("colombo")]),
            catalog: catalog, env: makeState(132, 43).env, width: 100
        ).map(\.plain)
        #expect(lines.contains { $0.contains("● member") && $0.contains("◇ observer") })
        #expect(lines.contains { $0.contains("· takes no part") })
    }
}

@Suite struct MarkedOnTheMapTests {
    /// The cells of a feature on the rendered map pane, with their text and style.
    func cells(of iso: String, _ s: AppState) throws -> [Cell] {
        let context = s.context(.map)
        let drawn = try #require(s.map.drawn(context))
        let f = try #require(MapPane.world.features.firstIndex { $0.iso3 == iso })
        let grid = App.render(s, width: s.width, height: s.height)
        var out: [Cell] = []
        for row in 0..<drawn.picture.rows {
            for column in 0..<drawn.picture.columns
            where drawn.picture.cell(column: column, row: row).feature == Int32(f) {
                out.append(grid[drawn.mapArea.x + column, drawn.mapArea.y + row])
            }
        }
        return out
    }

    /// The braille dots of a cell's character (0 for a blank).
    func dots(_ c: Cell) -> UInt8 {
        guard let v = c.text.unicodeScalars.first?.value, v >= 0x2800, v <= 0x28FF else { return 0 }
        return UInt8(v - 0x2800)
    }

    @Test func aMarkedStateIsDrawnInTheMarkedPatternWithALegendEntry() throws {
        var s = makeState(132, 43)
        s.press(.character("/")); s.type("bali process"); s.press(.enter, .character("5"))
        // Unmarked: Australia (co-chair) is striped like the other leaders, and nothing says "marked".
        let before = try cells(of: "AUS", s)
        #expect(!before.isEmpty)
        #expect(before.allSatisfy { !$0.style.underline })
        #expect(!s.screen.contains("marked ("))
        // Mark Australia from the map's country cursor, as a user would.
        s.map.reveal(party: "australia", catalog: catalog)
        s.press(.character("x"))
        #expect(s.marks == [.party("australia")])
        let after = try cells(of: "AUS", s)
        // (The cursor is on Australia: its cells are in the selection's colour, the pattern and underline stay.)
        let land = after.filter { dots($0) != 0 }
        #expect(!land.isEmpty)
        // Every dot of its land is in the two-bar pattern, the cells are underlined, and the pattern differs
        // from the one before the mark.
        #expect(land.allSatisfy { dots($0) & ~MapShade.marked.mask == 0 || dots($0).nonzeroBitCount == 1 })
        #expect(land.allSatisfy { $0.style.underline })
        #expect(before.map(\.text) != after.map(\.text))
        // Indonesia, also a co-chair and not marked, keeps the leaders' pattern.
        let indonesia = try cells(of: "IDN", s).filter { dots($0) != 0 }
        #expect(indonesia.allSatisfy { !$0.style.underline })
        #expect(indonesia.contains { dots($0) & ~MapShade.striped.mask == 0 && dots($0).nonzeroBitCount > 1 })
        // The legend names the pattern (and the mark of a country smaller than a cell).
        #expect(s.screen.contains("\(MapShade.marked.sample)\(MapShade.marked.pointSample) marked (1)"))
        // Esc (twice: the status message, then the marks) clears it from the map.
        s.press(.escape); if !s.marks.isEmpty { s.press(.escape) }
        #expect(s.marks.isEmpty)
        #expect(!s.screen.contains("marked (1)"))
    }

    @Test func marksShowInASCIITooByTheirOwnCharacter() throws {
        var s = makeState(132, 43, ascii: true)
        s.press(.character("5"), .character("v"))
        s.map.reveal(party: "turkey", catalog: catalog)
        s.press(.character("x"))
        #expect(s.marks == [.party("turkey")])
        let turkey = try cells(of: "TUR", s)
        #expect(!turkey.isEmpty && turkey.allSatisfy { $0.text == "@" })
        #expect(s.screen.contains("@ marked (1)"))
    }
}

@Suite struct CompareDetailsSnapshotTests {
    /// The comparison of Bali, APC and Colombo scrolled to the narrowed matrix.
    @Test(arguments: [(80, 24), (132, 43)])
    func narrowedMatrixSnapshot(width: Int, height: Int) {
        var s = makeState(width, height)
        for name in ["bali", "apc", "colombo"] {
            s.press(.character("'")); s.type(name); s.press(.enter, .character("x"))
        }
        s.press(.character("C"))
        for _ in 0..<300 where !App.render(s, width: width, height: height).rowText(3).contains("The matrix narrowed") {
            s.press(.down)
        }
        assertSnapshot(
            App.render(s, width: width, height: height).plainText(),
            named: "compare-bali-apc-colombo-matrix-\(width)x\(height)")
    }
}
