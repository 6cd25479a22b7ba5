import RCPCore

/// Options for the interactive explorer.
struct ExplorerOptions {
    var theme: String = "default"
    var ascii: Bool = false
    var color: Bool = true
    var mouse: Bool = true
    var checklist: String? = nil
}
