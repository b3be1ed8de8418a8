import ArgumentParser
import DossierApp
import DossierCore
import Foundation

/// `dossier letter`: drafts of the letters around a meeting, written next to the dossier.
struct LetterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "letter",
        abstract: "Draft the letter of introduction or the thank-you note (nothing is sent).",
        discussion: """
        Drafts are written next to the dossier (<output>/<slug>/letter-intro.md, letter-thanks.md) \
        and their paths printed. Each paragraph is one line, so it flows in any mail program; days \
        are written in words. Templates: Banks.d/letters.toml, replaceable in <config dir>/banks/.

        A draft you edited is never overwritten: drafting again leaves it as it is (exit 73) unless \
        you add --force, which keeps your version beside it as letter-intro.edited.md.

        Examples:
          dossier letter intro "Jane Doe" --via "Ana Costa" --call-by 2026-11-27
          dossier letter thanks "Jane Doe"
        """,
        subcommands: [Intro.self, Thanks.self]
    )

    /// What `--json` prints: stable keys (docs/json-output.md).
    struct Drafted: Encodable {
        var meeting: Int64?
        var kind: String
        var file: String
        var text: String
        var warnings: [String]
    }

    /// The `--force` and `--json` options both letters share.
    struct Output: ParsableArguments {
        @Flag(help: "Replace a draft you edited (your version is kept beside it as letter-<kind>.edited.md).")
        var force = false

        @Flag(help: "Print {\"meeting\", \"kind\", \"file\", \"text\", \"warnings\"} as JSON instead of the file's path.")
        var json = false
    }

    struct Intro: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            abstract: "A letter of introduction: it names the network contact and promises a call.",
            discussion: """
            The introduction is written before there is a meeting: name the person, and give the \
            network contact and the day you will call with the options (a meeting of theirs, if there \
            is one, gives them too; the options win). Without a network contact the draft is a cold \
            e-mail (the `cold` template).

            Exit status: 0 when drafted, 64 when a name has several meetings (use the number), 73 \
            when the draft cannot be written or you edited it (see --force), 78 when letters.toml is \
            broken.

            Examples:
              dossier letter intro "Jane Doe" --via "Ana Costa" --call-by 2026-11-27
              dossier letter intro "Jo Roe" --company "Acme Robotics"    # cold e-mail
              dossier letter intro 3 --force
            """
        )

        @Argument(help: "The person's name, or a meeting's number.")
        var meeting: MeetingReference

        @Option(help: "Their company.")
        var company: String?

        @Option(help: "The network contact who introduced you.")
        var via: String?

        @Option(name: .customLong("call-by"), help: "The day your letter promises a call by (2026-11-27).")
        var callBy: String?

        @OptionGroup var output: Output
        @OptionGroup var global: GlobalOptions

        func validate() throws {
            if let callBy {
                do {
                    _ = try MeetingTime.day(callBy)
                } catch {
                    throw ValidationError("--call-by: \(error)")
                }
            }
        }

        func run(in workspace: Workspace) async throws {
            try LetterCommand.write(.intro, meeting: meeting, details: LetterDrafts.Details(company: company, via: via, callBy: callBy),
                                    output: output, quiet: global.quiet, workspace: workspace)
        }
    }

    struct Thanks: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            abstract: "A thank-you note and, with a network contact, a recap to them.",
            discussion: """
            Your notes on the meeting are listed below the draft, marked as not part of it, for you \
            to choose from: they are private. A warning says when the meeting has not happened yet.

            Exit status: 0 when drafted, 64 when there is no such meeting or a name has several, 73 \
            when the draft cannot be written or you edited it (see --force), 78 when letters.toml is \
            broken.

            Examples:
              dossier notes "Jane Doe" --text "Start with the customer's problem"
              dossier letter thanks "Jane Doe"
            """
        )

        @Argument(help: "The meeting's number or the person's name.")
        var meeting: MeetingReference

        @OptionGroup var output: Output
        @OptionGroup var global: GlobalOptions

        func run(in workspace: Workspace) async throws {
            try LetterCommand.write(.thanks, meeting: meeting, details: LetterDrafts.Details(), output: output,
                                    quiet: global.quiet, workspace: workspace)
        }
    }

    /// Drafts the letter, writes `letter-<kind>.md` and prints its path (or the JSON).
    static func write(_ kind: LetterDrafts.Kind, meeting: MeetingReference, details: LetterDrafts.Details, output: Output,
                      quiet: Bool, workspace: Workspace) throws {
        let draft = try LetterDrafts(workspace: workspace).draft(kind, for: meeting, details: details, replacingEdits: output.force,
                                                                 at: Date())
        if !quiet { for warning in draft.warnings { StandardError.write("warning: \(warning)") } }
        if output.json {
            try StandardOutput.writeJSON(Drafted(meeting: draft.meetingID, kind: kind.rawValue, file: draft.file.path, text: draft.text,
                                                 warnings: draft.warnings))
        } else {
            print(draft.file.path)
        }
    }
}
