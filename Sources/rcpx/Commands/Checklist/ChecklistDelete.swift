import ArgumentParser
import RCPCore

extension ChecklistCommand {
    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete",
            abstract: "Delete a checklist (asks first, unless --yes).",
            discussion: "Without --yes, standard input must be a terminal to answer the question; else rcpx "
                + "refuses (exit 64)."
        )

        @OptionGroup var target: NamedChecklist

        @Flag(name: .shortAndLong, help: "Delete without asking.")
        var yes = false

        func run() throws {
            let store = target.store
            let checklist = try target.load()
            if !yes {
                guard Console.stdinIsTerminal else {
                    Console.error(
                        "not deleting checklist \"\(checklist.name)\" without confirmation: standard "
                            + "input is not a terminal. Add --yes to delete it.")
                    throw RCPXExit.usage
                }
                let count = checklist.entries.count
                Console.writeError(
                    "Delete checklist \"\(checklist.name)\" (\(count) recorded "
                        + (count == 1 ? "item" : "items") + ")? This cannot be undone. [y/N] ")
                let answer = (readLine() ?? "").lowercased()
                guard answer == "y" || answer == "yes" else {
                    Console.error("not deleted.")
                    throw RCPXExit.notFound
                }
            }
            try ChecklistCommand.run { try store.delete(checklist.name) }
            Console.write("deleted checklist \"\(checklist.name)\"\n")
        }
    }
}
