import ArgumentParser
import RCPCore

extension ChecklistCommand {
    struct Meta: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "meta",
            abstract: "Show or set whose assessment a checklist is and when: subject, date, facilitator, participants.",
            discussion: """
                Without options, prints the workshop facts. --subject is looked up like `rcpx state` (a state or \
                territory), then like `rcpx show` (a process); a name that fits several records is refused \
                (exit 1) with the candidates; a name that fits none is kept as free text, and rcpx says so \
                (--free-text keeps it as text without looking it up). --date is YYYY-MM-DD. An empty value \
                ("") clears a field.
                """
        )

        @OptionGroup var target: NamedChecklist

        @Option(name: .long, help: ArgumentHelp("A state, territory or process, or free text.", valueName: "subject"))
        var subject: String?

        @Flag(name: .long, help: "Keep --subject as free text, without looking it up in the data.")
        var freeText = false

        @Option(name: .long, help: ArgumentHelp("The workshop date, YYYY-MM-DD.", valueName: "date"))
        var date: String?

        @Option(name: .long, help: ArgumentHelp("Who ran the workshop.", valueName: "text"))
        var facilitator: String?

        @Option(name: .long, help: ArgumentHelp("Who took part (free text).", valueName: "text"))
        var participants: String?

        func validate() throws {
            if let date, let d = ChecklistMeta.clean(date), let problem = ChecklistMeta.dateProblem(d) {
                throw ValidationError("--date \(DisplayText.excerpt(date)): \(problem).")
            }
        }

        func run() throws {
            let options = target.options, name = target.name
            let store = target.store
            var newSubject: ChecklistSubject?? = nil  // nil: unchanged; .some(nil): cleared
            if let subject {
                if let text = ChecklistMeta.clean(subject) {
                    if freeText {
                        newSubject = .some(.text(text))
                    } else {
                        switch try options.catalog().resolveSubject(text) {
                        case .record(let s): newSubject = .some(s)
                        case .ambiguous(let names):
                            Console.error(
                                "\"\(DisplayText.excerpt(text))\" could mean: "
                                    + names.prefix(8).joined(separator: ", ")
                                    + ". Give the full name, or --free-text to keep it as text.")
                            throw RCPXExit.notFound
                        case .freeText(let s):
                            Console.error(
                                "note: \"\(DisplayText.excerpt(text))\" is not a state, territory or "
                                    + "process of the data; kept as free text.")
                            newSubject = .some(s)
                        }
                    }
                } else {
                    newSubject = .some(nil)
                }
            }
            let changing = subject != nil || date != nil || facilitator != nil || participants != nil
            let checklist: Checklist
            if changing {
                let result = try ChecklistCommand.run {
                    try store.update(name) { c in
                        if let newSubject { c.meta.subject = newSubject }
                        if let date { c.meta.date = ChecklistMeta.clean(date) }
                        if let facilitator { c.meta.facilitator = ChecklistMeta.clean(facilitator) }
                        if let participants { c.meta.participants = ChecklistMeta.clean(participants) }
                    }
                }
                checklist = result.checklist
            } else {
                checklist = try target.load()
            }
            var out = "\(ChecklistCommand.safe(checklist.name))\n"
            let lines = ChecklistExport.metaLines(checklist.meta)
            if lines.isEmpty { out += "  no subject, date, facilitator or participants recorded\n" }
            for (label, value) in lines {
                out += "  " + ChecklistCommand.pad(label + ":", 15) + ChecklistCommand.safe(value) + "\n"
            }
            Console.write(out)
        }
    }
}
