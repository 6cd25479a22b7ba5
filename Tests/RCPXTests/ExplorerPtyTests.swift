import Foundation
import RCPCore
import RCPTestSupport
import RCPUI
import Testing

/// The explorer in a raw pseudo-terminal: the bytes it writes (per key, against a full repaint) and mouse
/// input, which tmux cannot inject into a pane.
@Suite(.serialized) struct ExplorerPtyTests {
    static let width = 120, height = 40

    /// `rcpx` on a new pseudo-terminal of the test size (`PtyChild` of RCPTestSupport) with a scratch data
    /// folder, and the reads these tests make, in seconds.
    final class PtyExplorer {
        let child: PtyChild
        let home: String

        init(arguments: [String] = [], width: Int = ExplorerPtyTests.width, height: Int = ExplorerPtyTests.height)
            throws
        {
            home = try makeScratchDirectory("rcpx-pty")
            child = try PtyChild(
                rcpxBinaryPath, arguments, environment: explorerEnvironment(dataHome: home),
                columns: width, rows: height)
        }

        deinit { removeScratchDirectory(home) }

        /// Reads what the explorer writes: waits up to `firstByte` seconds for output to start, then reads
        /// until it has been quiet for `idle` seconds (or `limit` passes).
        func drain(firstByte: Double = 0.3, idle: Double = 0.3, limit: Double = 15) -> [UInt8] {
            child.readBurst(
                quietMilliseconds: Int(idle * 1000), timeoutMilliseconds: Int(limit * 1000),
                firstByteMilliseconds: Int(firstByte * 1000)
            ).bytes
        }

        /// The bytes one input causes: waits (patiently) for the frame to start, then for it to end.
        func response(to input: String) -> [UInt8] {
            send(input)
            return drain(firstByte: 10)
        }

        /// Waits for output containing `text`; returns everything read.
        func waitFor(_ text: String, limit: Double = 15) -> String {
            child.waitFor(text, timeoutMilliseconds: Int(limit * 1000))
        }

        func send(_ bytes: String) { child.send(bytes) }

        /// Waits for the explorer to exit; its status as a shell reports it (nil on timeout).
        func exitStatus(timeout: Double = 15) -> Int32? {
            child.waitForExit(timeoutMilliseconds: Int(timeout * 1000))?.status.shellStatus
        }
    }

    /// Where the UI draws `text` in its first frame at the test size (from RCPUI itself).
    static func firstFramePosition(of text: String) -> (x: Int, y: Int)? {
        var state = AppState(catalog: .bundled, options: UIOptions())
        _ = App.update(&state, .resize(width: width, height: height))
        let lines = App.render(state, width: width, height: height).plainText().split(
            separator: "\n", omittingEmptySubsequences: false)
        for (y, line) in lines.enumerated() {
            if let r = line.range(of: text) { return (line.distance(from: line.startIndex, to: r.lowerBound), y) }
        }
        return nil
    }

    @Test func firstFrameThenOnlyChangesAreSent() throws {
        let rcpx = try PtyExplorer()
        let first = rcpx.waitFor("Budapest")
        try #require(first.contains("Budapest"), "no first frame")
        let full = first.utf8.count + rcpx.drain().count
        #expect(full > 5_000, "a full repaint at 120×40 is \(full) bytes?")
        // A key that changes nothing on screen (Up on the first row, the second time: the first one swaps
        // the overview for the region's card) sends next to nothing.
        _ = rcpx.response(to: "k")
        rcpx.send("k")
        let idle = rcpx.drain(firstByte: 1)
        #expect(
            idle.count <= 32,
            "an unchanged frame sent \(idle.count) bytes: \(String(decoding: idle, as: UTF8.self).debugDescription)")
        // A navigation key sends a fraction of a full repaint.
        var perKey: [Int] = []
        for _ in 0..<6 { perKey.append(rcpx.response(to: "j").count) }
        #expect(perKey.allSatisfy { $0 > 0 }, "a key that moves the selection sent nothing: \(perKey)")
        #expect(perKey.allSatisfy { $0 * 4 < full }, "per key \(perKey) bytes against a full repaint of \(full)")
        rcpx.send("q")
        #expect(rcpx.exitStatus() == 0)
    }

    /// xterm's terminfo resets the character set (`ESC ( B`) with every change of look; rcpx never uses the
    /// alternate set, so the reset goes out at start (ncurses's own start-up sends one, rcpx one) and the frames
    /// after it go without.
    @Test func theCharacterSetIsResetOnceNotWithEveryChangeOfLook() throws {
        let rcpx = try PtyExplorer()
        let first = rcpx.waitFor("Budapest")
        try #require(first.contains("Budapest"), "no first frame")
        let whole = first + String(decoding: rcpx.drain(), as: UTF8.self)
        let resets = whole.components(separatedBy: "\u{1B}(B").count - 1
        #expect(resets >= 1 && resets <= 2, "\(resets) resets of the character set in the first frame")
        var keys = ""
        for k in ["j", "j", "\t", "j", "3", "z"] { keys += String(decoding: rcpx.response(to: k), as: UTF8.self) }
        #expect(keys.contains("\u{1B}["), "no attributes or moves sent")
        #expect(!keys.contains("\u{1B}(B"))
        rcpx.send("q")
        #expect(rcpx.exitStatus() == 0)
    }

    /// A resize repaints the screen once, in the new layout: before, reading the next key refreshed the
    /// resized window (the old layout) and then the erased one, each with a clear screen, before the frame.
    @Test func aResizeRepaintsOnce() throws {
        let rcpx = try PtyExplorer()
        try #require(rcpx.waitFor("Budapest").contains("Budapest"), "no first frame")
        _ = rcpx.drain()
        rcpx.child.resize(columns: 132, rows: 43)
        let repaint = String(decoding: rcpx.drain(firstByte: 10), as: UTF8.self)
        let clears = repaint.components(separatedBy: "\u{1B}[2J").count - 1
        #expect(clears == 1, "\(clears) clear screens in \(repaint.utf8.count) bytes after one resize")
        // The status line is drawn on the new last row.
        #expect(repaint.contains("\u{1B}[43;1H"), "nothing drawn on row 43")
        rcpx.send("q")
        #expect(rcpx.exitStatus() == 0)
    }

    @Test func mouseClickSelectsTheRowUnderIt() throws {
        let target = try #require(Self.firstFramePosition(of: "Budapest"), "Budapest not in the first frame")
        let rcpx = try PtyExplorer()
        try #require(rcpx.waitFor("Budapest").contains("Budapest"))
        _ = rcpx.drain()
        // xterm-256color's mouse is SGR (1006): ESC [ < button ; column ; row M (press) / m (release), 1-based.
        // Both in one write: ncurses then reports only the release, and the backend restores the press.
        rcpx.send("\u{1B}[<0;\(target.x + 1);\(target.y + 1)M\u{1B}[<0;\(target.x + 1);\(target.y + 1)m")
        let after = rcpx.waitFor("Process: Budapest")
        #expect(after.contains("Process: Budapest"), "a click on Budapest did not select it")
        // The wheel over Budapest's card (fifty members: longer than the pane) scrolls it.
        var state = AppState(catalog: .bundled, options: UIOptions())
        _ = App.update(&state, .resize(width: Self.width, height: Self.height))
        _ = App.update(&state, .mouse(.press, x: target.x, y: target.y))
        let card = try #require(state.layout.frame(of: .card)).content
        #expect(!rcpx.response(to: "\u{1B}[<65;\(card.x + 2);\(card.y + 2)M").isEmpty, "the wheel changed nothing")
        rcpx.send("q")
        #expect(rcpx.exitStatus() == 0)
    }

    /// `y` copies with OSC 52 straight to the terminal (so it works over SSH).
    @Test func copyWritesOSC52() throws {
        let rcpx = try PtyExplorer()
        try #require(rcpx.waitFor("Budapest").contains("Budapest"))
        _ = rcpx.drain()
        _ = rcpx.response(to: "j")
        rcpx.send("y")
        let out = rcpx.waitFor("\u{1B}\\", limit: 5)
        let start = try #require(out.range(of: "\u{1B}]52;c;"), "no OSC 52 after y: \(out.debugDescription)")
        let payload = out[start.upperBound...].prefix { $0 != "\u{1B}" }
        let text = Data(base64Encoded: String(payload)).flatMap { String(data: $0, encoding: .utf8) }
        #expect(text?.contains("Inter-Governmental Consultations") == true, "copied \(text ?? "nothing")")
        rcpx.send("q")
        #expect(rcpx.exitStatus() == 0)
    }

    @Test func noMouseLeavesMouseReportingOff() throws {
        let rcpx = try PtyExplorer(arguments: ["--no-mouse"])
        let first = rcpx.waitFor("Budapest")
        #expect(!first.contains("1000h") && !first.contains("\u{1B}[?1006"), "mouse reporting turned on")
        rcpx.send("q")
        #expect(rcpx.exitStatus() == 0)
        let withMouse = try PtyExplorer()
        // ESC [ ? 1006 ; 1000 h (SGR reports, button events) with xterm-256color.
        #expect(withMouse.waitFor("Budapest").contains("1000h"), "mouse reporting not turned on by default")
        withMouse.send("q")
        #expect(withMouse.exitStatus() == 0)
    }
}
