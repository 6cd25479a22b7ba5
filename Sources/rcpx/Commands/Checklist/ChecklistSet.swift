import ArgumentParser
import RCPCore

extension ChecklistCommand {
    struct SetStatus: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Set the status (and optionally the note) of a heading or sub-heading.",
            discussion: """
                ITEM is a heading or sub-heading number (6, 6.2) or id (ep-06.2). STATUS is one of \
                not-assessed, not-in-place, in-progress, in-place, not-applicable. --note "" removes the note.
                """
        )

        @OptionGroup var target: NamedChecklist

        @Argument(help: ArgumentHelp("A heading or sub-heading: 6, 6.2 or ep-06.2.", valueName: "item"))
        var item: String

        @Argument(
            help: ArgumentHelp(
                "not-assessed, not-in-place, in-progress, in-place or not-applicable.",
                valueName: "status"))
        var status: String

        @Option(name: .long, help: ArgumentHelp("A note for the item (\"\" removes it).", valueName: "text"))
        var note: String?

        @Flag(name: .long, help: "Create the checklist if there is none of that name.")
        var create = false

        func run() throws {
            let options = target.options, name = target.name
            let practices = try options.practices()
            guard let id = ChecklistItemID.resolve(item, in: practices) else {
                let numbers = practices.map(\.number)
                Console.error(
                    "no effective-practice heading or sub-heading \"\(echo(item))\": give a number such as 6 "
                        + "or 6.2, or an id such as ep-06.2 (headings \(numbers.min() ?? 1)-"
                        + "\(numbers.max() ?? 20); `rcpx practices` lists them).")
                throw RCPXExit.usage
            }
            guard let newStatus = ChecklistStatus(parsing: status) else {
                Console.error(
                    "unknown status \"\(echo(status))\"; use one of: "
                        + ChecklistStatus.allCases.map(\.rawValue).joined(separator: ", ") + ".")
                throw RCPXExit.usage
            }
            let store = target.store
            let result = try ChecklistCommand.run {
                if create { _ = try store.loadOrCreate(name) }
                return try store.update(name) {
                    $0.set(id, status: newStatus)
                    if let note { $0.setNote(id, note) }
                }
            }
            let c = result.checklist
            let st = c.status(of: id)
            var out =
                "\(c.name): \(options.glyph(st)) \(ChecklistCommand.describe(id, in: practices)) — \(st.label)"
                + (result.saved ? "" : " (unchanged)") + "\n"
            if let n = c.note(of: id) { out += ChecklistCommand.noteLines(n, indent: "  ") }
            if let heading = practices.first(where: { $0.id == id || $0.items.contains { $0.id == id } }) {
                out += "  heading \(heading.number): \(c.progress(for: heading).summary)\n"
            }
            Console.write(out)
        }
    }
}
