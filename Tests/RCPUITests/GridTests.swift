import Testing

@testable import RCPUI

@Suite struct GridTests {
    @Test func plainTextSkipsContinuationCells() {
        var grid = Grid(width: 3, height: 1)
        grid[0, 0] = Cell("界", width: 2)
        grid[1, 0] = Cell("", width: 0)
        grid[2, 0] = Cell("x")
        #expect(grid.plainText() == "界x")
    }
}
