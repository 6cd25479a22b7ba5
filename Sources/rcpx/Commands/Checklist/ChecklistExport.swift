import ArgumentParser
import RCPCore

extension ChecklistCommand {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write a report of a checklist to stdout: Markdown, CSV or JSON.",
            discussion: """
                The report has the title, the date, overall progress, each heading with its status, note and \
                progress, its sub-headings with statuses and notes, and the recorded items that the data no \
                longer has. CSV has one row per heading and sub-heading: id,heading,item,status,note,updated.
                """
        )

        @OptionGroup var target: NamedChecklist

        @Option(name: .long, help: ArgumentHelp("markdown, csv or json.", valueName: "format"))
        var format: String = "markdown"

        @Option(
            name: .long,
            help: ArgumentHelp(
                "The date printed on the export (default: today, UTC).",
                valueName: "date"))
        var date: String?

        func validate() throws {
            guard ChecklistExport.Format(parsing: format) != nil else {
                throw ValidationError("--format must be markdown, csv or json (not \"\(format)\").")
            }
        }

        func run() throws {
            let options = target.options
            let practices = try options.practices()
            let checklist = try target.load()
            let f = ChecklistExport.Format(parsing: format)!
            Console.write(
                ChecklistExport.render(
                    f, checklist, practices: practices,
                    date: date ?? ChecklistClock.today()))
        }
    }
}
