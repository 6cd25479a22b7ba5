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
            out += "  revision \(checklist.revision), last change \(checklist.updated)\n\n"
            for p in practices {
                let s = checklist.status(of: p.id)
                let pr = checklist.progress(for: p)
                out += "\(options.glyph(s)) \(p.number). \(p.title) — \(s.label)"
                    + (p.items.isEmpty ? "" : "  [\(pr.assessed)/\(pr.total) assessed, \(pr.inPlace) in place]")
                    + "\n"
                if let note = checklist.note(of: p.id) { out += ChecklistCommand.noteLines(note, indent: "    ") }
                for item in p.items {
                    let st = checklist.status(of: item.id)
                    let number = ChecklistItemID.displayNumber(item.id) ?? item.id
                    out += "    \(options.glyph(st)) \(number) \(item.title) — \(st.label)\n"
                    if let note = checklist.note(of: item.id) {
                        out += ChecklistCommand.noteLines(note, indent: "        ")
                    }
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
