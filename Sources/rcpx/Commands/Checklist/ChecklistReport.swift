import ArgumentParser
import RCPCore

extension ChecklistCommand {
    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract:
                "Write a report to hand out: one self-contained HTML file (or Markdown) for one or more checklists.",
            discussion: """
                The HTML has inline CSS and SVG charts and nothing else: no scripts, no fonts, images or links \
                to load, so it opens anywhere and prints cleanly (each heading on a new page). It has each \
                checklist's subject, date, facilitator and participants, overall and per-heading progress, \
                every item's status and note, the processes whose topics fall under each heading (an editorial \
                link, marked as such) and, for several checklists, the comparison table. Markdown has the same \
                without the charts.
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case html, markdown }

        @OptionGroup var options: ChecklistOptions

        @Argument(help: ArgumentHelp("One or more checklist names (up to 8).", valueName: "name"))
        var names: [String]

        @Option(name: .long, help: "html or markdown.")
        var format: Format = .html

        @Option(
            name: .shortAndLong, help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file"),
            completion: .file())
        var output: String?

        @Option(
            name: .long,
            help: ArgumentHelp(
                "The date printed on the report (default: today, UTC).",
                valueName: "date"))
        var date: String?

        func validate() throws {
            guard (1...ChecklistComparison.maxColumns).contains(names.count) else {
                throw ValidationError(
                    "report takes 1 to \(ChecklistComparison.maxColumns) checklists, not \(names.count).")
            }
        }

        func run() throws {
            let catalog = try options.catalog()
            let store = options.store
            let checklists = try names.map { n in try ChecklistCommand.run { try store.load(n) } }
            let text = ChecklistReport.render(
                format == .html ? .html : .markdown, checklists, catalog: catalog,
                date: date ?? ChecklistClock.today())
            try ChecklistCommand.output(text, to: output)
            if let output, output != "-" {
                Console.error(
                    "wrote the report of \(DisplayText.count(checklists.count, "checklist")) to "
                        + DisplayText.excerpt(output, limit: 200))
            }
        }
    }
}
