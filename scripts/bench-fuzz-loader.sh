#!/usr/bin/env bash
# Fuzzes the data loader with libFuzzer and AddressSanitizer (not part of `swift test`): every input must load or
# be refused with problems that name the file — never a crash, a hang or a memory error.
#
#   scripts/bench-fuzz-loader.sh              60 seconds from the bundled file
#   scripts/bench-fuzz-loader.sh 600          ten minutes
#   FUZZ_ARGS="-jobs=2" scripts/bench-fuzz-loader.sh 600
#
# It compiles RCPCore's sources with `swiftc -sanitize=fuzzer,address` together with a small harness, against a
# stand-in RCPData module (the loader is fuzzed on its input, not on the compiled-in file). Crashing inputs are
# written to the work directory (printed at the end) as crash-*.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
work="${FUZZ_DIR:-/tmp/rcpx-fuzz-loader}"
mkdir -p "$work/corpus"

cat > "$work/RCPDataStub.swift" <<'EOF'
public enum BundledData {
    public static var json: [UInt8] { [] }
    public static func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R { [UInt8]().withUnsafeBufferPointer(body) }
    public static let fileName = "rcp-data.json (bundled)"
}
public enum BundledWorld {
    public static func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R { [UInt8]().withUnsafeBufferPointer(body) }
    public static let fileName = "world.txt (bundled)"
}
EOF

cat > "$work/Harness.swift" <<'EOF'
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do {
        let dataset = try DataLoader.load(bytes: bytes, file: "fuzz.json")
        // A file that loads must also make a catalog and its queries.
        let catalog = Catalog(dataset)
        _ = catalog.matrix()
        _ = catalog.search("a", limit: 5)
    } catch {
        precondition(!error.problems.isEmpty, "a refusal without a problem")
        for p in error.problems {
            precondition(p.description.hasPrefix("fuzz.json"), "a problem that does not name the file: \(p)")
        }
    }
    return 0
}
EOF

echo "fuzz-loader: building in $work" >&2
( cd "$work" && swiftc -parse-as-library -emit-module -emit-library -static -module-name RCPData \
    -emit-module-path RCPData.swiftmodule -o libRCPData.a RCPDataStub.swift )
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name RCPCoreFuzz -I "$work" \
    Sources/RCPCore/*.swift "$work/Harness.swift" "$work/libRCPData.a" -o "$work/fuzz-loader" 2>&1 \
    | grep -v "Cannot export local symbol '__asan" >&2 || true

cp Resources/rcp-data.json "$work/corpus/bundled.json"
printf '{"formatVersion":1}' > "$work/corpus/minimal.json"
cd "$work"
# shellcheck disable=SC2086
exec ./fuzz-loader corpus -max_total_time="$seconds" -max_len=400000 -timeout=10 -print_final_stats=1 ${FUZZ_ARGS:-}
