import RCPCore
import RCPText

/// The time line drawn as a self-contained SVG for slides: a compressed axis of years, a band per lane, and one
/// `<g>` per dated record with its description in a `<title>` (a tooltip in browsers).
///
/// Placement is `TimelineLayout`'s on a grid of monospace cells, so labels never overlap here either.
enum TimelineSVG {
    static let columns = 166
    static let cell = 7.8  // px per column (a 13 px monospace character is about 7.8 px wide)
    static let rowHeight = 19.0
    static let laneHeading = 22.0
    static let left = 24.0
    static let top = 78.0

    static func render(_ timeline: Timeline, title: String, ascii: Bool) -> String {
        let layout = TimelineLayout(timeline, width: columns, markerColumns: 2)
        let entries = Dictionary(timeline.entries.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let plotWidth = Double(columns) * cell
        let width = left * 2 + plotWidth
        // Lane bands, top to bottom.
        var laneTop: [Double] = []
        var y = top + 26
        for rows in layout.laneRows {
            laneTop.append(y)
            y += laneHeading + Double(rows) * rowHeight + 10
        }
        let axisBottom = y
        let height = axisBottom + 70
        func text(_ s: String) -> String { escape(ascii ? ASCIIFold.fold(s) : s) }
        func fmt(_ v: Double) -> String {
            let r = (v * 10).rounded() / 10
            return r == r.rounded() ? String(Int(r)) : String(r)
        }
        func x(_ column: Int) -> Double { left + Double(column) * cell }

        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(fmt(width))" height="\(fmt(height))" \
            viewBox="0 0 \(fmt(width)) \(fmt(height))" font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" \
            font-size="13">

            """
        out += "<title>\(text(title))</title>\n"
        out += """
            <style>
            .lane-name { font-weight: bold; fill: #333; font-family: DejaVu Sans, Helvetica, Arial, sans-serif; }
            .tick { fill: #555; font-size: 12px; }
            .label { fill: #222; }
            .process-start circle { fill: #1f5fa8; }
            .process-start.outside circle { fill: #fff; stroke: #1f5fa8; stroke-width: 1.5; }
            .mechanism-start circle { fill: #2e8540; }
            .event circle { fill: #d9822b; }
            .status circle { fill: #b8322a; }
            .planned circle { fill: #fff; stroke: #888; stroke-width: 1.5; stroke-dasharray: 2 1.5; }
            .planned .label { fill: #777; font-style: italic; }
            </style>

            """
        out += "<rect x=\"0\" y=\"0\" width=\"\(fmt(width))\" height=\"\(fmt(height))\" fill=\"#ffffff\"/>\n"
        out +=
            "<text x=\"\(fmt(left))\" y=\"34\" font-size=\"22\" font-weight=\"bold\" "
            + "font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\(text(title))</text>\n"
        let span = "\(timeline.firstYear ?? 0)–\(timeline.lastYear ?? 0)"
        out +=
            "<text x=\"\(fmt(left))\" y=\"58\" font-size=\"14\" fill=\"#555\" "
            + "font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">"
            + text("\(span) · \(timeline.entries.count) dated records · years without a record are left out (//)")
            + "</text>\n"

        // Bands and lane names.
        for (i, lane) in timeline.lanes.enumerated() where i < laneTop.count {
            let bandHeight = laneHeading + Double(layout.laneRows[i]) * rowHeight + 10
            let fill = i % 2 == 0 ? "#f3f5f8" : "#ffffff"
            out +=
                "<rect x=\"\(fmt(left - 8))\" y=\"\(fmt(laneTop[i]))\" width=\"\(fmt(plotWidth + 16))\" "
                + "height=\"\(fmt(bandHeight))\" fill=\"\(fill)\"/>\n"
            out +=
                "<text class=\"lane-name\" x=\"\(fmt(left))\" y=\"\(fmt(laneTop[i] + 16))\">"
                + "\(text(lane.name))</text>\n"
        }
        // Axis: grid lines and years at top and bottom, breaks where years are left out.
        for tick in layout.ticks {
            let tx = x(tick.x) + cell / 2
            out +=
                "<line x1=\"\(fmt(tx))\" y1=\"\(fmt(top + 20))\" x2=\"\(fmt(tx))\" y2=\"\(fmt(axisBottom))\" "
                + "stroke=\"#d0d4da\" stroke-width=\"1\"/>\n"
            for ty in [top + 12, axisBottom + 18] {
                out += "<text class=\"tick\" x=\"\(fmt(x(tick.x)))\" y=\"\(fmt(ty))\">\(text(tick.text))</text>\n"
            }
        }
        // The axis line, cut by a double slash where years are left out.
        out +=
            "<line x1=\"\(fmt(left))\" y1=\"\(fmt(top + 20))\" x2=\"\(fmt(left + plotWidth))\" y2=\"\(fmt(top + 20))\" "
            + "stroke=\"#888\" stroke-width=\"1\"/>\n"
        for b in layout.breaks {
            let bx = x(b) + cell / 2
            out += "<rect x=\"\(fmt(bx - 3))\" y=\"\(fmt(top + 16))\" width=\"6\" height=\"8\" fill=\"#ffffff\"/>"
            for dx in [-3.0, 1.0] {
                out +=
                    "<line x1=\"\(fmt(bx + dx))\" y1=\"\(fmt(top + 25))\" x2=\"\(fmt(bx + dx + 3))\" y2=\"\(fmt(top + 15))\" "
                    + "stroke=\"#888\" stroke-width=\"1\"/>"
            }
            out += "\n"
        }
        // One group per record.
        for item in layout.items {
            guard let entry = entries[item.id] else { continue }
            var classes = [entry.kind.rawValue]
            if entry.outsideMatrix && entry.kind == .processStart { classes.append("outside") }
            if entry.planned { classes.append("planned") }
            if entry.editorial { classes.append("editorial") }
            var tooltip = "\(entry.year)"
            if !entry.dayAndMonth.isEmpty { tooltip = entry.dayAndMonth + " " + tooltip }
            tooltip += ": " + entry.label
            if entry.planned { tooltip += " (planned)" }
            if let note = entry.yearNote { tooltip += " — year: " + note }
            if entry.outsideMatrix && entry.kind == .processStart { tooltip += " — outside the Annex A matrix" }
            tooltip += " [" + entry.source + "]"
            let cy = laneTop[item.lane] + laneHeading + Double(item.row) * rowHeight + rowHeight / 2
            let cx = x(item.x) + cell / 2
            var label = item.label
            if entry.editorial && !label.isEmpty { label += "*" }
            out += "<g class=\"\(classes.joined(separator: " "))\" id=\"\(escape(svgID(item.id)))\">"
            out += "<title>\(text(tooltip))</title>"
            out += "<circle cx=\"\(fmt(cx))\" cy=\"\(fmt(cy))\" r=\"4.5\"/>"
            if !label.isEmpty {
                out +=
                    "<text class=\"label\" x=\"\(fmt(x(item.x + layout.markerColumns)))\" y=\"\(fmt(cy + 4.5))\">"
                    + "\(text(label))</text>"
            }
            out += "</g>\n"
        }
        // Legend.
        let ly = axisBottom + 46
        var lx = left
        let legend: [(String, String)] = [
            ("process-start", "process starts"), ("process-start outside", "group outside the matrix starts"),
            ("mechanism-start", "global mechanism starts"), ("event", "event"), ("status", "status change"),
            ("event planned", "planned"),
        ]
        for (cls, words) in legend {
            out += "<g class=\"\(cls)\"><circle cx=\"\(fmt(lx + 5))\" cy=\"\(fmt(ly - 4.5))\" r=\"4.5\"/></g>"
            out += "<text x=\"\(fmt(lx + 14))\" y=\"\(fmt(ly))\" font-size=\"12\" fill=\"#444\">\(text(words))</text>\n"
            lx += 14 + Double(words.count) * 7.3 + 22
        }
        out +=
            "<text x=\"\(fmt(lx))\" y=\"\(fmt(ly))\" font-size=\"12\" fill=\"#444\">* year qualified by the record</text>\n"
        out += "</svg>\n"
        return out
    }

    /// An XML id from a time line id ("event:berne-ii" → "event-berne-ii").
    static func svgID(_ id: String) -> String {
        String(id.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." ? $0 : "-" })
    }

    /// Text for XML (`DisplayText.markup`).
    static func escape(_ s: String) -> String { DisplayText.markup(s) }
}
