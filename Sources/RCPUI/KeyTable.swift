import RCPCore

/// A key table as a value: the reducer, the help overlay and the bottom line read the one the state holds
/// (`KeyBindings.standard` unless a view was added to it), so a view's keys reach all three at once.
public struct KeyTable: Sendable {
    public let bindings: [KeyBinding]
    /// A hash of the bindings, computed once: caches of what is derived from a table key on it.
    let signature: Int

    public init(_ bindings: [KeyBinding]) {
        self.bindings = bindings
        var h = Hasher()
        h.combine(bindings)
        signature = h.finalize()
    }

    /// The table with more bindings after it (a view's own keys).
    public func adding(_ more: [KeyBinding]) -> KeyTable { KeyTable(bindings + more) }

    /// The binding `key` has in the first of `scopes` that binds it.
    public func binding(for key: Key, in scopes: [KeyScope]) -> KeyBinding? {
        for scope in scopes {
            if let b = bindings.first(where: { $0.scope == scope && $0.keys.contains(key) }) { return b }
        }
        return nil
    }

    /// The bindings of `scope`, in table order.
    public func bindings(in scope: KeyScope) -> [KeyBinding] { bindings.filter { $0.scope == scope } }

    /// The scopes in the order the table first uses them (the help overlay's sections).
    public var scopes: [KeyScope] {
        var seen = Set<KeyScope>()
        return bindings.map(\.scope).filter { seen.insert($0).inserted }
    }

    /// The first key bound to `action` in `scope`, as written ("?").
    public func firstKey(_ action: Action, in scope: KeyScope = .global, ascii: Bool = false) -> String {
        bindings.first { $0.action == action && $0.scope == scope }?.keys.first?.label(ascii: ascii) ?? ""
    }

    /// The key that focuses `pane` ("3"), the number on its tab.
    public func focusKey(_ pane: PaneID) -> String? {
        bindings.first { $0.action == .focusPane && $0.pane == pane }?.keys.first?.label()
    }

    /// The bottom-line hints for the scopes, most specific first: (first key, short label). A key already
    /// bound in a more specific scope is not offered again for a less specific one.
    public func hints(for scopes: [KeyScope], ascii: Bool = false) -> [(key: String, label: String)] {
        // Asked for by every frame's bottom line: remembered per table, scopes and ASCII mode.
        recentHints.value(HintsKey(table: signature, scopes: scopes, ascii: ascii)) {
            makeHints(for: scopes, ascii: ascii)
        }
    }

    private func makeHints(for scopes: [KeyScope], ascii: Bool) -> [(key: String, label: String)] {
        var out: [(key: String, label: String)] = []
        var seen = Set<Action>()
        var claimed = Set<Key>()
        for scope in scopes {
            for b in bindings(in: scope) {
                defer { claimed.formUnion(b.keys) }
                guard let hint = b.hint, !seen.contains(b.action), let key = b.keys.first, !claimed.contains(key)
                else { continue }
                seen.insert(b.action)
                var label = key.label(ascii: ascii)
                if b.action == .down, scope == .navigation { label = ascii ? "Up/Down" : "↑↓" }
                out.append((label, hint))
            }
        }
        return out
    }
}

/// What a table's hints depend on.
private struct HintsKey: Hashable, Sendable {
    var table: Int
    var scopes: [KeyScope]
    var ascii: Bool
}

/// The hints last worked out.
private let recentHints = RecentValues<HintsKey, [(key: String, label: String)]>(capacity: 16)
