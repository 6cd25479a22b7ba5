import ArgumentParser
import RCPCore

extension ChecklistCommand {
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge",
            abstract: "Merge two copies of one assessment item by item, reporting each item.",
            discussion: """
                Where only one copy recorded an item, it is taken. Where both recorded it differently, the later \
                change wins and the other version (status and note) is kept beside it, never lost: `rcpx checklist \
                show` lists it and `rcpx checklist resolve` chooses. --into may name a new checklist, or one of the \
                two copies (changed in place); another existing checklist needs --replace.
                """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @OptionGroup var options: ChecklistOptions

        @Argument(help: ArgumentHelp("The first copy.", valueName: "a"))
        var first: String

        @Argument(help: ArgumentHelp("The second copy.", valueName: "b"))
        var second: String

        @Option(name: .long, help: ArgumentHelp("The merged checklist's name.", valueName: "name"))
        var into: String

        @Flag(name: .long, help: "Write over an existing checklist that is neither copy.")
        var replace = false

        @Option(name: .long, help: "Output format: text or json.")
        var format: Format = .text

        func run() throws {
            let practices = try options.practices()
            let store = options.store
            let result = try ChecklistCommand.run { try store.merge(first, second, into: into, replace: replace) }
            let c = result.checklist
            let names = [first, second].map { (try? store.load($0).name) ?? $0 }
            func outcome(_ o: ChecklistMergeItem.Outcome) -> (String, String) {
                switch o {
                case .same: return ("same", "the same in both")
                case .onlyIn(let i): return (i == 0 ? "only-a" : "only-b", "only in \(names[i])")
                case .bothChanged(let t):
                    return (
                        t == 0 ? "a-later" : "b-later",
                        "both changed: \(names[t])'s later change kept, \(names[1 - t])'s kept beside it"
                    )
                }
            }
            switch format {
            case .json:
                let items: [JSONOut] = result.items.map { item in
                    let (code, _) = outcome(item.outcome)
                    let e = c.entries[item.itemID]
                    return .object([
                        ("id", .string(item.itemID)), ("outcome", .string(code)),
                        ("status", .string((e?.status ?? .notAssessed).rawValue)), ("note", .string(e?.note)),
                        (
                            "kept",
                            .array(
                                (e?.alternatives ?? []).map { a in
                                    .object([
                                        ("status", .string(a.status.rawValue)), ("note", .string(a.note)),
                                        ("source", .string(a.source)),
                                    ])
                                })
                        ),
                    ])
                }
                Console.write(
                    JSONOut.object([
                        ("merged", .string(c.name)), ("from", .strings(names)),
                        ("bothChanged", .int(result.bothChangedCount)), ("items", .array(items)),
                        (
                            "metaDifferences",
                            .array(
                                result.metaDifferences.map {
                                    .object([
                                        ("field", .string($0.field)), ("kept", .string($0.kept)),
                                        ("other", .string($0.other)),
                                    ])
                                })
                        ),
                    ]).rendered())
            case .text:
                var out =
                    "merged \"\(ChecklistCommand.safe(names[0]))\" and \"\(ChecklistCommand.safe(names[1]))\" "
                    + "into \"\(ChecklistCommand.safe(c.name))\": \(DisplayText.count(result.items.count, "item")), "
                    + "\(result.bothChangedCount) changed in both\n"
                for item in result.items {
                    let st = c.status(of: item.itemID)
                    out +=
                        "  \(options.glyph(st)) "
                        + ChecklistCommand.pad(ChecklistItemID.displayNumber(item.itemID) ?? item.itemID, 6)
                        + ChecklistCommand.safe(outcome(item.outcome).1) + "\n"
                    if case .bothChanged = item.outcome, let e = c.entries[item.itemID] {
                        out +=
                            "          now: \(st.label)" + (e.note.map { " — " + ChecklistCommand.oneLine($0) } ?? "")
                            + "\n"
                        for a in e.alternatives {
                            out +=
                                "          kept: \(a.status.label)"
                                + (a.note.map { " — " + ChecklistCommand.oneLine($0) } ?? "")
                                + " (\(ChecklistCommand.safe(a.source)))\n"
                        }
                    }
                }
                for d in result.metaDifferences {
                    out +=
                        "  \(d.field): kept \"\(ChecklistCommand.safe(d.kept))\" (the later copy's); the other "
                        + "copy had \"\(ChecklistCommand.safe(d.other))\"\n"
                }
                _ = practices
                Console.write(out)
            }
        }
    }

    /// A note on one line for lists: line breaks shown as " ⏎ ", cut to 60 characters with "…".
    static func oneLine(_ s: String, limit: Int = 60) -> String {
        let flat = s.split(whereSeparator: \.isNewline).joined(separator: " ⏎ ")
        let safe = DisplayText.safe(flat)
        return safe.count > limit ? String(safe.prefix(limit - 1)) + "…" : safe
    }
}
