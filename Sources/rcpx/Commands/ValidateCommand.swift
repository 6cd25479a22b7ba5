import ArgumentParser
import RCPCore

/// `rcpx validate FILE`: checks a data file and lists every problem.
struct ValidateCommand: LookupCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a data file (docs/DATA.md) and list every problem in it.",
        discussion:
            "Exits 0 when the file is valid and 65 when it has problems; the problems are the answer (stdout).\n\nFormats: \(formatList)."
    )

    static let formats: [OutputFormat] = [.text, .json]

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The data file to check.", valueName: "file"), completion: .file(extensions: ["json"]))
    var file: String

    func validate() throws { try validateFormat() }

    func run() throws {
        let look = Look.forOutput(noColor: global.noColor || global.format != .text, ascii: global.asciiOutput)
        let result: Result<Dataset, LoadError>
        do { result = .success(try DataLoader.load(path: file)) } catch { result = .failure(error) }
        switch (global.format, result) {
        case (.json, .success(let dataset)):
            Console.write(
                JSONOut.object([
                    ("file", .string(file)), ("valid", .bool(true)), ("problems", .array([])),
                    ("counts", counts(dataset)),
                ]).rendered(asciiOnly: global.asciiOutput))
        case (.json, .failure(let error)):
            Console.write(
                JSONOut.object([
                    ("file", .string(file)), ("valid", .bool(false)),
                    (
                        "problems",
                        .array(
                            error.problems.map { p in
                                .object([
                                    ("record", .string(p.record)), ("field", .string(p.field)),
                                    ("message", .string(p.message)),
                                    ("line", .int(p.line)), ("column", .int(p.column)),
                                    ("text", .string(p.description)),
                                ])
                            })
                    ),
                ]).rendered(asciiOnly: global.asciiOutput))
        case (_, .success(let dataset)):
            let summary =
                "\(file): valid: \(dataset.processes.count) processes, \(dataset.parties.count) parties, "
                + "\(dataset.mechanisms.count) mechanisms, \(dataset.practices.count) practices, "
                + "\(dataset.understandings.count) understandings"
            Console.write(look.finish(TextDocument(look).with(paragraph: summary, hanging: 2).text), styled: look.color)
        case (_, .failure(let error)):
            let count = error.problems.count == 1 ? "1 problem" : "\(error.problems.count) problems"
            var text = look.bold("\(file): \(count)") + "\n"
            for problem in error.problems { text += "  \(problem)\n" }
            Console.write(look.finish(text), styled: look.color)
        }
        if case .failure = result { throw RCPXExit.dataError }
    }

    private func counts(_ d: Dataset) -> JSONOut {
        .object([
            ("regions", .int(d.regions.count)), ("parties", .int(d.parties.count)),
            ("processes", .int(d.processes.count)), ("mechanisms", .int(d.mechanisms.count)),
            ("practices", .int(d.practices.count)), ("understandings", .int(d.understandings.count)),
        ])
    }
}
