#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The command line of rcpx-bench.
let usage = """
    usage: rcpx-bench [options]            measure, print a table, then one line of JSON with every figure
           rcpx-bench --fuzz N [--seed S]  N random events against the UI model, checking its invariants
           rcpx-bench --fuzz-run SEED      replay one fuzz run from the run seed a failure printed
           rcpx-bench --write-big FILE     write the 100× data set and exit

    options:
      --runs N          runs of each start-up and lookup measurement (default 30)
      --events N        events of the scripted key-to-frame session (default 6000)
      --only LIST       some of: startup,lookups,keys,instructions,wire,memory,map (default all)
      --full            the long run: 30,000 events of the session, 2,000 of them under callgrind
      --instruction-events N   events of the session counted under callgrind (default 400)
      --rcpx PATH       the rcpx binary (default: beside rcpx-bench, i.e. the release build)
      --jq PATH         jq (default: found on PATH; install with apt-get install -y jq)
      --data-file PATH  the data file for jq and --data (default: Resources/rcp-data.json of the package)
      --quiet-ms N      output quiet this long ends a frame (default 25)
      --scale N         the large data set for key to frame: N× the processes (default 100; 0 skips it)
      --segments KEYS   only the session's segments that start with one of these keys (for profiling one
                        mode: 1 tree, 2 card, 3 matrix, 4 checklist, / search, f filter, ? help, z zoom)
    """

struct Options {
    var runs = 30
    var events = 6_000
    var only: Set<String> = ["startup", "lookups", "keys", "instructions", "wire", "memory", "map"]
    /// Events of the session counted under callgrind.
    var instructionEvents = 400
    var rcpx: String?
    var jq: String?
    var dataFile: String?
    var quietMilliseconds = 25
    var fuzz: Int?
    var fuzzRun: UInt64?
    var seed: UInt64?
    var writeBig: String?
    var scale = 100
    var segments: String?
    /// Child mode of the instruction count: replay this many events of the session and exit.
    var replaySession: Int?

    init(_ args: [String]) {
        var i = 0
        func value() -> String {
            i += 1
            guard i < args.count else { fatal("\(args[i - 1]) needs a value\n\(usage)") }
            return args[i]
        }
        func number(_ s: String) -> Int {
            guard let n = Int(s.filter { $0 != "_" }), n >= 0 else { fatal("not a number: \(s)") }
            return n
        }
        while i < args.count {
            switch args[i] {
            case "--runs": runs = max(1, number(value()))
            case "--events": events = max(1, number(value()))
            case "--only": only = Set(value().split(separator: ",").map(String.init))
            case "--rcpx": rcpx = value()
            case "--jq": jq = value()
            case "--data-file": dataFile = value()
            case "--quiet-ms": quietMilliseconds = max(1, number(value()))
            case "--fuzz":
                let v = value()
                fuzz = v.lowercased().hasPrefix("1e") ? Int(pow(10, Double(Int(v.dropFirst(2)) ?? 6))) : number(v)
            case "--fuzz-run": fuzzRun = UInt64(value()) ?? { fatal("not a seed") }()
            case "--seed": seed = UInt64(value()) ?? { fatal("not a seed") }()
            case "--write-big": writeBig = value()
            case "--scale": scale = number(value())
            case "--segments": segments = value()
            case "--replay-session": replaySession = number(value())
            case "--instruction-events": instructionEvents = max(1, number(value()))
            case "--full": events = 30_000; instructionEvents = 2_000
            case "-h", "--help": print(usage); exit(0)
            default: fatal("unknown option \(args[i])\n\(usage)")
            }
            i += 1
        }
    }
}
