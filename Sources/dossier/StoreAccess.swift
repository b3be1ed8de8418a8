import ArgumentParser
import DossierKit
import DossierStore
import Foundation

/// Opens the store for a command: to read, or to write while holding the writer lock. Store
/// errors become their exit status (75 when another dossier process holds the lock) with the
/// message on stderr.
enum StoreAccess {
    static func read<T>(_ environment: CommandEnvironment, _ body: (DossierStore) throws -> T) throws -> T {
        do {
            let store = try DossierStore(directory: environment.paths.dataDirectory)
            defer { try? store.close() }
            return try body(store)
        } catch let error as StoreError {
            StandardError.write("error: \(error)")
            throw ExitCode(error.exitCode)
        }
    }

    static func write<T>(_ environment: CommandEnvironment, command: String, _ body: (DossierStore) throws -> T) async throws -> T {
        do {
            let lock = try await WriterLock.acquire(directory: environment.paths.dataDirectory, command: command)
            let result: Result<T, any Error>
            do {
                let store = try DossierStore(directory: environment.paths.dataDirectory)
                defer { try? store.close() }
                result = .success(try body(store))
            } catch {
                result = .failure(error)
            }
            lock.release()
            return try result.get()
        } catch let error as StoreError {
            StandardError.write("error: \(error)")
            throw ExitCode(error.exitCode)
        }
    }
}

/// A meeting named on the command line: its id (`12` or `#12`) or the person's name.
struct MeetingReference: ExpressibleByArgument {
    let text: String

    init?(argument: String) {
        let trimmed = argument.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        text = trimmed
    }

    /// The meeting's number, when the argument is one (`12` or `#12`).
    var meetingID: Int64? { Int64(text.hasPrefix("#") ? String(text.dropFirst()) : text) }

    /// The slug of the person meant: the meeting's person for a number, else the name's.
    func slug(in store: DossierStore) throws -> String {
        try meetingID.flatMap { try store.meeting(id: $0)?.slug } ?? Slug.make(text)
    }

    /// The meeting meant: by id, else the person's next meeting not cancelled, else their
    /// latest; a usage error listing the ids when the name is unknown.
    func resolve(in store: DossierStore, now: Date) throws -> MeetingRecord {
        if let id = meetingID {
            guard let meeting = try store.meeting(id: id) else { throw ValidationError("no meeting #\(id) (see `dossier meeting list`)") }
            return meeting
        }
        let slug = Slug.make(text)
        let theirs = try store.meetings().filter { $0.slug == slug }
        if let next = theirs.first(where: { $0.status == .upcoming && $0.startsAt >= now.addingTimeInterval(-86_400) }) ?? theirs.last {
            return next
        }
        throw ValidationError("no meeting with \(text) (see `dossier meeting list`)")
    }
}
