import ArgumentParser
import RCPCore

extension ChecklistCommand {
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "new",
            abstract: "Create an empty checklist.",
            discussion: "Fails (exit 1) when a checklist of that name exists; names are compared ignoring case."
        )

        @OptionGroup var options: ChecklistOptions

        @Argument(help: ArgumentHelp("The checklist's name, e.g. \"Ghana 2026 workshop\".", valueName: "name"))
        var name: String

        func run() throws {
            let store = options.store
            let created = try ChecklistCommand.run { try store.create(name) }
            let path = (try? store.path(of: created.name)) ?? store.directory
            Console.write("created checklist \"\(created.name)\": \(path)\n")
        }
    }
}
