/// The data set shipped with rcpx (`rcp-data.json` beside this file), compiled into the binary
/// by the `EmbedDataPlugin` build tool.
public enum BundledData {
    /// The UTF-8 bytes of `rcp-data.json`.
    public static var json: [UInt8] {
        embedded_rcp_data_json.withUTF8Buffer { Array($0) }
    }
    /// Calls `body` with the bytes of `rcp-data.json` without copying them.
    public static func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        embedded_rcp_data_json.withUTF8Buffer(body)
    }
    /// The name error messages use for the bundled file.
    public static let fileName = "rcp-data.json (bundled)"
}

/// The world map shipped with rcpx (`world.txt` beside this file, written by `scripts/make-world.py`): country
/// shapes and points, UN membership in 2005 and UN sub-regions. The format is described in docs/DATA.md.
public enum BundledWorld {
    /// Calls `body` with the bytes of `world.txt` without copying them.
    public static func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        embedded_world_txt.withUTF8Buffer(body)
    }
    /// The name error messages use for the bundled file.
    public static let fileName = "world.txt (bundled)"
}
