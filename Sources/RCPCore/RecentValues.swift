import Synchronization

/// Values remembered by key, up to a number of keys, for derived values that do not belong to one catalog
/// (a folded text, a fitted map view, a layout): the value for a key met again is looked up instead of made.
/// When full, it forgets everything and starts again, which keeps it simple and its memory bounded.
public final class RecentValues<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let table = Mutex<[Key: Value]>([:])
    private let capacity: Int

    public init(capacity: Int) { self.capacity = capacity }

    /// The value remembered for `key`, or the one `make` gives (then remembered).
    public func value(_ key: Key, make: () -> Value) -> Value {
        if let hit = remembered(key) { return hit }
        let made = make()
        remember(made, for: key)
        return made
    }

    /// The value remembered for `key`, if any (for a caller that cannot make it in a closure).
    public func remembered(_ key: Key) -> Value? { table.withLock { $0[key] } }

    /// Remembers `value` for `key`.
    public func remember(_ value: Value, for key: Key) {
        table.withLock { table in
            if table.count >= capacity { table.removeAll(keepingCapacity: true) }
            table[key] = value
        }
    }

    /// Forgets every value (for tests that check a value is made again the same).
    public func removeAll() { table.withLock { $0.removeAll() } }
}
