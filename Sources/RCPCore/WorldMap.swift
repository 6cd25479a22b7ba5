import RCPData
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A state's standing at the UN on the date of the matrix (19 May 2005).
public enum UNStatus: Sendable, Hashable {
    /// A member state, admitted in `year`.
    case member(year: Int)
    /// The Holy See: a non-member observer state.
    case observer
    /// Neither (a territory, or a unit with no seat).
    case none
}

/// One country, territory or point of the world map: its shape (rings of longitude/latitude points) or, for
/// what has no shape at 1:110m (Nauru, Malta, Hong Kong, …), only its anchor point.
public struct WorldFeature: Sendable, Hashable {
    /// ISO 3166-1 alpha-3 code, of the time for Serbia and Montenegro ("SCG").
    public let iso3: String
    public let name: String
    /// A point inside the feature (its largest part), in degrees; a point feature is drawn there.
    public let anchorLon: Double
    public let anchorLat: Double
    public let unStatus: UNStatus
    /// UN M49 sub-region ("Western Africa"), or nil.
    public let subregion: String?
    /// Rings as alternating longitude, latitude (degrees); empty for a point feature.
    public let rings: [[Double]]

    public var isPoint: Bool { rings.isEmpty }

    /// One of the 191 UN member states of 19 May 2005, or the Holy See: what coverage is measured against.
    public var inUniverse: Bool {
        switch unStatus {
        case .member, .observer: return true
        case .none: return false
        }
    }
}

/// A problem in a world file: the line and what is wrong.
public struct WorldMapError: Error, Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var message: String
    public var description: String { "world map, line \(line): \(message)" }
}

/// The world map rcpx draws on: features decoded from `Resources/world.txt` (see docs/DATA.md, "The world map"),
/// and the projections of them already made (one per central meridian).
public final class WorldMap: Sendable {
    public let features: [WorldFeature]
    let featureByISO: [String: Int]
    /// Projected geometry per central meridian (a few are kept: the world view and the fitted views).
    let projections = Mutex<[(meridian: Int, world: ProjectedWorld)]>([])
    /// Per feature, per ring: `EqualEarth.factors` of each vertex (k, y alternating), made with the first
    /// projection; later projections only shift longitudes.
    let latitudeFactors = Mutex<[[[Double]]]?>(nil)
    /// The views that fit sets of features, per set and size (see `fit`).
    let fits = RecentValues<FitKey, MapView>(capacity: 64)
    /// Rasterised pictures per size, view and style (see `MapPainter`).
    let pictures = Mutex<[(key: PictureKey, picture: MapPicture)]>([])
    let fills = Mutex<[(key: FillKey, fill: MapFill)]>([])

    /// The map compiled into rcpx.
    public static let bundled: WorldMap = {
        BundledWorld.withBytes { bytes in
            (try? WorldMap(bytes: bytes)) ?? WorldMap(features: [])
        }
    }()

    public init(features: [WorldFeature]) {
        self.features = features
        var index: [String: Int] = [:]
        for (i, f) in features.enumerated() where index[f.iso3] == nil { index[f.iso3] = i }
        featureByISO = index
    }

    /// Decodes the text format of `Resources/world.txt`.
    public convenience init(bytes: UnsafeBufferPointer<UInt8>) throws(WorldMapError) {
        var features: [WorldFeature] = []
        var quant = 0.0
        var pending: (iso: String, name: String, lon: Double, lat: Double, status: UNStatus, sub: String?)?
        var rings: [[Double]] = []
        func flush() {
            if let p = pending {
                features.append(
                    WorldFeature(
                        iso3: p.iso, name: p.name, anchorLon: p.lon, anchorLat: p.lat,
                        unStatus: p.status, subregion: p.sub, rings: rings))
            }
            pending = nil
            rings = []
        }
        var lineNumber = 0
        var start = 0
        let count = bytes.count
        while start < count {
            var end = start
            while end < count && bytes[end] != 0x0A { end += 1 }
            lineNumber += 1
            // Rings are most of the file: read their numbers straight from the bytes.
            if end - start > 2 && bytes[start] == UInt8(ascii: "R") && bytes[start + 1] == UInt8(ascii: " ") {
                guard pending != nil, quant > 0 else {
                    throw WorldMapError(line: lineNumber, message: "a ring before any feature")
                }
                guard let numbers = Self.integers(bytes, from: start + 2, to: end), numbers.count >= 6,
                    numbers.count % 2 == 0
                else {
                    throw WorldMapError(line: lineNumber, message: "a ring needs at least 3 points of 2 integers")
                }
                var ring: [Double] = []
                ring.reserveCapacity(numbers.count)
                var x = 0, y = 0
                for i in stride(from: 0, to: numbers.count, by: 2) {
                    x += numbers[i]; y += numbers[i + 1]
                    ring.append(Double(x) / quant); ring.append(Double(y) / quant)
                }
                rings.append(ring)
                start = end + 1
                continue
            }
            let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            start = end + 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("world ") {
                let parts = line.split(separator: " ")
                guard parts.count == 3, parts[1] == "1", let q = Int(parts[2]), q > 0 else {
                    throw WorldMapError(line: lineNumber, message: "unsupported header \"\(line)\"")
                }
                quant = Double(q)
                continue
            }
            guard quant > 0 else { throw WorldMapError(line: lineNumber, message: "no \"world 1 N\" header first") }
            if line.hasPrefix("F\t") {
                flush()
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard fields.count == 7, fields[1].count == 3, let x = Int(fields[2]), let y = Int(fields[3]) else {
                    throw WorldMapError(line: lineNumber, message: "a feature line needs 7 tab-separated fields")
                }
                let status: UNStatus
                if fields[4] == "observer" {
                    status = .observer
                } else if let year = Int(fields[4]) {
                    status = .member(year: year)
                } else if fields[4] == "-" {
                    status = .none
                } else {
                    throw WorldMapError(line: lineNumber, message: "unknown UN status \"\(fields[4])\"")
                }
                pending = (
                    fields[1], fields[6], Double(x) / quant, Double(y) / quant, status,
                    fields[5] == "-" ? nil : fields[5]
                )
            } else {
                throw WorldMapError(line: lineNumber, message: "unknown line")
            }
        }
        flush()
        self.init(features: features)
    }

    /// Space-separated decimal integers (with an optional minus sign); nil at anything else.
    static func integers(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> [Int]? {
        var out: [Int] = []
        out.reserveCapacity((to - from) / 3)
        var i = from
        while i < to {
            if bytes[i] == 0x20 { i += 1; continue }
            var negative = false
            if bytes[i] == UInt8(ascii: "-") { negative = true; i += 1 }
            var value = 0, digits = 0
            while i < to, bytes[i] >= 0x30, bytes[i] <= 0x39, digits < 9 {
                value = value * 10 + Int(bytes[i] - 0x30)
                digits += 1
                i += 1
            }
            guard digits > 0, i == to || bytes[i] == 0x20 else { return nil }
            out.append(negative ? -value : value)
        }
        return out
    }

    /// The feature of an ISO 3166 alpha-3 code ("SCG" for Serbia and Montenegro).
    public func feature(iso3: String) -> Int? { featureByISO[iso3] }
}

// MARK: Projection

/// The Equal Earth projection (Šavrič, Patterson and Jenny, 2018): equal-area, so a state's share of the map is
/// its share of the world, which a coverage map needs; with straight parallels and a rounded outline close to
/// Robinson's look. Coordinates are for a sphere of radius 1: x in ±2.7066, y in ±1.3173 (north up).
public enum EqualEarth {
    static let a1 = 1.340264, a2 = -0.081106, a3 = 0.000893, a4 = 0.003796
    static let m = 0.8660254037844386  // √3 / 2

    /// Projects a longitude relative to the central meridian and a latitude, both in degrees.
    @inline(__always)
    public static func project(lon: Double, lat: Double) -> (x: Double, y: Double) {
        let f = factors(lat: lat)
        return (lon * .pi / 180 * f.k, f.y)
    }

    /// What the projection of a point owes to its latitude alone: x is the longitude (radians) times `k`, and
    /// y. So a world projected about another central meridian needs no trigonometry, only its longitudes.
    @inline(__always)
    public static func factors(lat: Double) -> (k: Double, y: Double) {
        let phi = lat * .pi / 180
        let theta = asin(m * sin(phi))
        let t2 = theta * theta, t6 = t2 * t2 * t2
        let k = cos(theta) / (m * (a1 + 3 * a2 * t2 + t6 * (7 * a3 + 9 * a4 * t2)))
        let y = theta * (a1 + a2 * t2 + t6 * (a3 + a4 * t2))
        return (k, y)
    }
}

/// What a fitted view depends on: the features and the size of the map.
struct FitKey: Hashable, Sendable {
    var indices: [Int]
    var columns: Int
    var rows: Int
}

/// A longitude relative to `meridian`, in [-180, 180).
@inline(__always)
func wrapLongitude(_ lon: Double) -> Double {
    var d = lon + 180
    // Within one turn of the range (nearly always) a subtraction or addition gives what the remainder gives,
    // exactly (360 ≤ d < 720: Sterbenz), without its cost.
    if d >= 0 && d < 360 {
    } else if d >= 360 && d < 720 {
        d -= 360
    } else if d < 0 && d > -360 {
        d += 360
    } else {
        d = d.truncatingRemainder(dividingBy: 360)
        if d < 0 { d += 360 }
    }
    return d - 180
}

/// The rings of every feature projected for one central meridian: parts that cross the meridian opposite
/// (the antimeridian of the view) are cut there, so nothing smears across the map.
struct ProjectedWorld: Sendable {
    /// Per feature: its rings as alternating x, y.
    var rings: [[[Double]]]
    /// Per feature: its projected anchor.
    var anchors: [(x: Double, y: Double)]
    /// Per feature: its bounding box (anchor only for a point).
    var boxes: [Box]
    /// All features together.
    var box: Box

    struct Box: Sendable {
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        mutating func add(_ x: Double, _ y: Double) {
            minX = Swift.min(minX, x); maxX = Swift.max(maxX, x); minY = Swift.min(minY, y); maxY = Swift.max(maxY, y)
        }
        mutating func add(_ b: Box) {
            guard !b.isEmpty else { return }
            add(b.minX, b.minY); add(b.maxX, b.maxY)
        }
        var isEmpty: Bool { minX > maxX }
    }
}

extension WorldMap {
    /// The world projected with `meridian` (degrees) in the middle; remembered for the last few meridians.
    func projected(meridian: Int) -> ProjectedWorld {
        if let hit = projections.withLock({ list in list.first { $0.meridian == meridian }?.world }) { return hit }
        let built = project(meridian: Double(meridian))
        projections.withLock { list in
            list.removeAll { $0.meridian == meridian }
            list.insert((meridian, built), at: 0)
            if list.count > 4 { list.removeLast() }
        }
        return built
    }

    private func project(meridian: Double) -> ProjectedWorld {
        let factors = latitudeFactors.withLock { made in
            if let made { return made }
            let new = features.map { feature in
                feature.rings.map { ring in
                    var out = [Double]()
                    out.reserveCapacity(ring.count)
                    for i in stride(from: 1, to: ring.count, by: 2) {
                        let f = EqualEarth.factors(lat: ring[i])
                        out.append(f.k); out.append(f.y)
                    }
                    return out
                }
            }
            made = new
            return new
        }
        var all = ProjectedWorld.Box()
        var rings: [[[Double]]] = []
        var anchors: [(x: Double, y: Double)] = []
        var boxes: [ProjectedWorld.Box] = []
        rings.reserveCapacity(features.count)
        for (f, feature) in features.enumerated() {
            var box = ProjectedWorld.Box()
            var out: [[Double]] = []
            for (r, ring) in feature.rings.enumerated() {
                // Most rings stay within ±180 about the meridian and keep their vertices: their latitude
                // factors apply as they are. The others are cut at the seam and projected piece by piece.
                if let projected = Self.projectedWhole(ring, meridian: meridian, factors: factors[f][r], box: &box) {
                    out.append(projected)
                    continue
                }
                for piece in Self.pieces(Self.unwrapped(ring, meridian: meridian)) {
                    var projected = [Double]()
                    projected.reserveCapacity(piece.count)
                    for i in stride(from: 0, to: piece.count, by: 2) {
                        let p = EqualEarth.project(lon: piece[i], lat: piece[i + 1])
                        projected.append(p.x); projected.append(p.y)
                        box.add(p.x, p.y)
                    }
                    out.append(projected)
                }
            }
            let a = EqualEarth.project(lon: wrapLongitude(feature.anchorLon - meridian), lat: feature.anchorLat)
            box.add(a.x, a.y)
            all.add(box)
            rings.append(out)
            anchors.append(a)
            boxes.append(box)
        }
        return ProjectedWorld(rings: rings, anchors: anchors, boxes: boxes, box: all)
    }

    /// A ring projected about `meridian` with its vertices' latitude factors (k, y alternating), its points added
    /// to `box`; nil (and `box` untouched) when the ring reaches past ±180 and must be cut.
    static func projectedWhole(
        _ ring: [Double], meridian: Double, factors: [Double], box: inout ProjectedWorld.Box
    ) -> [Double]? {
        var projected = [Double]()
        projected.reserveCapacity(ring.count)
        var previous = 0.0
        var ringBox = ProjectedWorld.Box()
        for i in stride(from: 0, to: ring.count, by: 2) {
            let lon = continuousLongitude(ring[i], meridian: meridian, previous: i > 0 ? previous : nil)
            previous = lon
            // Rings drawn right up to the antimeridian (Russia's east, Fiji) may end at exactly ±180.
            guard lon >= -180.0001 && lon <= 180.0001 else { return nil }
            let x = lon * .pi / 180 * factors[i], y = factors[i + 1]
            projected.append(x); projected.append(y)
            ringBox.add(x, y)
        }
        box.add(ringBox)
        return projected
    }

    /// A vertex's longitude relative to `meridian`, within 180° of the ring's previous one (so a ring crossing
    /// the seam stays in one piece, reaching past ±180 instead).
    @inline(__always)
    static func continuousLongitude(_ lon: Double, meridian: Double, previous: Double?) -> Double {
        let relative = wrapLongitude(lon - meridian)
        guard let previous else { return relative }
        return previous + wrapLongitude(relative - previous)
    }

    /// A ring's longitudes made relative to `meridian` and continuous (latitudes as they were).
    static func unwrapped(_ ring: [Double], meridian: Double) -> [Double] {
        var unwrapped = [Double]()
        unwrapped.reserveCapacity(ring.count)
        var previous = 0.0
        for i in stride(from: 0, to: ring.count, by: 2) {
            let lon = continuousLongitude(ring[i], meridian: meridian, previous: i > 0 ? previous : nil)
            previous = lon
            unwrapped.append(lon); unwrapped.append(ring[i + 1])
        }
        return unwrapped
    }

    /// An unwrapped ring that reaches past ±180 clipped into the part inside and the parts beyond, moved by 360°.
    static func pieces(_ unwrapped: [Double]) -> [[Double]] {
        var pieces: [[Double]] = []
        for shift in [-360.0, 0, 360] {
            var moved = unwrapped
            for i in stride(from: 0, to: moved.count, by: 2) { moved[i] += shift }
            let clipped = clip(clip(moved, keepBelow: 180), keepAbove: -180)
            if clipped.count >= 6 { pieces.append(clipped) }
        }
        return pieces
    }

    private static func clip(_ ring: [Double], keepBelow limit: Double) -> [Double] {
        clip(ring) {
            $0 <= limit
        } at: {
            limit
        }
    }

    private static func clip(_ ring: [Double], keepAbove limit: Double) -> [Double] {
        clip(ring) {
            $0 >= limit
        } at: {
            limit
        }
    }

    /// Sutherland–Hodgman against one vertical line; points added on the line are spaced ≤ 5° in latitude
    /// so the cut edge follows the map's curved outline once projected.
    private static func clip(_ ring: [Double], inside: (Double) -> Bool, at line: () -> Double) -> [Double] {
        let n = ring.count / 2
        guard n >= 3 else { return [] }
        var out: [Double] = []
        var lastCut: Double? = nil
        func addCut(_ lat: Double) {
            let x = line()
            if let from = lastCut {
                let steps = Int(abs(lat - from) / 5)
                if steps > 0 {
                    for s in 1...steps {
                        out.append(x); out.append(from + (lat - from) * Double(s) / Double(steps + 1))
                    }
                }
            }
            out.append(x); out.append(lat)
            lastCut = lat
        }
        for i in 0..<n {
            let x0 = ring[2 * i], y0 = ring[2 * i + 1]
            let j = (i + 1) % n
            let x1 = ring[2 * j], y1 = ring[2 * j + 1]
            let in0 = inside(x0), in1 = inside(x1)
            if in0 {
                out.append(x0); out.append(y0)
                lastCut = nil
            }
            if in0 != in1 {
                let t = (line() - x0) / (x1 - x0)
                addCut(y0 + (y1 - y0) * t)
                if in1 { lastCut = nil }
            }
        }
        return out
    }
}
