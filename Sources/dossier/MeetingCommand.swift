import ArgumentParser
import DossierApp
import DossierCore
import DossierMeetings
import Foundation

/// `dossier meeting`: the informational interviews you have planned.
struct MeetingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meeting",
        abstract: "Add, list, change and import your informational interviews.",
        discussion: """
        A stored meeting makes `dossier build` date the checklist, name the network contact and add \
        your goal; `dossier refresh` keeps the dossiers of upcoming meetings fresh. Times are read in \
        your time zone unless they carry an offset (2026-12-03T15:00+01:00) or --tz names another.

        Examples:
          dossier meeting add "Jane Doe" --at "2026-12-03 15:00" --via "Ana Costa"
          dossier meeting list --upcoming 14d
          dossier meeting show "Jane Doe"
          dossier meeting edit 3 --at "2026-12-04 10:00"
          dossier meeting done "Jane Doe"
          dossier meeting import ~/calendar.ics
        """,
        subcommands: [Add.self, List.self, Show.self, Edit.self, Remove.self, Done.self, MeetingImportCommand.self]
    )

    /// The details shared by `add` and `edit`.
    struct Details: ParsableArguments {
        @Option(help: "When it starts: \"2026-12-03 15:00\", 2026-12-03T15:00 or with an offset or Z.")
        var at: String?

        @Option(help: "How long: 30m, 1h, 1h30m (default 30m).")
        var duration: String?

        @Option(help: "Their company.")
        var company: String?

        @Option(help: "The company's web domain (e.g. acme.example).")
        var domain: String?

        @Option(help: "Their e-mail address (from the invitation): its domain is kept as the company's, unless it is free mail.")
        var email: String?

        @Option(help: "The network contact who introduced you.")
        var via: String?

        @Option(help: "What you want from this meeting.")
        var goal: String?

        @Option(help: "Where it takes place (an address or a video link).")
        var location: String?

        @Option(name: .customLong("call-by"), help: "The date your letter promises a call by (2026-11-27).")
        var callBy: String?

        @Option(help: ArgumentHelp(
            "The IANA time zone of --at (default: this machine's); alone, it moves the meeting to the same clock time in that zone.",
            valueName: "zone"))
        var tz: String?

        /// Says so when `--email` gives no company domain (a free-mail address) and `--domain` none either.
        func noteFreeMail(quiet: Bool) {
            guard let email, domain == nil, CompanyDomain.of(email: email) == nil, !quiet else { return }
            StandardError.write("note: \(email) is a free-mail address: no company domain was taken from it (give --domain)")
        }

        func timeZone() throws -> TimeZone {
            guard let tz else { return .current }
            guard let zone = TimeZone(identifier: tz) else { throw ValidationError("--tz \(tz): not a time zone such as Europe/Berlin") }
            return zone
        }

        /// Every value is read before the command runs, so a bad one is a usage error naming
        /// the command.
        func validate() throws {
            if let email, !email.contains("@") { throw ValidationError("--email \(email): not an e-mail address") }
            _ = try changes()
        }

        /// The changes the options given ask for (an empty value clears one).
        func changes() throws -> MeetingChanges {
            let zone = try timeZone()
            var changes = MeetingChanges(company: company, domain: domain ?? email.flatMap(CompanyDomain.of(email:)), via: via,
                                         goal: goal, location: location)
            if tz != nil { changes.timeZone = zone.identifier }
            do {
                if let at {
                    changes.startsAt = try MeetingTime.dateTime(at, in: zone)
                    changes.timeZone = zone.identifier
                }
                if let duration { changes.durationMinutes = try MeetingTime.minutes(duration) }
                if let callBy { changes.callBy = callBy.isEmpty ? "" : try MeetingTime.day(callBy) }
            } catch {
                throw ValidationError(error.description)
            }
            return changes
        }
    }

    struct Add: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a meeting.",
            discussion: """
            Exit status: 0 when added (a warning when it is in the past), 64 on usage errors (a bad \
            value, the same person at the same time again), 73 when the store cannot be written, 75 \
            when another dossier process holds the store.

            Examples:
              dossier meeting add "Jane Doe" --at "2026-12-03 15:00"
              dossier meeting add "Jane Doe" --at 2026-12-03T15:00 --duration 45m
              dossier meeting add "Jo Roe" --at "2026-12-04 10:00" --via "Ana Costa"
              dossier meeting add "Jane Doe" --at 2026-12-03T15:00 --email jane@acme.com
            """
        )

        @Argument(help: "The person's name.")
        var name: String

        @OptionGroup var details: Details
        @OptionGroup var output: MeetingOutput
        @OptionGroup var global: GlobalOptions

        func validate() throws {
            do {
                try NameInput.validate(name)
            } catch {
                throw ValidationError(error.message)
            }
            guard details.at != nil else { throw ValidationError("--at is required: when does the meeting start?") }
        }

        func run(in workspace: Workspace) async throws {
            let now = Date()
            details.noteFreeMail(quiet: global.quiet)
            let book = MeetingBook(workspace: workspace)
            let stored = try await book.add(person: NameInput.cleaned(name), changes: try details.changes(), at: now)
            try output.print(book.listing(of: stored, notes: [], at: now))
            if stored.startsAt < now && !global.quiet { StandardError.write("warning: this meeting is in the past") }
        }
    }

    struct List: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            abstract: "List meetings, soonest first.",
            discussion: """
            With --json, an array of objects with the stable keys id, person, slug, starts_at and ends_at \
            (ISO 8601, UTC), time_zone, all_day, duration_minutes, company, domain, via, goal, location, \
            call_by, status (upcoming; past: over but not marked held; held; cancelled), calendar_uid, \
            notes and dossier (the folder, null until a dossier is there); every key is always present \
            (docs/json-output.md).

            Exit status: 0 when listed (also when there are none), 64 on a bad --upcoming, 74 when the store \
            cannot be read.

            Examples:
              dossier meeting list
              dossier meeting list --upcoming 14d
              dossier meeting list --json
            """
        )

        @Option(help: "Only upcoming meetings starting within this span: 7d, 2w, 36h.")
        var upcoming: String?

        @Flag(help: "Print JSON.")
        var json = false

        @OptionGroup var global: GlobalOptions

        func validate() throws {
            _ = try span()
        }

        private func span() throws -> TimeInterval? {
            do {
                return try upcoming.map { try MeetingTime.span($0) }
            } catch {
                throw ValidationError("--upcoming: \(error)")
            }
        }

        func run(in workspace: Workspace) async throws {
            let span = try span()
            let meetings = try MeetingBook(workspace: workspace).list(upcomingWithin: span, at: Date())
            if json {
                try StandardOutput.writeJSON(meetings)
            } else if meetings.isEmpty {
                if !global.quiet { StandardError.write("no meetings\(upcoming.map { " in the next \($0)" } ?? "")") }
            } else {
                StandardOutput.writeLines(meetings.map(\.line))
            }
            if !global.quiet, let warning = workspace.staleRefreshWarning() { StandardError.write("warning: \(warning)") }
        }
    }

    struct Show: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a meeting, its notes and its dossier's files.",
            discussion: """
            Exit status: 0 when done, 64 on usage errors (a bad value, no such meeting, a name with \
            several meetings), 73 when the store cannot be written, 75 when another dossier process \
            holds the store.

            Examples:
              dossier meeting show 3
              dossier meeting show "Jane Doe" --json
            """
        )

        @Argument(help: "The meeting's number or the person's name.")
        var meeting: MeetingReference

        @Flag(help: "Print JSON.")
        var json = false

        @OptionGroup var global: GlobalOptions

        func run(in workspace: Workspace) async throws {
            let listing = try MeetingBook(workspace: workspace).listing(meeting, at: Date())
            if json {
                try StandardOutput.writeJSON(listing)
                return
            }
            var lines = [listing.line]
            let details: [(String, String?)] = [
                ("company", listing.company), ("domain", listing.domain), ("via", listing.via), ("goal", listing.goal),
                ("location", listing.location), ("call by", listing.callBy), ("duration", "\(listing.durationMinutes) min"),
                ("calendar", listing.calendarUID),
            ]
            lines += details.compactMap { label, value in value.map { "  \(label): \($0)" } }
            lines.append("  dossier: " + (listing.dossier ?? "not built yet (dossier build \"\(listing.person)\")"))
            lines += listing.notes.map { "  note: \($0)" }
            StandardOutput.writeLines(lines)
        }
    }

    struct Edit: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a meeting; options not given stay as they are (an empty value clears one).",
            discussion: """
            Exit status: 0 when done, 64 on usage errors (a bad value, no such meeting, a name with \
            several meetings), 73 when the store cannot be written, 75 when another dossier process \
            holds the store.

            Examples:
              dossier meeting edit 3 --at "2026-12-04 10:00"
              dossier meeting edit "Jane Doe" --via "Ana Costa" --goal ""
            """
        )

        @Argument(help: "The meeting's number or the person's name.")
        var meeting: MeetingReference

        @OptionGroup var details: Details
        @OptionGroup var output: MeetingOutput
        @OptionGroup var global: GlobalOptions

        func validate() throws {
            if let email = details.email, details.domain == nil, CompanyDomain.of(email: email) == nil, try details.changes() == MeetingChanges() {
                throw ValidationError("--email \(email) is a free-mail address: it gives no company domain (give --domain)")
            }
            if try details.changes() == MeetingChanges() {
                throw ValidationError("nothing to change: give --at, --tz, --duration, --company, --domain, --email, --via, --goal, --location or --call-by")
            }
        }

        func run(in workspace: Workspace) async throws {
            details.noteFreeMail(quiet: global.quiet)
            let book = MeetingBook(workspace: workspace)
            let updated = try await book.edit(meeting, changes: try details.changes(), at: Date())
            try output.print(book.listing(MeetingReference(String(updated.id))!, at: Date()))
        }
    }

    struct Remove: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove a meeting and its notes (the dossier's files stay).",
            discussion: """
            An imported meeting stays removed: importing the calendar again does not bring it back.

            Exit status: 0 when done, 64 on usage errors (a bad value, no such meeting, a name with \
            several meetings), 73 when the store cannot be written, 75 when another dossier process \
            holds the store.

            Examples:
              dossier meeting remove 3
            """
        )

        @Argument(help: "The meeting's number or the person's name.")
        var meeting: MeetingReference

        @OptionGroup var output: MeetingOutput
        @OptionGroup var global: GlobalOptions

        func run(in workspace: Workspace) async throws {
            let book = MeetingBook(workspace: workspace)
            let (removed, notes) = try book.show(meeting, at: Date())
            _ = try await book.remove(MeetingReference(String(removed.id))!, at: Date())
            let listing = book.listing(of: removed, notes: notes, at: Date())
            if output.json { try StandardOutput.writeJSON(listing) }
            if !global.quiet { StandardError.write("removed \(listing.line)") }
        }
    }

    struct Done: WorkspaceCommand {
        static let configuration = CommandConfiguration(
            abstract: "Mark a meeting as held: its dossier's checklist moves to the follow-up steps.",
            discussion: """
            Exit status: 0 when done, 64 on usage errors (a bad value, no such meeting, a name with \
            several meetings), 73 when the store cannot be written, 75 when another dossier process \
            holds the store.

            Examples:
              dossier meeting done "Jane Doe"
              dossier notes "Jane Doe"            # then write down what you learned
              dossier letter thanks "Jane Doe"    # and draft the thank-you note
            """
        )

        @Argument(help: "The meeting's number or the person's name.")
        var meeting: MeetingReference

        @OptionGroup var output: MeetingOutput
        @OptionGroup var global: GlobalOptions

        func run(in workspace: Workspace) async throws {
            let book = MeetingBook(workspace: workspace)
            let held = try await book.markHeld(meeting, at: Date())
            try output.print(book.listing(MeetingReference(String(held.id))!, at: Date()))
        }
    }
}

/// The `--json` flag of the commands that change a meeting.
struct MeetingOutput: ParsableArguments {
    @Flag(help: "Print the meeting as JSON, with the keys of `meeting show --json`.")
    var json = false

    /// Prints `meeting` as JSON, or as its one-line summary.
    func print(_ meeting: MeetingListing) throws {
        if json {
            try StandardOutput.writeJSON(meeting)
        } else {
            Swift.print(meeting.line)
        }
    }
}

extension MeetingReference: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
