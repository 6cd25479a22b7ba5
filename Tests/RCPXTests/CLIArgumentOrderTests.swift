import RCPTestSupport
import Testing

/// Global options may stand before the command as well as after it.
@Suite struct CLIArgumentOrderTests {
    @Test func globalOptionsBeforeTheCommandWorkLikeAfterIt() throws {
        let data = bundledDataPath
        let before = try runRcpx(["--data", data, "--format", "json", "state", "turkey"])
        let after = try runRcpx(["state", "turkey", "--data", data, "--format", "json"])
        #expect(before.status == 0, "\(before.stderr)")
        #expect(before.stdout == after.stdout)
        #expect(before.stdout.contains("\"vice-chair\""))
    }

    @Test func leadingOptionsReachNestedCommandsAndErrorsKeepTheirCodes() throws {
        let missing = try runRcpx(["--data", "/nonexistent/rcp.json", "show", "bali"])
        #expect(missing.status == 65)
        #expect(missing.stderr.contains("/nonexistent/rcp.json"))
        let ascii = try runRcpx(["--ascii", "show", "soderkoping"])
        #expect(ascii.status == 0)
        #expect(ascii.stdout.contains("Soderkoping") && ascii.stdout.utf8.allSatisfy { $0 < 0x80 })
        let usage = try runRcpx(["--format", "csv", "validate", "Resources/rcp-data.json"])
        #expect(usage.status == 64, "validate has no CSV: \(usage.stderr)")
    }
}
