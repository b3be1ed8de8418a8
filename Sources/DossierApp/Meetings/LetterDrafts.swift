import AtomicFiles
import DossierMeetings
import Foundation

/// `letter intro` and `letter thanks`: drafts written next to the dossier (never sent).
public struct LetterDrafts: Sendable {
    /// Which letter.
    public enum Kind: String, Sendable, CaseIterable {
        /// The introduction, naming the network contact and promising a call by a date.
        case intro
        /// The thank-you note and, with a network contact, the recap to them.
        case thanks
    }

    /// A written draft.
    public struct Draft: Sendable, Equatable {
        public let meeting: Meeting
        public let kind: Kind
        public let file: URL
        public let text: String
    }

    let workspace: Workspace

    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// Drafts the letter for the meeting meant and writes it to `<output>/<slug>/letter-<kind>.md`.
    public func draft(_ kind: Kind, for reference: MeetingReference, at now: Date) throws(AppError) -> Draft {
        let (meeting, notes) = try MeetingBook(workspace: workspace).show(reference, at: now)
        let writer = LetterWriter(templates: try workspace.banks().letters, profile: workspace.config.me)
        let text = switch kind {
        case .intro: writer.introduction(for: meeting)
        case .thanks: writer.thanks(for: meeting, notes: notes)
        }
        guard let text else { throw AppError(.configuration, "letters.toml has no `\(kind.rawValue)` template") }
        let file = workspace.folder(slug: meeting.slug).appendingPathComponent("letter-\(kind.rawValue).md")
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try AtomicFile.write(Data(text.utf8), to: file)
        } catch {
            throw AppError(.cannotCreate, "cannot write \(file.path): \((error as NSError).localizedDescription)")
        }
        return Draft(meeting: meeting, kind: kind, file: file, text: text)
    }
}
