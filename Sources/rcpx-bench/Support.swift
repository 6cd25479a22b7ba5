import RCPCore
import RCPTestSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Statistics and output for the benchmark (the clock and the random numbers are RCPTestSupport's). No
// Foundation: the bench should not pay (or hide) costs the measured program does not have.

func milliseconds(_ ns: UInt64) -> Double { Double(ns) / 1_000_000 }

/// Median, p99 and max of a sample (nearest-rank percentiles).
struct Summary {
    var count: Int
    var median: Double
    var p99: Double
    var max: Double
    var mean: Double

    init(_ values: [Double]) {
        let sorted = values.sorted()
        count = sorted.count
        func rank(_ p: Double) -> Double {
            guard !sorted.isEmpty else { return 0 }
            let r = Int((p * Double(sorted.count)).rounded(.up)) - 1
            return sorted[Swift.min(Swift.max(0, r), sorted.count - 1)]
        }
        median =
            sorted.isEmpty
            ? 0
            : (sorted.count % 2 == 1
                ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2)
        p99 = rank(0.99)
        max = sorted.last ?? 0
        mean = sorted.isEmpty ? 0 : sorted.reduce(0, +) / Double(sorted.count)
    }
}

/// Prints to standard error (progress; standard output carries the table and the JSON line).
func note(_ text: String) {
    var line = text + "\n"
    line.withUTF8 { buffer in _ = write(2, buffer.baseAddress, buffer.count) }
}

/// A number with `digits` decimals (no Foundation `String(format:)`).
func fixed(_ value: Double, _ digits: Int) -> String {
    guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let negative = value < 0
    let scaled = (abs(value) * scale).rounded()
    guard scaled < 9e15 else { return String(value) }
    let n = UInt64(scaled)
    var whole = String(n / UInt64(scale))
    if negative && n != 0 { whole = "-" + whole }
    guard digits > 0 else { return whole }
    var frac = String(n % UInt64(scale))
    while frac.count < digits { frac = "0" + frac }
    return whole + "." + frac
}

func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
    let n = s.count
    if n >= width { return s }
    let fill = String(repeating: " ", count: width - n)
    return right ? fill + s : s + fill
}

/// The figures of a run, in the order they were added: the JSON line at the end prints them all.
struct Figures {
    enum Value {
        case number(Double, digits: Int)
        case integer(Int)
        case text(String)
        case bool(Bool)
    }

    private(set) var entries: [(key: String, value: Value)] = []

    mutating func set(_ key: String, _ value: Double, digits: Int = 3) {
        put(key, .number(value, digits: digits))
    }
    mutating func set(_ key: String, _ value: Int) { put(key, .integer(value)) }
    mutating func set(_ key: String, _ value: String) { put(key, .text(value)) }
    mutating func set(_ key: String, _ value: Bool) { put(key, .bool(value)) }

    private mutating func put(_ key: String, _ value: Value) {
        if let i = entries.firstIndex(where: { $0.key == key }) {
            entries[i].value = value
        } else {
            entries.append((key, value))
        }
    }

    func number(_ key: String) -> Double? {
        guard let v = entries.first(where: { $0.key == key })?.value else { return nil }
        switch v {
        case .number(let d, _): return d
        case .integer(let i): return Double(i)
        default: return nil
        }
    }

    /// One line of JSON.
    func json() -> String {
        var out = "{"
        for (i, e) in entries.enumerated() {
            if i > 0 { out += "," }
            out += JSONOut.quoted(e.key) + ":"
            switch e.value {
            case .number(let d, let digits): out += d.isFinite ? fixed(d, digits) : "null"
            case .integer(let n): out += String(n)
            case .text(let s): out += JSONOut.quoted(s)
            case .bool(let b): out += b ? "true" : "false"
            }
        }
        return out + "}"
    }
}

/// A row of the results table: what was measured, the figures, the target and whether it is met.
struct TableRow {
    var measure: String
    var median: String
    var p99: String
    var extra: String
    var target: String
    /// nil: no target.
    var met: Bool?
}

func printTable(_ rows: [TableRow]) {
    let headers = TableRow(measure: "measure", median: "median", p99: "p99", extra: "other", target: "target", met: nil)
    let all = [headers] + rows
    let w0 = all.map { $0.measure.count }.max() ?? 0
    let w1 = all.map { $0.median.count }.max() ?? 0
    let w2 = all.map { $0.p99.count }.max() ?? 0
    let w3 = all.map { $0.extra.count }.max() ?? 0
    let w4 = all.map { $0.target.count }.max() ?? 0
    func line(_ r: TableRow, _ verdict: String) -> String {
        pad(r.measure, w0) + "  " + pad(r.median, w1, right: true) + "  " + pad(r.p99, w2, right: true) + "  "
            + pad(r.extra, w3) + "  " + pad(r.target, w4) + "  " + verdict
    }
    print(line(headers, "verdict"))
    print(String(repeating: "-", count: w0 + w1 + w2 + w3 + w4 + 18))
    for r in rows {
        print(line(r, r.met.map { $0 ? "met" : "MISSED" } ?? ""))
    }
}
