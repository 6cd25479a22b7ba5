#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a checklist operation failed. `description` is a complete message for people, naming the checklist or
/// file and the reason.
public enum ChecklistError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The name cannot be used (empty, control characters, too long).
    case invalidName(String, reason: String)
    /// No checklist has this name in `directory`.
    case notFound(String, directory: String)
    /// A checklist with this name (compared without regard to case) exists.
    case alreadyExists(String, path: String)
    /// Several files claim this name (edited by hand); the paths.
    case ambiguous(String, paths: [String])
    /// A file (or the folder) cannot be read: permissions, corrupt JSON, a folder where a file should be. The
    /// file is left untouched.
    case unreadable(path: String, reason: String)
    /// The file was written by a newer rcpx; it is left untouched.
    case newerFormat(path: String, version: Int)
    /// The checklist was renamed or deleted by another rcpx while this one was about to change it.
    case removedMeanwhile(String, path: String)
    /// Saving failed (read-only folder, no permission, disk full); nothing on disk changed.
    case cannotSave(String, reason: String)
    /// Deleting failed; the file is still there.
    case cannotDelete(String, reason: String)

    public var description: String {
        switch self {
        case let .invalidName(name, reason):
            return "invalid checklist name \(Self.quoted(name)): \(reason)"
        case let .notFound(name, directory):
            return "no checklist named \(Self.quoted(name)) in \(directory)"
        case let .alreadyExists(name, path):
            return "a checklist named \(Self.quoted(name)) already exists (\(path))"
        case let .ambiguous(name, paths):
            return "several checklist files are named \(Self.quoted(name)): \(paths.joined(separator: ", "))"
                + "; rename or remove all but one"
        case let .unreadable(path, reason):
            return "cannot read checklist file \(path): \(reason); the file is left as it is"
        case let .newerFormat(path, version):
            return "cannot read checklist file \(path): it was written by a newer rcpx (format \(version); "
                + "this rcpx reads format \(Checklist.currentFormatVersion) and older); the file is left as it is"
        case let .removedMeanwhile(name, path):
            return "checklist \(Self.quoted(name)) was renamed or deleted by another rcpx meanwhile (\(path))"
        case let .cannotSave(name, reason):
            return "cannot save checklist \(Self.quoted(name)): \(reason)"
        case let .cannotDelete(name, reason):
            return "cannot delete checklist \(Self.quoted(name)): \(reason)"
        }
    }

    /// The file the error is about, when there is one.
    public var path: String? {
        switch self {
        case .alreadyExists(_, let p), .unreadable(let p, _), .newerFormat(let p, _), .removedMeanwhile(_, let p):
            return p
        default: return nil
        }
    }

    static func quoted(_ s: String) -> String { "\"" + s + "\"" }
}

/// A checklist file that opened.
public struct ChecklistSummary: Sendable, Hashable {
    public var checklist: Checklist
    /// The full path of its file.
    public var path: String
    public var name: String { checklist.name }
}

/// A file in the checklist folder that could not be opened. It is never overwritten or deleted.
public struct ChecklistFileProblem: Sendable, Hashable, CustomStringConvertible {
    public var path: String
    /// Why, in words: "not valid JSON", "written by a newer rcpx (format 2 …)", "Permission denied".
    public var reason: String
    public var description: String { "\(path): \(reason)" }
}

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
            let list = numbers.count == 1 ? numbers[0]
                : numbers.dropLast().joined(separator: ", ") + " and " + numbers.last!
            let verb = numbers.count == 1 ? "was" : "were"
            return "\(list) \(verb) also changed by another rcpx meanwhile; both versions are kept (this one is "
                + "current). `rcpx checklist resolve \"\(DisplayText.safe(checklist.name))\" \(numbers[0])` chooses."
        }

        public init(checklist: Checklist, mergedForeignChanges: Bool, saved: Bool, conflicts: [String] = [],
                    stamp: ChecklistFileStamp? = nil) {
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

    private static func isTemporaryFileName(_ n: String) -> Bool { n.hasPrefix(".") && n.contains(".json.tmp-") }

    // MARK: Reading

    enum ReadOutcome {
        case ok(Checklist)
        case missing
        case failed(ChecklistError, reason: String)
    }

    func read(_ path: String) -> ReadOutcome {
        let bytes: [UInt8]
        do {
            bytes = try ChecklistFS.readFile(path)
        } catch {
            if error.code == ENOENT { return .missing }
            let reason: String
            switch error.code {
            case EISDIR: reason = "it is a folder, not a file"
            case EINVAL: reason = "it is not a regular file"
            case EFBIG: reason = "it is too large to be a checklist"
            case EACCES, EPERM: reason = "no permission to read it (\(error.reason))"
            default: reason = error.reason
            }
            return .failed(.unreadable(path: path, reason: reason), reason: reason)
        }
        do {
            return .ok(try ChecklistFileFormat.decode(bytes))
        } catch {
            switch error {
            case .corrupt(let why):
                let reason = "the file is damaged or not a checklist (\(why))"
                return .failed(.unreadable(path: path, reason: reason), reason: reason)
            case .newerFormat(let v):
                let reason = "written by a newer rcpx (format \(v); this rcpx reads format "
                    + "\(Checklist.currentFormatVersion))"
                return .failed(.newerFormat(path: path, version: v), reason: reason)
            }
        }
    }

    /// Every checklist of the folder, by name, and the files that could not be opened. Also removes temporary
    /// files that crashed writes left behind, once they are `staleTemporaryAge` seconds old.
    public func list() -> (checklists: [ChecklistSummary], problems: [ChecklistFileProblem]) {
        let names: [String]
        do {
            names = try ChecklistFS.list(directory)
        } catch {
            if error.code == ENOENT { return ([], []) }
            return ([], [ChecklistFileProblem(path: directory, reason: "cannot open the folder: \(error.reason)")])
        }
        removeStaleTemporaryFiles(names)
        var found: [ChecklistSummary] = []
        var problems: [ChecklistFileProblem] = []
        for n in names where Self.isChecklistFileName(n) {
            let path = filePath(n)
            switch read(path) {
            case .ok(let c): found.append(ChecklistSummary(checklist: c, path: path))
            case .missing: break  // deleted meanwhile
            case .failed(_, let reason): problems.append(ChecklistFileProblem(path: path, reason: reason))
            }
        }
        found.sort {
            let a = Self.nameKey($0.name), b = Self.nameKey($1.name)
            return a != b ? a < b : $0.path < $1.path
        }
        problems.sort { $0.path < $1.path }
        return (found, problems)
    }

    private func removeStaleTemporaryFiles(_ names: [String]) {
        let now = Int(time(nil))
        for n in names where Self.isTemporaryFileName(n) {
            let path = filePath(n)
            if let info = ChecklistFS.info(path), info.mode & S_IFMT == S_IFREG,
               now - info.mtime >= staleTemporaryAge {
                unlink(path)
            }
        }
    }

    /// Finds the file of `name`: the exact name, else the one name equal to it without regard to case.
    func locate(_ name: String) throws(ChecklistError) -> (path: String, checklist: Checklist) {
        let wanted = try Self.validateName(name)
        let slug = Self.slug(wanted)
        // Fast path: the file named after the slug, holding exactly this name.
        let first = filePath(slug + ".json")
        if case .ok(let c) = read(first), c.name == wanted { return (first, c) }

        let names: [String]
        do {
            names = try ChecklistFS.list(directory)
        } catch {
            if error.code == ENOENT { throw .notFound(wanted, directory: directory) }
            throw .unreadable(path: directory, reason: "cannot open the folder: \(error.reason)")
        }
        var exact: [(String, Checklist)] = [], folded: [(String, Checklist)] = []
        var related: [ChecklistError] = []
        let key = Self.nameKey(wanted)
        for n in names.sorted() where Self.isChecklistFileName(n) {
            let path = filePath(n)
            switch read(path) {
            case .ok(let c):
                if c.name == wanted { exact.append((path, c)) } else if Self.nameKey(c.name) == key {
                    folded.append((path, c))
                }
            case .missing: break
            case .failed(let error, _):
                // A damaged file whose name fits the slug may well be the one asked for: say so.
                let stem = String(n.dropLast(5))
                if stem == slug || (stem.hasPrefix(slug + "-") && Int(stem.dropFirst(slug.count + 1)) != nil) {
                    related.append(error)
                }
            }
        }
        for group in [exact, folded] where !group.isEmpty {
            if group.count == 1 { return (group[0].0, group[0].1) }
            throw .ambiguous(wanted, paths: group.map(\.0))
        }
        if let e = related.first { throw e }
        throw .notFound(wanted, directory: directory)
    }

    /// The checklist that already has `name` (without regard to case), if any. A damaged file is not an
    /// owner of a name: a new checklist then gets another file, and the damaged one is kept.
    func existing(_ name: String) throws(ChecklistError) -> (name: String, path: String)? {
        do {
            let found = try locate(name)
            return (found.checklist.name, found.path)
        } catch {
            switch error {
            case .notFound, .unreadable, .newerFormat: return nil
            case .ambiguous(_, let paths): return (name, paths.first ?? directory)
            default: throw error
            }
        }
    }

    /// The checklist named `name` (exactly, or without regard to case).
    public func load(_ name: String) throws(ChecklistError) -> Checklist { try locate(name).checklist }

    // MARK: Changing

    func saveError(_ name: String, _ error: ChecklistFSError) -> ChecklistError {
        .cannotSave(name, reason: describe(error))
    }

    /// A write failure in words, naming the folder rather than a temporary file.
    func describe(_ error: ChecklistFSError) -> String {
        switch error.code {
        case EROFS: return "\(directory) is read-only (read-only file system)"
        case EACCES, EPERM: return "\(directory) is read-only (no permission to write in it)"
        case ENOTDIR: return "cannot create the folder \(directory): \(error.path) is not a folder"
        case ENOSPC: return "the disk holding \(directory) is full"
        case EDQUOT: return "the disk quota for \(directory) is exceeded"
        default: return "\(error.operation) \(error.path): \(error.reason)"
        }
    }

    func lock(_ path: String, for name: String) throws(ChecklistError) -> ChecklistLock {
        do { return try ChecklistLock(path: path) } catch { throw saveError(name, error) }
    }

    func write(_ c: Checklist, to path: String, replace: Bool, mode: mode_t = 0o644) throws {
        try ChecklistFS.writeAtomically(ChecklistFileFormat.encode(c), to: path, replace: replace, mode: mode,
                                        crash: simulatedCrash, failOpen: simulatedWriteError)
    }

    /// Creates an empty checklist (revision 1) and its file; `alreadyExists` if the name is taken (compared
    /// without regard to case).
    @discardableResult
    public func create(_ name: String) throws(ChecklistError) -> Checklist {
        let wanted = try Self.validateName(name)
        do { try ChecklistFS.makeDirectories(directory) } catch { throw saveError(wanted, error) }
        let dirLock = try lock(directoryLockPath, for: wanted)
        defer { dirLock.release() }
        if let other = try existing(wanted) { throw .alreadyExists(other.name, path: other.path) }
        let now = clock()
        let c = Checklist(name: wanted, created: now, updated: now, revision: 1)
        try writeNew(c)
        return c
    }

    /// Writes a checklist that has no file yet under the first free file name for its name ("ghana.json",
    /// "ghana-2.json", …), never replacing a file (even a damaged one or a dangling link). The caller holds the
    /// folder's lock.
    func writeNew(_ c: Checklist) throws(ChecklistError) {
        let slug = Self.slug(c.name)
        var n = 1
        while true {
            let path = filePath(n == 1 ? slug + ".json" : "\(slug)-\(n).json")
            n += 1
            if ChecklistFS.info(path) != nil { continue }
            do {
                try write(c, to: path, replace: false)
                return
            } catch let e as ChecklistFSError where e.code == EEXIST {
                continue
            } catch let e as ChecklistFSError {
                throw saveError(c.name, e)
            } catch {
                throw .cannotSave(c.name, reason: "\(error)")
            }
        }
    }

    /// `load`, or `create` when there is no such checklist. A damaged file with that name is reported, not
    /// replaced.
    public func loadOrCreate(_ name: String) throws(ChecklistError) -> Checklist {
        do {
            return try load(name)
        } catch {
            guard case .notFound = error else { throw error }
        }
        do {
            return try create(name)
        } catch {
            guard case .alreadyExists = error else { throw error }
            return try load(name)  // created by another rcpx meanwhile
        }
    }

    /// The one way to change a checklist. Under an exclusive lock: re-reads the file, applies `change` to what
    /// is on disk now, increments `revision`, stamps `updated` (and the `revision` of every item it changed),
    /// writes atomically. When `basedOn` (the revision the caller last saw) differs from the revision found,
    /// another rcpx saved meanwhile: the change is applied on top of theirs and `mergedForeignChanges` is true.
    /// So write changes as edits of the given value (`$0.set(id, status: $0.status(of: id).next)`), not as a
    /// copy of an old one.
    ///
    /// Conflicts: when the change touches an item that another rcpx changed after `basedOn` (the item's
    /// `revision` is newer), this change's version becomes the current one and theirs is kept beside it in
    /// `alternatives` ("saved meanwhile by another rcpx (revision N)"); the result names those items in
    /// `conflicts`. Nothing is overwritten without being kept.
    ///
    /// `change` cannot rename (use `rename`); changes to `name`, `created`, `revision` or `formatVersion` are
    /// ignored. When `change` throws or changes nothing, nothing is written. On `cannotSave` nothing on disk
    /// changed and the caller's copy is intact: it can keep working in memory and retry.
    /// `change` runs while the lock is held: keep it short, and do not call the store from inside it (a second
    /// lock on the same checklist would wait for the first forever). A file of an older format is written
    /// back in the current one.
    @discardableResult
    public func update(_ name: String, basedOn revision: Int? = nil,
                       _ change: (inout Checklist) throws -> Void) throws -> UpdateResult {
        let name = try Self.validateName(name)
        var (path, _) = try locate(name)
        for _ in 0..<5 {
            let fileLock = try lock(lockPath(forFile: path), for: name)
            defer { fileLock.release() }
            let current: Checklist
            switch read(path) {
            case .ok(let c): current = c
            case .missing:
                // Renamed or deleted between locate and lock: find it again by name.
                fileLock.release()
                do { path = try locate(name).path } catch {
                    if case .notFound = error { throw ChecklistError.removedMeanwhile(name, path: path) }
                    throw error
                }
                continue
            case .failed(let error, _): throw error
            }
            if current.name != name && Self.nameKey(current.name) != Self.nameKey(name) {
                fileLock.release()
                path = try locate(name).path
                continue
            }
            var next = current
            try change(&next)
            next.name = current.name; next.created = current.created
            next.formatVersion = current.formatVersion; next.revision = current.revision
            next.updated = current.updated
            let merged = revision != nil && revision != current.revision
            if next == current {
                return UpdateResult(checklist: current, mergedForeignChanges: merged, saved: false,
                                    stamp: ChecklistFileStamp(path: path))
            }
            let newRevision = current.revision + 1
            var conflicts: [String] = []
            let touched = Set(next.entries.keys).union(current.entries.keys)
                .filter { next.entries[$0] != current.entries[$0] }
            for id in touched.sorted(by: ChecklistItemID.precedes) {
                guard var mine = next.entries[id] else {
                    // The change removed the item: keep theirs if another rcpx changed it meanwhile.
                    if let theirs = current.entries[id], let base = revision, theirs.revision > base {
                        next.entries[id] = theirs
                        conflicts.append(id)
                    }
                    continue
                }
                if let theirs = current.entries[id], let base = revision, theirs.revision > base,
                   !theirs.sameContent(mine) {
                    let kept = ChecklistAlternative(theirs, source: "saved meanwhile by another rcpx (revision "
                                                    + "\(theirs.revision))")
                    if !mine.alternatives.contains(kept) { mine.alternatives.append(kept) }
                    conflicts.append(id)
                }
                mine.revision = newRevision
                next.entries[id] = mine
            }
            next.revision = newRevision
            next.updated = clock()
            next.formatVersion = Checklist.currentFormatVersion
            let mode = ChecklistFS.info(path).map { $0.mode & 0o7777 } ?? 0o644
            do {
                try write(next, to: path, replace: true, mode: mode)
            } catch let e as ChecklistFSError {
                throw saveError(current.name, e)
            }
            return UpdateResult(checklist: next, mergedForeignChanges: merged, saved: true, conflicts: conflicts,
                                stamp: ChecklistFileStamp(path: path))
        }
        throw ChecklistError.removedMeanwhile(name, path: path)
    }

    /// The checklist `name` with the stamp of its file, for `reload(_:ifChangedSince:)`.
    public func loadStamped(_ name: String) throws(ChecklistError) -> (checklist: Checklist, stamp: ChecklistFileStamp?) {
        let path = try locate(name).path
        // The stamp is taken before reading: a save in between makes the next `reload` read again, never miss.
        let stamp = ChecklistFileStamp(path: path)
        switch read(path) {
        case .ok(let c): return (c, stamp)
        case .missing: return (try load(name), nil)
        case .failed(let error, _): throw error
        }
    }

    /// Picks up what another process saved: nil when the file is as `stamp` says (one `stat`, no reading),
    /// else the checklist as it is now with its new stamp. Throws `notFound` when it was deleted, and finds
    /// it again by name when it was renamed to a name equal ignoring case.
    public func reload(_ name: String, ifChangedSince stamp: ChecklistFileStamp?)
        throws(ChecklistError) -> (checklist: Checklist, stamp: ChecklistFileStamp?)? {
        if let stamp, ChecklistFileStamp(path: stamp.path) == stamp { return nil }
        return try loadStamped(name)
    }

    /// Gives a checklist another display name (and the file a matching name). `alreadyExists` when another
    /// checklist has the new name. A crash in the middle leaves the old file, or both files (two
    /// checklists with the same entries), never neither.
    @discardableResult
    public func rename(_ name: String, to newName: String) throws -> Checklist {
        let wanted = try Self.validateName(newName)
        if ChecklistFS.kind(directory) == .missing { throw ChecklistError.notFound(name, directory: directory) }
        let dirLock = try lock(directoryLockPath, for: name)
        defer { dirLock.release() }
        let (path, _) = try locate(name)
        let fileLock = try lock(lockPath(forFile: path), for: name)
        var removeLock = false
        defer { removeLock ? fileLock.releaseRemovingFile() : fileLock.release() }
        guard case .ok(let current) = read(path) else { throw ChecklistError.removedMeanwhile(name, path: path) }
        if current.name == wanted { return current }
        if Self.nameKey(current.name) != Self.nameKey(wanted), let other = try existing(wanted) {
            throw ChecklistError.alreadyExists(other.name, path: other.path)
        }
        var next = current
        next.name = wanted
        next.revision = current.revision + 1
        next.updated = clock()
        let mode = ChecklistFS.info(path).map { $0.mode & 0o7777 } ?? 0o644
        let slug = Self.slug(wanted)
        let stem = String((path.split(separator: "/").last ?? "").dropLast(5))
        if stem == slug || (stem.hasPrefix(slug + "-") && Int(stem.dropFirst(slug.count + 1)) != nil) {
            do { try write(next, to: path, replace: true, mode: mode) } catch let e as ChecklistFSError {
                throw saveError(current.name, e)
            }
            return next
        }
        var n = 1
        while true {
            let newPath = filePath(n == 1 ? slug + ".json" : "\(slug)-\(n).json")
            n += 1
            if ChecklistFS.info(newPath) != nil { continue }
            do {
                try write(next, to: newPath, replace: false, mode: mode)
            } catch let e as ChecklistFSError where e.code == EEXIST {
                continue
            } catch let e as ChecklistFSError {
                throw saveError(current.name, e)
            }
            // The new file is safely on disk; now remove the old one.
            if unlink(path) == 0 {
                try? ChecklistFS.syncDirectory(directory)
                removeLock = true
            }
            return next
        }
    }

    /// Deletes a checklist's file. Asking for confirmation is the caller's job.
    public func delete(_ name: String) throws(ChecklistError) {
        let dirLock: ChecklistLock
        do { dirLock = try ChecklistLock(path: directoryLockPath) } catch {
            if ChecklistFS.kind(directory) == .missing { throw .notFound(name, directory: directory) }
            throw .cannotDelete(name, reason: describe(error))
        }
        defer { dirLock.release() }
        let (path, found) = try locate(name)
        let fileLock: ChecklistLock
        do { fileLock = try ChecklistLock(path: lockPath(forFile: path)) } catch {
            throw .cannotDelete(found.name, reason: describe(error))
        }
        guard ChecklistFS.info(path) != nil else {
            fileLock.release()
            throw .removedMeanwhile(found.name, path: path)
        }
        do { try ChecklistFS.remove(path) } catch {
            fileLock.release()
            throw .cannotDelete(found.name, reason: describe(error))
        }
        try? ChecklistFS.syncDirectory(directory)
        fileLock.releaseRemovingFile()
    }
}
