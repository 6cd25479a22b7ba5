/// Collects problems while a JSON document is mapped to the model.
final class ProblemLog {
    let file: String
    private(set) var problems: [LoadProblem] = []
    /// `record|field` of every structural problem, so semantic checks do not report the same spot twice.
    private(set) var spots: Set<String> = []

    init(file: String) { self.file = file }

    func add(_ record: String?, _ field: String?, _ message: String) {
        problems.append(LoadProblem(file: file, record: record, field: field, message: message))
        spots.insert(Self.spot(record, field))
    }

    static func spot(_ record: String?, _ field: String?) -> String { (record ?? "") + "|" + (field ?? "") }
}

/// Reads the members of one JSON object, reporting wrong types, missing fields, duplicate and unknown keys.
///
/// Missing or mistyped values come back as a neutral default ("" / 0 / []), so mapping always continues and
/// every problem of the file is found in one pass. Call `finish()` after the last read to report unknown keys.
struct ObjectReader {
    let members: [JSONMember]
    let log: ProblemLog
    /// The record label used in problems (see `recordLabel`); may be set once the id is known.
    var record: String?
    /// Prefix for field names: "" for a top-level record, "participants[4]." inside one.
    let prefix: String
    private var used: [Bool]

    /// Nil (after reporting) when `value` is not an object.
    init?(_ value: JSONValue, log: ProblemLog, record: String?, field: String?) {
        guard case .object(let members) = value else {
            log.add(record, field, "expected an object, found \(value.typeDescription)")
            return nil
        }
        self.members = members
        self.log = log
        self.record = record
        self.prefix = field.map { $0 + "." } ?? ""
        self.used = Array(repeating: false, count: members.count)
    }

    func name(_ key: String) -> String { prefix + key }

    func problem(_ key: String, _ message: String) { log.add(record, name(key), message) }

    /// The value for `key`; nil when absent or `null`. Reports a duplicate key.
    mutating func value(_ key: String) -> JSONValue? {
        var found: JSONValue?
        for i in members.indices where members[i].key == key {
            if found != nil { problem(key, "duplicate key") }
            used[i] = true
            if found == nil { found = members[i].value }
        }
        if case .null = found { return nil }
        return found
    }

    mutating func required(_ key: String) -> JSONValue? {
        let v = value(key)
        if v == nil { problem(key, "missing required field") }
        return v
    }

    mutating func string(_ key: String) -> String { required(key).flatMap { asString($0, key) } ?? "" }

    mutating func optionalString(_ key: String) -> String? { value(key).flatMap { asString($0, key) } }

    mutating func int(_ key: String) -> Int { required(key).flatMap { asInt($0, key) } ?? 0 }

    mutating func optionalInt(_ key: String) -> Int? { value(key).flatMap { asInt($0, key) } }

    mutating func bool(_ key: String) -> Bool {
        guard let v = required(key) else { return false }
        guard case .bool(let b) = v else {
            problem(key, "expected a boolean, found \(v.typeDescription)"); return false
        }
        return b
    }

    /// The elements of an array field (an absent optional array is empty).
    mutating func array(_ key: String, required isRequired: Bool) -> [JSONValue] {
        guard let v = isRequired ? required(key) : value(key) else { return [] }
        guard case .array(let elements) = v else {
            problem(key, "expected an array, found \(v.typeDescription)")
            return []
        }
        return elements
    }

    mutating func strings(_ key: String, required isRequired: Bool) -> [String] {
        array(key, required: isRequired).enumerated().compactMap { i, v in asString(v, "\(key)[\(i)]") }
    }

    mutating func ints(_ key: String, required isRequired: Bool) -> [Int] {
        array(key, required: isRequired).enumerated().compactMap { i, v in asInt(v, "\(key)[\(i)]") }
    }

    /// A closed-vocabulary value (role, party kind, event kind).
    mutating func enumValue<T: RawRepresentable>(_ key: String, _ what: String, _ type: T.Type) -> T?
    where T.RawValue == String, T: CaseIterable {
        let raw = string(key)
        if raw.isEmpty { return nil }
        return parseEnum(raw, key, what)
    }

    func parseEnum<T: RawRepresentable>(_ raw: String, _ field: String, _ what: String) -> T?
    where T.RawValue == String, T: CaseIterable {
        if let v = T(rawValue: raw) { return v }
        let known = T.allCases.map { "\($0.rawValue)" }.joined(separator: ", ")
        problem(field, "unknown \(what) \(quoted(raw)) (expected one of: \(known))")
        return nil
    }

    func asString(_ v: JSONValue, _ field: String) -> String? {
        guard case .string(let s) = v else {
            problem(field, "expected a string, found \(v.typeDescription)"); return nil
        }
        return s
    }

    func asInt(_ v: JSONValue, _ field: String) -> Int? {
        guard case .number(let d) = v else {
            problem(field, "expected an integer, found \(v.typeDescription)"); return nil
        }
        guard d == d.rounded(), abs(d) < 1e15 else { problem(field, "expected an integer, found \(d)"); return nil }
        return Int(d)
    }

    /// Reports every key that no read asked for.
    func finish() {
        for i in members.indices where !used[i] {
            // A key read once is marked used everywhere it occurs, so this only fires for truly unknown keys.
            let key = members[i].key
            let plain = key.utf8.count <= 60 && key.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != 0x22 }
            problem(plain ? key : quoted(key), "unknown key")
        }
    }
}
