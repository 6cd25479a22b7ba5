import ArgumentParser
import RCPCore

extension ChecklistCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show a checklist: every heading and sub-heading with its status, note and progress."
        )

        @OptionGroup var options: ChecklistOptions

        @Argument(help: ArgumentHelp("The checklist's name (case does not matter).", valueName: "name"))
        var name: String

        func run() throws {
            let practices = try options.practices()
            let store = options.store
            let checklist = try ChecklistCommand.run { try store.load(name) }
            let overall = checklist.progress(overall: practices)
            var out = "\(checklist.name)\n"
            out += "  \(options.bar(overall))  \(overall.summary)\n"
            for (label, value) in ChecklistExport.metaLines(checklist.meta) {
                out += "  \(label): \(ChecklistCommand.safe(value))\n"
            }
            out += "  revision \(checklist.revision), last change \(checklist.updated)\n"
            let conflicted = checklist.conflictedItems
            if !conflicted.isEmpty {
                out +=
                    "  other versions kept for "
                    + conflicted.map { ChecklistItemID.displayNumber($0) ?? $0 }
                    .joined(separator: ", ") + ": `rcpx checklist resolve NAME ITEM` chooses\n"
            }
            out += "\n"
            func kept(_ id: String, indent: String) -> String {
                (checklist.entries[id]?.alternatives ?? []).map { a in
                    indent
                        + "also kept: \(options.glyph(a.status)) \(a.status.label) (\(ChecklistCommand.safe(a.source)))"
                        + (a.note.map { " — " + ChecklistCommand.oneLine($0) } ?? "") + "\n"
                }.joined()
            }
            for p in practices {
                let s = checklist.status(of: p.id)
                let pr = checklist.progress(for: p)
                out +=
                    "\(options.glyph(s)) \(p.number). \(p.title) — \(s.label)"
                    + (p.items.isEmpty ? "" : "  [\(pr.assessed)/\(pr.total) assessed, \(pr.inPlace) in place]")
                    + "\n"
                if let note = checklist.note(of: p.id) { out += ChecklistCommand.noteLines(note, indent: "    ") }
                out += kept(p.id, indent: "    ")
                for item in p.items {
                    let st = checklist.status(of: item.id)
                    let number = ChecklistItemID.displayNumber(item.id) ?? item.id
                    out += "    \(options.glyph(st)) \(number) \(item.title) — \(st.label)\n"
                    if let note = checklist.note(of: item.id) {
                        out += ChecklistCommand.noteLines(note, indent: "        ")
                    }
                    out += kept(item.id, indent: "        ")
                }
            }
            let orphans = checklist.orphanEntries(practices: practices)
            if !orphans.isEmpty {
                out += "\nNo longer in the data (kept as recorded):\n"
                for id in orphans {
                    let e = checklist.entries[id]!
                    out += "    \(options.glyph(e.status)) \(id) — \(e.status.label)\n"
                    if let note = e.note { out += ChecklistCommand.noteLines(note, indent: "        ") }
                }
            }
            Console.write(out)
        }
    }
}
