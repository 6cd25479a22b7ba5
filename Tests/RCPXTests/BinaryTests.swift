import Testing
import Foundation

@Suite struct BinaryTests {
    @Test func binaryIsBuiltBesideTheTests() {
        #expect(FileManager.default.isExecutableFile(atPath: RcpxBinary.path), "\(RcpxBinary.path)")
    }
}
