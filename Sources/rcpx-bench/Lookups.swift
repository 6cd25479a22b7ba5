import RCPTestSupport

/// `rcpx state turkey --format json` and `rcpx show bali` as whole processes, against `jq` answering the
/// same questions from the same data file. The runs interleave (rcpx, jq, rcpx, jq, …) so that drift in the
/// machine's load touches both sides alike.
struct LookupBench {
    let rcpx: String
    let jq: String
    let dataFile: String
    let environment: [String]
    /// For GNU time's output file.
    let scratch: String

    /// Turkey's participations across processes (with roles), mechanisms and events, found by any of its
    /// names folded as rcpx folds them (case and punctuation).
    static let stateProgram = #"""
        def fold: ascii_downcase | gsub("[^a-z0-9]+"; " ") | ltrimstr(" ") | rtrimstr(" ");
        . as $d
        | ($q | fold) as $k
        | first($d.parties[] | select([.id, .name, .asciiName, .iso3] + (.aliases // []) | map(select(. != null) | fold) | index($k))) as $p
        | {party: $p,
           participations: [$d.processes[] as $pr | $pr.participants[] | select(.party == $p.id)
             | {process: $pr.id, processName: $pr.name, shortName: $pr.shortName, number: $pr.number,
                region: $pr.region, roles: .roles, note: .note}],
           mechanisms: [$d.mechanisms[] as $m | $m.participants[] | select(.party == $p.id)
             | {mechanism: $m.id, name: $m.name, roles: .roles, note: .note}],
           events: [$d.mechanisms[] as $m | $m.events[] | select((.partners // []) | index($p.id))
             | {event: .id, mechanism: $m.id, year: .year, title: .title}]}
        """#

    /// The Bali Process card as text: names, region, summary, participants by role (names resolved),
    /// secretariat, topics with practice headings, priorities, status, IOM's role, events, source.
    static let showProgram = #"""
        def fold: ascii_downcase | gsub("[^a-z0-9]+"; " ") | ltrimstr(" ") | rtrimstr(" ");
        . as $d
        | ($q | fold) as $k
        | first($d.processes[] | select([.id, .name, .shortName] + .aliases + [(.number // "" | tostring)] | map(fold) | index($k))) as $p
        | ($d.parties | map({key: .id, value: .name}) | from_entries) as $names
        | first($d.regions[] | select(.id == $p.region) | .name) as $region
        | "\($p.number // "-"). \($p.shortName)",
          $p.name,
          "Also: " + ($p.aliases | join("; ")),
          "Id: \($p.id)",
          "Region: \($region)",
          "Since: \($p.year // "not given")",
          "",
          $p.summary,
          "",
          "Participants",
          ($p.statedTotal | select(. != null) | "  Printed total: \(.text)"),
          ($p.participants | group_by(.roles[0]) | .[]
            | "  \(.[0].roles[0]) (\(length)): "
              + (map($names[.party] + (if (.roles | length) > 1 then " (" + (.roles[1:] | join(", ")) + ")" else "" end)
                     + (if .note then " [" + .note + "]" else "" end)) | join(", "))),
          ($p.otherParticipants // [] | .[] | "  Also: " + .),
          "",
          "Secretariat",
          "  " + $p.secretariat,
          "",
          "Main areas of discussion (with IAMM effective-practice headings)",
          ($p.topics[] | "  • \(.label) [\(.practices | map(tostring) | join(", "))]"),
          "",
          "Current priorities",
          ($p.priorities | to_entries[] | "  \(.key + 1)) \(.value)"),
          ($p.status // [] | select(length > 0) | "", "Status", (.[] | "  • " + .)),
          ($p.iomRole | select(. != null) | "", "IOM's role", "  " + .),
          "",
          "Events",
          ($d.mechanisms[] as $m | $m.events[] | select((.processes // []) | index($p.id))
            | "  • \(.date // .year) · \(.kind): \(.title)\(if .place then ", " + .place else "" end) (\($m.shortName))"),
          "",
          "Source: \($p.source)"
        """#

    struct Question {
        var name: String
        var rcpxArguments: [String]
        var jqArguments: [String]
        /// Text both answers must contain (a check that they answer the question).
        var expected: [String]
    }

    var questions: [Question] {
        [
            Question(
                name: "state", rcpxArguments: ["state", "turkey", "--format", "json"],
                jqArguments: ["--arg", "q", "turkey", Self.stateProgram, dataFile],
                expected: ["budapest", "vice-chair", "interested-state", "bali"]),
            Question(
                name: "show", rcpxArguments: ["show", "bali"],
                jqArguments: ["-r", "--arg", "q", "bali", Self.showProgram, dataFile],
                expected: ["Bali", "Australia", "Indonesia", "co-chair", "people smuggling"]),
        ]
    }

    struct Result {
        var name: String
        var rcpx: Summary
        /// rcpx reading the same file with `--data` instead of its compiled-in copy.
        var rcpxDataFile: Summary
        var jq: Summary
        /// Peak RSS by GNU time (nil without it: then `spawnMaxRSSKilobytes`, an upper bound, is all there is).
        var maxRSSKilobytes: Int?
        var jqMaxRSSKilobytes: Int?
        /// `ru_maxrss` of the children the bench spawned: includes the bench's own pages (see `peakRSSWithTime`).
        var spawnMaxRSSKilobytes: Int
        var ratio: Double { rcpx.median / jq.median }
        var ratioDataFile: Double { rcpxDataFile.median / jq.median }
    }

    /// Checks once that both sides answer (exit 0, expected text), then times `runs` interleaved runs each.
    func run(runs: Int) -> [Result] {
        questions.map { q in
            for (what, path, args) in [
                ("rcpx", rcpx, q.rcpxArguments), ("rcpx --data", rcpx, q.rcpxArguments + ["--data", dataFile]),
                ("jq", jq, q.jqArguments),
            ] {
                let r = mustRun(path, args, environment: environment, capture: true)
                let text = String(decoding: r.output, as: UTF8.self)
                guard r.exitedNormally && r.exitCode == 0 else {
                    fatal("\(what) \(q.name) failed (\(r.statusDescription)):\n\(text.prefix(2000))")
                }
                for e in q.expected where !text.contains(e) {
                    fatal(
                        "\(what) \(q.name) does not answer the question (no \"\(e)\" in its output):\n\(text.prefix(2000))"
                    )
                }
            }
            var a: [Double] = [], b: [Double] = [], c: [Double] = []
            var spawnRSS = 0
            for _ in 0..<runs {
                let r1 = mustRun(rcpx, q.rcpxArguments, environment: environment)
                let r2 = mustRun(jq, q.jqArguments, environment: environment)
                let r3 = mustRun(rcpx, q.rcpxArguments + ["--data", dataFile], environment: environment)
                a.append(milliseconds(r1.wallNanoseconds))
                b.append(milliseconds(r2.wallNanoseconds))
                c.append(milliseconds(r3.wallNanoseconds))
                spawnRSS = max(spawnRSS, r1.maxRSSKilobytes, r3.maxRSSKilobytes)
            }
            let rss = [
                peakRSSWithTime(rcpx, q.rcpxArguments, environment: environment, scratch: scratch),
                peakRSSWithTime(
                    rcpx, q.rcpxArguments + ["--data", dataFile], environment: environment, scratch: scratch),
            ]
            .compactMap { $0 }.max()
            let jqRSS = peakRSSWithTime(jq, q.jqArguments, environment: environment, scratch: scratch)
            return Result(
                name: q.name, rcpx: Summary(a), rcpxDataFile: Summary(c), jq: Summary(b),
                maxRSSKilobytes: rss, jqMaxRSSKilobytes: jqRSS, spawnMaxRSSKilobytes: spawnRSS)
        }
    }
}
