import Foundation
import RCPTestSupport
import Testing

@Suite struct BinaryTests {
    @Test func binaryIsBuiltBesideTheTests() {
        #expect(FileManager.default.isExecutableFile(atPath: rcpxBinaryPath), "\(rcpxBinaryPath)")
    }
}
