import ArgumentParser
import RCPCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `rcpx checklist …`: practice checklists (workshop self-assessments against the IAMM effective practices)
/// from the command line, for scripts and for preparing a workshop. The storage is RCPCore's `ChecklistStore`.
struct ChecklistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checklist",
        abstract: "Keep practice checklists: a status and a note for each IAMM effective-practice heading.",
        discussion: """
            A checklist records, for each of the 20 effective-practice headings and their sub-headings, one \
            of the statuses not-assessed, not-in-place, in-progress, in-place, not-applicable, and a note. \
            Checklists are saved at once, atomically, as JSON files in DIR/checklists, where DIR is \
            --data-dir, else $RCPX_DATA_HOME, else $XDG_DATA_HOME/rcpx, else ~/.local/share/rcpx.

            Examples:
              rcpx checklist new "Ghana 2026 workshop"
              rcpx checklist set "Ghana 2026 workshop" 6.2 in-progress --note "MoU drafted"
              rcpx checklist show "Ghana 2026 workshop"
              rcpx checklist export "Ghana 2026 workshop" --format markdown > ghana.md

            Exit codes: 0 done, 1 no such checklist (or it already exists, or deletion declined), \
            64 usage error (unknown item or status, missing --yes), 65 a checklist file or the data file \
            cannot be read (the file is left as it is), 73 the checklist cannot be saved (read-only folder, \
            disk full; nothing was changed).
            """,
        subcommands: [List.self, New.self, Show.self, SetStatus.self, Export.self, Rename.self, Delete.self]
    )
}

/// Exit codes of `rcpx checklist`.
enum ChecklistExit {
    static let notFound = ExitCode(1)
    /// EX_USAGE
    static let usage = ExitCode(64)
    /// EX_DATAERR: a checklist file (or the data file) cannot be read.
    static let unreadable = ExitCode(65)
    /// EX_CANTCREAT: cannot write in the checklist folder.
    static let cannotWrite = ExitCode(73)
}

/// The options every `rcpx checklist` command takes.
struct ChecklistOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"),
            help: ArgumentHelp("rcpx's data folder; checklists are kept in DIR/checklists (default: "
                               + "$RCPX_DATA_HOME, else $XDG_DATA_HOME/rcpx, else ~/.local/share/rcpx).",
                               valueName: "dir"),
            completion: .directory)
    var dataDir: String?

    @Option(name: .long,
            help: ArgumentHelp("Read the headings from another data file of the same format.", valueName: "file"),
            completion: .file(extensions: ["json"]))
    var data: String?

    @Flag(name: .long, help: "ASCII status symbols (. x ~ + -) instead of ○ ✗ ◐ ✓ –.")
    var ascii = false

    var store: ChecklistStore {
        if let dataDir, !dataDir.isEmpty { return ChecklistStore(directory: ChecklistStore.directory(dataHome: dataDir)) }
        var env: [String: String] = [:]
        for key in ["RCPX_DATA_HOME", "XDG_DATA_HOME", "HOME"] {
            if let v = getenv(key) { env[key] = String(cString: v) }
        }
        return ChecklistStore(directory: ChecklistStore.defaultDirectory(environment: env))
    }

    /// The effective-practice headings of the bundled data, or of `--data`.
    func practices() throws -> [Practice] {
        guard let data else { return Catalog.bundled.practices }
        do {
            return try DataLoader.load(path: data).practices
        } catch {
            Console.error("cannot load \(error.file): \(error.problems.count == 1 ? "1 problem" : "\(error.problems.count) problems")")
            for p in error.problems { Console.writeError("  \(p)\n") }
            throw ChecklistExit.unreadable
        }
    }

    func glyph(_ s: ChecklistStatus) -> String { ascii ? s.asciiGlyph : s.glyph }

    func bar(_ p: ChecklistProgress, width: Int = 20) -> String { p.bar(width: width, ascii: ascii) }
}

extension ChecklistCommand {
    /// Reports a store error on stderr and returns the exit code for it.
    static func fail(_ error: Error) -> Error {
        guard let e = error as? ChecklistError else { return error }
        switch e {
        case .notFound(let name, _):
            Console.error(e.description + ". `rcpx checklist list` lists them; `rcpx checklist new "
                          + shellQuoted(name) + "` creates it.")
            return ChecklistExit.notFound
        case .alreadyExists, .ambiguous, .removedMeanwhile:
            Console.error(e.description)
            return ChecklistExit.notFound
        case .invalidName:
            Console.error(e.description)
            return ChecklistExit.usage
        case .unreadable, .newerFormat:
            Console.error(e.description)
            return ChecklistExit.unreadable
        case .cannotSave, .cannotDelete:
            Console.error(e.description)
            return ChecklistExit.cannotWrite
        }
    }

    /// Runs `body`, turning store errors into messages and exit codes.
    static func run<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw fail(error) }
    }

    static func shellQuoted(_ s: String) -> String {
        if !s.isEmpty && s.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.,/".contains($0)) }) {
            return s
        }
        return "'" + s.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }

    static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }

    /// A note under an item: "note: …", continuation lines aligned.
    static func noteLines(_ note: String, indent: String) -> String {
        let lines = note.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        return lines.enumerated().map { i, l in
            indent + (i == 0 ? "note: " : "      ") + String(l)
        }.joined(separator: "\n") + "\n"
    }

    /// "6.2 Information on legal channels" / "6. Labour Migration" for an item id.
    static func describe(_ id: String, in practices: [Practice]) -> String {
        for p in practices {
            if p.id == id { return "\(p.number). \(p.title)" }
            if let item = p.items.first(where: { $0.id == id }) {
                return (ChecklistItemID.displayNumber(id) ?? id) + " " + item.title
            }
        }
        return id + " (no longer in the data)"
    }

    // MARK: list

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

    static func jsonString(_ s: String) -> String {
        var out = ""
        JSONOut.quote(s, into: &out, asciiOnly: false)
        return out
    }

    // MARK: new

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

    // MARK: show

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show a checklist: every heading and sub-heading with its status, note and progress."
        )

        @OptionGroup var options: ChecklistOptions

        @Argument(help: ArgumentHelp("The checklist's name (case does not matter).", valueName: "name"))
        var name: String

        func run() throws {
            let practices = try options.practices()
            let store = options.store
            let checklist = try ChecklistCommand.run { try store.load(name) }
            let overall = checklist.progress(overall: practices)
            var out = "\(checklist.name)\n"
            out += "  \(options.bar(overall))  \(overall.summary)\n"
            out += "  revision \(checklist.revision), last change \(checklist.updated)\n\n"
            for p in practices {
                let s = checklist.status(of: p.id)
                let pr = checklist.progress(for: p)
                out += "\(options.glyph(s)) \(p.number). \(p.title) — \(s.label)"
                    + (p.items.isEmpty ? "" : "  [\(pr.assessed)/\(pr.total) assessed, \(pr.inPlace) in place]")
                    + "\n"
                if let note = checklist.note(of: p.id) { out += ChecklistCommand.noteLines(note, indent: "    ") }
                for item in p.items {
                    let st = checklist.status(of: item.id)
                    let number = ChecklistItemID.displayNumber(item.id) ?? item.id
                    out += "    \(options.glyph(st)) \(number) \(item.title) — \(st.label)\n"
                    if let note = checklist.note(of: item.id) {
                        out += ChecklistCommand.noteLines(note, indent: "        ")
                    }
                }
            }
            let orphans = checklist.orphanEntries(practices: practices)
            if !orphans.isEmpty {
                out += "\nNo longer in the data (kept as recorded):\n"
                for id in orphans {
                    let e = checklist.entries[id]!
                    out += "    \(options.glyph(e.status)) \(id) — \(e.status.label)\n"
                    if let note = e.note { out += ChecklistCommand.noteLines(note, indent: "        ") }
                }
            }
            Console.write(out)
        }
    }

    // MARK: set

    struct SetStatus: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set",
            abstract: "Set the status (and optionally the note) of a heading or sub-heading.",
            discussion: """
                ITEM is a heading or sub-heading number (6, 6.2) or id (ep-06.2). STATUS is one of \
                not-assessed, not-in-place, in-progress, in-place, not-applicable. --note "" removes the note.
                """
        )

        @OptionGroup var options: ChecklistOptions

        @Argument(help: ArgumentHelp("The checklist's name.", valueName: "name"))
        var name: String

        @Argument(help: ArgumentHelp("A heading or sub-heading: 6, 6.2 or ep-06.2.", valueName: "item"))
        var item: String

        @Argument(help: ArgumentHelp("not-assessed, not-in-place, in-progress, in-place or not-applicable.",
                                     valueName: "status"))
        var status: String

        @Option(name: .long, help: ArgumentHelp("A note for the item (\"\" removes it).", valueName: "text"))
        var note: String?

        @Flag(name: .long, help: "Create the checklist if there is none of that name.")
        var create = false

        func run() throws {
            let practices = try options.practices()
            guard let id = ChecklistItemID.resolve(item, in: practices) else {
                let numbers = practices.map(\.number)
                Console.error("no effective-practice heading or sub-heading \"\(echo(item))\": give a number such as 6 "
                              + "or 6.2, or an id such as ep-06.2 (headings \(numbers.min() ?? 1)-"
                              + "\(numbers.max() ?? 20); `rcpx practices` lists them).")
                throw ChecklistExit.usage
            }
            guard let newStatus = ChecklistStatus(parsing: status) else {
                Console.error("unknown status \"\(echo(status))\"; use one of: "
                              + ChecklistStatus.allCases.map(\.rawValue).joined(separator: ", ") + ".")
                throw ChecklistExit.usage
            }
            let store = options.store
            let result = try ChecklistCommand.run {
                if create { _ = try store.loadOrCreate(name) }
                return try store.update(name) {
                    $0.set(id, status: newStatus)
                    if let note { $0.setNote(id, note) }
                }
            }
            let c = result.checklist
            let st = c.status(of: id)
            var out = "\(c.name): \(options.glyph(st)) \(ChecklistCommand.describe(id, in: practices)) — \(st.label)"
                + (result.saved ? "" : " (unchanged)") + "\n"
            if let n = c.note(of: id) { out += ChecklistCommand.noteLines(n, indent: "  ") }
            if let heading = practices.first(where: { $0.id == id || $0.items.contains { $0.id == id } }) {
                out += "  heading \(heading.number): \(c.progress(for: heading).summary)\n"
            }
            Console.write(out)
        }
    }

    // MARK: export

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

        @OptionGroup var options: ChecklistOptions

        @Argument(help: ArgumentHelp("The checklist's name.", valueName: "name"))
        var name: String

        @Option(name: .long, help: ArgumentHelp("markdown, csv or json.", valueName: "format"))
        var format: String = "markdown"

        @Option(name: .long, help: ArgumentHelp("The date printed on the report (default: today, UTC).",
                                                valueName: "date"))
        var date: String?

        func validate() throws {
            guard ChecklistExport.Format(parsing: format) != nil else {
                throw ValidationError("--format must be markdown, csv or json (not \"\(format)\").")
            }
        }

        func run() throws {
            let practices = try options.practices()
            let store = options.store
            let checklist = try ChecklistCommand.run { try store.load(name) }
            let f = ChecklistExport.Format(parsing: format)!
            Console.write(ChecklistExport.render(f, checklist, practices: practices,
                                                 date: date ?? ChecklistClock.today()))
        }
    }

    // MARK: rename

    struct Rename: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rename",
            abstract: "Give a checklist another name."
        )

        @OptionGroup var options: ChecklistOptions

        @Argument(help: ArgumentHelp("The checklist's name.", valueName: "name"))
        var name: String

        @Argument(help: ArgumentHelp("Its new name.", valueName: "new-name"))
        var newName: String

        func run() throws {
            let store = options.store
            let renamed = try ChecklistCommand.run { try store.rename(name, to: newName) }
            Console.write("renamed checklist \"\(name)\" to \"\(renamed.name)\"\n")
        }
    }

    // MARK: delete

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete",
            abstract: "Delete a checklist (asks first, unless --yes).",
            discussion: "Without --yes, standard input must be a terminal to answer the question; else rcpx "
                + "refuses (exit 64)."
        )

        @OptionGroup var options: ChecklistOptions

        @Argument(help: ArgumentHelp("The checklist's name.", valueName: "name"))
        var name: String

        @Flag(name: .shortAndLong, help: "Delete without asking.")
        var yes = false

        func run() throws {
            let store = options.store
            let checklist = try ChecklistCommand.run { try store.load(name) }
            if !yes {
                guard Console.stdinIsTerminal else {
                    Console.error("not deleting checklist \"\(checklist.name)\" without confirmation: standard "
                                  + "input is not a terminal. Add --yes to delete it.")
                    throw ChecklistExit.usage
                }
                let count = checklist.entries.count
                Console.writeError("Delete checklist \"\(checklist.name)\" (\(count) recorded "
                                   + (count == 1 ? "item" : "items") + ")? This cannot be undone. [y/N] ")
                let answer = (readLine() ?? "").lowercased()
                guard answer == "y" || answer == "yes" else {
                    Console.error("not deleted.")
                    throw ChecklistExit.notFound
                }
            }
            try ChecklistCommand.run { try store.delete(checklist.name) }
            Console.write("deleted checklist \"\(checklist.name)\"\n")
        }
    }
}
