import ArgumentParser
import RCPCore

extension ChecklistCommand {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Store checklists brought from other machines (checklist files or JSON exports).",
            discussion: """
                FILE is a checklist file (from another rcpx's checklist folder) or the output of `rcpx checklist \
                export NAME --format json`. All or nothing: every file is checked before anything is stored; a \
                file that is not a checklist this rcpx reads (cut short, not JSON, another kind of file, a newer \
                format) is named with the reason (exit 65). A checklist whose name exists already needs --as \
                NAME (one file) or --replace (exit 1 otherwise); nothing is imported then either.
                """
        )

        @OptionGroup var options: ChecklistOptions

        @Argument(
            help: ArgumentHelp("Checklist files or JSON exports.", valueName: "file"),
            completion: .file(extensions: ["json"]))
        var files: [String]

        @Option(name: .customLong("as"), help: ArgumentHelp("Store the checklist under this name.", valueName: "name"))
        var newName: String?

        @Flag(name: .long, help: "Replace checklists of the same name.")
        var replace = false

        func run() throws {
            let store = options.store
            do {
                let done = try store.importChecklists(from: files, as: newName, replace: replace)
                var out = ""
                for d in done {
                    out +=
                        (d.replaced ? "replaced" : "imported")
                        + " checklist \"\(ChecklistCommand.safe(d.checklist.name))\" "
                        + "from \(DisplayText.excerpt(d.file, limit: 200)): \(d.path)\n"
                }
                Console.write(out)
            } catch {
                for line in error.description.split(separator: "\n") { Console.error(DisplayText.safe(String(line))) }
                switch error {
                case .refused: throw RCPXExit.dataError
                case .nameTaken: throw RCPXExit.notFound
                case .renameNeedsOneFile: throw RCPXExit.usage
                case .store(let e):
                    switch e {
                    case .cannotSave, .cannotDelete: throw RCPXExit.cannotWrite
                    case .invalidName: throw RCPXExit.usage
                    default: throw RCPXExit.dataError
                    }
                }
            }
        }
    }
}
