/// What part of the world a map shows: the central meridian, the projected point in the middle and the zoom
/// (1 shows every feature; 2 shows half as wide). Values, so a UI keeps one in its state and a cache keys on it.
public struct MapView: Sendable, Hashable {
    /// Degrees east, -180..<180; the map is cut at the meridian opposite.
    public var meridian: Int
    /// The projected point (Equal Earth, radius 1) in the middle of the map; nil: the middle of the world.
    public var centerX: Double?
    public var centerY: Double?
    public var zoom: Double

    public static let world = MapView(meridian: 0, centerX: nil, centerY: nil, zoom: 1)
    public static let minZoom = 1.0
    public static let maxZoom = 64.0

    public init(meridian: Int, centerX: Double? = nil, centerY: Double? = nil, zoom: Double = 1) {
        self.meridian = meridian; self.centerX = centerX; self.centerY = centerY
        self.zoom = min(MapView.maxZoom, max(MapView.minZoom, zoom))
    }

    /// Zoomed in (factor > 1) or out around the middle; back at zoom 1 the whole world shows again.
    public func zoomed(by factor: Double) -> MapView {
        var v = self
        v.zoom = min(MapView.maxZoom, max(MapView.minZoom, zoom * factor))
        if v.zoom == MapView.minZoom { v.centerX = nil; v.centerY = nil }
        return v
    }
}

/// The numbers that turn projected coordinates into dots of a map of `columns` × `rows` cells (2 × 4 dots each)
/// for a view.
public struct MapFrame: Sendable, Hashable {
    public let columns: Int
    public let rows: Int
    /// Dots per projected unit.
    public let scale: Double
    public let centerX: Double
    public let centerY: Double

    var dotsWide: Int { columns * 2 }
    var dotsHigh: Int { rows * 4 }

    @inline(__always)
    func dot(_ x: Double, _ y: Double) -> (x: Double, y: Double) {
        ((x - centerX) * scale + Double(dotsWide) / 2, (centerY - y) * scale + Double(dotsHigh) / 2)
    }

    /// The projected point at a dot position (for panning).
    func point(dotX: Double, dotY: Double) -> (x: Double, y: Double) {
        ((dotX - Double(dotsWide) / 2) / scale + centerX, centerY - (dotY - Double(dotsHigh) / 2) / scale)
    }
}

extension WorldMap {
    /// The frame of `view` on a map of `columns` × `rows` cells.
    public func frame(_ view: MapView, columns: Int, rows: Int) -> MapFrame {
        let world = projected(meridian: view.meridian)
        let box = world.box.isEmpty ? ProjectedWorld.Box(minX: -2.7, minY: -1.3, maxX: 2.7, maxY: 1.3) : world.box
        let w = Double(max(1, columns * 2)), h = Double(max(1, rows * 4))
        let base = min(w / max(0.01, box.maxX - box.minX), h / max(0.01, box.maxY - box.minY)) * 0.98
        return MapFrame(
            columns: columns, rows: rows, scale: base * view.zoom,
            centerX: view.centerX ?? (box.minX + box.maxX) / 2,
            centerY: view.centerY ?? (box.minY + box.maxY) / 2)
    }

    /// `view` moved by a number of cells (positive: east and south), for the arrow keys.
    public func pan(_ view: MapView, columns: Int, rows: Int, byColumns dx: Int, rows dy: Int) -> MapView {
        let frame = frame(view, columns: columns, rows: rows)
        let box = projected(meridian: view.meridian).box
        let p = frame.point(
            dotX: Double(frame.dotsWide) / 2 + Double(dx * 2), dotY: Double(frame.dotsHigh) / 2 + Double(dy * 4))
        var v = view
        v.centerX = box.isEmpty ? p.x : min(box.maxX, max(box.minX, p.x))
        v.centerY = box.isEmpty ? p.y : min(box.maxY, max(box.minY, p.y))
        return v
    }

    /// The view that fits the features `indices` (with a margin) on a map of `columns` × `rows` cells. The
    /// central meridian is put opposite the widest stretch of longitude none of them covers, so a set that spans
    /// the Pacific (the Bali Process, PIDC) is shown in one piece.
    public func fit(_ indices: [Int], columns: Int, rows: Int) -> MapView {
        // Remembered: the view of a selection met again (up and down a list) needs no projection.
        fits.value(FitKey(indices: indices, columns: columns, rows: rows)) {
            makeFit(indices, columns: columns, rows: rows)
        }
    }

    private func makeFit(_ indices: [Int], columns: Int, rows: Int) -> MapView {
        let chosen = indices.filter { features.indices.contains($0) }
        guard !chosen.isEmpty else { return .world }
        let meridian = bestMeridian(chosen)
        let world = projected(meridian: meridian)
        // Each feature's main part: the rings near its anchor (France without French Guiana, the United States
        // without Alaska and Hawaii), so a far-away part does not stretch the view.
        var box = ProjectedWorld.Box()
        for i in chosen {
            let anchor = world.anchors[i]
            box.add(anchor.x, anchor.y)
            for ring in world.rings[i] {
                var b = ProjectedWorld.Box()
                for k in stride(from: 0, to: ring.count, by: 2) { b.add(ring[k], ring[k + 1]) }
                let cx = (b.minX + b.maxX) / 2, cy = (b.minY + b.maxY) / 2
                let near = abs(cx - anchor.x) < 0.4 && abs(cy - anchor.y) < 0.4
                let contains = b.minX <= anchor.x && anchor.x <= b.maxX && b.minY <= anchor.y && anchor.y <= b.maxY
                if near || contains { box.add(b) }
            }
        }
        guard !box.isEmpty else { return .world }
        // A lone point: show the country around it at a fixed zoom.
        let minSpan = 0.12
        let width = max(minSpan, box.maxX - box.minX), height = max(minSpan, box.maxY - box.minY)
        let whole = frame(MapView(meridian: meridian), columns: columns, rows: rows)
        let needed = min(Double(columns * 2) / width, Double(rows * 4) / height) * 0.9
        let zoom = needed / whole.scale
        if zoom <= MapView.minZoom { return MapView(meridian: meridian) }
        return MapView(
            meridian: meridian, centerX: (box.minX + box.maxX) / 2, centerY: (box.minY + box.maxY) / 2,
            zoom: zoom)
    }

    /// The central meridian (whole degrees) opposite the largest gap between the longitudes of `indices`;
    /// 0 when they leave no gap wider than 60°.
    func bestMeridian(_ indices: [Int]) -> Int {
        var intervals: [(Double, Double)] = []
        for i in indices {
            let f = features[i]
            if f.rings.isEmpty { intervals.append((f.anchorLon, f.anchorLon)); continue }
            for ring in f.rings {
                var lo = Double.infinity, hi = -Double.infinity
                for k in stride(from: 0, to: ring.count, by: 2) { lo = min(lo, ring[k]); hi = max(hi, ring[k]) }
                // A ring wider than 180° wraps (none at 1:110m once Antarctica is out); treat it as everywhere.
                if hi - lo > 180 { return 0 }
                intervals.append((lo, hi))
            }
        }
        intervals.sort { $0.0 < $1.0 }
        var gapStart = 0.0, gapWidth = -1.0
        var reach = intervals[0].1
        for (lo, hi) in intervals.dropFirst() {
            if lo - reach > gapWidth { gapWidth = lo - reach; gapStart = reach }
            reach = max(reach, hi)
        }
        // The gap across ±180.
        let wrap = intervals[0].0 + 360 - reach
        if wrap > gapWidth { gapWidth = wrap; gapStart = reach }
        if gapWidth < 60 { return 0 }
        let middleOfGap = gapStart + gapWidth / 2
        var m = Int((wrapLongitude(middleOfGap + 180)).rounded())
        if m >= 180 { m -= 360 }
        // Keep the usual map when the cut would fall in the Pacific anyway.
        return abs(m) <= 25 ? 0 : m
    }
}

extension WorldMap {
    /// The number of rows that shows the whole world at `columns` columns (at least 12): the world's width to
    /// height, with 2 × 4 square dots to a cell.
    public func naturalRows(columns: Int) -> Int {
        let box = projected(meridian: 0).box
        guard !box.isEmpty else { return max(12, columns / 5) }
        let aspect = (box.maxX - box.minX) / (box.maxY - box.minY)
        return max(12, Int((Double(columns * 2) / aspect / 4).rounded(.up)) + 1)
    }
}

/// A feature's outline in the dots of a map frame (2 dots to a cell's width, 4 to its height), for vector output.
public struct ProjectedShape: Sendable {
    public var feature: Int
    /// Rings as alternating x, y.
    public var rings: [[Double]]
    public var anchorX: Double
    public var anchorY: Double
}

extension WorldMap {
    /// Every feature's rings and anchor in the dots of `view` at `columns` × `rows` cells (not clipped).
    public func projectedShapes(_ view: MapView, columns: Int, rows: Int) -> [ProjectedShape] {
        let frame = self.frame(view, columns: columns, rows: rows)
        let world = projected(meridian: view.meridian)
        return features.indices.map { f in
            let rings = world.rings[f].map { ring in
                var out = [Double]()
                out.reserveCapacity(ring.count)
                for i in stride(from: 0, to: ring.count, by: 2) {
                    let d = frame.dot(ring[i], ring[i + 1])
                    out.append(d.x); out.append(d.y)
                }
                return out
            }
            let a = frame.dot(world.anchors[f].x, world.anchors[f].y)
            return ProjectedShape(feature: f, rings: rings, anchorX: a.x, anchorY: a.y)
        }
    }
}
