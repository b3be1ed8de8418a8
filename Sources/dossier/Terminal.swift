import ArgumentParser
import DossierApp
import Foundation
import Locking

/// stderr carries progress, warnings and errors; stdout carries only the product.
enum StandardError {
    static func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static var isTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Whether progress may be redrawn in place with terminal control sequences: only on a
    /// terminal, not when `NO_COLOR` is set (users who ask for no colour usually want no escape
    /// sequences at all) or the terminal is `dumb`. dossier prints no colour anywhere.
    static func redrawsInPlace(isTerminal: Bool = isTerminal,
                               environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        isTerminal && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
    }
}

enum StandardOutput {
    /// Writes each line followed by a newline, in one write rather than one per line.
    static func writeLines(_ lines: some Sequence<String>) {
        var text = ""
        for line in lines {
            text += line
            text += "\n"
        }
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes `value` by the one JSON convention of every command (``CommandJSON``).
    static func writeJSON<T: Encodable>(_ value: T) throws {
        FileHandle.standardOutput.write(try CommandJSON.encode(value))
    }
}

/// A one-line counter on stderr, redrawn in place on a terminal and silent when piped.
final class ProgressLine: Sendable {
    private let total: Int
    private let label: String
    private let enabled: Bool
    private let done = Locked(0)

    init(total: Int, label: String, quiet: Bool) {
        self.total = total
        self.label = label
        self.enabled = !quiet && StandardError.redrawsInPlace() && total > 1
    }

    func advance() {
        let count = done.withLock { count in
            count += 1
            return count
        }
        if enabled {
            FileHandle.standardError.write(Data("\r\(count)/\(total) \(label)".utf8))
        }
    }

    func finish() {
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

/// Progress messages on stderr: one line redrawn in place on a terminal, plain lines when
/// piped (so logs keep every step).
final class StatusLine: Sendable {
    private let quiet: Bool
    private let redraw: Bool

    init(quiet: Bool) {
        self.quiet = quiet
        self.redraw = StandardError.redrawsInPlace()
    }

    func show(_ message: String) {
        guard !quiet else { return }
        if redraw {
            FileHandle.standardError.write(Data("\r\u{1B}[K\(message)".utf8))
        } else {
            StandardError.write(message)
        }
    }

    func finish() {
        if !quiet && redraw { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

/// Runs work that Ctrl-C cancels: the first SIGINT cancels the task (transfers stop,
/// what finished is kept); a second one exits at once.
enum Interruptible {
    static func run<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) async throws -> T {
        let task = Task { try await work() }
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        let interrupts = Locked(0)
        source.setEventHandler {
            let count = interrupts.withLock { count in
                count += 1
                return count
            }
            if count == 1 {
                StandardError.write("\ninterrupted: stopping transfers (Ctrl-C again to quit at once)")
                task.cancel()
            } else {
                exit(130)
            }
        }
        source.resume()
        let value = await task.result
        source.cancel()
        signal(SIGINT, SIG_DFL)
        if task.isCancelled { throw ExitCode(130) }
        return try value.get()
    }
}
