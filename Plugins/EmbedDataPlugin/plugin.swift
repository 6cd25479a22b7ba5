import Foundation
import PackagePlugin

/// Turns the target's `rcp-data.json` into a Swift source file holding it as a raw string literal,
/// so the data set is compiled into the binary. (SwiftPM's `embedInCode` writes a byte-array literal
/// that takes the type checker about 45 s for 150 KB; a string literal takes under 2 s.)
@main
struct EmbedDataPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let tool = try context.tool(named: "embed-data")
        // The file is excluded from the target's sources (SwiftPM rejects it there) and read by path.
        let input = context.package.directoryURL.appending(path: "Resources/rcp-data.json")
        let output = context.pluginWorkDirectoryURL.appending(path: "rcp-data.generated.swift")
        return [.buildCommand(
            displayName: "Embedding rcp-data.json",
            executable: tool.url,
            arguments: [input.path(percentEncoded: false), output.path(percentEncoded: false)],
            inputFiles: [input],
            outputFiles: [output]
        )]
    }
}
