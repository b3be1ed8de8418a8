import ArgumentParser
import DossierApp
import Foundation

/// `dossier letter`: drafts of the letters around a meeting, written next to the dossier.
struct LetterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "letter",
        abstract: "Draft the letter of introduction or the thank-you note (nothing is sent).",
        discussion: """
        Drafts are written next to the dossier (<output>/<slug>/letter-intro.md, letter-thanks.md) \
        and their paths printed. Templates: Banks.d/letters.toml, replaceable in <config dir>/banks/.

        Examples:
          dossier letter intro "Jane Doe"
          dossier letter thanks "Jane Doe"
        """,
        subcommands: [Intro.self, Thanks.self]
    )

    struct Intro: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            abstract: "A letter of introduction that names the network contact and promises a call by --call-by.",
            discussion: """
            Examples:
              dossier meeting edit "Jane Doe" --via "Ana Costa" --call-by 2026-11-27
              dossier letter intro "Jane Doe"
            """
        )

        @Argument(help: "The meeting's number or the person's name.")
        var meeting: MeetingReference

        @Flag(help: "Print {\"meeting\", \"kind\", \"file\", \"text\"} as JSON instead of the file's path.")
        var json = false

        @OptionGroup var global: GlobalOptions

        func run(in workspace: Workspace) async throws {
            try LetterCommand.write(.intro, meeting: meeting, json: json, workspace: workspace)
        }
    }

    struct Thanks: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            abstract: "A thank-you note drawing on your notes, and a recap to the network contact.",
            discussion: """
            Examples:
              dossier notes "Jane Doe" --text "Start with the customer's problem"
              dossier letter thanks "Jane Doe"
            """
        )

        @Argument(help: "The meeting's number or the person's name.")
        var meeting: MeetingReference

        @Flag(help: "Print {\"meeting\", \"kind\", \"file\", \"text\"} as JSON instead of the file's path.")
        var json = false

        @OptionGroup var global: GlobalOptions

        func run(in workspace: Workspace) async throws {
            try LetterCommand.write(.thanks, meeting: meeting, json: json, workspace: workspace)
        }
    }

    /// A drafted letter, as `--json` prints it (stable keys).
    struct Drafted: Encodable {
        var meeting: Int64
        var kind: String
        var file: String
        var text: String
    }

    /// Loads the meeting and the templates, drafts, and writes `letter-<kind>.md`.
    static func write(_ kind: LetterDrafts.Kind, meeting: MeetingReference, json: Bool, workspace: Workspace) throws {
        let draft = try LetterDrafts(workspace: workspace).draft(kind, for: meeting, at: Date())
        if json {
            try StandardOutput.writeJSON(Drafted(meeting: draft.meeting.id, kind: kind.rawValue, file: draft.file.path, text: draft.text))
        } else {
            print(draft.file.path)
        }
    }
}
