import ArgumentParser
import RCPCore

extension ChecklistCommand {
    struct Rename: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "rename", abstract: "Rename a checklist.")

        @OptionGroup var target: NamedChecklist

        @Argument(help: ArgumentHelp("Its new name.", valueName: "new-name"))
        var newName: String

        func run() throws {
            let name = target.name
            let store = target.store
            let renamed = try ChecklistCommand.run { try store.rename(name, to: newName) }
            Console.write("renamed checklist \"\(name)\" to \"\(renamed.name)\"\n")
        }
    }
}
