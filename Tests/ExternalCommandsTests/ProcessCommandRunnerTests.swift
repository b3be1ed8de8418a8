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
        // No status: the limit stopped it (a sleep that ran its course would give 0).
        let status = try await runner.run(ExternalCommand("sh", ["-c", "sleep 30"]), loggingTo: handle, timeLimit: .milliseconds(200))
        #expect(status == nil)
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
