import ArgumentParser
import RCPCore
import RCPText

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

        @Option(
            name: .long,
            help: ArgumentHelp(
                "Only the checklists about this state, territory or process.",
                valueName: "subject"))
        var subject: String?

        func run() throws {
            let practices = try options.practices()
            let store = options.store
            var (checklists, problems) = store.list()
            if let subject {
                switch try options.catalog().resolveSubject(subject) {
                case .record(let s): checklists = checklists.filter { $0.checklist.meta.subject?.id == s.id }
                case .ambiguous(let names):
                    Console.error(
                        "\"\(DisplayText.excerpt(subject))\" could mean: " + names.prefix(8).joined(separator: ", "))
                    throw RCPXExit.notFound
                case .freeText(let s):
                    let key = s.name.lowercased()
                    checklists = checklists.filter { $0.checklist.meta.subject?.name.lowercased() == key }
                }
            }
            for p in problems {
                Console.error("cannot read checklist file \(p.path): \(p.reason); the file is left as it is")
            }
            switch format {
            case .json:
                let records = checklists.map { s -> String in
                    let p = s.checklist.progress(overall: practices)
                    return "  "
                        + JSONOut.object([
                            ("name", .string(s.name)), ("file", .string(s.path)),
                            ("revision", .int(s.checklist.revision)),
                            ("subject", .string(s.checklist.meta.subject?.name)),
                            ("created", .string(s.checklist.created)),
                            ("updated", .string(s.checklist.updated)), ("total", .int(p.total)),
                            ("assessed", .int(p.assessed)), ("inPlace", .int(p.inPlace)),
                            ("inPlacePercent", .int(p.inPlacePercent)),
                        ]).renderedOnOneLine()
                }
                // One checklist a line, so that a list of many stays readable.
                Console.write(checklists.isEmpty ? "[]\n" : "[\n" + records.joined(separator: ",\n") + "\n]\n")
            case .text:
                if checklists.isEmpty {
                    if let subject {
                        Console.error(
                            "no checklist is about \"\(DisplayText.excerpt(subject))\"; "
                                + "`rcpx checklist meta NAME --subject ...` records what one is about.")
                    } else if problems.isEmpty {
                        Console.error(
                            "no checklists in \(store.directory) yet; "
                                + "`rcpx checklist new NAME` creates one.")
                    }
                    return
                }
                let width = min(40, checklists.map { TextWidth.of($0.name) }.max() ?? 0)
                var out = ""
                for s in checklists {
                    let p = s.checklist.progress(overall: practices)
                    out +=
                        ChecklistCommand.pad(s.name, width) + "  " + options.bar(p, width: 10) + "  "
                        + "\(p.assessed) of \(p.total) assessed, \(p.inPlace) in place  "
                        + "(changed \(s.checklist.updated))\n"
                }
                Console.write(out)
            }
        }
    }
}
