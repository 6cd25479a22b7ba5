import ArgumentParser
import RCPCore

/// `rcpx gaps [--region R] [--all-groups]`: the states of 2005 that take part in no process.
struct GapsCommand: LookupCommand {
    static let configuration = CommandConfiguration(
        commandName: "gaps",
        abstract: "List the states of 2005 that take part in no Annex A process, by UN sub-region.",
        discussion: """
            The universe is the 191 UN member states of 19 May 2005 and the Holy See. A state counts as taking \
            part when it has any role (member, observer, interested state, chair, ...) in one of the 13 processes \
            of the Annex A matrix; with --all-groups, also in one of the footnote groups (PIDC, MARRI, OCAM, ...). \
            Serbia and Montenegro is the state of 2005 (not Serbia, Montenegro or Kosovo).

            --region takes a UN sub-region (Caribbean, Western Asia, ...) or a continent (Africa, Americas, \
            Asia, Europe, Oceania). Sources: country_converter (UN membership by year, UN sub-regions); see \
            docs/DATA.md.

            Formats: \(formatList).
            """
    )

    static let formats: [OutputFormat] = [.text, .json, .csv, .markdown]

    @OptionGroup var global: GlobalOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Only this UN sub-region or continent (caribbean, africa, ...).",
            valueName: "name"))
    var region: String?

    @Flag(name: .customLong("all-groups"), help: "Count the footnote groups too (PIDC, MARRI, OCAM, ...).")
    var allGroups = false

    func validate() throws {
        try validateFormat()
        if let region { try requireName(region, "a UN sub-region or continent") }
    }

    func run() throws {
        let session = try session()
        let world = WorldMap.bundled
        let universe = world.features.filter(\.inUniverse).count
        var gaps = session.catalog.gaps(world: world, allGroups: allGroups)
        var scope: String? = nil
        if let region {
            let names = unSubregionOrder + ["Africa", "Americas", "Asia", "Europe", "Oceania"]
            switch Session.match(region, names.map { [$0] }) {
            case .found(let i):
                scope = names[i]
                gaps = gaps.filter { $0.subregion == names[i] || unContinent(of: $0.subregion) == names[i] }
            case .ambiguous(let list):
                Session.ambiguous(DisplayText.excerpt(region), "regions", list.map { (names[$0], names[$0]) })
                throw RCPXExit.notFound
            case .notFound:
                Console.error(
                    "no UN sub-region or continent matches \"\(DisplayText.excerpt(region))\". Sub-regions: "
                        + unSubregionOrder.joined(separator: ", ") + ".")
                throw RCPXExit.notFound
            }
        }
        let what = allGroups ? "no process (Annex A or footnote group)" : "no Annex A process"
        let date = session.catalog.dataset.source.matrixDate
        let look = session.look
        var groups: [(String, [CoverageGap])] = []
        for gap in gaps {
            if groups.last?.0 == gap.subregion {
                groups[groups.count - 1].1.append(gap)
            } else {
                groups.append((gap.subregion, [gap]))
            }
        }
        switch session.format {
        case .text:
            var doc = TextDocument(look)
            let count = gaps.count == 1 ? "1 state" : "\(gaps.count) states"
            doc.paragraph(
                "\(count) in \(what)" + (scope.map { " in \($0)" } ?? "")
                    + ", of \(universe) (the UN members of \(date) and the Holy See)", style: look.bold)
            if gaps.isEmpty {
                doc.blank()
                doc.paragraph("none", indent: 2)
            } else {
                var table = TextTable([
                    TextColumn(title: "ISO3"), TextColumn(title: "State", wraps: true, style: look.accent),
                ])
                table.showsHeader = false
                table.indent = 2
                for (subregion, list) in groups {
                    table.section("\(subregion) (\(list.count))")
                    for gap in list { table.add([gap.iso3, look.text(gap.name)]) }
                }
                doc.blank()
                doc.table(table)
            }
            session.emit(doc)
        case .json:
            session.emit(
                .object([
                    ("universe", .int(universe)), ("asOf", .string(date)), ("allGroups", .bool(allGroups)),
                    ("region", .string(scope)), ("count", .int(gaps.count)),
                    (
                        "subregions",
                        .array(
                            groups.map { name, list in
                                .object([
                                    ("name", .string(name)), ("continent", .string(unContinent(of: name))),
                                    ("count", .int(list.count)),
                                    (
                                        "states",
                                        .array(
                                            list.map { gap in
                                                .object([
                                                    ("iso3", .string(gap.iso3)), ("name", .string(gap.name)),
                                                    ("id", .string(gap.partyID)),
                                                ])
                                            })
                                    ),
                                ])
                            })
                    ),
                ]))
        case .csv, .markdown:
            var table = DataTable(header: ["iso3", "name", "subregion", "continent", "id"])
            if session.format == .markdown { table.header = ["ISO3", "State", "Sub-region", "Continent", "Id"] }
            for gap in gaps {
                table.rows.append([
                    gap.iso3, gap.name, gap.subregion, unContinent(of: gap.subregion) ?? "",
                    gap.partyID ?? "",
                ])
            }
            session.emit(table)
        }
    }
}
