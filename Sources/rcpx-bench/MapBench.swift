import RCPCore
import RCPData
import RCPTestSupport

/// The world map's frame times, in process: the first frame (decoding the map, projecting, rasterising,
/// styling), a frame already drawn (the cache), a frame after a pan or zoom (a new raster for a new view), and a
/// new style on a view already drawn (the selection moved), all at 200×60.
struct MapFigures {
    var first: Summary
    var cached: Summary
    var newView: Summary
    var newStyle: Summary
}

func mapBench(runs: Int) -> MapFigures {
    let catalog = Catalog.bundled
    var first: [Double] = [], cached: [Double] = [], newView: [Double] = [], newStyle: [Double] = []
    let columns = 200, rows = 60
    for run in 0..<max(1, runs) {
        var t = nowNanoseconds()
        // A fresh map each run, so nothing is cached.
        let world = BundledWorld.withBytes { bytes in (try? WorldMap(bytes: bytes)) ?? WorldMap(features: []) }
        let coverage = catalog.mapLayer(.coverage, world: world)
        var picture = world.picture(.world, columns: columns, rows: rows, style: coverage.style)
        first.append(milliseconds(nowNanoseconds() - t))

        t = nowNanoseconds()
        picture = world.picture(.world, columns: columns, rows: rows, style: coverage.style)
        cached.append(milliseconds(nowNanoseconds() - t))

        t = nowNanoseconds()
        let view = world.pan(
            MapView.world.zoomed(by: 1.5), columns: columns, rows: rows, byColumns: run % 7 - 3, rows: 1)
        picture = world.picture(view, columns: columns, rows: rows, style: coverage.style)
        newView.append(milliseconds(nowNanoseconds() - t))

        t = nowNanoseconds()
        let bali = catalog.mapLayer(.process("bali"), world: world)
        picture = world.picture(view, columns: columns, rows: rows, style: bali.style)
        newStyle.append(milliseconds(nowNanoseconds() - t))
        precondition(picture.cells.count == columns * rows)
    }
    return MapFigures(
        first: Summary(first), cached: Summary(cached), newView: Summary(newView),
        newStyle: Summary(newStyle))
}
