import AtomicFiles
import DossierCore
import DossierMeetings
import Foundation

/// `letter intro` and `letter thanks`: drafts written next to the dossier (never sent).
///
/// A draft the user edited is never overwritten: beside each draft dossier keeps the text it
/// wrote (`.letter-intro.md.drafted`), and a file that no longer matches it is left alone unless
/// the user asks to replace it, which keeps their version as `letter-intro.edited.md`.
public struct LetterDrafts: Sendable {
    /// Which letter.
    public enum Kind: String, Sendable, CaseIterable {
        /// The introduction, naming the network contact and promising a call by a date (or a cold
        /// e-mail when nobody introduced the user).
        case intro
        /// The thank-you note and, with a network contact, the recap to them.
        case thanks
    }

    /// What the user says about an introduction that no meeting holds yet (the introduction is
    /// written before there is one): it overrides the meeting's values.
    public struct Details: Sendable, Equatable {
        public var company: String?
        public var via: String?
        /// `yyyy-MM-dd`.
        public var callBy: String?

        public init(company: String? = nil, via: String? = nil, callBy: String? = nil) {
            self.company = company
            self.via = via
            self.callBy = callBy
        }
    }

    /// A written draft.
    public struct Draft: Sendable, Equatable {
        /// The meeting's number; nil for an introduction to a person with no meeting yet.
        public let meetingID: Int64?
        public let kind: Kind
        public let file: URL
        public let text: String
        /// What the user should know before sending (the meeting has not happened yet).
        public let warnings: [String]
    }

    let workspace: Workspace

    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// Drafts the letter for the meeting meant (for an introduction, the person meant, meeting or
    /// not) and writes it to `<output>/<slug>/letter-<kind>.md`. A draft the user edited is
    /// replaced only when `replacingEdits` (exit 73 otherwise, naming it).
    public func draft(_ kind: Kind, for reference: MeetingReference, details: Details = Details(), replacingEdits: Bool = false,
                      at now: Date) throws(AppError) -> Draft {
        let book = MeetingBook(workspace: workspace)
        let found = try book.find(reference, at: now)
        let writer = LetterWriter(templates: try workspace.banks().letters, profile: workspace.config.me)
        var warnings: [String] = []
        let meeting: Meeting
        let text: String?
        switch kind {
        case .intro:
            var subject = found?.0 ?? Meeting(id: 0, person: reference.text, slug: Slug.make(reference.text), startsAt: now,
                                              timeZone: TimeZone.current.identifier)
            subject.company = details.company ?? subject.company
            subject.via = details.via ?? subject.via
            subject.callBy = details.callBy ?? subject.callBy
            meeting = subject
            text = writer.introduction(for: meeting, at: now)
        case .thanks:
            guard let (held, notes) = found else {
                throw AppError(.usage, "no meeting with \(reference.text) to thank them for (see `dossier meeting list`)")
            }
            meeting = held
            if held.startsAt > now {
                warnings.append("the meeting with \(held.person) is on \(MeetingTime.display(held.startsAt, in: held.zone)): "
                    + "it has not happened yet")
            } else if notes.isEmpty {
                warnings.append("no notes on the meeting yet: add what you learned with `dossier notes \(held.id)`")
            }
            text = writer.thanks(for: meeting, notes: notes, at: now)
        }
        guard let text else { throw AppError(.configuration, "letters.toml has no `\(kind.rawValue)` template") }
        let file = workspace.folder(slug: meeting.slug).appendingPathComponent("letter-\(kind.rawValue).md")
        try Self.write(text, to: file, replacingEdits: replacingEdits)
        return Draft(meetingID: found?.0.id, kind: kind, file: file, text: text, warnings: warnings)
    }

    /// Writes `text` to `file` and keeps it as the last draft; a file that differs from the last
    /// draft was edited, and is replaced only when `replacingEdits`, its text kept beside it.
    static func write(_ text: String, to file: URL, replacingEdits: Bool) throws(AppError) {
        let manager = FileManager.default
        let drafted = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent).drafted")
        do {
            try manager.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            if let current = manager.contents(atPath: file.path), current != Data(text.utf8),
               current != manager.contents(atPath: drafted.path) {
                guard replacingEdits else {
                    throw AppError(.cannotCreate, "\(file.path) was changed since dossier drafted it, and is left as it is; "
                        + "add --force to replace it (your version is then kept beside it)")
                }
                try AtomicFile.write(current, to: Self.editedCopy(of: file))
            }
            try AtomicFile.write(Data(text.utf8), to: file)
            try AtomicFile.write(Data(text.utf8), to: drafted, durable: false)
        } catch let error as AppError {
            throw error
        } catch {
            throw AppError(.cannotCreate, "cannot write \(file.path): \((error as NSError).localizedDescription)")
        }
    }

    /// `letter-intro.edited.md`, or the first of `letter-intro.edited-2.md`, … that is free.
    private static func editedCopy(of file: URL) -> URL {
        let folder = file.deletingLastPathComponent()
        let stem = file.deletingPathExtension().lastPathComponent
        var candidate = folder.appendingPathComponent("\(stem).edited.md")
        var number = 2
        while FileManager.default.fileExists(atPath: candidate.path) {
            candidate = folder.appendingPathComponent("\(stem).edited-\(number).md")
            number += 1
        }
        return candidate
    }
}
