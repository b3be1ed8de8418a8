import Foundation
import Locking

/// An external program to run: a program name looked up on `PATH` (or an absolute path), its
/// arguments, optional stdin and environment.
public struct ExternalCommand: Sendable, Equatable, CustomStringConvertible {
    public let program: String
    public let arguments: [String]
    /// Written to the program's standard input, which is then closed; nil leaves stdin empty.
    public let input: String?
    /// The program's whole environment; nil inherits this process's.
    public let environment: [String: String]?

    public init(_ program: String, _ arguments: [String], input: String? = nil, environment: [String: String]? = nil) {
        self.program = program
        self.arguments = arguments
        self.input = input
        self.environment = environment
    }

    /// The command as a shell line, for messages and `--dry-run`.
    public var description: String {
        ([program] + arguments).map(ShellQuoting.quoted).joined(separator: " ")
    }
}

/// What a finished program returned.
public struct CommandResult: Sendable, Equatable {
    public let status: Int32
    public let output: String
    public let errorOutput: String

    public init(status: Int32, output: String = "", errorOutput: String = "") {
        self.status = status
        self.output = output
        self.errorOutput = errorOutput
    }

    public var succeeded: Bool { status == 0 }
}

/// Runs the programs the scheduler needs (`systemctl`, `crontab`, `launchctl`, `loginctl`) and finds
/// programs on `PATH`. Tests inject a fake so no real crontab or user manager is touched.
public protocol CommandRunner: Sendable {
    /// The absolute path of `program` on `PATH`, or nil when it is not installed.
    func locate(_ program: String) -> String?
    /// Runs `command` to completion. Throws only when it cannot be started; a failure status is a result.
    func run(_ command: ExternalCommand) throws -> CommandResult
}

/// Runs programs as child processes, looking them up on the `PATH` it was given.
public struct ProcessCommandRunner: CommandRunner {
    private let searchPath: [String]

    /// `path` is a colon-separated `PATH` value; relative entries are ignored.
    public init(path: String) {
        searchPath = path.split(separator: ":").map(String.init).filter { $0.hasPrefix("/") }
    }

    public func locate(_ program: String) -> String? {
        if program.hasPrefix("/") { return FileManager.default.isExecutableFile(atPath: program) ? program : nil }
        for directory in searchPath {
            let candidate = directory.hasSuffix("/") ? directory + program : directory + "/" + program
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    public func run(_ command: ExternalCommand) throws -> CommandResult {
        guard let executable = locate(command.program) else {
            return CommandResult(status: 127, errorOutput: "\(command.program): not found on PATH")
        }
        let input = Pipe()
        let output = Pipe()
        let errorOutput = Pipe()
        let process = try ProcessStart.run {
            let process = Self.process(command, executable: executable)
            process.standardInput = input
            process.standardOutput = output
            process.standardError = errorOutput
            return process
        }
        // stdin and stderr are served on their own threads so that no pipe can fill up and stall the child.
        let inputData = Data((command.input ?? "").utf8)
        let writer = Thread {
            if !inputData.isEmpty { try? input.fileHandleForWriting.write(contentsOf: inputData) }
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let errorBytes = Locked(Data())
        let finishedReading = DispatchSemaphore(value: 0)
        let reader = Thread {
            let data = errorOutput.fileHandleForReading.readDataToEndOfFile()
            errorBytes.withLock { $0 = data }
            finishedReading.signal()
        }
        reader.start()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        finishedReading.wait()
        process.waitUntilExit()
        return CommandResult(
            status: process.terminationStatus,
            output: String(decoding: outputData, as: UTF8.self),
            errorOutput: String(decoding: errorBytes.withLock { $0 }, as: UTF8.self))
    }
}

extension ProcessCommandRunner {
    /// Runs `command` on this process's terminal (standard input, output and error shared), as
    /// an editor needs, and returns its exit status.
    ///
    /// - Throws: ``ExternalCommandError`` when the program is not found or cannot start.
    public func runOnTerminal(_ command: ExternalCommand) throws(ExternalCommandError) -> Int32 {
        guard let executable = locate(command.program) else { throw .notFound(program: command.program) }
        let process: Process
        do {
            process = try ProcessStart.run { Self.process(command, executable: executable) }
        } catch {
            throw .couldNotStart(program: command.program, reason: "\(error)")
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Runs `command` with its output and errors appended to `log` and no input, killed (with
    /// its process group, as a browser's helpers are) when it runs past `timeLimit` or the
    /// calling task is cancelled.
    ///
    /// - Returns: the exit status, or nil when the time limit stopped it.
    /// - Throws: ``ExternalCommandError`` when the program is not found or cannot start;
    ///   `CancellationError` when the task was cancelled.
    public func run(_ command: ExternalCommand, loggingTo log: FileHandle, timeLimit: Duration) async throws -> Int32? {
        guard let executable = locate(command.program) else { throw ExternalCommandError.notFound(program: command.program) }
        let child = TimedChild()
        let outcome = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<TimedChild.Outcome, any Error>) in
                child.wait(with: continuation)
                let process: Process
                do {
                    process = try ProcessStart.run {
                        let process = Self.process(command, executable: executable)
                        process.standardInput = FileHandle.nullDevice
                        process.standardOutput = log
                        process.standardError = log
                        process.terminationHandler = { finished in child.finish(.exited(finished.terminationStatus)) }
                        return process
                    }
                } catch {
                    child.fail(ExternalCommandError.couldNotStart(program: command.program, reason: "\(error)"))
                    return
                }
                child.started(processID: process.processIdentifier)
                let (seconds, attoseconds) = timeLimit.components
                let nanoseconds = Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
                DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(nanoseconds)) { child.stop(.timedOut) }
            }
        } onCancel: {
            child.stop(.cancelled)
        }
        switch outcome {
        case .exited(let status): return status
        case .timedOut: return nil
        case .cancelled: throw CancellationError()
        }
    }

    /// The one place a child process is made: its program, arguments and environment.
    private static func process(_ command: ExternalCommand, executable: String) -> Process {
        let process = Process()
        process.executableURL = URL(filePath: executable)
        process.arguments = command.arguments
        if let environment = command.environment { process.environment = environment }
        return process
    }
}

/// Why a program could not be run at all (a failure status is not an error).
public enum ExternalCommandError: Error, Equatable, CustomStringConvertible {
    case notFound(program: String)
    case couldNotStart(program: String, reason: String)

    public var description: String {
        switch self {
        case let .notFound(program): "\(program): not found on PATH"
        case let .couldNotStart(program, reason): "cannot start \(program): \(reason)"
        }
    }
}

/// One timed run of a child process: resumes its waiter exactly once, with the exit status,
/// or when stopped (time limit, cancellation), after killing the process and its group.
private final class TimedChild: Sendable {
    enum Outcome: Sendable {
        case exited(Int32)
        case timedOut
        case cancelled
    }

    private struct State {
        var continuation: CheckedContinuation<Outcome, any Error>?
        var processID: pid_t?
        var stopped = false
    }

    private let state = Locked(State())

    func wait(with continuation: CheckedContinuation<Outcome, any Error>) {
        state.withLock { $0.continuation = continuation }
    }

    /// Records the process; a run stopped before it started is killed at once.
    func started(processID: pid_t) {
        let stopped = state.withLock { state in
            state.processID = processID
            return state.stopped
        }
        if stopped { Self.kill(processID) }
    }

    func finish(_ outcome: Outcome) {
        state.withLock { state in
            state.processID = nil
            return state.continuation.take()
        }?.resume(returning: outcome)
    }

    func fail(_ error: any Error) {
        state.withLock { $0.continuation.take() }?.resume(throwing: error)
    }

    /// Kills the process if it is still running and resumes the waiter with `outcome`.
    /// The process id is only used until the termination handler ran, so (but for the
    /// instant between the reaping and the handler) it cannot name another process.
    func stop(_ outcome: Outcome) {
        let continuation = state.withLock { state in
            state.stopped = true
            if let processID = state.processID { Self.kill(processID) }
            return state.continuation.take()
        }
        continuation?.resume(returning: outcome)
    }

    /// SIGKILL to the process, and to its process group when it leads one.
    private static func kill(_ processID: pid_t) {
        if getpgid(processID) == processID { _ = Foundation.kill(-processID, SIGKILL) }
        _ = Foundation.kill(processID, SIGKILL)
    }
}

/// POSIX shell quoting for the words of a command line (cron runs its lines with `/bin/sh`).
public enum ShellQuoting {
    private static let safeCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-+:=,@%")

    /// `word` unchanged when it needs no quoting, else in single quotes.
    public static func quoted(_ word: String) -> String {
        if !word.isEmpty && word.allSatisfy(safeCharacters.contains) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}

/// Starts a child process, again with a new one while its program is "busy" (ETXTBSY): a program
/// written just before, whose file another thread's fork still holds open for writing until that
/// child's exec, as test fakes, copied binaries and freshly installed tools are.
public enum ProcessStart {
    /// Runs the process `make` builds, up to six times, 20 ms more apart each time.
    public static func run(_ make: () -> Process) throws -> Process {
        var attempt = 0
        while true {
            let process = make()
            do {
                try process.run()
                return process
            } catch where attempt < 5 && isTextFileBusy(error) {
                attempt += 1
                usleep(UInt32(20_000 * attempt))
            }
        }
    }

    private static func isTextFileBusy(_ error: any Error) -> Bool {
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain { return error.code == Int(ETXTBSY) }
        return (error.userInfo[NSUnderlyingErrorKey] as? NSError).map { $0.domain == NSPOSIXErrorDomain && $0.code == Int(ETXTBSY) } ?? false
    }
}
