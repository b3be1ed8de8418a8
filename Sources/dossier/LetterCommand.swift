import ArgumentParser
import DossierKit
import DossierStore
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

    struct Intro: AsyncParsableCommand {
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

        func run() async throws {
            try await LetterCommand.write(meeting: meeting, kind: "intro", json: json, global: global) { writer, record, _ in
                writer.introduction(for: record)
            }
        }
    }

    struct Thanks: AsyncParsableCommand {
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

        func run() async throws {
            try await LetterCommand.write(meeting: meeting, kind: "thanks", json: json, global: global) { writer, record, notes in
                writer.thanks(for: record, notes: notes)
            }
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
    static func write(meeting: MeetingReference, kind: String, json: Bool, global: GlobalOptions,
                      draft: (LetterWriter, MeetingRecord, [MeetingNoteRecord]) -> String?) async throws {
        let environment = try global.loadEnvironment()
        let (record, notes) = try StoreAccess.read(environment) { store in
            let record = try meeting.resolve(in: store, now: Date())
            return (record, try store.notes(meetingID: record.id!))
        }
        let banks = try BanksLoader.load(environment)
        guard let text = draft(LetterWriter(templates: banks.letters, profile: environment.config.me), record, notes) else {
            StandardError.write("error: letters.toml has no `\(kind)` template")
            throw ExitCode(78)
        }
        let file = OutputLocation.defaultRoot(paths: environment.paths)
            .appendingPathComponent(record.slug, isDirectory: true).appendingPathComponent("letter-\(kind).md")
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try AtomicFile.write(Data(text.utf8), to: file)
        } catch {
            StandardError.write("error: \(error)")
            throw ExitCode(73)
        }
        if json {
            try StandardOutput.writeJSON(Drafted(meeting: record.id ?? 0, kind: kind, file: file.path, text: text))
        } else {
            print(file.path)
        }
    }
}

/// The summary banks for commands outside the build (letters), with errors as exit 78.
enum BanksLoader {
    static func load(_ environment: CommandEnvironment) throws -> SummaryBanks {
        do {
            return try SummaryBanks.load(besideSources: SourceCatalog.shippedDirectory(executablePath: CommandLine.arguments[0]),
                                         paths: environment.paths)
        } catch {
            StandardError.write("error: \(error)")
            throw ExitCode(78)
        }
    }
}
