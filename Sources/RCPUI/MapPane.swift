import RCPCore

/// The world map pane: where the selected process, state or region reaches, or coverage (how many Annex A
/// processes each state takes part in, and the UN members of 2005 in none). Braille cells, a dot pattern per
/// category (colour only adds emphasis), a legend, and a country cursor. States marked for comparison (`x`) are
/// drawn in a pattern of their own (two bars a cell, underlined) with a "marked" legend entry.
public struct MapPane: Pane, Hashable {

    /// Coverage instead of the selection.
    public var coverage = false
    /// The feature (country or point) under the cursor, an index into `WorldMap.features`.
    public var cursor: Int?
    /// Zoom steps from the fitted view (each doubles), and a pan in cells.
    public var zoomSteps = 0
    public var panColumns = 0
    public var panRows = 0

    public init() {}

    public var id: PaneID { .map }
    public var tabTitle: String { "Map" }
    public var shortTabTitle: String { "Map" }
    public var scope: KeyScope { .map }
    public var placeName: String? { "map" }

    public func title(_ context: PaneContext) -> (title: String, note: String) {
        let catalog = context.env.catalog
        let what: String
        switch subject(context) {
        case .coverage, .world: what = "coverage"
        case .process(let id): what = catalog.process(id: id)?.shortName ?? id
        case .party(let id): what = catalog.party(id: id).map(context.env.name) ?? id
        case .region(let id): what = catalog.region(id: id)?.name ?? id
        }
        return ("Map: " + what, zoomSteps > 0 ? "zoom ×\(1 << zoomSteps)" : "Equal Earth")
    }

    /// Follows a party: the cursor goes to its country.
    public mutating func receive(_ message: PaneMessage, _ context: PaneContext) {
        if case .follow(.party(let id)) = message { reveal(party: id, catalog: context.env.catalog) }
    }

    public func shows(_ subject: Subject, _ context: PaneContext) -> Bool {
        guard case .party(let id) = subject else { return false }
        return cursor != nil && cursorParty(context)?.id == id
    }

    public func cursorSubject(_ context: PaneContext) -> Subject? { cursorParty(context).map { .party($0.id) } }

    static let world = WorldMap.bundled

    /// What the map shows for the card's subject: a process, a state or territory, a region; else coverage.
    public func subject(_ context: PaneContext) -> MapSubject {
        if coverage { return .coverage }
        switch context.selection {
        case .process(let id)?: return .process(id)
        case .party(let id)?:
            guard let p = context.env.catalog.party(id: id), p.kind != .organization, p.iso3 != nil else {
                return .coverage
            }
            return .party(id)
        case .region(let id)? where context.env.catalog.region(id: id) != nil: return .region(id)
        default: return .coverage
        }
    }

    /// The rows of the area the legend and the readout take.
    static func footerRows(_ layer: MapLayer, area: Rect) -> Int {
        guard area.height >= 8 else { return 0 }
        return min(area.height / 3, 1 + legendLines(layer, width: area.width, ascii: false).count)
    }

    struct Drawn {
        var layer: MapLayer
        var picture: MapPicture
        var mapArea: Rect
    }

    /// The layer of a subject, made once and remembered with the last few (it reads every party of the subject).
    static func layer(_ subject: MapSubject, catalog: Catalog, marked: Set<String>) -> MapLayer {
        catalog.derived.value(LayerKey(subject: subject, marked: marked)) {
            catalog.mapLayer(subject, world: world, marked: marked)
        }
    }

    private struct LayerKey: Hashable, Sendable {
        var subject: MapSubject
        var marked: Set<String>
    }

    /// The layer, the view and the picture for an area.
    func drawn(_ context: PaneContext) -> Drawn? {
        let area = context.area
        guard area.width >= 10, area.height >= 4 else { return nil }
        let c = context.env.catalog
        let layer = Self.layer(subject(context), catalog: c, marked: context.env.marked)
        let footer = Self.footerRows(layer, area: area)
        let mapArea = Rect(x: area.x, y: area.y, width: area.width, height: area.height - footer)
        guard mapArea.height >= 2 else { return nil }
        var view: MapView =
            layer.subject == .coverage || layer.focus.isEmpty
            ? .world : Self.world.fit(layer.focus, columns: mapArea.width, rows: mapArea.height)
        if zoomSteps != 0 { view = view.zoomed(by: zoomSteps > 0 ? Double(1 << min(zoomSteps, 6)) : 1) }
        if panColumns != 0 || panRows != 0 {
            view = Self.world.pan(
                view, columns: mapArea.width, rows: mapArea.height, byColumns: panColumns, rows: panRows)
        }
        return Drawn(
            layer: layer,
            picture: Self.world.picture(
                view, columns: mapArea.width, rows: mapArea.height,
                style: layer.style), mapArea: mapArea)
    }

    public mutating func handle(_ action: Action, _ context: PaneContext) -> PaneOutcome {
        switch action {
        case .toggleCoverage:
            coverage.toggle()
            zoomSteps = 0; panColumns = 0; panRows = 0
            return PaneOutcome(
                message: coverage
                    ? "Map: coverage — shade by number of Annex A processes; striped: UN members of 2005 in none."
                    : "Map: the selection (a process, state or region; coverage otherwise).")
        case .zoomIn: zoomSteps = min(6, zoomSteps + 1); return .none
        case .zoomOut: zoomSteps = max(0, zoomSteps - 1); return .none
        case .fitMap: zoomSteps = 0; panColumns = 0; panRows = 0; return .none
        case .panLeft, .panRight, .panUp, .panDown:
            let step = max(2, context.area.width / 6)
            switch action {
            case .panLeft: panColumns -= step
            case .panRight: panColumns += step
            case .panUp: panRows -= max(1, step / 2)
            default: panRows += max(1, step / 2)
            }
            return .none
        default: break
        }
        guard let d = drawn(context) else { return .none }
        let direction: MapDirection?
        switch action {
        // The map has no lines to scroll: the wheel and Ctrl-E, Ctrl-Y move the cursor as the arrows do.
        case .up, .scrollUp: direction = .up
        case .down, .scrollDown: direction = .down
        case .left: direction = .left
        case .right: direction = .right
        case .activate:
            guard let party = cursorParty(context), let f = cursor, d.picture.position(of: f) != nil else {
                return PaneOutcome(message: "No country under the cursor.")
            }
            return PaneOutcome(open: .party(party.id), focus: .card)
        default: direction = nil
        }
        guard let direction else { return .none }
        let start = cursor.flatMap { d.picture.position(of: $0) != nil ? $0 : nil } ?? centralFeature(d.picture)
        guard let start else { return .none }
        cursor = d.picture.nearest(from: start, direction) ?? start
        return PaneOutcome(message: readout(context))
    }

    /// Puts the cursor on a party's country (a search hit, a state opened elsewhere); no change for an
    /// organization or a code the map does not have.
    public mutating func reveal(party id: String, catalog: Catalog) {
        guard let iso = catalog.party(id: id)?.iso3, let f = Self.world.features.firstIndex(where: { $0.iso3 == iso })
        else { return }
        cursor = f
    }

    /// A feature near the middle of the picture, where the cursor starts.
    func centralFeature(_ p: MapPicture) -> Int? {
        var best: (Int, Int)? = nil
        for row in 0..<p.rows {
            for column in 0..<p.columns {
                guard let f = p.feature(column: column, row: row) else { continue }
                let d = abs(column - p.columns / 2) + 2 * abs(row - p.rows / 2)
                if best == nil || d < best!.1 { best = (f, d) }
            }
        }
        return best?.0
    }

    /// The party of the country under the cursor, when the data set has one.
    func cursorParty(_ context: PaneContext) -> Party? {
        guard let f = cursor, f < Self.world.features.count else { return nil }
        return context.env.catalog.party(iso3: Self.world.features[f].iso3)
    }

    /// "Turkey: 3 processes — Budapest, CIS Conf., Bali". With `picture`, a cursor on a country that picture
    /// does not show (the map was fitted to another selection since) reads as no cursor: the line never names
    /// a country that is not on the screen.
    func readout(_ context: PaneContext, on picture: MapPicture? = nil) -> String {
        guard let f = cursor, f < Self.world.features.count, picture.map({ $0.position(of: f) != nil }) ?? true else {
            return
                "Arrows move a cursor over the countries; \(KeyBindings.firstKey(.activate, in: .map)) opens its card."
        }
        let feature = Self.world.features[f]
        guard let party = cursorParty(context) else { return "\(feature.name): in no process of the paper" }
        let list = context.env.catalog.participations(of: party.id)
        let names = list.map(\.process.shortName).joined(separator: ", ")
        return "\(context.env.name(party)): "
            + (list.isEmpty
                ? "in no process"
                : context.env.catalog.participationCount(of: party.id).sentence + " — " + names)
    }

    public mutating func settle(_ context: PaneContext) {
        if let c = cursor, c >= Self.world.features.count { cursor = nil }
    }

    public func invariants(_ context: PaneContext) -> [String] {
        if let c = cursor, c < 0 || c >= Self.world.features.count { return ["map: cursor \(c)"] }
        return []
    }

    public mutating func click(x: Int, y: Int, _ context: PaneContext) -> PaneOutcome {
        guard let d = drawn(context), d.mapArea.contains(x: x, y: y) else { return .none }
        guard let f = d.picture.feature(column: x - d.mapArea.x, row: y - d.mapArea.y) else { return .none }
        cursor = f
        guard let party = cursorParty(context) else { return PaneOutcome(message: readout(context)) }
        return PaneOutcome(show: .party(party.id), message: readout(context))
    }

    static func styleRole(_ c: MapCategory?) -> StyleRole {
        switch c {
        case .leader?, .selected?: return .roleLeader
        case .takesPart?, .partner?: return .roleMember
        case .interested?: return .roleInterested
        case .observer?, .otherRole?: return .roleObserver
        case .processes(let n)?:
            return n >= 4 ? .roleLeader : n == 3 ? .roleMember : n == 2 ? .roleInterested : .roleObserver
        case .noProcess?: return .warning
        case .context?, nil: return .dim
        case .marked?: return .title
        }
    }

    /// The style of a cell (and a legend sample) of a category: marked states are also underlined, so they stand
    /// out by an attribute as well as by their dot pattern.
    static func style(_ c: MapCategory?) -> Style {
        Style(styleRole(c), bold: c != .context, underline: c == .marked)
    }

    /// The legend: each category's sample (its dot pattern, or letter in ASCII) and words, items never cut.
    static func legendLines(_ layer: MapLayer, width: Int, ascii: Bool) -> [Line] {
        var lines: [Line] = [[]]
        var used = 0
        // Each category's pattern, then (braille only) the mark of a country smaller than a cell, as `rcpx map`
        // shows them; a last piece says what the second sign is.
        var pieces: [Line] = layer.legend.map { entry in
            let shade = entry.category.shade
            let sample = ascii ? String(shade.ascii) : "\(shade.sample)\(shade.pointSample)"
            var words = " " + entry.category.label
            if entry.category != .context { words += " (\(entry.count))" }
            return [
                Span(sample, Style(styleRole(entry.category), bold: true, underline: entry.category == .marked)),
                Span(words, Style(.dim)),
            ]
        }
        if !ascii && !pieces.isEmpty {
            pieces.append([Span("second sign: a country smaller than a cell", Style(.dim))])
        }
        for piece in pieces {
            let w = piece.displayWidth
            if used > 0 && used + 2 + w > width { lines.append([]); used = 0 }
            if used > 0 { lines[lines.count - 1].append(Span("  ")); used += 2 }
            lines[lines.count - 1] += piece
            used += w
        }
        return lines
    }

    public func render(into grid: inout Grid, context: PaneContext, focused: Bool) -> PaneDrawing {
        guard let d = drawn(context) else {
            Widgets.centeredMessage(
                &grid, context.area, "The map needs at least 40×12.", style: Style(.dim),
                ellipsis: context.env.symbols.ellipsis)
            return PaneDrawing()
        }
        let ascii = context.env.ascii
        let cursorAt = cursor.flatMap { d.picture.position(of: $0) }
        for row in 0..<d.picture.rows {
            for column in 0..<d.picture.columns {
                let cell = d.picture.cell(column: column, row: row)
                guard cell.dots != 0 || cell.category != nil else { continue }
                var style = Self.style(cell.category)
                if let f = cursor, cell.feature == Int32(f) {
                    style = Style(.selection, bold: true, underline: cell.category == .marked, reverse: !focused)
                }
                let x = d.mapArea.x + column, y = d.mapArea.y + row
                guard d.mapArea.contains(x: x, y: y) else { continue }
                if ascii {
                    grid.write(String(cell.ascii), x: x, y: y, style: style, clip: d.mapArea)
                } else if cell.dots == 0 {
                    grid.put(Cell(scalar: " ", style: style), x: x, y: y)
                } else if grid.asciiOnly {
                    grid.write(String(cell.braille), x: x, y: y, style: style, clip: d.mapArea)
                } else {
                    // A braille pattern: one scalar of one column, put as it is (no measuring, no String).
                    grid.put(Cell(scalar: Unicode.Scalar(0x2800 + UInt32(cell.dots))!, style: style), x: x, y: y)
                }
            }
        }
        // Footer: the country under the cursor, then the legend.
        let area = context.area
        let footer = area.height - d.mapArea.height
        if footer > 0 {
            grid.write(
                context.env.shown(readout(context, on: d.picture)), x: area.x, y: d.mapArea.maxY,
                style: Style(.normal, bold: true),
                fitting: area.width, ellipsis: context.env.symbols.ellipsis)
            for (i, line) in Self.legendLines(d.layer, width: area.width, ascii: ascii).prefix(footer - 1).enumerated()
            {
                grid.write(line, x: area.x, y: d.mapArea.maxY + 1 + i, clip: area)
            }
        }
        return PaneDrawing(cursor: cursorAt.map { (d.mapArea.x + $0.column, d.mapArea.y + $0.row) })
    }

    /// What `y` copies: the country under the cursor, or what the map shows.
    public func copyText(_ context: PaneContext) -> String {
        let picture = drawn(context)?.picture
        if let p = cursorParty(context), let f = cursor, picture?.position(of: f) != nil { return p.name }
        return readout(context, on: picture)
    }
}
