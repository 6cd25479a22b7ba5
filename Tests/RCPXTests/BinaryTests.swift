import Testing
import Foundation
import RCPTestSupport

@Suite struct BinaryTests {
    @Test func binaryIsBuiltBesideTheTests() {
        #expect(FileManager.default.isExecutableFile(atPath: rcpxBinaryPath), "\(rcpxBinaryPath)")
    }
}
