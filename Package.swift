// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "rcpx",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "rcpx", targets: ["rcpx"]),
        .executable(name: "rcpx-bench", targets: ["rcpx-bench"]),
        .library(name: "RCPCore", targets: ["RCPCore"]),
        .library(name: "RCPText", targets: ["RCPText"]),
        .library(name: "RCPUI", targets: ["RCPUI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
    ],
    targets: [
        // The data set, compiled into the binary so a copied `rcpx` needs no files beside it.
        .target(
            name: "RCPData",
            path: "Resources",
            exclude: ["README.md", "rcp-data.json", "world.txt"],
            sources: ["RCPData.swift"],
            plugins: ["EmbedDataPlugin"]
        ),
        .executableTarget(name: "embed-data"),
        .plugin(name: "EmbedDataPlugin", capability: .buildTool(), dependencies: ["embed-data"]),
        // Data types, loading and validation, queries, search, checklist store. No terminal code.
        .target(name: "RCPCore", dependencies: ["RCPData"]),
        // Text for a terminal: display width, truncating and padding to a width, ASCII folding, word wrapping.
        // The command line's answers and the explorer's panes both use it.
        .target(name: "RCPText", dependencies: ["RCPCore"]),
        // UI state, key events, reducer and rendering into a grid of cells. No ncurses.
        .target(name: "RCPUI", dependencies: ["RCPCore", "RCPText"]),
        // The system ncurses library (wide-character build) and a shim for its macros.
        .systemLibrary(
            name: "CNcurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        .executableTarget(
            name: "rcpx",
            dependencies: [
                "RCPCore", "RCPText", "RCPUI", "CNcurses",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Test support, shared by the test targets and rcpx-bench (not a product): running the built `rcpx`,
        // pseudo-terminals, tmux sessions, scratch folders, seeded random numbers. Depends on no module of
        // the project, so the core tests and the bench take none of the UI with it.
        .target(name: "RCPTestSupport"),
        // The random-event harness of the UI model (the property tests and `rcpx-bench --fuzz`); RCPUI's
        // public API only.
        .target(name: "RCPUITestSupport", dependencies: ["RCPCore", "RCPUI", "RCPTestSupport"]),
        // Benchmarks and the on-demand fuzzer: `swift run -c release rcpx-bench`.
        .executableTarget(
            name: "rcpx-bench", dependencies: ["RCPCore", "RCPUI", "RCPTestSupport", "RCPUITestSupport"]),
        .testTarget(name: "RCPCoreTests", dependencies: ["RCPCore", "RCPTestSupport"], exclude: ["search-corpus.txt"]),
        .testTarget(
            name: "RCPUITests", dependencies: ["RCPUI", "RCPCore", "RCPTestSupport", "RCPUITestSupport"],
            exclude: ["Snapshots"]),
        // End-to-end: runs the built `rcpx` binary (command line and tmux).
        .testTarget(name: "RCPXTests", dependencies: ["RCPCore", "rcpx", "RCPTestSupport"]),
    ]
)
