import RCPCore
import RCPTestSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Finding the package, the binaries and files; reading and writing them; the generated data set.

func fileExists(_ path: String, directory: Bool = false) -> Bool {
    var st = stat()
    guard stat(path, &st) == 0 else { return false }
    return directory ? (st.st_mode & S_IFMT) == S_IFDIR : (st.st_mode & S_IFMT) == S_IFREG
}

func currentDirectory() -> String {
    guard let p = getcwd(nil, 0) else { return "." }
    defer { free(p) }
    return String(cString: p)
}

/// The package root: the first folder holding Resources/rcp-data.json, from the executable up, then from here up.
func packageRoot() -> String? {
    for start in [executableDirectory(), currentDirectory()] {
        var dir = start
        while true {
            if fileExists(dir + "/Resources/rcp-data.json") && fileExists(dir + "/Package.swift") { return dir }
            if dir == "/" || dir.isEmpty { break }
            dir = parentDirectory(dir)
        }
    }
    return nil
}

func which(_ name: String) -> String? {
    guard let path = getenv("PATH") else { return nil }
    for dir in String(cString: path).split(separator: ":") {
        let candidate = "\(dir)/\(name)"
        if access(candidate, X_OK) == 0 { return candidate }
    }
    return nil
}

func readBytes(_ path: String) -> [UInt8] {
    guard let f = fopen(path, "rb") else { fatal("cannot read \(path): \(String(cString: strerror(errno)))") }
    defer { fclose(f) }
    var out: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = fread(&buffer, 1, buffer.count, f)
        if n <= 0 { break }
        out += buffer[0..<n]
    }
    return out
}

func writeBytes(_ bytes: [UInt8], to path: String) {
    guard let f = fopen(path, "wb") else { fatal("cannot write \(path): \(String(cString: strerror(errno)))") }
    _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, f) }
    fclose(f)
}

/// A scratch folder for the run (removed at the end with `removeScratchDirectory`).
func makeTemporaryDirectory() -> String {
    do { return try makeScratchDirectory("rcpx-bench") } catch { fatal("cannot make a scratch folder: \(error)") }
}

/// The 100× data set: ~1,800 processes and ~15,000 parties, loaded and validated like any data file.
func bigData(from bytes: [UInt8], processCopies: Int = 100, partyCopies: Int = 70) -> (
    bytes: [UInt8], catalog: Catalog, loadMilliseconds: Double
) {
    let big: [UInt8]
    do { big = try BigData.generate(from: bytes, processCopies: processCopies, partyCopies: partyCopies) } catch {
        fatal("cannot generate the big data set: \(error)")
    }
    let t0 = nowNanoseconds()
    let dataset: Dataset
    do { dataset = try DataLoader.load(bytes: big, file: "big.json") } catch {
        fatal("the generated data set is invalid (a bug in the generator):\n\(String(describing: error).prefix(3000))")
    }
    let catalog = Catalog(dataset)
    return (big, catalog, milliseconds(nowNanoseconds() - t0))
}
