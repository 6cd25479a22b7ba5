/// A run of cells on one row that differ from the previous frame: what a backend writes, and nothing else.
public struct GridRun: Sendable, Hashable {
    public var x: Int
    public var y: Int
    /// The new cells from `x` on (a wide character's continuation cell included after it).
    public var cells: [Cell]
}

extension Grid {
    /// The runs of cells that differ from `previous`: every cell when there is no previous frame or it has
    /// another size. A changed wide character takes its continuation cell into the run, and a changed
    /// continuation cell its wide character, so a backend never writes half of one.
    public func changes(since previous: Grid?) -> [GridRun] {
        let same = previous.map { $0.width == width && $0.height == height } ?? false
        var runs: [GridRun] = []
        for y in 0..<height {
            var x = 0
            while x < width {
                guard !same || previous![x, y] != self[x, y] else { x += 1; continue }
                var start = x
                if self[x, y].isContinuation && x > 0 { start = x - 1 }
                var end = x + 1
                while end < width && (!same || previous![end, y] != self[end, y] || self[end, y].isContinuation) {
                    end += 1
                }
                if let last = runs.last, last.y == y, last.x + last.cells.count >= start {
                    // Touching the run before (a wide character pulled it back): one run.
                    let from = last.x + last.cells.count
                    runs[runs.count - 1].cells += (from..<end).map { self[$0, y] }
                } else {
                    runs.append(GridRun(x: start, y: y, cells: (start..<end).map { self[$0, y] }))
                }
                x = end
            }
        }
        return runs
    }

    /// How many cells differ from `previous` (what a key costs on the screen, before any bytes).
    public func changedCellCount(since previous: Grid?) -> Int {
        changes(since: previous).reduce(0) { $0 + $1.cells.count }
    }
}
