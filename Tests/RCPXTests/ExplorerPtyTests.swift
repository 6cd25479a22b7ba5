import Testing
import Foundation
import CNcurses
import RCPCore
import RCPUI

/// The explorer in a raw pseudo-terminal: the bytes it writes (per key, against a full repaint) and mouse
/// input, which tmux cannot inject into a pane.
@Suite(.serialized) struct ExplorerPtyTests {
    static let width = 120, height = 40

    /// `rcpx` on the slave side of a new pseudo-terminal (its controlling terminal), TERM=xterm-256color.
    final class PtyExplorer {
        let master: Int32
        let pid: pid_t
        let home: URL

        init(arguments: [String] = [], width: Int = ExplorerPtyTests.width, height: Int = ExplorerPtyTests.height) throws {
            home = FileManager.default.temporaryDirectory.appendingPathComponent("rcpx-pty-\(getpid())-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
            var name = [CChar](repeating: 0, count: 256)
            let m = rcpx_open_pty(Int32(height), Int32(width), &name, name.count)
            guard m >= 0 else {
                throw NSError(domain: "pty", code: 1, userInfo: [NSLocalizedDescriptionKey: "no pseudo-terminal"])
            }
            master = m
            let slavePath = String(cString: name)

            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            // After setsid, opening the slave makes it the controlling terminal.
            posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
            posix_spawn_file_actions_adddup2(&actions, 0, 1)
            posix_spawn_file_actions_adddup2(&actions, 0, 2)
            posix_spawn_file_actions_addclose(&actions, m)
            var attr = posix_spawnattr_t()
            posix_spawnattr_init(&attr)
            defer { posix_spawnattr_destroy(&attr) }
            var none = sigset_t()
            sigemptyset(&none)
            posix_spawnattr_setsigmask(&attr, &none)
            posix_spawnattr_setflags(&attr, rcpx_posix_spawn_setsid() | Int16(POSIX_SPAWN_SETSIGMASK))

            var env = ProcessInfo.processInfo.environment
            env["TERM"] = "xterm-256color"
            env["LANG"] = "C.UTF-8"
            env["LC_ALL"] = nil
            env["NO_COLOR"] = nil
            env["RCPX_DATA_HOME"] = home.path
            env["TMUX"] = nil
            let argv = [RcpxBinary.path] + arguments
            var cargv: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
            var cenv: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
            defer { for p in cargv + cenv { free(p) } }
            var child: pid_t = 0
            let rc = posix_spawn(&child, argv[0], &actions, &attr, &cargv, &cenv)
            guard rc == 0 else {
                close(m)
                throw NSError(domain: "pty", code: Int(rc), userInfo: [NSLocalizedDescriptionKey: "spawn failed"])
            }
            pid = child
        }

        deinit {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            close(master)
            try? FileManager.default.removeItem(at: home)
        }

        /// Reads what the explorer writes: waits up to `firstByte` seconds for output to start, then reads
        /// until it has been quiet for `idle` seconds (or `limit` passes).
        func drain(firstByte: Double = 0.3, idle: Double = 0.3, limit: Double = 15) -> [UInt8] {
            var out: [UInt8] = []
            let deadline = Date().addingTimeInterval(limit)
            var buffer = [UInt8](repeating: 0, count: 65536)
            while Date() < deadline {
                var pfd = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
                let r = poll(&pfd, 1, Int32((out.isEmpty ? firstByte : idle) * 1000))
                if r <= 0 { break }
                let n = read(master, &buffer, buffer.count)
                if n <= 0 { break }
                out += buffer[..<n]
            }
            return out
        }

        /// The bytes one input causes: waits (patiently) for the frame to start, then for it to end.
        func response(to input: String) -> [UInt8] {
            send(input)
            return drain(firstByte: 10)
        }

        /// Waits for output containing `text`; returns everything read.
        func waitFor(_ text: String, limit: Double = 15) -> String {
            var all: [UInt8] = []
            let deadline = Date().addingTimeInterval(limit)
            while Date() < deadline {
                all += drain(idle: 0.1, limit: 0.5)
                if String(decoding: all, as: UTF8.self).contains(text) { break }
            }
            return String(decoding: all, as: UTF8.self)
        }

        func send(_ bytes: String) {
            let data = Array(bytes.utf8)
            _ = data.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
        }

        /// Waits for the explorer to exit; its status (nil on timeout).
        func exitStatus(timeout: Double = 15) -> Int32? {
            let deadline = Date().addingTimeInterval(timeout)
            while Date() < deadline {
                _ = drain(idle: 0.05, limit: 0.1)
                var status: Int32 = 0
                if waitpid(pid, &status, WNOHANG) == pid {
                    return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
                }
            }
            return nil
        }
    }

    /// Where the UI draws `text` in its first frame at the test size (from RCPUI itself).
    static func firstFramePosition(of text: String) -> (x: Int, y: Int)? {
        var state = AppState(catalog: .bundled, options: UIOptions())
        _ = App.update(&state, .resize(width: width, height: height))
        let lines = App.render(state, width: width, height: height).plainText().split(separator: "\n", omittingEmptySubsequences: false)
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
        #expect(idle.count <= 32, "an unchanged frame sent \(idle.count) bytes: \(String(decoding: idle, as: UTF8.self).debugDescription)")
        // A navigation key sends a fraction of a full repaint.
        var perKey: [Int] = []
        for _ in 0..<6 { perKey.append(rcpx.response(to: "j").count) }
        #expect(perKey.allSatisfy { $0 > 0 }, "a key that moves the selection sent nothing: \(perKey)")
        #expect(perKey.allSatisfy { $0 * 4 < full }, "per key \(perKey) bytes against a full repaint of \(full)")
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
        // The wheel scrolls (something changes on screen).
        #expect(!rcpx.response(to: "\u{1B}[<65;\(target.x + 1);\(target.y + 1)M").isEmpty, "the wheel changed nothing")
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
