import ExternalCommands
import Foundation

/// A note written in the user's editor (`$VISUAL`, else `$EDITOR`, else `vi`) on the terminal,
/// in a private file that is removed afterwards.
public enum NoteEditor {
    /// The text the user wrote; empty when they saved nothing.
    ///
    /// - Throws: ``AppError`` (`cannotCreate`) when the file cannot be made; (`failure`) when
    ///   the editor cannot start or exits with a failure status.
    public static func write(environment: [String: String]) throws(AppError) -> String {
        let folder = FileManager.default.temporaryDirectory
        let file = folder.appendingPathComponent("dossier-note-\(getpid())-\(UUID().uuidString.prefix(8)).md")
        guard FileManager.default.createFile(atPath: file.path, contents: Data(), attributes: [.posixPermissions: 0o600]) else {
            throw AppError(.cannotCreate, "cannot create a file for the note in \(folder.path)")
        }
        defer { try? FileManager.default.removeItem(at: file) }
        let editor = editorCommand(environment)
        // The editor setting may hold arguments ("code --wait"): the shell splits it; the file is
        // passed as a separate argument, never spliced into the line.
        let status: Int32
        do {
            status = try ProcessCommandRunner(path: environment["PATH"] ?? "/usr/bin:/bin")
                .runOnTerminal(ExternalCommand("/bin/sh", ["-c", "\(editor) \"$1\"", "sh", file.path], environment: environment))
        } catch {
            throw AppError(.failure, "cannot start the editor (\(editor)): \(error)")
        }
        guard status == 0 else { throw AppError(.failure, "the editor (\(editor)) exited with status \(status)") }
        do {
            return try String(contentsOf: file, encoding: .utf8)
        } catch {
            throw AppError(.dataError, "the note is not UTF-8 text: \(error.localizedDescription)")
        }
    }

    /// `$VISUAL`, else `$EDITOR`, else `vi`; empty values count as unset.
    static func editorCommand(_ environment: [String: String]) -> String {
        [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
    }
}
