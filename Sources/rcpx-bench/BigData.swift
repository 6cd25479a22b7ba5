import RCPCore

/// Makes a larger, valid data file from the bundled one: every process cloned `processCopies` times and
/// every party `partyCopies` times, with suffixed ids, names and aliases; copy k of a process takes part
/// with copy k mod `partyCopies` of each of its parties, so every reference still resolves and every
/// stated total still adds up. Regions, mechanisms, practices and understandings stay as they are (so the
/// regions of the tree simply hold many more processes, and the matrix has many more columns and rows).
enum BigData {
    static func generate(from bytes: [UInt8], processCopies: Int, partyCopies: Int) throws -> [UInt8] {
        let root = try JSON.parse(bytes)
        guard case .object(var top) = root else { throw GenerateError("the data file is not an object") }

        func suffixID(_ id: String, _ k: Int) -> String { k == 0 ? id : "\(id)-x\(k)" }
        // "Ghana" → "Ghana Xk": a word that folds to a key no real name has.
        /// Every string of an alias list with the copy's suffix.
        func suffixedNames(_ list: [JSONValue], _ k: Int) -> JSONValue {
            .array(list.map { v in if case .string(let s) = v { return .string(suffixName(s, k)) } else { return v } })
        }

        func suffixName(_ name: String, _ k: Int) -> String { k == 0 ? name : "\(name) X\(k)" }
        let numberStride = 100

        for i in top.indices {
            switch top[i].key {
            case "parties":
                guard case .array(let parties) = top[i].value else { break }
                var out: [JSONValue] = []
                out.reserveCapacity(parties.count * partyCopies)
                for k in 0..<partyCopies {
                    for party in parties {
                        out.append(
                            mapObject(party) { key, value in
                                switch (key, value) {
                                case ("id", .string(let s)): return .string(suffixID(s, k))
                                case ("name", .string(let s)), ("asciiName", .string(let s)):
                                    return .string(suffixName(s, k))
                                case ("aliases", .array(let a)): return suffixedNames(a, k)
                                case ("iso3", _): return k == 0 ? value : .null
                                default: return value
                                }
                            })
                    }
                }
                top[i].value = .array(out)
            case "processes":
                guard case .array(let processes) = top[i].value else { break }
                var out: [JSONValue] = []
                for k in 0..<processCopies {
                    let pk = k % partyCopies
                    for process in processes {
                        // A basis names a field of the process, or one of its participants ("participants.ID",
                        // renamed with them).
                        out.append(
                            mapObject(process) { key, value in
                                switch (key, value) {
                                case ("id", .string(let s)): return .string(suffixID(s, k))
                                case ("name", .string(let s)), ("shortName", .string(let s)):
                                    return .string(suffixName(s, k))
                                case ("aliases", .array(let a)): return suffixedNames(a, k)
                                case ("number", .number(let n)): return .number(n + Double(k * numberStride))
                                case ("participants", .array(let list)):
                                    return .array(
                                        list.map { p in
                                            mapObject(p) { key, value in
                                                if key == "party", case .string(let s) = value {
                                                    return .string(suffixID(s, pk))
                                                }
                                                return value
                                            }
                                        })
                                case ("bases", .array(let list)):
                                    return .array(
                                        list.map { b in
                                            mapObject(b) { key, value in
                                                if key == "field", case .string(let s) = value,
                                                    s.hasPrefix("participants.")
                                                {
                                                    return .string(
                                                        "participants." + suffixID(String(s.dropFirst(13)), pk))
                                                }
                                                return value
                                            }
                                        })
                                case ("statedTotal", .object):
                                    return mapObject(value) { key, value in
                                        if key == "plus", case .array(let ids) = value {
                                            return .array(
                                                ids.map { v in
                                                    if case .string(let s) = v { return .string(suffixID(s, pk)) }
                                                    return v
                                                })
                                        }
                                        return value
                                    }
                                default: return value
                                }
                            })
                    }
                }
                top[i].value = .array(out)
            default:
                break
            }
        }
        return Array(JSONOut(.object(top)).renderedOnOneLine(spaced: false).utf8)
    }

    private static func mapObject(_ value: JSONValue, _ transform: (String, JSONValue) -> JSONValue) -> JSONValue {
        guard case .object(let members) = value else { return value }
        return .object(members.map { JSONMember(key: $0.key, value: transform($0.key, $0.value)) })
    }

    struct GenerateError: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }
}
