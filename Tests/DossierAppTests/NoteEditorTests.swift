@testable import DossierApp
import DossierTestSupport
import Foundation
import Testing

@Suite("writing a note in an editor")
struct NoteEditorTests {
    /// An editor program (a shell script) that runs `body` with the note's file as `$1`.
    private func editor(_ body: String, in folder: TemporaryFolder) throws -> String {
        let file = folder.url.appendingPathComponent("editor")
        try Data("#!/bin/sh\n\(body)\n".utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
        return file.path
    }

    @Test("the editor's saved text is the note; VISUAL wins over EDITOR; the file is private and removed")
    func writesNote() throws {
        let folder = try TemporaryFolder("note-editor")
        defer { folder.remove() }
        let visual = try editor("stat -c %a \"$1\" > \"\(folder.path)/mode\"; echo \"$1\" > \"\(folder.path)/path\"; printf 'Ask about the move to Lisbon' > \"$1\"", in: folder)
        let text = try NoteEditor.write(environment: ["VISUAL": visual, "EDITOR": "false", "PATH": "/usr/bin:/bin"])
        #expect(text == "Ask about the move to Lisbon")
        #expect(try String(contentsOfFile: folder.path + "/mode", encoding: .utf8) == "600\n")
        let path = try String(contentsOfFile: folder.path + "/path", encoding: .utf8).trimmingCharacters(in: .newlines)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("an editor setting with arguments is split by the shell; the file name is never spliced into it")
    func editorWithArguments() throws {
        let folder = try TemporaryFolder("note-editor")
        defer { folder.remove() }
        let script = try editor("printf '%s' \"$1\" > \"$2\"", in: folder)
        #expect(try NoteEditor.write(environment: ["EDITOR": "\(script) --wait", "PATH": "/usr/bin:/bin"]) == "--wait")
    }

    @Test("an editor that fails is an error naming it and its status")
    func failingEditor() throws {
        #expect(NoteEditor.editorCommand([:]) == "vi")
        #expect(NoteEditor.editorCommand(["VISUAL": "", "EDITOR": "nano"]) == "nano")
        #expect(throws: AppError(.failure, "the editor (false) exited with status 1")) {
            try NoteEditor.write(environment: ["EDITOR": "false", "PATH": "/usr/bin:/bin"])
        }
    }
}
