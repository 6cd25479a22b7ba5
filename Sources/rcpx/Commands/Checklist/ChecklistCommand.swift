import ArgumentParser
import RCPCore
import RCPText

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
              rcpx checklist meta "Ghana 2026 workshop" --subject senegal --date 2026-12-03
              rcpx checklist import senegal.json mali.json
              rcpx checklist compare "Senegal" "Mali" --format markdown
              rcpx checklist merge "Mali copy 1" "Mali copy 2" --into "Mali"
              rcpx checklist report "Senegal" "Mali" -o workshop.html

            Exit codes: 0 done, 1 no such checklist (or it already exists, or deletion declined), \
            64 usage error (unknown item or status, missing --yes), 65 a checklist file or the data file \
            cannot be read (the file is left as it is), 73 the checklist cannot be saved (read-only folder, \
            disk full; nothing was changed).
            """,
        subcommands: [
            List.self, New.self, Show.self, SetStatus.self, Meta.self, Export.self, Import.self,
            Merge.self, Compare.self, Report.self, Resolve.self, Rename.self, Delete.self,
        ]
    )
}

/// The options every `rcpx checklist` command takes.
struct ChecklistOptions: ParsableArguments {
    @Option(
        name: .customLong("data-dir"),
        help: ArgumentHelp(
            "rcpx's data folder; checklists are kept in DIR/checklists (default: "
                + "$RCPX_DATA_HOME, else $XDG_DATA_HOME/rcpx, else ~/.local/share/rcpx).",
            valueName: "dir"),
        completion: .directory)
    var dataDir: String?

    @Option(
        name: .long,
        help: ArgumentHelp("Read the headings from another data file of the same format.", valueName: "file"),
        completion: .file(extensions: ["json"]))
    var data: String?

    @Flag(name: .long, help: "ASCII status symbols (. x ~ + -) instead of ○ ✗ ◐ ✓ –.")
    var ascii = false

    /// The store in `--data-dir`'s checklist folder, else the default one.
    var store: ChecklistStore { DataLocations.checklistStore(dataDir: dataDir) }

    /// The effective-practice headings of the bundled data, or of `--data`.
    func practices() throws -> [Practice] { try catalog().practices }

    /// The bundled data set, or `--data`'s.
    func catalog() throws -> Catalog { try DataLocations.catalog(dataFile: data) }

    func glyph(_ s: ChecklistStatus) -> String { ascii ? s.asciiGlyph : s.glyph }

    func bar(_ p: ChecklistProgress, width: Int = 20) -> String { p.bar(width: width, ascii: ascii) }
}

/// The options of a `rcpx checklist` command about one stored checklist, and that checklist's name.
struct NamedChecklist: ParsableArguments {
    @OptionGroup var options: ChecklistOptions

    @Argument(help: ArgumentHelp("The checklist's name.", valueName: "name"))
    var name: String

    var store: ChecklistStore { options.store }

    /// The checklist; when there is none of that name, or its file cannot be read, a message and the exit
    /// status for it (`ChecklistCommand.fail`).
    func load() throws -> Checklist { try ChecklistCommand.run { try store.load(name) } }
}

extension ChecklistCommand {
    /// Reports a store error on stderr and returns the exit code for it.
    static func fail(_ error: Error) -> Error {
        guard let e = error as? ChecklistError else { return error }
        switch e {
        case .notFound(let name, _):
            Console.error(
                e.description + ". `rcpx checklist list` lists them; `rcpx checklist new "
                    + shellQuoted(name) + "` creates it.")
            return RCPXExit.notFound
        case .alreadyExists, .ambiguous, .removedMeanwhile:
            Console.error(e.description)
            return RCPXExit.notFound
        case .invalidName:
            Console.error(e.description)
            return RCPXExit.usage
        case .unreadable, .newerFormat:
            Console.error(e.description)
            return RCPXExit.dataError
        case .cannotSave, .cannotDelete:
            Console.error(e.description)
            return RCPXExit.cannotWrite
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

    /// `s` followed by spaces up to `width` terminal columns (display width, not characters: "Côte", "日本"
    /// and "Mali" line up); never cut, unlike `TextWidth.pad`.
    static func pad(_ s: String, _ width: Int) -> String {
        TextWidth.of(s) >= width ? s : TextWidth.pad(s, width: width)
    }

    /// Text from a checklist file or the user for the terminal: control characters made visible, line
    /// breaks kept.
    static func safe(_ s: String) -> String {
        s.split(separator: "\n", omittingEmptySubsequences: false).map { DisplayText.safe(String($0)) }
            .joined(separator: "\n")
    }

    /// Writes `text` to `path` (replacing it) or, when `path` is nil or "-", to stdout. Exit 73 when the file
    /// cannot be written.
    static func output(_ text: String, to path: String?) throws {
        guard let path, path != "-" else { Console.write(text); return }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            Console.error("cannot write \(DisplayText.excerpt(path, limit: 200)): \(String(cString: strerror(errno)))")
            throw RCPXExit.cannotWrite
        }
        defer { close(fd) }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                Console.error(
                    "cannot write \(DisplayText.excerpt(path, limit: 200)): \(String(cString: strerror(errno)))")
                throw RCPXExit.cannotWrite
            }
            bytes = bytes.dropFirst(n)
        }
    }

    /// A note under an item: "note: …", continuation lines aligned.
    static func noteLines(_ note: String, indent: String) -> String {
        let lines = note.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        return lines.enumerated().map { i, l in
            indent + (i == 0 ? "note: " : "      ") + DisplayText.safe(String(l))
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
}
