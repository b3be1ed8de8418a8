import AtomicFiles
import DossierApp
import DossierMeetings
import DossierSchedule
import DossierSettings
import DossierStore
import Foundation
import Testing

/// The one mapping from a failure below the application layer to the exit status a command ends with.
@Suite("exit statuses")
struct AppErrorTests {
    @Test("store failures: busy 75, a refused write 73, the rest 74; each keeps its message")
    func store() {
        let busy = StoreError.busy(holderPID: 7, holderCommand: "dossier refresh", lockPath: "/d/dossier.lock")
        #expect(AppError(busy).status == .tryAgain)
        #expect(AppError(busy).message == busy.description)
        #expect(AppError(StoreError.cannotWrite(operation: "store", path: "/d", reason: "full", freeBytes: 0)).status == .cannotCreate)
        for error in [StoreError.cannotCreateDirectory(path: "/d", reason: "x"), .lockFailed(path: "/d", reason: "x"),
                      .unreadableDatabase(path: "/d", reason: "x"), .database(operation: "read", path: "/d", reason: "x")] {
            #expect(AppError(error).status == .ioError)
        }
    }

    @Test("files, configuration, calendars and schedules map to their sysexits statuses")
    func others() {
        #expect(AppError(AtomicFile.WriteError(path: "/o/dossier.md", reason: "read-only", code: EROFS)).status == .cannotCreate)
        #expect(AppError(SourceLoadError(file: URL(fileURLWithPath: "/b.toml"), line: 3, message: "x")).status == .configuration)
        #expect(AppError(ConfigError(file: URL(fileURLWithPath: "/c.toml"), reason: .unreadable("x"))).status == .configuration)
        #expect(AppError(CalendarParseError(line: 4, message: "bad DTSTART")).status == .dataError)
        #expect(AppError(ScheduleError.invalidTime("25:00")).status == .usage)
        #expect(AppError(ScheduleError.programMissing(program: "crontab", purpose: "cron")).status == .unavailable)
        #expect(AppError(ScheduleError.brokenCrontabBlock).status == .dataError)
        #expect(AppError(CocoaError(.fileWriteUnknown)).status == .failure)
        let own = AppError(.noInput, "no dossier built for Jane Doe yet")
        #expect(AppError(own).status == .noInput && AppError(own).message == own.message)
    }
}
