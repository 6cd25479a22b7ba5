#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The checklists of one folder, one JSON file each (format: `ChecklistFileFormat`), named after a slug of the
/// checklist's name ("ghana-2026-workshop.json"). Lock and temporary files start with "." and are not
/// checklists.
///
/// - Reads never lock; every change goes through `update` (or `create` / `rename` / `delete`), which takes an
///   exclusive `flock` on a lock file beside the checklist (`.NAME.json.lock`), re-reads the file, applies the
///   change and writes atomically (temporary file in the same folder, fsync, rename, fsync of the folder).
/// - A file that cannot be read is reported and never written over.
/// - Errors are `ChecklistError`s.
public struct ChecklistStore: Sendable {
    /// The folder holding the checklist files (created on the first save).
    public let directory: String
    /// The clock for `created` / `updated` stamps.
    public var clock: @Sendable () -> String
    /// Temporary files of crashed writes older than this many seconds are removed by `list()`.
    public var staleTemporaryAge: Int = 60
    /// Tests only: stop the next writes at this stage as a `kill -9` would.
    var simulatedCrash: ChecklistWriteStage? = nil
    /// Tests only: creating files in the folder fails with this `errno` (EROFS: a read-only file system), for
    /// when the tests run as root, whom permissions do not stop.
    var simulatedWriteError: Int32? = nil

    public init(directory: String) {
        self.directory = directory
        self.clock = { ChecklistClock.now() }
    }

    public init(directory: String, clock: @escaping @Sendable () -> String) {
        self.directory = directory
        self.clock = clock
    }

    /// `$RCPX_DATA_HOME/checklists`, else `$XDG_DATA_HOME/rcpx/checklists` (when absolute, as the XDG spec
    /// requires), else `$HOME/.local/share/rcpx/checklists`.
    public static func defaultDirectory(environment: [String: String]) -> String {
        if let home = environment["RCPX_DATA_HOME"], !home.isEmpty { return directory(dataHome: home) }
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            return ChecklistFS.join(xdg, "rcpx/checklists")
        }
        var home = environment["HOME"] ?? ""
        if home.isEmpty, let pw = getpwuid(getuid()), let dir = pw.pointee.pw_dir { home = String(cString: dir) }
        if home.isEmpty { home = "." }
        return ChecklistFS.join(home, ".local/share/rcpx/checklists")
    }

    /// The checklist folder inside an rcpx data folder (`DIR/checklists`).
    public static func directory(dataHome: String) -> String { ChecklistFS.join(dataHome, "checklists") }

    public struct UpdateResult: Sendable, Hashable {
        /// The checklist as saved (or as found, when the change changed nothing).
        public var checklist: Checklist
        /// True when the file had been changed by someone else since the revision passed as `basedOn`: the
        /// change was applied on top of theirs, and the caller should show the merged checklist and say so.
        public var mergedForeignChanges: Bool
        /// False when the change changed nothing, so nothing was written.
        public var saved: Bool
        /// The items this change touched that another rcpx had changed after the revision passed as `basedOn`
        /// (a conflict on the same item), in id order. This change's version is the current one; the other
        /// one is kept beside it in `entries[id].alternatives` (see `Checklist.resolve`). Empty without
        /// `basedOn`.
        public var conflicts: [String] = []
        /// The file as it is after this call, for `reload(_:ifChangedSince:)`.
        public var stamp: ChecklistFileStamp? = nil

        /// For a status line, nil without conflicts: "6.2 and 7 were also changed by another rcpx meanwhile;
        /// both versions are kept (this one is current). `rcpx checklist resolve "Ghana" 6.2` chooses."
        public var conflictSummary: String? {
            guard !conflicts.isEmpty else { return nil }
            let numbers = conflicts.map { ChecklistItemID.displayNumber($0) ?? $0 }
            let list =
                numbers.count == 1
                ? numbers[0]
                : numbers.dropLast().joined(separator: ", ") + " and " + numbers.last!
            let verb = numbers.count == 1 ? "was" : "were"
            return "\(list) \(verb) also changed by another rcpx meanwhile; both versions are kept (this one is "
                + "current). `rcpx checklist resolve \"\(DisplayText.safe(checklist.name))\" \(numbers[0])` chooses."
        }

        public init(
            checklist: Checklist, mergedForeignChanges: Bool, saved: Bool, conflicts: [String] = [],
            stamp: ChecklistFileStamp? = nil
        ) {
            self.checklist = checklist; self.mergedForeignChanges = mergedForeignChanges; self.saved = saved
            self.conflicts = conflicts; self.stamp = stamp
        }
    }

    // MARK: Names and files

    /// Checks a display name and returns it with surrounding white space removed.
    public static func validateName(_ name: String) throws(ChecklistError) -> String {
        let trimmed = String(name.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        if trimmed.isEmpty { throw .invalidName(name, reason: "the name is empty") }
        if trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw .invalidName(name, reason: "the name contains a line break or another control character")
        }
        if trimmed.count > 200 { throw .invalidName(name, reason: "the name is longer than 200 characters") }
        return trimmed
    }

    /// The file name stem for a display name: lower-case ASCII letters and digits joined by "-", accents
    /// removed, at most 60 characters; "checklist" when nothing is left ("..", "/", a name in another script).
    /// "/" and ".." can never escape the folder. Names that differ only by case or punctuation get the same
    /// slug; `create` then numbers the file ("ghana-2.json") and the display name stays inside the file.
    public static func slug(_ name: String) -> String {
        var out = ""
        for c in normalizeForSearch(name) {  // lower case, accents removed (RCPCore's search folding)
            if c.isASCII && (c.isLetter || c.isNumber) {
                out.append(c)
            } else if !out.isEmpty && !out.hasSuffix("-") {
                out.append("-")
            }
        }
        if out.count > 60 { out = String(out.prefix(60)) }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "checklist" : out
    }

    /// The path of the file holding the checklist `name`.
    public func path(of name: String) throws(ChecklistError) -> String { try locate(name).path }

    func filePath(_ fileName: String) -> String { ChecklistFS.join(directory, fileName) }
    func lockPath(forFile path: String) -> String {
        let base = path.split(separator: "/").last.map(String.init) ?? path
        return ChecklistFS.join(directory, ".\(base).lock")
    }
    var directoryLockPath: String { ChecklistFS.join(directory, ".rcpx-checklists.lock") }

    static func nameKey(_ name: String) -> String { name.lowercased() }

    /// File names that may hold checklists: visible `*.json` files (temporary and lock files start with ".").
    static func isChecklistFileName(_ n: String) -> Bool { !n.hasPrefix(".") && n.hasSuffix(".json") }

    static func isTemporaryFileName(_ n: String) -> Bool { n.hasPrefix(".") && n.contains(".json.tmp-") }
}
