#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension ChecklistStore {
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
        try ChecklistFS.writeAtomically(
            ChecklistFileFormat.encode(c), to: path, replace: replace, mode: mode,
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
    public func update(
        _ name: String, basedOn revision: Int? = nil,
        _ change: (inout Checklist) throws -> Void
    ) throws -> UpdateResult {
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
                return UpdateResult(
                    checklist: current, mergedForeignChanges: merged, saved: false,
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
                    !theirs.sameContent(mine)
                {
                    let kept = ChecklistAlternative(
                        theirs,
                        source: "saved meanwhile by another rcpx (revision "
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
            return UpdateResult(
                checklist: next, mergedForeignChanges: merged, saved: true, conflicts: conflicts,
                stamp: ChecklistFileStamp(path: path))
        }
        throw ChecklistError.removedMeanwhile(name, path: path)
    }

    /// The checklist `name` with the stamp of its file, for `reload(_:ifChangedSince:)`.
    public func loadStamped(_ name: String) throws(ChecklistError) -> (checklist: Checklist, stamp: ChecklistFileStamp?)
    {
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
        throws(ChecklistError) -> (checklist: Checklist, stamp: ChecklistFileStamp?)?
    {
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
