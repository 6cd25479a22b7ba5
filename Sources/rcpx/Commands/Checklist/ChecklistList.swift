import ArgumentParser
import RCPCore

extension ChecklistCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the checklists with their progress.",
            discussion: "Files that cannot be read are named on stderr with the reason, and left as they are."
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @OptionGroup var options: ChecklistOptions

        @Option(name: .long, help: "Output format: text or json.")
        var format: Format = .text

        func run() throws {
            let practices = try options.practices()
            let store = options.store
            let (checklists, problems) = store.list()
            for p in problems {
                Console.error("cannot read checklist file \(p.path): \(p.reason); the file is left as it is")
            }
            switch format {
            case .json:
                var out = "[\n"
                for (i, s) in checklists.enumerated() {
                    let p = s.checklist.progress(overall: practices)
                    out += "  {\"name\": \(ChecklistCommand.jsonString(s.name)), "
                        + "\"file\": \(ChecklistCommand.jsonString(s.path)), "
                        + "\"revision\": \(s.checklist.revision), "
                        + "\"created\": \(ChecklistCommand.jsonString(s.checklist.created)), "
                        + "\"updated\": \(ChecklistCommand.jsonString(s.checklist.updated)), "
                        + "\"total\": \(p.total), \"assessed\": \(p.assessed), \"inPlace\": \(p.inPlace), "
                        + "\"inPlacePercent\": \(p.inPlacePercent)}"
                        + (i + 1 < checklists.count ? ",\n" : "\n")
                }
                Console.write(checklists.isEmpty ? "[]\n" : out + "]\n")
            case .text:
                if checklists.isEmpty {
                    if problems.isEmpty {
                        Console.error("no checklists in \(store.directory) yet; "
                                      + "`rcpx checklist new NAME` creates one.")
                    }
                    return
                }
                let width = min(40, checklists.map { $0.name.count }.max() ?? 0)
                var out = ""
                for s in checklists {
                    let p = s.checklist.progress(overall: practices)
                    out += ChecklistCommand.pad(s.name, width) + "  " + options.bar(p, width: 10) + "  "
                        + "\(p.assessed) of \(p.total) assessed, \(p.inPlace) in place  "
                        + "(changed \(s.checklist.updated))\n"
                }
                Console.write(out)
            }
        }
    }
}
