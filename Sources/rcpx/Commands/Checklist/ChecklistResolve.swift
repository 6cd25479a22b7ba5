import ArgumentParser
import RCPCore

extension ChecklistCommand {
    struct Resolve: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "resolve",
            abstract: "Choose between an item's current version and the versions kept beside it.",
            discussion: """
                A conflicting save or a merge keeps the other version of an item beside the current one. Without \
                --take, lists them; --take current keeps the current one, --take N (1, 2, …) makes kept version N \
                current. Either way the kept versions are then cleared.
                """
        )

        @OptionGroup var target: NamedChecklist

        @Argument(help: ArgumentHelp("A heading or sub-heading: 6, 6.2 or ep-06.2.", valueName: "item"))
        var item: String

        @Option(name: .long, help: ArgumentHelp("current, or the number of a kept version.", valueName: "choice"))
        var take: String?

        func run() throws {
            let options = target.options, name = target.name
            let practices = try options.practices()
            let store = target.store
            let checklist = try target.load()
            let id = ChecklistItemID.resolve(item, in: practices) ?? (checklist.entries[item] != nil ? item : nil)
            guard let id else {
                Console.error("no heading or sub-heading \"\(DisplayText.excerpt(item))\"; give a number such as 6.2.")
                throw RCPXExit.usage
            }
            let entry = checklist.entries[id]
            guard let entry, !entry.alternatives.isEmpty else {
                Console.error(
                    "\(ChecklistCommand.describe(id, in: practices)) has no other version kept in "
                        + "\"\(ChecklistCommand.safe(checklist.name))\"; nothing to choose.")
                throw RCPXExit.notFound
            }
            guard let take else {
                var out =
                    "\(ChecklistCommand.describe(id, in: practices)) in \"\(ChecklistCommand.safe(checklist.name))\":\n"
                out += "  current: \(options.glyph(entry.status)) \(entry.status.label)\n"
                if let n = entry.note { out += ChecklistCommand.noteLines(ChecklistCommand.safe(n), indent: "    ") }
                for (i, a) in entry.alternatives.enumerated() {
                    out +=
                        "  \(i + 1): \(options.glyph(a.status)) \(a.status.label) (\(ChecklistCommand.safe(a.source)))\n"
                    if let n = a.note { out += ChecklistCommand.noteLines(ChecklistCommand.safe(n), indent: "    ") }
                }
                out +=
                    "choose with --take current or --take 1"
                    + (entry.alternatives.count > 1 ? "…\(entry.alternatives.count)" : "") + "\n"
                Console.write(out)
                return
            }
            var choice: Int? = nil
            if take.lowercased() != "current" {
                guard let n = Int(take), (1...entry.alternatives.count).contains(n) else {
                    Console.error(
                        "--take must be current or 1…\(entry.alternatives.count), not \"\(DisplayText.excerpt(take))\"."
                    )
                    throw RCPXExit.usage
                }
                choice = n - 1
            }
            let result = try ChecklistCommand.run {
                try store.update(name, basedOn: checklist.revision) { $0.resolve(id, takingAlternative: choice) }
            }
            let st = result.checklist.status(of: id)
            Console.write(
                "\(ChecklistCommand.safe(result.checklist.name)): \(options.glyph(st)) "
                    + "\(ChecklistCommand.describe(id, in: practices)) — \(st.label); other versions cleared\n")
        }
    }
}
