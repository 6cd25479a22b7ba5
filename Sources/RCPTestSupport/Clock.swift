#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// RCPTestSupport: what the test targets and `rcpx-bench` share to drive the real `rcpx` (processes, pseudo-
// terminals, tmux, scratch folders) and to draw reproducible random numbers. No Foundation and no project
// module: the bench must not pay (or hide) costs the measured program does not have, and the core tests
// need none of the UI.

/// Nanoseconds on the monotonic clock.
@inline(__always)
public func nowNanoseconds() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
}

/// A small, fast, seedable generator (SplitMix64): the same numbers everywhere for a seed, so every random
/// test and fuzz run can be replayed from the seed it prints.
public struct SplitMix64: RandomNumberGenerator {
    public var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<n (0 when n ≤ 1).
    public mutating func int(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }

    /// A seed derived from `seed` and `index` (the seed of one run or part of a larger random session).
    public static func derive(_ seed: UInt64, _ index: UInt64) -> UInt64 {
        var g = SplitMix64(seed: seed ^ (index &* 0xD1B5_4A32_D192_ED03))
        return g.next()
    }
}

/// The seed of a property test: `RCPX_PROPERTY_SEED` when set (a number, or `random` for a new one each
/// run), else `fixed`, so a run in CI or on a laptop is the same run unless someone asks otherwise.
public func propertySeed(fixed: UInt64) -> UInt64 {
    guard let raw = getenv("RCPX_PROPERTY_SEED") else { return fixed }
    let value = String(String(cString: raw).filter { !$0.isWhitespace })
    if value.lowercased() == "random" {
        var g = SystemRandomNumberGenerator()
        return UInt64.random(in: 1...UInt64(UInt32.max), using: &g)
    }
    return UInt64(value) ?? fixed
}
