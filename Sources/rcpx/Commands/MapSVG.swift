import RCPCore

/// `rcpx map --format svg`: the projected shapes as an SVG document, one element per country (a path, or a
/// circle for a point) carrying its ISO code and a title with its name and category; patterns as well as
/// colours tell the categories apart; a title line, a legend and the sources.
enum MapSVG {
    static func render(
        view: MapView, columns: Int, rows: Int, layer: MapLayer, world: WorldMap, title: String,
        source: SourceInfo
    ) -> String {
        let mapWidth = Double(columns * 2), mapHeight = Double(rows * 4)
        let top = 44.0
        let legendTop = top + mapHeight + 16
        let legendHeight = Double(layer.legend.count) * 22 + 8
        let total = legendTop + legendHeight + 36
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out +=
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(fmt(mapWidth))\" height=\"\(fmt(total))\" "
            + "viewBox=\"0 0 \(fmt(mapWidth)) \(fmt(total))\" font-family=\"Helvetica, Arial, sans-serif\">\n"
        out += "<title>\(escape(title))</title>\n<defs>\n"
        var used: [MapCategory] = []
        for c in layer.legend.map(\.category) + layer.style.categories where !used.contains(c) { used.append(c) }
        for c in used { out += pattern(c) }
        out +=
            "<clipPath id=\"map-area\"><rect x=\"0\" y=\"0\" width=\"\(fmt(mapWidth))\" height=\"\(fmt(mapHeight))\"/></clipPath>\n"
        out += "</defs>\n"
        out += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
        out += "<text x=\"12\" y=\"28\" font-size=\"18\" font-weight=\"bold\" fill=\"#222\">\(escape(title))</text>\n"
        out += "<g id=\"map\" transform=\"translate(0 \(fmt(top)))\" clip-path=\"url(#map-area)\">\n"
        out += "<rect width=\"\(fmt(mapWidth))\" height=\"\(fmt(mapHeight))\" fill=\"#eef4f8\"/>\n"
        let shapes = world.projectedShapes(view, columns: columns, rows: rows)
        // Shapes first, then points on top.
        for shape in shapes.sorted(by: {
            (world.features[$0.feature].isPoint ? 1 : 0) < (world.features[$1.feature].isPoint ? 1 : 0)
        }) {
            let feature = world.features[shape.feature]
            let category =
                layer.style.categories.indices.contains(shape.feature)
                ? layer.style.categories[shape.feature] : .context
            let label = "\(feature.iso3) \u{00B7} \(feature.name): \(category.label)"
            let common =
                "id=\"\(feature.iso3)\" data-iso=\"\(feature.iso3)\" class=\"country \(slug(category))\" "
                + "fill=\"url(#\(slug(category)))\" stroke=\"\(category == .context ? "#9a9a9a" : "#333333")\""
            if shape.rings.isEmpty {
                out +=
                    "<circle \(common) stroke-width=\"0.8\" cx=\"\(fmt(shape.anchorX))\" cy=\"\(fmt(shape.anchorY))\" r=\"4\">"
            } else {
                var d = ""
                for ring in shape.rings {
                    for i in stride(from: 0, to: ring.count, by: 2) {
                        d += (i == 0 ? "M" : "L") + fmt(ring[i]) + " " + fmt(ring[i + 1])
                    }
                    d += "Z"
                }
                out +=
                    "<path \(common) stroke-width=\"0.5\" stroke-linejoin=\"round\" fill-rule=\"evenodd\" d=\"\(d)\">"
            }
            out += "<title>\(escape(label))</title></\(shape.rings.isEmpty ? "circle" : "path")>\n"
        }
        out += "</g>\n"
        out += "<g id=\"legend\" font-size=\"13\" fill=\"#222\">\n"
        for (n, entry) in layer.legend.enumerated() {
            let y = legendTop + Double(n) * 22
            var text = entry.category.label
            if entry.category != .context { text += " (\(entry.count))" }
            text += " \u{2014} " + patternWords(entry.category.shade)
            out +=
                "<rect x=\"12\" y=\"\(fmt(y))\" width=\"28\" height=\"16\" fill=\"url(#\(slug(entry.category)))\" "
                + "stroke=\"#333333\" stroke-width=\"0.8\"/>"
            out += "<text x=\"48\" y=\"\(fmt(y + 12.5))\">\(escape(text))</text>\n"
        }
        out += "</g>\n"
        let sources = [
            "Equal Earth projection. Shapes: Natural Earth 1:110m (public domain); small states as points "
                + "(countryinfo); UN membership of 2005: country_converter.",
            "Membership: \(source.publisher), \(source.title) (\(source.year)), as of \(source.matrixDate).",
        ]
        out += "<g id=\"source\" font-size=\"10\" fill=\"#555\">"
        for (n, line) in sources.enumerated() {
            out += "<text x=\"12\" y=\"\(fmt(total - 24 + Double(n) * 13))\">\(escape(line))</text>"
        }
        out += "</g>\n"
        out += "</svg>\n"
        return out
    }

    static func patternWords(_ shade: MapShade) -> String {
        switch shade {
        case .solid: return "solid"
        case .dense: return "solid with light dots"
        case .checked: return "checked"
        case .sparse: return "dotted"
        case .striped: return "striped"
        case .outline: return "grey, outline only"
        case .marked: return "two bars"
        }
    }

    static func slug(_ c: MapCategory) -> String {
        switch c {
        case .leader: return "leader"
        case .takesPart: return "takes-part"
        case .interested: return "interested"
        case .observer: return "observer"
        case .otherRole: return "other-role"
        case .selected: return "selected"
        case .partner: return "partner"
        case .processes(let n): return "processes-\(min(n, 4))"
        case .noProcess: return "no-process"
        case .context: return "context"
        case .marked: return "marked"
        }
    }

    static func colour(_ c: MapCategory) -> String {
        switch c {
        case .leader, .selected: return "#d08c00"
        case .takesPart, .partner: return "#1f78b4"
        case .interested: return "#33a02c"
        case .observer: return "#6a3d9a"
        case .otherRole: return "#b15928"
        case .processes(let n): return n >= 4 ? "#08306b" : n == 3 ? "#2171b5" : n == 2 ? "#4292c6" : "#6baed6"
        case .noProcess: return "#e31a1c"
        case .context: return "#f2f2f2"
        case .marked: return "#000000"
        }
    }

    /// An 8 × 8 pattern: the category's colour drawn in its shade.
    static func pattern(_ c: MapCategory) -> String {
        let colour = colour(c)
        var body: String
        switch c.shade {
        case .solid: body = "<rect width=\"8\" height=\"8\" fill=\"\(colour)\"/>"
        case .dense:
            body =
                "<rect width=\"8\" height=\"8\" fill=\"\(colour)\"/><circle cx=\"4\" cy=\"4\" r=\"1.4\" fill=\"#ffffff\"/>"
        case .checked:
            body =
                "<rect width=\"8\" height=\"8\" fill=\"#ffffff\"/><rect width=\"4\" height=\"4\" fill=\"\(colour)\"/>"
                + "<rect x=\"4\" y=\"4\" width=\"4\" height=\"4\" fill=\"\(colour)\"/>"
        case .sparse:
            body =
                "<rect width=\"8\" height=\"8\" fill=\"#ffffff\"/><circle cx=\"4\" cy=\"4\" r=\"2\" fill=\"\(colour)\"/>"
        case .striped:
            body =
                "<rect width=\"8\" height=\"8\" fill=\"#ffffff\"/><rect width=\"8\" height=\"4\" fill=\"\(colour)\"/>"
        case .outline: body = "<rect width=\"8\" height=\"8\" fill=\"\(colour)\"/>"
        case .marked:  // not drawn by `rcpx map` (marks are the explorer's), but a pattern all the same
            body =
                "<rect width=\"8\" height=\"8\" fill=\"#ffffff\"/><rect width=\"8\" height=\"2\" fill=\"\(colour)\"/>"
                + "<rect y=\"6\" width=\"8\" height=\"2\" fill=\"\(colour)\"/>"
        }
        return "<pattern id=\"\(slug(c))\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\">\(body)</pattern>\n"
    }

    /// A coordinate with at most one decimal.
    static func fmt(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        if r == r.rounded() { return String(Int(r)) }
        return String(r)
    }

    /// Text for XML (`DisplayText.markup`).
    static func escape(_ s: String) -> String { DisplayText.markup(s) }
}
