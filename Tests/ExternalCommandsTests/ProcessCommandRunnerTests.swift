import ExternalCommands
import Foundation
import Testing

@Suite("running other programs")
struct ProcessCommandRunnerTests {
    private let runner = ProcessCommandRunner(path: "/usr/bin:/bin")

    /// A log file for a timed run, and its handle.
    private func log() throws -> (URL, FileHandle) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-command-log-\(UUID().uuidString)")
        try Data().write(to: url)
        return (url, try FileHandle(forWritingTo: url))
    }

    @Test("a run to completion returns the status, both outputs, and reads its input")
    func capturedRun() throws {
        let result = try runner.run(ExternalCommand("sh", ["-c", "cat; echo oops >&2; exit 3"], input: "hello"))
        #expect(result == CommandResult(status: 3, output: "hello", errorOutput: "oops\n"))
        #expect(try runner.run(ExternalCommand("no-such-program-here", [])).status == 127)
    }

    @Test("a program still open for writing (text file busy) is started once the writer lets go")
    func textFileBusy() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-busy-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: url) }
        FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o755])
        let writer = try FileHandle(forWritingTo: url)
        try writer.write(contentsOf: Data("#!/bin/sh\necho started\n".utf8))
        // Held open as a forked child would hold it until its exec; let go 50 ms later.
        let release = Thread {
            usleep(50_000)
            try? writer.close()
        }
        release.start()
        let result = try runner.run(ExternalCommand(url.path, []))
        #expect(result == CommandResult(status: 0, output: "started\n", errorOutput: ""))
    }

    @Test("a command's environment replaces the inherited one")
    func environment() throws {
        let result = try runner.run(ExternalCommand("/bin/sh", ["-c", "echo \"$ONLY:${HOME:-unset}\""], environment: ["ONLY": "this"]))
        #expect(result.output == "this:unset\n")
    }

    @Test("a program on the terminal returns its status; one that does not exist is an error, not a status")
    func onTerminal() throws {
        #expect(try runner.runOnTerminal(ExternalCommand("sh", ["-c", "exit 4"])) == 4)
        #expect(throws: ExternalCommandError.notFound(program: "no-such-editor")) {
            try runner.runOnTerminal(ExternalCommand("no-such-editor", []))
        }
    }

    @Test("a timed run logs its output and returns its status")
    func timedRun() async throws {
        let (url, handle) = try log()
        defer { try? FileManager.default.removeItem(at: url) }
        let status = try await runner.run(ExternalCommand("sh", ["-c", "echo out; echo err >&2; exit 2"]), loggingTo: handle, timeLimit: .seconds(20))
        try handle.close()
        #expect(status == 2)
        #expect(try String(contentsOf: url, encoding: .utf8) == "out\nerr\n")
    }

    @Test("a timed run past its limit is killed, with the children it leads")
    func timeLimit() async throws {
        let (url, handle) = try log()
        defer { try? FileManager.default.removeItem(at: url) }
        // The shell starts a child of its own and names it (5 s leave a busy run time to); a run
        // that waited for it would end with status 0 after 30 s, so nil proves the limit stopped it. The wall clock is not
        // asserted: a busy test run can delay this task's resumption, not the kill.
        let status = try await runner.run(ExternalCommand("sh", ["-c", "sleep 30 & echo $!; wait"]), loggingTo: handle, timeLimit: .seconds(5))
        try handle.close()
        #expect(status == nil)
        let logged = try String(contentsOf: url, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let child = try #require(pid_t(logged), "the shell did not name its child: \(logged)")
        #expect(await Self.isGone(child), "the shell's child \(child) outlived the time limit")
    }

    /// Whether `processID` has ended (exited, or a zombie awaiting its reaper) within a generous wait.
    private static func isGone(_ processID: pid_t) async -> Bool {
        for _ in 0..<200 {
            if kill(processID, 0) != 0 { return true }
            if let stat = try? String(contentsOfFile: "/proc/\(processID)/stat", encoding: .utf8),
               let state = stat.split(separator: ")").last?.split(separator: " ").first, state == "Z" { return true }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return false
    }

    @Test("cancelling the task stops a timed run")
    func cancellation() async throws {
        let (url, handle) = try log()
        defer { try? FileManager.default.removeItem(at: url) }
        let run = Task { try await runner.run(ExternalCommand("sleep", ["30"]), loggingTo: handle, timeLimit: .seconds(60)) }
        try await Task.sleep(for: .milliseconds(100))
        run.cancel()
        await #expect(throws: CancellationError.self) { try await run.value }
    }
}
