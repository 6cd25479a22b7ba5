/// One thing wrong with a data file: where it is (file, record, field) and what is wrong.
///
/// Every problem is an error: a file with any problem is not loaded. That includes unknown keys, because in a
/// hand-edited file an unknown key is almost always a misspelt known one whose value would otherwise be lost.
public struct LoadProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file name as given to the loader.
    public var file: String
    /// The record, e.g. `process "bali"`, or `processes[3]` when the record has no usable id;
    /// nil for problems with the file as a whole.
    public var record: String?
    /// The field inside the record, e.g. `participants[4].party`; nil when the whole record is meant.
    public var field: String?
    public var message: String
    /// Position for syntax errors (1-based line and column); nil for problems found after parsing.
    public var line: Int?
    public var column: Int?

    public init(
        file: String, record: String? = nil, field: String? = nil, message: String,
        line: Int? = nil, column: Int? = nil
    ) {
        self.file = file; self.record = record; self.field = field; self.message = message
        self.line = line; self.column = column
    }

    /// `rcp-data.json: process "bali": participants[4].party: unknown party "atlantis"`, or
    /// `rcp-data.json:12:7: expected ',' or '}' after object member` for a syntax error.
    public var description: String {
        var text = file
        if let line, let column { text += ":\(line):\(column)" }
        if let record { text += ": " + record }
        if let field { text += ": " + field }
        return text + ": " + message
    }
}

/// A data file that could not be loaded, with every problem found in it.
public struct LoadError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    /// Never empty.
    public var problems: [LoadProblem]

    public init(file: String, problems: [LoadProblem]) { self.file = file; self.problems = problems }

    /// One line per problem, after a heading that counts them.
    public var description: String {
        let heading =
            problems.count == 1
            ? "\(file): 1 problem" : "\(file): \(problems.count) problems"
        return ([heading] + problems.map { "  " + $0.description }).joined(separator: "\n")
    }
}

/// How problems name records: `process "bali"` when the id is usable, else `processes[3]`.
func recordLabel(_ kind: String, plural: String, id: String, index: Int) -> String {
    id.isEmpty ? "\(plural)[\(index)]" : "\(kind) \(quoted(id))"
}

/// A value of the file for a message: in double quotes, control characters escaped, at most 60 characters.
func quoted(_ s: String) -> String {
    var out = "\""
    for (i, scalar) in s.unicodeScalars.enumerated() {
        if i == 60 { out += "…"; break }
        if scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0) {
            out += "\\u{\(hex(scalar.value, width: 2))}"
        } else {
            out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}
