import Foundation
import Locking

/// An external program to run: a program name looked up on `PATH`, its arguments and optional stdin.
public struct ExternalCommand: Sendable, Equatable, CustomStringConvertible {
    public let program: String
    public let arguments: [String]
    /// Written to the program's standard input, which is then closed; nil leaves stdin empty.
    public let input: String?

    public init(_ program: String, _ arguments: [String], input: String? = nil) {
        self.program = program
        self.arguments = arguments
        self.input = input
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
        let process = Process()
        process.executableURL = URL(filePath: executable)
        process.arguments = command.arguments
        let input = Pipe()
        let output = Pipe()
        let errorOutput = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errorOutput
        try process.run()
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

/// POSIX shell quoting for the words of a command line (cron runs its lines with `/bin/sh`).
public enum ShellQuoting {
    private static let safeCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-+:=,@%")

    /// `word` unchanged when it needs no quoting, else in single quotes.
    public static func quoted(_ word: String) -> String {
        if !word.isEmpty && word.allSatisfy(safeCharacters.contains) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
