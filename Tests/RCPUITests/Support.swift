import Foundation
import RCPCore
import Testing

@testable import RCPUI

/// The bundled catalog, loaded once for all tests.
let catalog = Catalog.bundled

/// A state at a size, after the first resize (as the backend sends it).
func makeState(_ width: Int = 80, _ height: Int = 24, ascii: Bool = false, theme: ThemeName = .default) -> AppState {
    var state = AppState(catalog: catalog, options: UIOptions(theme: theme, ascii: ascii, mouse: true))
    _ = App.update(&state, .resize(width: width, height: height))
    return state
}

extension AppState {
    /// Sends keys and returns all effects.
    @discardableResult
    mutating func press(_ keys: Key...) -> [Effect] {
        var effects: [Effect] = []
        for k in keys { effects += App.update(&self, .key(k)) }
        return effects
    }

    /// Types each character as a key.
    @discardableResult
    mutating func type(_ text: String) -> [Effect] {
        var effects: [Effect] = []
        for c in text { effects += App.update(&self, .key(.character(c))) }
        return effects
    }

    /// The screen as text at the state's size.
    var screen: String { App.render(self, width: width, height: height).plainText() }
}

/// Compares `text` with the snapshot file `name`.txt; with RCPX_UPDATE_SNAPSHOTS=1 writes it instead.
func assertSnapshot(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let file = dir.appendingPathComponent(name + ".txt")
    let update = ProcessInfo.processInfo.environment["RCPX_UPDATE_SNAPSHOTS"] == "1"
    if update {
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try? (text + "\n").write(to: file, atomically: true, encoding: .utf8)
        return
    }
    guard let stored = try? String(contentsOf: file, encoding: .utf8) else {
        Issue.record("missing snapshot \(name).txt — run with RCPX_UPDATE_SNAPSHOTS=1", sourceLocation: sourceLocation)
        return
    }
    if stored != text + "\n" {
        let a = stored.split(separator: "\n", omittingEmptySubsequences: false)
        let b = (text + "\n").split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        Issue.record(
            "snapshot \(name).txt differs at line \(first + 1):\nstored: \(first < a.count ? String(a[first]) : "<none>")\nnow:    \(first < b.count ? String(b[first]) : "<none>")\n\n\(text)",
            sourceLocation: sourceLocation)
    }
}
