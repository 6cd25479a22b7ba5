import Synchronization

/// Values the views derive from a catalog (a matrix as shown, a layout), remembered with the catalog: a few
/// per kind of key, most recently used first. A value is a function of its key and the catalog, so sharing it
/// between frames and states changes nothing but speed; keeping it here means another catalog's values
/// (another test, another data file) never push it out.
public final class DerivedValues: @unchecked Sendable {
    private let lock = Mutex(())
    /// By the key's type: (key, value) pairs, most recent first.
    private var entries: [ObjectIdentifier: [(key: AnyHashable, value: Any)]] = [:]

    init() {}

    /// The value remembered for `key`, or the one `make` gives (then remembered, with at most `keep` values
    /// of keys of this type).
    public func value<Key: Hashable & Sendable, Value>(_ key: Key, keep: Int = 8, make: () -> Value) -> Value {
        let type = ObjectIdentifier(Key.self), boxed = AnyHashable(key)
        let hit: Value? = lock.withLock { _ in
            guard var list = entries[type], let i = list.firstIndex(where: { $0.key == boxed }) else { return nil }
            let entry = list.remove(at: i)
            list.insert(entry, at: 0)
            entries[type] = list
            return entry.value as? Value
        }
        if let hit { return hit }
        let made = make()
        lock.withLock { _ in
            var list = entries[type] ?? []
            list.removeAll { $0.key == boxed }
            list.insert((boxed, made), at: 0)
            if list.count > keep { list.removeLast(list.count - keep) }
            entries[type] = list
        }
        return made
    }
}
