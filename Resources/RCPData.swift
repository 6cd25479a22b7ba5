/// The data set shipped with rcpx (`rcp-data.json` beside this file), compiled into the binary.
public enum BundledData {
    /// The UTF-8 bytes of `rcp-data.json`.
    public static var json: [UInt8] { PackageResources.rcp_data_json }
    /// The name error messages use for the bundled file.
    public static let fileName = "rcp-data.json (bundled)"
}
