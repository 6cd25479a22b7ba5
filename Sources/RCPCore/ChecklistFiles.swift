/// The POSIX file operations of the checklist store, with exact control over open / write / fsync / rename /
/// link / flock. Nothing here knows about checklists.

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A failed system call: what was attempted, on which path, and `errno`.
struct ChecklistFSError: Error, CustomStringConvertible {
    var operation: String
    var path: String
    var code: Int32

    var reason: String { String(cString: strerror(code)) }
    var description: String { "\(operation) \(path): \(reason)" }

    /// True when the error means "this folder or file cannot be written".
}

/// Where an atomic write stops when a crash is simulated (tests only).
enum ChecklistWriteStage: Sendable {
    /// After writing half the bytes to the temporary file, before fsync.
    case halfWritten
    /// After writing and fsyncing the temporary file, before the rename.
    case beforeRename
}

/// Thrown when a simulated crash stops a write; the temporary file is left as a killed process would leave it.
struct ChecklistSimulatedCrash: Error {}

enum ChecklistFS {
    static func fail(_ operation: String, _ path: String) -> ChecklistFSError {
        ChecklistFSError(operation: operation, path: path, code: errno)
    }

    /// `dir/name`.
    static func join(_ dir: String, _ name: String) -> String {
        dir.hasSuffix("/") ? dir + name : dir + "/" + name
    }

    enum Kind { case missing, file, directory, other }

    /// What is at `path`, following symlinks as `open` does.
    static func kind(_ path: String) -> Kind {
        var st = stat()
        guard stat(path, &st) == 0 else { return .missing }
        switch st.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// Modification time (seconds since the epoch) and mode of `path`, or nil.
    static func info(_ path: String) -> (mtime: Int, mode: mode_t)? {
        var st = stat()
        guard lstat(path, &st) == 0 else { return nil }
        #if canImport(Darwin)
            return (Int(st.st_mtimespec.tv_sec), st.st_mode)
        #else
            return (Int(st.st_mtim.tv_sec), st.st_mode)
        #endif
    }

    /// The whole file. Refuses anything but a regular file, and files over `limit` bytes.
    static func readFile(_ path: String, limit: Int = 16 << 20) throws(ChecklistFSError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw fail("open", path) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw fail("stat", path) }
        guard st.st_mode & S_IFMT == S_IFREG else {
            throw ChecklistFSError(
                operation: "read", path: path,
                code: st.st_mode & S_IFMT == S_IFDIR ? EISDIR : EINVAL)
        }
        guard Int(st.st_size) <= limit else { throw ChecklistFSError(operation: "read", path: path, code: EFBIG) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw fail("read", path)
            }
            if n == 0 { break }
            bytes.append(contentsOf: buffer[0..<n])
            if bytes.count > limit { throw ChecklistFSError(operation: "read", path: path, code: EFBIG) }
        }
        return bytes
    }

    /// Names in a directory, without "." and "..".
    static func list(_ dir: String) throws(ChecklistFSError) -> [String] {
        guard let d = opendir(dir) else { throw fail("open folder", dir) }
        defer { closedir(d) }
        var names: [String] = []
        while let entry = readdir(d) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// `mkdir -p`.
    static func makeDirectories(_ path: String) throws(ChecklistFSError) {
        if kind(path) == .directory { return }
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if kind(prefix) != .directory {
                if mkdir(prefix, 0o755) != 0 && errno != EEXIST { throw fail("create folder", prefix) }
                if kind(prefix) != .directory {
                    throw ChecklistFSError(operation: "create folder", path: prefix, code: ENOTDIR)
                }
            }
            prefix += "/"
        }
    }

    /// Flushes a directory's entries (after a rename, link or unlink in it) to disk.
    static func syncDirectory(_ dir: String) throws(ChecklistFSError) {
        let fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw fail("open folder", dir) }
        defer { close(fd) }
        // Some file systems do not support fsync on directories (EINVAL); there is nothing more to do then.
        if fsync(fd) != 0 && errno != EINVAL && errno != EROFS { throw fail("sync folder", dir) }
    }

    /// Writes `bytes` to `path` so that `path` holds either its old content or all of `bytes`, whatever happens
    /// (crash, power loss after the call returns): a temporary file in the same folder is written, fsynced,
    /// then renamed over `path` (or, with `replace: false`, hard-linked to `path`, which fails with EEXIST if
    /// something is there — an atomic "create new"), and the folder is fsynced.
    /// `mode` is the new file's permission bits (the old file's, to keep them).
    static func writeAtomically(
        _ bytes: [UInt8], to path: String, replace: Bool, mode: mode_t = 0o644,
        crash: ChecklistWriteStage? = nil, failOpen: Int32? = nil
    ) throws {
        let slash = path.lastIndex(of: "/")
        let dir = slash.map { String(path[..<$0]) }.map { $0.isEmpty ? "/" : $0 } ?? "."
        let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var tmp = ""
        var fd: Int32 = -1
        if let code = failOpen {  // tests only: the folder refuses new files (e.g. EROFS)
            throw ChecklistFSError(operation: "create", path: join(dir, ".\(base).tmp"), code: code)
        }
        for _ in 0..<100 {
            tmp = join(dir, ".\(base).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
            fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else { throw fail("create", tmp) }
        var keepTemp = false
        var closed = false
        defer {
            if !closed { close(fd) }
            if !keepTemp { unlink(tmp) }
        }
        _ = fchmod(fd, mode)  // open's mode is filtered by the umask; keep the old file's exact bits.

        var written = 0
        let stopAt = crash == .halfWritten ? bytes.count / 2 : bytes.count
        while written < stopAt {
            let n = bytes.withUnsafeBytes { raw in write(fd, raw.baseAddress! + written, stopAt - written) }
            if n < 0 {
                if errno == EINTR { continue }
                throw fail("write", tmp)
            }
            written += n
        }
        if crash == .halfWritten { keepTemp = true; throw ChecklistSimulatedCrash() }
        guard fsync(fd) == 0 else { throw fail("sync", tmp) }
        closed = true
        guard close(fd) == 0 else { throw fail("close", tmp) }
        if crash == .beforeRename { keepTemp = true; throw ChecklistSimulatedCrash() }

        if replace {
            guard rename(tmp, path) == 0 else { throw fail("rename", path) }
            keepTemp = true  // it is `path` now
        } else {
            guard link(tmp, path) == 0 else { throw fail("create", path) }
        }
        try syncDirectory(dir)
    }

    /// The first half of an atomic write, for writing several files all or nothing: `bytes` in a synced
    /// temporary file beside `path`, whose name is returned. `commitStaged` puts it in place; on failure, the
    /// caller unlinks the staged files.
    static func stage(_ bytes: [UInt8], for path: String, mode: mode_t = 0o644) throws(ChecklistFSError) -> String {
        let slash = path.lastIndex(of: "/")
        let dir = slash.map { String(path[..<$0]) }.map { $0.isEmpty ? "/" : $0 } ?? "."
        let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        var tmp = "", fd: Int32 = -1
        for _ in 0..<100 {
            tmp = join(dir, ".\(base).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
            fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else { throw fail("create", tmp) }
        _ = fchmod(fd, mode)
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { raw in write(fd, raw.baseAddress! + written, bytes.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                let e = fail("write", tmp); close(fd); unlink(tmp); throw e
            }
            written += n
        }
        if fsync(fd) != 0 { let e = fail("sync", tmp); close(fd); unlink(tmp); throw e }
        if close(fd) != 0 { let e = fail("close", tmp); unlink(tmp); throw e }
        return tmp
    }

    /// Puts a staged file in place: renamed over `path` (`replace`), or linked to it (fails with EEXIST when
    /// something is there) and the temporary name removed.
    static func commitStaged(_ tmp: String, to path: String, replace: Bool) throws(ChecklistFSError) {
        if replace {
            guard rename(tmp, path) == 0 else { throw fail("rename", path) }
        } else {
            guard link(tmp, path) == 0 else { throw fail("create", path) }
            unlink(tmp)
        }
    }

    /// Removes `path` (the caller syncs the folder when it must be durable).
    static func remove(_ path: String) throws(ChecklistFSError) {
        guard unlink(path) == 0 else { throw fail("delete", path) }
    }
}

/// An exclusive `flock` on a lock file, held until `release()`.
///
/// flock locks belong to the open file description, so two `ChecklistLock`s in one process (two threads, two
/// stores) exclude each other just as two processes do. A lock file may be removed by its holder (when its
/// checklist is deleted or renamed); a waiter that then gets the lock on the removed file notices that the
/// path now names another file (or none) and starts over.
final class ChecklistLock {
    private var fd: Int32
    let path: String

    init(path: String) throws(ChecklistFSError) {
        self.path = path
        while true {
            var fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            if fd < 0 && (errno == EACCES || errno == EROFS) {
                // An existing lock file in a folder we cannot write: a read-only open is enough for flock.
                fd = open(path, O_RDONLY | O_CLOEXEC)
            }
            guard fd >= 0 else { throw ChecklistFS.fail("create lock file", path) }
            while flock(fd, LOCK_EX) != 0 {
                if errno == EINTR { continue }
                let e = ChecklistFS.fail("lock", path)
                close(fd)
                throw e
            }
            var held = stat(), named = stat()
            if fstat(fd, &held) == 0 && stat(path, &named) == 0
                && held.st_dev == named.st_dev && held.st_ino == named.st_ino
            {
                self.fd = fd
                return
            }
            close(fd)  // the file we locked was removed or replaced meanwhile: lock the current one
        }
    }

    /// Removes the lock file (while still holding it), then releases.
    func releaseRemovingFile() {
        unlink(path)
        release()
    }

    func release() {
        if fd >= 0 {
            flock(fd, LOCK_UN)
            close(fd)
            fd = -1
        }
    }

    deinit { release() }
}

/// What `stat` says about a checklist file: enough to tell, without reading it, whether it was saved since
/// (every save renames a new file over the old one, so the inode changes; size and mtime to the nanosecond
/// besides).
public struct ChecklistFileStamp: Sendable, Hashable {
    public var path: String
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var mtimeSeconds: Int
    var mtimeNanoseconds: Int

    /// The stamp of the file at `path` now, or nil when there is none.
    public init?(path: String) {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        self.path = path
        device = UInt64(st.st_dev); inode = UInt64(st.st_ino); size = Int64(st.st_size)
        #if canImport(Darwin)
            mtimeSeconds = Int(st.st_mtimespec.tv_sec); mtimeNanoseconds = Int(st.st_mtimespec.tv_nsec)
        #else
            mtimeSeconds = Int(st.st_mtim.tv_sec); mtimeNanoseconds = Int(st.st_mtim.tv_nsec)
        #endif
    }
}
