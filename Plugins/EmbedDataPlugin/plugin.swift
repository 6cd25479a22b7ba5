import Foundation
import PackagePlugin

/// Turns the target's `rcp-data.json` and `world.txt` into Swift source files, each holding it as a raw string literal,
/// so the data set is compiled into the binary. (SwiftPM's `embedInCode` writes a byte-array literal
/// that takes the type checker about 45 s for 150 KB; a string literal takes under 2 s.)
@main
struct EmbedDataPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let tool = try context.tool(named: "embed-data")
        // The files are excluded from the target's sources (SwiftPM rejects them there) and read by path:
        // the data set, and the world map (Resources/world.txt, written by scripts/make-world.py).
        return ["rcp-data.json", "world.txt"].map { name in
            let input = context.package.directoryURL.appending(path: "Resources/" + name)
            let output = context.pluginWorkDirectoryURL.appending(
                path: name.replacingOccurrences(of: ".", with: "-")
                    + ".generated.swift")
            return .buildCommand(
                displayName: "Embedding " + name,
                executable: tool.url,
                arguments: [input.path(percentEncoded: false), output.path(percentEncoded: false)],
                inputFiles: [input],
                outputFiles: [output]
            )
        }
    }
}
