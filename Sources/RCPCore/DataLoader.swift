import RCPData

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads and validates data files (docs/DATA.md).
public enum DataLoader {
    /// Parses, maps and validates `bytes`; throws every problem found, naming `file` in each.
    /// With `validating: false` only the structure is checked (for the bundled file, which the tests validate).
    public static func load(bytes: [UInt8], file: String, validating: Bool = true) throws(LoadError) -> Dataset {
        if bytes.isEmpty {
            throw LoadError(file: file, problems: [LoadProblem(file: file, message: "the file is empty")])
        }
        let root: JSONValue
        do {
            root = try JSON.parse(bytes)
        } catch {
            throw LoadError(
                file: file,
                problems: [
                    LoadProblem(
                        file: file, message: error.message,
                        line: error.line, column: error.column)
                ])
        }
        let log = ProblemLog(file: file)
        let dataset = DatasetDecoder(log: log).dataset(root)
        // Semantic problems at a spot that already has a structural one (a missing name is not also "empty").
        let semantic =
            !validating
            ? [] : validate(dataset, file: file).filter { !log.spots.contains(ProblemLog.spot($0.record, $0.field)) }
        let problems = log.problems + semantic
        if !problems.isEmpty { throw LoadError(file: file, problems: problems) }
        return dataset
    }

    /// Reads the file at `path` and loads it; a missing, unreadable or empty file, or a directory, is a problem.
    public static func load(path: String) throws(LoadError) -> Dataset {
        let bytes: [UInt8]
        do {
            bytes = try readFile(path)
        } catch {
            throw LoadError(file: path, problems: [error])
        }
        return try load(bytes: bytes, file: path)
    }

    /// The data set compiled into rcpx. The bundled file is validated by the tests (`bundledDataIsValid`), so
    /// start-up skips the semantic checks (about 1 ms); a structural problem here is a bug.
    public static func bundled() -> Dataset {
        do {
            return try load(bytes: BundledData.json, file: BundledData.fileName, validating: false)
        } catch {
            preconditionFailure("the bundled data set is invalid:\n\(error)")
        }
    }

    /// The whole file, read with open/fstat/read (no Foundation).
    static func readFile(_ path: String) throws(LoadProblem) -> [UInt8] {
        func problem(_ message: String) -> LoadProblem { LoadProblem(file: path, message: message) }
        if path.isEmpty { throw problem("no file name given") }
        let fd = open(path, O_RDONLY)
        if fd < 0 {
            let code = errno
            switch code {
            case ENOENT: throw problem("no such file")
            case EACCES: throw problem("permission denied (the file is not readable)")
            case ENOTDIR: throw problem("a part of the path is not a directory")
            case EISDIR: throw problem("is a directory, not a data file")
            default: throw problem("cannot open: \(String(cString: strerror(code)))")
            }
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw problem("cannot read: \(String(cString: strerror(errno)))") }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw problem("is a directory, not a data file") }
        if (info.st_mode & S_IFMT) == S_IFREG && info.st_size == 0 { throw problem("the file is empty") }
        let limit = 1 << 30
        if Int(info.st_size) > limit { throw problem("the file is larger than 1 GiB") }
        var bytes = [UInt8](repeating: 0, count: max(Int(info.st_size), 4096))
        var count = 0
        while true {
            if count == bytes.count {
                if count >= limit { throw problem("the file is larger than 1 GiB") }
                bytes.append(contentsOf: repeatElement(0, count: bytes.count))
            }
            let n = bytes.withUnsafeMutableBytes { buffer in
                read(fd, buffer.baseAddress! + count, buffer.count - count)
            }
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EISDIR { throw problem("is a directory, not a data file") }
                throw problem("cannot read: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            count += n
        }
        bytes.removeSubrange(count...)
        if bytes.isEmpty { throw problem("the file is empty") }
        return bytes
    }
}
