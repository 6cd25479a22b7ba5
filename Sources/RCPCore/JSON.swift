/// A JSON value as parsed from a data file. Objects keep their members in document order
/// (and keep duplicate keys, so the loader can report them).
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([JSONMember])

    /// The value of the first member named `key`, when this is an object.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    /// "a string", "an object", … for messages.
    public var typeDescription: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// One `"key": value` pair of a JSON object.
public struct JSONMember: Sendable, Hashable {
    public var key: String
    public var value: JSONValue
    public init(key: String, value: JSONValue) { self.key = key; self.value = value }
}

/// A syntax error with its position: 1-based line, and 1-based column counted in characters (Unicode scalars).
public struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Byte offset of the error in the input.
    public var offset: Int
    public var line: Int
    public var column: Int
    public var message: String

    public var description: String { "\(line):\(column): \(message)" }
}

/// A strict JSON parser (RFC 8259) over UTF-8 bytes.
///
/// It rejects invalid UTF-8, raw control characters in strings, unpaired surrogate escapes and nesting deeper
/// than `maxDepth`, so any byte sequence gives either a value or a `JSONSyntaxError` — never a crash.
public enum JSON {
    /// Arrays and objects may nest this deep; deeper input is an error rather than a stack overflow.
    public static let maxDepth = 256

    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
        let result: Result<JSONValue, JSONParser.Failure> = bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(buffer)
            do throws(JSONParser.Failure) {
                return .success(try parser.parseDocument())
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(let value): return value
        case .failure(let failure): throw position(of: failure, in: bytes)
        }
    }

    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        try parse(Array(text.utf8))
    }

    /// Turns a byte offset into line and column (only computed when there is an error).
    static func position(of failure: JSONParser.Failure, in bytes: [UInt8]) -> JSONSyntaxError {
        let offset = min(failure.offset, bytes.count)
        var line = 1
        var lineStart = 0
        for i in 0..<offset where bytes[i] == UInt8(ascii: "\n") {
            line += 1
            lineStart = i + 1
        }
        // Count scalars: every byte that is not a UTF-8 continuation byte starts one.
        var column = 1
        for i in lineStart..<offset where bytes[i] & 0xC0 != 0x80 { column += 1 }
        return JSONSyntaxError(offset: offset, line: line, column: column, message: failure.message)
    }
}

/// The recursive-descent parser behind `JSON.parse`. Recursion is bounded by `JSON.maxDepth`.
struct JSONParser {
    struct Failure: Error {
        var offset: Int
        var message: String
    }

    let bytes: UnsafeBufferPointer<UInt8>
    var pos = 0
    var depth = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func parseDocument() throws(Failure) -> JSONValue {
        // A UTF-8 byte order mark is tolerated.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { pos = 3 }
        skipWhitespace()
        if pos == bytes.count { throw fail("expected a JSON value, found end of input") }
        let value = try parseValue()
        skipWhitespace()
        if pos < bytes.count { throw fail("unexpected \(describeByte(at: pos)) after the JSON value") }
        return value
    }

    func fail(_ message: String, at offset: Int? = nil) -> Failure {
        Failure(offset: offset ?? pos, message: message)
    }

    mutating func skipWhitespace() {
        while pos < bytes.count {
            switch bytes[pos] {
            case 0x20, 0x0A, 0x0D, 0x09: pos += 1
            default: return
            }
        }
    }

    func describeByte(at offset: Int) -> String {
        guard offset < bytes.count else { return "end of input" }
        let b = bytes[offset]
        if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        if b < 0x20 || b == 0x7F { return "control character U+\(hex(UInt32(b), width: 4))" }
        if b == 0x20 { return "space" }
        return "byte 0x\(hex(UInt32(b), width: 2))"
    }

    mutating func parseValue() throws(Failure) -> JSONValue {
        guard pos < bytes.count else { throw fail("expected a value, found end of input") }
        switch bytes[pos] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw fail("expected a value, found \(describeByte(at: pos))")
        }
    }

    mutating func expectLiteral(_ word: StaticString) throws(Failure) {
        let start = pos
        let count = word.utf8CodeUnitCount
        let ok = pos + count <= bytes.count && (0..<count).allSatisfy { bytes[pos + $0] == word.utf8Start[$0] }
        guard ok else { throw fail("expected a value, found \(describeByte(at: start))", at: start) }
        pos += count
    }

    mutating func enter() throws(Failure) {
        depth += 1
        if depth > JSON.maxDepth { throw fail("arrays and objects nest deeper than \(JSON.maxDepth) levels") }
    }

    mutating func parseObject() throws(Failure) -> JSONValue {
        try enter()
        pos += 1  // {
        var members: [JSONMember] = []
        skipWhitespace()
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "}") {
            pos += 1
            depth -= 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard pos < bytes.count, bytes[pos] == UInt8(ascii: "\"") else {
                throw fail("expected a string key in object, found \(describeByte(at: pos))")
            }
            let key = try parseString()
            skipWhitespace()
            guard pos < bytes.count, bytes[pos] == UInt8(ascii: ":") else {
                throw fail("expected ':' after object key, found \(describeByte(at: pos))")
            }
            pos += 1
            skipWhitespace()
            let value = try parseValue()
            members.append(JSONMember(key: key, value: value))
            skipWhitespace()
            guard pos < bytes.count else { throw fail("expected ',' or '}' after object member, found end of input") }
            if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
            if bytes[pos] == UInt8(ascii: "}") { pos += 1; break }
            throw fail("expected ',' or '}' after object member, found \(describeByte(at: pos))")
        }
        depth -= 1
        return .object(members)
    }

    mutating func parseArray() throws(Failure) -> JSONValue {
        try enter()
        pos += 1  // [
        var elements: [JSONValue] = []
        skipWhitespace()
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "]") {
            pos += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            guard pos < bytes.count else { throw fail("expected ',' or ']' after array element, found end of input") }
            if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
            if bytes[pos] == UInt8(ascii: "]") { pos += 1; break }
            throw fail("expected ',' or ']' after array element, found \(describeByte(at: pos))")
        }
        depth -= 1
        return .array(elements)
    }

    /// Parses a string starting at the opening quote. Without escapes the bytes are used as they are.
    mutating func parseString() throws(Failure) -> String {
        let open = pos
        pos += 1
        let start = pos
        while pos < bytes.count {
            let b = bytes[pos]
            if b == UInt8(ascii: "\"") {
                let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
                pos += 1
                return s
            }
            if b == UInt8(ascii: "\\") { return try parseEscapedString(from: start) }
            if b < 0x20 { throw fail("control character U+\(hex(UInt32(b), width: 4)) in string (escape it)") }
            if b < 0x80 { pos += 1 } else { try skipUTF8Sequence() }
        }
        throw fail("unterminated string", at: open)
    }

    /// The slow path of `parseString`: copies bytes into a buffer, decoding escapes.
    mutating func parseEscapedString(from start: Int) throws(Failure) -> String {
        var out = Array(bytes[start..<pos])
        while pos < bytes.count {
            let b = bytes[pos]
            if b == UInt8(ascii: "\"") {
                pos += 1
                return String(decoding: out, as: UTF8.self)
            }
            if b < 0x20 { throw fail("control character U+\(hex(UInt32(b), width: 4)) in string (escape it)") }
            if b == UInt8(ascii: "\\") {
                try parseEscape(into: &out)
            } else if b < 0x80 {
                out.append(b)
                pos += 1
            } else {
                let s = pos
                try skipUTF8Sequence()
                out.append(contentsOf: bytes[s..<pos])
            }
        }
        throw fail("unterminated string")
    }

    mutating func parseEscape(into out: inout [UInt8]) throws(Failure) {
        let escapeStart = pos
        pos += 1
        guard pos < bytes.count else { throw fail("unterminated string") }
        let c = bytes[pos]
        pos += 1
        switch c {
        case UInt8(ascii: "\""): out.append(0x22)
        case UInt8(ascii: "\\"): out.append(0x5C)
        case UInt8(ascii: "/"): out.append(0x2F)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try parseHex4()
            if scalar >= 0xD800 && scalar < 0xDC00 {
                // A high surrogate must be followed by an escaped low surrogate.
                guard pos + 1 < bytes.count, bytes[pos] == UInt8(ascii: "\\"), bytes[pos + 1] == UInt8(ascii: "u")
                else { throw fail("unpaired surrogate in \\u escape", at: escapeStart) }
                pos += 2
                let low = try parseHex4()
                guard low >= 0xDC00 && low < 0xE000 else {
                    throw fail("unpaired surrogate in \\u escape", at: escapeStart)
                }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if scalar >= 0xDC00 && scalar < 0xE000 {
                throw fail("unpaired surrogate in \\u escape", at: escapeStart)
            }
            // Every value left is a valid scalar.
            out.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
        default:
            throw fail("invalid escape '\\\(describeEscaped(c))' in string", at: escapeStart)
        }
    }

    func describeEscaped(_ b: UInt8) -> String {
        b >= 0x21 && b < 0x7F ? String(Character(Unicode.Scalar(b))) : "byte 0x\(hex(UInt32(b), width: 2))"
    }

    mutating func parseHex4() throws(Failure) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard pos < bytes.count else { throw fail("expected 4 hex digits after \\u") }
            let b = bytes[pos]
            let digit: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw fail("expected 4 hex digits after \\u, found \(describeByte(at: pos))")
            }
            value = value << 4 | digit
            pos += 1
        }
        return value
    }

    /// Checks one multi-byte UTF-8 sequence at `pos` (rejecting overlong forms, surrogates and values above
    /// U+10FFFF) and moves past it.
    mutating func skipUTF8Sequence() throws(Failure) {
        let b0 = bytes[pos]
        let length: Int
        var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
        switch b0 {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upper = 0x9F
        case 0xF0: length = 4; lower = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upper = 0x8F
        default: throw fail("invalid UTF-8 (byte 0x\(hex(UInt32(b0), width: 2)))")
        }
        guard pos + length <= bytes.count else { throw fail("invalid UTF-8 (truncated sequence)") }
        let b1 = bytes[pos + 1]
        guard b1 >= lower && b1 <= upper else {
            throw fail("invalid UTF-8 (byte 0x\(hex(UInt32(b1), width: 2)))", at: pos + 1)
        }
        for i in 2..<max(2, length) where bytes[pos + i] & 0xC0 != 0x80 {
            throw fail("invalid UTF-8 (byte 0x\(hex(UInt32(bytes[pos + i]), width: 2)))", at: pos + i)
        }
        pos += length
    }

    mutating func parseNumber() throws(Failure) -> Double {
        let start = pos
        var isInteger = true
        if bytes[pos] == UInt8(ascii: "-") { pos += 1 }
        guard pos < bytes.count, isDigit(bytes[pos]) else { throw fail("invalid number: expected a digit", at: pos) }
        if bytes[pos] == UInt8(ascii: "0") {
            pos += 1
            if pos < bytes.count, isDigit(bytes[pos]) { throw fail("invalid number: leading zero", at: start) }
        } else {
            while pos < bytes.count, isDigit(bytes[pos]) { pos += 1 }
        }
        if pos < bytes.count, bytes[pos] == UInt8(ascii: ".") {
            isInteger = false
            pos += 1
            guard pos < bytes.count, isDigit(bytes[pos]) else {
                throw fail("invalid number: expected a digit after '.'")
            }
            while pos < bytes.count, isDigit(bytes[pos]) { pos += 1 }
        }
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "e") || bytes[pos] == UInt8(ascii: "E") {
            isInteger = false
            pos += 1
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "+") || bytes[pos] == UInt8(ascii: "-") { pos += 1 }
            guard pos < bytes.count, isDigit(bytes[pos]) else {
                throw fail("invalid number: expected a digit in exponent")
            }
            while pos < bytes.count, isDigit(bytes[pos]) { pos += 1 }
        }
        // Short integers (every number in the data set) are converted exactly without a detour through text.
        if isInteger && pos - start <= 16 {
            var value: Int64 = 0
            var i = start
            let negative = bytes[i] == UInt8(ascii: "-")
            if negative { i += 1 }
            while i < pos { value = value * 10 + Int64(bytes[i] - UInt8(ascii: "0")); i += 1 }
            return Double(negative ? -value : value)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
        guard let value = Double(text) else { throw fail("invalid number", at: start) }
        return value
    }

    @inline(__always) func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
}

/// Upper-case hexadecimal, zero-padded to `width`.
func hex(_ value: UInt32, width: Int) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
