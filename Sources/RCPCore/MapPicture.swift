/// One cell of a rasterised map.
public struct MapCell: Sendable, Hashable {
    /// The feature the cell belongs to (most of its dots, or a small country placed there), or -1 for sea.
    public var feature: Int32
    /// Braille dots (U+2800 + dots).
    public var dots: UInt8
    public var category: MapCategory?
    /// A country smaller than a cell (or a point), drawn as its shade's small mark.
    public var isMarker: Bool

    public static let sea = MapCell(feature: -1, dots: 0, category: nil, isMarker: false)

    /// The braille character (a blank braille cell is shown as a space).
    public var braille: Character { dots == 0 ? " " : MapShade.braille(dots) }
    /// The ASCII character.
    public var ascii: Character { category.map { $0.shade.ascii } ?? " " }
}

/// A direction for the country cursor.
public enum MapDirection: Sendable, Hashable { case up, down, left, right }

/// A map rasterised for one size, view and style: the cells, and for each feature the cell that stands for it.
public struct MapPicture: Sendable {
    public let columns: Int
    public let rows: Int
    public let view: MapView
    public let frame: MapFrame
    public let cells: [MapCell]
    /// Per feature: the cell for the cursor and for clicks (nearest its anchor), -1 when not on this map.
    public let featureCells: [Int32]

    public func cell(column: Int, row: Int) -> MapCell {
        guard column >= 0, row >= 0, column < columns, row < rows else { return .sea }
        return cells[row * columns + column]
    }

    /// Hit-testing: the feature at a cell, or nil for sea or outside the map.
    public func feature(column: Int, row: Int) -> Int? {
        let f = cell(column: column, row: row).feature
        return f >= 0 ? Int(f) : nil
    }

    /// The cell of a feature, or nil when it is not on this map.
    public func position(of feature: Int) -> (column: Int, row: Int)? {
        guard featureCells.indices.contains(feature), featureCells[feature] >= 0 else { return nil }
        let c = Int(featureCells[feature])
        return (c % columns, c / columns)
    }

    /// A row as braille characters, or as ASCII.
    public func line(_ row: Int, ascii: Bool = false) -> String {
        guard row >= 0, row < rows else { return "" }
        var s = ""
        s.reserveCapacity(columns * 3)
        for c in 0..<columns { s.append(ascii ? cells[row * columns + c].ascii : cells[row * columns + c].braille) }
        return s
    }

    /// The nearest feature from `feature` in a direction (for the arrow keys), by cells; nil when none lies
    /// that way. Rows count double: a cell is about twice as high as wide.
    public func nearest(from feature: Int, _ direction: MapDirection) -> Int? {
        guard let here = position(of: feature) else { return nil }
        var best: (score: Int, feature: Int)? = nil
        for (f, c) in featureCells.enumerated() where c >= 0 && f != feature {
            let dx = Int(c) % columns - here.column, dy = (Int(c) / columns - here.row) * 2
            let along: Int, across: Int
            switch direction {
            case .right: along = dx; across = abs(dy)
            case .left: along = -dx; across = abs(dy)
            case .down: along = dy; across = abs(dx)
            case .up: along = -dy; across = abs(dx)
            }
            guard along > 0 else { continue }
            let score = along + 2 * across
            if best == nil || score < best!.score || (score == best!.score && f < best!.feature) { best = (score, f) }
        }
        return best?.feature
    }

    /// The cell a longitude and latitude falls in, or nil when outside the map.
    public func cell(lon: Double, lat: Double) -> (column: Int, row: Int)? {
        let p = EqualEarth.project(lon: wrapLongitude(lon - Double(view.meridian)), lat: lat)
        let d = frame.dot(p.x, p.y)
        guard d.x >= 0, d.y >= 0 else { return nil }
        let column = Int(d.x) / 2, row = Int(d.y) / 4
        return column < columns && row < rows ? (column, row) : nil
    }
}
