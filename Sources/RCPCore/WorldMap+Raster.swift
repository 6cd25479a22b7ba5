struct FillKey: Sendable, Hashable {
    var columns: Int
    var rows: Int
    var view: MapView
}

struct PictureKey: Sendable, Hashable {
    var fill: FillKey
    var style: String
}

/// The dots of a map before styling: which feature each cell mostly is, its land and outline dots.
struct MapFill: Sendable {
    var frame: MapFrame
    var cellFeature: [Int32]
    var land: [UInt8]
    var outline: [UInt8]
    /// Per feature: the cell its anchor falls in, or -1.
    var anchorCells: [Int32]
    /// Per feature: the number of cells it is the main feature of.
    var cellCounts: [Int32]
}

extension WorldMap {
    /// The map of `view` at `columns` × `rows` cells drawn with `style`. Pictures are remembered per size, view
    /// and style key (the last 8), the dots per size and view (the last 4), so only a new size or view costs
    /// a rasterisation.
    public func picture(_ view: MapView, columns: Int, rows: Int, style: MapStyle) -> MapPicture {
        let columns = max(1, columns), rows = max(1, rows)
        let fillKey = FillKey(columns: columns, rows: rows, view: view)
        let key = PictureKey(fill: fillKey, style: style.key)
        if let hit = pictures.withLock({ list in list.first { $0.key == key }?.picture }) { return hit }
        let fill: MapFill
        if let cached = fills.withLock({ list in list.first { $0.key == fillKey }?.fill }) {
            fill = cached
        } else {
            fill = makeFill(view, columns: columns, rows: rows)
            fills.withLock { list in
                list.insert((fillKey, fill), at: 0)
                if list.count > 4 { list.removeLast() }
            }
        }
        let built = paint(fill, view: view, style: style)
        pictures.withLock { list in
            list.removeAll { $0.key == key }
            list.insert((key, built), at: 0)
            if list.count > 8 { list.removeLast() }
        }
        return built
    }

    // MARK: Rasterising

    func makeFill(_ view: MapView, columns: Int, rows: Int) -> MapFill {
        let frame = self.frame(view, columns: columns, rows: rows)
        let world = projected(meridian: view.meridian)
        let w = frame.dotsWide, h = frame.dotsHigh
        var dots = [Int32](repeating: 0, count: w * h)  // feature + 1, 0 = sea
        var crossings = [[Double]](repeating: [], count: h)
        for (f, rings) in world.rings.enumerated() where !rings.isEmpty {
            let box = world.boxes[f]
            let a = frame.dot(box.minX, box.maxY), b = frame.dot(box.maxX, box.minY)
            if b.x < 0 || a.x > Double(w) || b.y < 0 || a.y > Double(h) { continue }
            var lowRow = h, highRow = -1
            for ring in rings {
                let n = ring.count / 2
                var p0 = frame.dot(ring[2 * (n - 1)], ring[2 * (n - 1) + 1])
                for i in 0..<n {
                    let p1 = frame.dot(ring[2 * i], ring[2 * i + 1])
                    defer { p0 = p1 }
                    if p0.y == p1.y { continue }
                    let (top, bottom) = p0.y < p1.y ? (p0, p1) : (p1, p0)
                    // Rows whose centre (r + 0.5) lies in [top.y, bottom.y).
                    var r0 = Int((top.y - 0.5).rounded(.up)), r1 = Int((bottom.y - 0.5).rounded(.up)) - 1
                    r0 = max(0, r0); r1 = min(h - 1, r1)
                    if r0 > r1 { continue }
                    let slope = (bottom.x - top.x) / (bottom.y - top.y)
                    for r in r0...r1 {
                        crossings[r].append(top.x + (Double(r) + 0.5 - top.y) * slope)
                    }
                    lowRow = min(lowRow, r0); highRow = max(highRow, r1)
                }
            }
            guard lowRow <= highRow else { continue }
            let value = Int32(f + 1)
            for r in lowRow...highRow where !crossings[r].isEmpty {
                crossings[r].sort()
                var k = 0
                while k + 1 < crossings[r].count {
                    let c0 = max(0, Int((crossings[r][k] - 0.5).rounded(.up)))
                    let c1 = min(w - 1, Int((crossings[r][k + 1] - 0.5).rounded(.up)) - 1)
                    if c0 <= c1 { for c in c0...c1 { dots[r * w + c] = value } }
                    k += 2
                }
                crossings[r].removeAll(keepingCapacity: true)
            }
        }

        var cellFeature = [Int32](repeating: -1, count: columns * rows)
        var land = [UInt8](repeating: 0, count: columns * rows)
        var outline = [UInt8](repeating: 0, count: columns * rows)
        var cellCounts = [Int32](repeating: 0, count: features.count)
        let bitAt: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]
        var ids = [Int32](repeating: 0, count: 8), counts = [Int](repeating: 0, count: 8)
        for row in 0..<rows {
            for column in 0..<columns {
                var kinds = 0
                var landBits: UInt8 = 0, edgeBits: UInt8 = 0
                for dx in 0..<2 {
                    for dy in 0..<4 {
                        let x = column * 2 + dx, y = row * 4 + dy
                        let v = dots[y * w + x]
                        guard v != 0 else { continue }
                        landBits |= bitAt[dx][dy]
                        if (x > 0 && dots[y * w + x - 1] != v) || (x + 1 < w && dots[y * w + x + 1] != v)
                            || (y > 0 && dots[(y - 1) * w + x] != v) || (y + 1 < h && dots[(y + 1) * w + x] != v)
                        {
                            edgeBits |= bitAt[dx][dy]
                        }
                        if let k = ids[0..<kinds].firstIndex(of: v) {
                            counts[k] += 1
                        } else {
                            ids[kinds] = v; counts[kinds] = 1; kinds += 1
                        }
                    }
                }
                guard kinds > 0 else { continue }
                var best = 0
                for k in 1..<max(1, kinds)
                where counts[k] > counts[best] || (counts[k] == counts[best] && ids[k] < ids[best]) {
                    best = k
                }
                let i = row * columns + column
                cellFeature[i] = ids[best] - 1
                land[i] = landBits
                outline[i] = edgeBits
                cellCounts[Int(ids[best] - 1)] += 1
            }
        }
        var anchorCells = [Int32](repeating: -1, count: features.count)
        for (f, a) in world.anchors.enumerated() {
            let d = frame.dot(a.x, a.y)
            guard d.x >= 0, d.y >= 0, d.x < Double(w), d.y < Double(h) else { continue }
            anchorCells[f] = Int32(Int(d.y) / 4 * columns + Int(d.x) / 2)
        }
        return MapFill(
            frame: frame, cellFeature: cellFeature, land: land, outline: outline,
            anchorCells: anchorCells, cellCounts: cellCounts)
    }

    // MARK: Styling

    func paint(_ fill: MapFill, view: MapView, style: MapStyle) -> MapPicture {
        let columns = fill.frame.columns, rows = fill.frame.rows
        func category(_ f: Int) -> MapCategory { style.categories.indices.contains(f) ? style.categories[f] : .context }
        var cells = [MapCell](repeating: .sea, count: columns * rows)
        for i in cells.indices where fill.cellFeature[i] >= 0 {
            let f = Int(fill.cellFeature[i])
            let c = category(f)
            var dots = c == .context ? fill.outline[i] : fill.land[i] & c.shade.mask
            if dots == 0 { dots = fill.land[i] & (~fill.land[i] &+ 1) }  // keep one dot of land
            cells[i] = MapCell(feature: Int32(f), dots: dots, category: c, isMarker: false)
        }

        // Countries without a cell of their own (and points) are placed at their anchor, or the nearest cell
        // that takes no other country's last cell.
        var counts = fill.cellCounts
        var forced = [Bool](repeating: false, count: cells.count)
        var featureCells = [Int32](repeating: -1, count: features.count)
        let pending = features.indices
            .filter { (features[$0].isPoint || counts[$0] == 0) && fill.anchorCells[$0] >= 0 }
            .sorted { (category($0).priority, $0) < (category($1).priority, $1) }
        func free(_ i: Int, for f: Int) -> Bool {
            !forced[i] && (cells[i].feature < 0 || counts[Int(cells[i].feature)] > 1 || Int(cells[i].feature) == f)
        }
        func place(_ f: Int, at i: Int) {
            if cells[i].feature >= 0 { counts[Int(cells[i].feature)] -= 1 }
            counts[f] += 1
            forced[i] = true
            // On land, the cell keeps its land in the placed country's pattern; at sea it gets the pattern's mark.
            let c = category(f)
            var dots = c == .context ? fill.outline[i] : fill.land[i] & c.shade.mask
            if dots == 0 || fill.land[i] == 0 { dots = c.shade.pointDots }
            cells[i] = MapCell(feature: Int32(f), dots: dots, category: c, isMarker: true)
            featureCells[f] = Int32(i)
        }
        // First every country that can have the cell it is in; then the others, the nearest free cell.
        var displaced: [Int] = []
        for f in pending {
            let anchor = Int(fill.anchorCells[f])
            if free(anchor, for: f) { place(f, at: anchor) } else { displaced.append(f) }
        }
        for f in displaced {
            let anchor = Int(fill.anchorCells[f])
            let ax = anchor % columns, ay = anchor / columns
            var chosen: Int? = nil
            var radius = 1
            while chosen == nil && radius <= max(columns, rows) {
                var best: (score: Int, cell: Int)? = nil
                for y in (ay - radius)...(ay + radius) where y >= 0 && y < rows {
                    for x in (ax - radius)...(ax + radius) where x >= 0 && x < columns {
                        guard max(abs(x - ax), abs(y - ay)) == radius else { continue }
                        let i = y * columns + x
                        guard free(i, for: f) else { continue }
                        // Prefer sea (take no land from a neighbour), then the nearest.
                        let score = (cells[i].feature < 0 ? 0 : 1000) + (x - ax) * (x - ax) + 4 * (y - ay) * (y - ay)
                        if best == nil || score < best!.score { best = (score, i) }
                    }
                }
                chosen = best?.cell
                radius += 1
            }
            if let i = chosen { place(f, at: i) }
        }

        // The other features: their cell nearest the anchor.
        var bestDistance = [Int](repeating: Int.max, count: features.count)
        for i in cells.indices where cells[i].feature >= 0 && !forced[i] {
            let f = Int(cells[i].feature)
            let anchor = fill.anchorCells[f]
            let d: Int
            if anchor >= 0 {
                let dx = i % columns - Int(anchor) % columns, dy = i / columns - Int(anchor) / columns
                d = dx * dx + 4 * dy * dy
            } else {
                d = Int.max - 1
            }
            if d < bestDistance[f] { bestDistance[f] = d; featureCells[f] = Int32(i) }
        }
        return MapPicture(
            columns: columns, rows: rows, view: view, frame: fill.frame, cells: cells,
            featureCells: featureCells)
    }
}
