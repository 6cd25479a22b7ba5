import RCPCore
import RCPTestSupport
import RCPUI
import RCPUITestSupport

/// `rcpx-bench --fuzz N [--seed S]`: N random key, mouse, resize and checklist events against the UI model, in
/// runs of 200 to 5,000 events that each start from a fresh random state: the harness of the property tests
/// (`RandomSession` of RCPUITestSupport), with every frame rendered and checked and a 10× data set among the
/// data sets. The first failure prints the seed, the run's seed (`--fuzz-run` replays that run alone) and the
/// event trail, and exits 1.
struct Fuzzer {
    let catalogs: [(name: String, catalog: Catalog)]

    /// The harness's data sets, and `bigger` (the 10× data set) when given.
    static func catalogs(bigger: Catalog?) -> [(name: String, catalog: Catalog)] {
        RandomSession.standardDatasets + (bigger.map { [("10x", $0)] } ?? [])
    }

    /// Runs `events` events in total from `seed`; prints progress to stderr and a summary to stdout.
    func fuzz(events total: Int, seed: UInt64) -> Int32 {
        let started = nowNanoseconds()
        var done = 0, runs = 0, renders = 0, escChecks = 0
        var nextReport = min(total, 100_000)
        while done < total {
            let runSeed = SplitMix64.derive(seed, UInt64(runs))
            let budget = min(total - done, Self.runLength(runSeed))
            var session = RandomSession(seed: runSeed, datasets: catalogs, renderEveryFrame: true)
            if let failure = session.play(events: budget, restarts: false) {
                report(failure, session: session, seed: seed, runSeed: runSeed, run: runs)
                return 1
            }
            done += budget; runs += 1; renders += session.rendered; escChecks += session.escapeChecks
            if done >= nextReport {
                let seconds = Double(nowNanoseconds() - started) / 1e9
                note("fuzz: \(done) / \(total) events, \(runs) runs, \(fixed(seconds, 1)) s")
                nextReport = min(total, nextReport + 100_000)
            }
        }
        let seconds = Double(nowNanoseconds() - started) / 1e9
        print(
            "fuzz: \(done) events in \(runs) runs from seed \(seed): no crash, every grid the asked size, "
                + "every invariant held (\(renders) renders, \(escChecks) Esc checks) in \(fixed(seconds, 1)) s")
        return 0
    }

    /// How many events a run has: 200 to 5,000.
    static func runLength(_ runSeed: UInt64) -> Int {
        var g = SplitMix64(seed: runSeed ^ 0x5EED)
        return 200 + Int(g.next() % 4800)
    }

    func report(_ failure: String, session: RandomSession, seed: UInt64, runSeed: UInt64, run: Int) {
        print(
            "fuzz: FAILED in run \(run) (seed \(seed), run seed \(runSeed); replay this run alone with "
                + "`rcpx-bench --fuzz-run \(runSeed)`)")
        print("data: \(session.dataName); options: \(session.optionsLabel)")
        print("  problem: \(failure)")
        let shown = min(session.trail.count, 300)
        print("event trail (\(session.trail.count) events\(session.trail.count > shown ? ", the last \(shown)" : "")):")
        print(session.trailReport(last: shown))
    }

    /// Replays one run (from the run seed a failure printed) and reports like `fuzz`.
    func replay(runSeed: UInt64) -> Int32 {
        let count = Self.runLength(runSeed)
        var session = RandomSession(seed: runSeed, datasets: catalogs, renderEveryFrame: true)
        if let failure = session.play(events: count, restarts: false) {
            report(failure, session: session, seed: 0, runSeed: runSeed, run: 0)
            return 1
        }
        print("fuzz-run \(runSeed): \(count) events, every invariant held")
        return 0
    }
}
