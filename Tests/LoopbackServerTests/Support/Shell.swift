import Foundation

/// Runs a command line (through `/bin/sh -c`) and collects its standard output and exit status.
enum Shell {
    struct Result {
        let status: Int32
        let output: String
    }

    static func run(_ command: String) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    /// curl, silent, with `arguments` as written on a command line.
    static func curl(_ arguments: String) throws -> Result {
        try run("/usr/bin/curl --silent --show-error \(arguments)")
    }
}
