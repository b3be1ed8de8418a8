import ArgumentParser
import DossierApp
import DossierCore
import DossierMeetings
import Foundation

/// `dossier notes`: what you learned at a meeting, kept in the store.
struct NotesCommand: WorkspaceCommand {
    static let configuration = CommandConfiguration(
        commandName: "notes",
        abstract: "Add notes to a meeting (from --text, standard input, or $EDITOR), or list them.",
        discussion: """
        Without --text, notes are read from standard input when it is not a terminal, else from a \
        file opened in $EDITOR (or $VISUAL, else vi). `dossier letter thanks` lists them below its \
        draft, as private.

        Exit status: 0 when added or listed (an empty note adds nothing), 1 when the editor fails, \
        64 when there is no such meeting or a name has several, 73 when the store cannot be written, \
        75 when another dossier process holds the store.

        Examples:
          dossier notes "Jane Doe" --text "Start with the customer's problem"
          echo "Ask Ana about the robotics meetup" | dossier notes 3
          dossier notes "Jane Doe"            # opens $EDITOR
          dossier notes "Jane Doe" --list
          dossier notes 3 --list --json
        """
    )

    @Argument(help: "The meeting's number or the person's name.")
    var meeting: MeetingReference

    @Option(help: "The note itself.")
    var text: String?

    @Flag(help: "List the meeting's notes instead of adding one.")
    var list = false

    @Flag(help: "Print the notes listed, or the note added, as JSON: {\"meeting\", \"created_at\", \"text\"}.")
    var json = false

    @OptionGroup var global: GlobalOptions

    /// A note as `--json` prints it (stable keys; the time in ISO 8601 UTC).
    struct Note: Encodable {
        var meeting: Int64
        var createdAt: Date
        var text: String

        init(_ note: MeetingNote) {
            meeting = note.meetingID
            createdAt = note.createdAt
            text = note.text
        }

        enum CodingKeys: String, CodingKey {
            case meeting, text
            case createdAt = "created_at"
        }
    }

    func run(in workspace: Workspace) async throws {
        let book = MeetingBook(workspace: workspace)
        if list {
            let notes = try book.notes(of: meeting, at: Date())
            if json {
                try StandardOutput.writeJSON(notes.map(Note.init))
            } else {
                StandardOutput.writeLines(notes.map { "\(MeetingTime.day(of: $0.createdAt, in: .current))  \($0.text)" })
            }
            return
        }
        let note = try (text ?? Self.readNote(in: workspace)).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !note.isEmpty else {
            if !global.quiet { StandardError.write("no note written: the text is empty") }
            return
        }
        let (stored, added) = try await book.addNote(note, to: meeting, at: Date())
        if json { try StandardOutput.writeJSON(Note(added)) }
        if !global.quiet { StandardError.write("note added to \(book.listing(of: stored, notes: [], at: Date()).line)") }
    }

    /// Standard input when it is piped, else what the user writes in their editor.
    private static func readNote(in workspace: Workspace) throws -> String {
        if isatty(STDIN_FILENO) == 0 {
            return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        }
        return try NoteEditor.write(environment: workspace.environment)
    }
}
