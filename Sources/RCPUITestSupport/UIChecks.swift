import RCPCore
import RCPUI

/// The checks the random sessions make after an event.
public enum UIChecks {
    /// Problems with a grid rendered at `width`×`height`: not exactly that size (negative sizes count as 0),
    /// a wide cell without its continuation or cut at the end of a row, a continuation without its wide cell,
    /// a cell of another width, a control character, the cursor off the grid.
    public static func gridProblems(_ grid: Grid, width: Int, height: Int) -> [String] {
        var out: [String] = []
        if grid.width != max(0, width) || grid.height != max(0, height) {
            out.append("rendered \(grid.width)×\(grid.height) when \(width)×\(height) was asked")
        }
        guard grid.cells.count == grid.width * grid.height else {
            return out + ["\(grid.cells.count) cells in a \(grid.width)×\(grid.height) grid"]
        }
        rows: for y in 0..<grid.height {
            var wideOpen = false
            for x in 0..<grid.width {
                let cell = grid[x, y]
                switch cell.width {
                case 0 where !wideOpen: out.append("continuation without a wide cell at (\(x), \(y))"); break rows
                case 0: wideOpen = false
                case 1 where wideOpen, 2 where wideOpen: out.append("wide cell cut at (\(x - 1), \(y))"); break rows
                case 1: break
                case 2: wideOpen = true
                default: out.append("cell of width \(cell.width) at (\(x), \(y))"); break rows
                }
                if cell.width != 0,
                    cell.text.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) })
                {
                    out.append("control character \(cell.text.debugDescription) at (\(x), \(y))")
                    break rows
                }
            }
            if wideOpen { out.append("wide cell at the end of row \(y)"); break }
        }
        if let c = grid.cursor, !grid.contains(x: c.x, y: c.y) {
            out.append("cursor (\(c.x), \(c.y)) off a \(grid.width)×\(grid.height) grid")
        }
        return out
    }

    /// What is left wrong after four Esc on a copy of `state`: an overlay still open, a search or filter box
    /// still taking keys, a broken invariant.
    public static func afterEscapes(_ state: AppState) -> [String] {
        var s = state
        for _ in 0..<4 { _ = App.update(&s, .key(.escape)) }
        var out = s.checkInvariants()
        if let o = s.overlay { out.append("still open after Esc: \(String(describing: o).prefix(120))") }
        if s.search?.typing == true { out.append("still typing a search after Esc") }
        if s.filter?.typing == true { out.append("still typing a filter after Esc") }
        return out
    }
}
