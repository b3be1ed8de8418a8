import AtomicFiles
import DossierMeetings
import DossierSchedule
import DossierSettings
import DossierStore

/// How a command ends, as sysexits(3) names the statuses dossier uses.
public enum ExitStatus: Int32, Sendable {
    case failure = 1
    /// A command was used wrongly (a bad option value, an unknown meeting).
    case usage = 64
    /// An input file is malformed (a calendar, a crontab block).
    case dataError = 65
    /// An input does not exist (a calendar file, a dossier not built yet).
    case noInput = 66
    /// Something dossier needs is not available (the network, a PDF renderer, `lp`, systemd).
    case unavailable = 69
    /// A file could not be written (a full or read-only disk).
    case cannotCreate = 73
    /// The store could not be read.
    case ioError = 74
    /// Another dossier process holds the store: try again later.
    case tryAgain = 75
    /// A configuration, source or bank file is broken.
    case configuration = 78
}

/// A failure a use case reports, with the exit status it means. Every error from below the
/// application layer becomes one through ``init(_:)``, the one mapping from errors to statuses.
public struct AppError: Error, Sendable, Equatable, CustomStringConvertible {
    public let status: ExitStatus
    public let message: String

    public init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.message = message
    }

    public var description: String { message }

    /// The failure `error` means to the user: the store busy (75) or refusing a write (73) or
    /// unreadable (74); a file that cannot be written (73); a broken config, source or bank file
    /// (78); a malformed calendar (65) or one that cannot be read (66); no PDF renderer (69); a
    /// schedule's own cases; anything else is a plain failure (1).
    public init(_ error: any Error) {
        switch error {
        case let error as AppError:
            self = error
        case let error as StoreError:
            switch error {
            case .busy: self.init(.tryAgain, error.description)
            case .cannotWrite: self.init(.cannotCreate, error.description)
            case .cannotCreateDirectory, .lockFailed, .unreadableDatabase, .database: self.init(.ioError, error.description)
            }
        case let error as AtomicFile.WriteError:
            self.init(.cannotCreate, error.description)
        case let error as SourceLoadError:
            self.init(.configuration, error.description)
        case let error as ConfigError:
            self.init(.configuration, error.description)
        case let error as CalendarParseError:
            self.init(.dataError, error.description)
        case let error as CalendarSource.ReadError:
            self.init(.noInput, error.description)
        case let error as PDFRenderer.RenderError:
            self.init(error == .noRenderer ? .unavailable : .failure, error.description)
        case let error as ScheduleError:
            switch error {
            case .invalidTime: self.init(.usage, error.description)
            case .brokenCrontabBlock: self.init(.dataError, error.description)
            case .programMissing, .systemdUnreachable: self.init(.unavailable, error.description)
            case .cannotWrite: self.init(.cannotCreate, error.description)
            case .unsupportedPath, .commandFailed: self.init(.failure, error.description)
            }
        default:
            self.init(.failure, "\(error)")
        }
    }
}
