import DossierApp
import DossierCore
import Foundation
import GRDB
import LoopbackServer
import Synchronization
import Testing

/// The demo web in two versions (one page's text differs), each page a little slow, so that a
/// build can be killed at any moment of its run.
final class TwoVersionDemoWeb: Sendable {
    /// Which version the server answers with.
    final class Version: Sendable {
        let second = Atomic<Bool>(false)
    }

    let server: LoopbackServer
    let version = Version()

    init() throws {
        let version = self.version
        server = try LoopbackServer { request in
            guard let page = DemoSite.page(forTarget: request.target) else { return .notFound }
            var body = page.body
            if version.second.load(ordering: .relaxed), request.target.contains("fieldnotes-magazine") {
                body = body.replacingOccurrences(of: "The best lesson", with: "The hardest and best lesson")
            }
            return ResponsePlan.ok(body, contentType: page.contentType).delayingFirstByte(by: .milliseconds(15))
        }
    }
}

/// A temporary home whose every URL reaches a two-version demo web, with the command that builds
/// its person's dossier and the folder it goes to.
struct DemoBuild {
    var dossier: DossierRun
    let web: TwoVersionDemoWeb
    let arguments = ["build", DemoSite.person, "--company", DemoSite.company, "--domain", DemoSite.domain, "--quiet"]
    var folder: URL { dossier.home.appendingPathComponent("output/mara-quintero") }

    init() throws {
        dossier = try DossierRun()
        web = try TwoVersionDemoWeb()
        try dossier.useDemoWeb(web.server)
    }

    func remove() {
        web.server.stop()
        dossier.remove()
    }
}

/// Kills `dossier build` and `dossier refresh` with SIGKILL at 50 moments and checks, after each,
/// that the store passes `PRAGMA integrity_check` and that every dossier file is a whole version
/// (files are written to a temporary name and renamed), and, at the end, that the next run completes.
@Suite("crash safety", .serialized)
struct CrashSafetyTests {
    /// A deterministic sequence of fractions in 0..<1 (a linear congruential generator).
    struct Moments {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        mutating func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
    }

    private func hashes(in folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in ["dossier.md", "dossier.html"] {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }

    private func integrity(of home: URL) throws -> String {
        let queue = try DatabaseQueue(path: home.appendingPathComponent("data/dossier.sqlite").path)
        defer { try? queue.close() }
        return try queue.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "" }
    }

    @Test("50 kills during builds and refreshes leave the store sound and every file complete, and the next run completes")
    func kills() throws {
        let demo = try DemoBuild()
        defer { demo.remove() }
        let web = demo.web
        let build = demo.arguments
        let folder = demo.folder

        // The two complete versions, and how long each kind of run takes.
        var started = Date()
        #expect(try demo.dossier(build).status == 0)
        var buildTime = Date().timeIntervalSince(started)
        let first = try hashes(in: folder)
        web.version.second.store(true, ordering: .relaxed)
        #expect(try demo.dossier(build).status == 0)
        let second = try hashes(in: folder)
        #expect(first != second, "the two versions must differ for the test to mean anything")
        _ = try demo.dossier(["meeting", "add", DemoSite.person, "--at", "2030-01-02 10:00", "--company", DemoSite.company,
                              "--domain", DemoSite.domain])
        web.version.second.store(false, ordering: .relaxed)
        started = Date()
        #expect(try demo.dossier(["refresh", "--all", "--quiet"]).status == 0)
        var refreshTime = Date().timeIntervalSince(started)

        // A kill counts only when it ended the command (SIGKILL, not a normal exit). When a run
        // finished before its moment came, the machine is faster than measured (a cold first
        // run, other tests finishing): that kind of run's time is shortened and another moment
        // drawn, so the 50 kills land whatever the load, within a bounded number of attempts.
        var moments = Moments()
        var kills = 0
        var attempts = 0
        while kills < 50, attempts < 200 {
            attempts += 1
            let isBuild = attempts % 2 == 0
            web.version.second.store(isBuild, ordering: .relaxed)
            let process = try demo.dossier.start(isBuild ? build : ["refresh", "--all", "--quiet"])
            usleep(useconds_t(moments.next() * (isBuild ? buildTime : refreshTime) * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal, process.terminationStatus == SIGKILL {
                kills += 1
            } else if isBuild {
                buildTime *= 0.8
            } else {
                refreshTime *= 0.8
            }
            #expect(try integrity(of: demo.dossier.home) == "ok", "after attempt \(attempts)")
            // Each rebuild may differ (the versions alternate, and a changed dossier says what
            // changed since when), so a file must be a whole dossier, never a torn one.
            let files = try hashes(in: folder)
            let markdown = String(decoding: files["dossier.md"] ?? Data(), as: UTF8.self)
            let html = String(decoding: files["dossier.html"] ?? Data(), as: UTF8.self)
            #expect(markdown.hasPrefix("# Mara Quintero") && markdown.hasSuffix(" by dossier \(DossierVersion.current)._\n"),
                    "dossier.md is not complete after attempt \(attempts)")
            #expect(html.hasPrefix("<!DOCTYPE html>") && html.hasSuffix("</html>\n"), "dossier.html is not complete after attempt \(attempts)")
        }
        #expect(kills == 50, "only \(kills) of \(attempts) attempts killed a running command")
        let next = try demo.dossier(build)
        #expect(next.status == 0, "\(next.errors)")
        #expect(try integrity(of: demo.dossier.home) == "ok")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).allSatisfy { !$0.hasSuffix(".tmp") },
                "the temporary files of killed runs are cleared by the next")
    }

    @Test("files a killed run left behind after storing its dossier are rewritten by the next run, and its temporaries removed")
    func killedBetweenStoreAndRename() throws {
        let demo = try DemoBuild()
        defer { demo.remove() }
        #expect(try demo.dossier(demo.arguments).status == 0)
        let first = try hashes(in: demo.folder)
        demo.web.version.second.store(true, ordering: .relaxed)
        #expect(try demo.dossier(demo.arguments).status == 0)
        let second = try hashes(in: demo.folder)
        // As a kill between the store's commit and the renames leaves it: the store has the second
        // dossier, the folder the first one's files and the new files' temporaries.
        for (name, bytes) in first { try bytes.write(to: demo.folder.appendingPathComponent(name)) }
        let leftover = demo.folder.appendingPathComponent(".dossier.md.99999.0.tmp")
        try Data("half a dossier".utf8).write(to: leftover)

        #expect(try demo.dossier(demo.arguments).status == 0)
        #expect(try hashes(in: demo.folder) == second)
        #expect(!FileManager.default.fileExists(atPath: leftover.path))
    }

    @Test("an output file that cannot be written: exit 73 naming it, the store sound, the other file whole, the next run fine")
    func unwritableOutput() throws {
        let demo = try DemoBuild()
        defer { demo.remove() }
        let web = demo.web
        let build = demo.arguments
        #expect(try demo.dossier(build).status == 0)
        let folder = demo.folder
        // A folder where dossier.html should go: the rename onto it fails, as on a full or
        // read-only disk (permissions would not stop the root user the tests may run as).
        let html = folder.appendingPathComponent("dossier.html")
        try FileManager.default.removeItem(at: html)
        try FileManager.default.createDirectory(at: html.appendingPathComponent("in-the-way"), withIntermediateDirectories: true)
        web.version.second.store(true, ordering: .relaxed)
        let failed = try demo.dossier(build)
        #expect(failed.status == 73, "\(failed.errors)")
        #expect(failed.errors.contains("dossier.html"))
        #expect(try integrity(of: demo.dossier.home) == "ok")
        let markdown = try String(contentsOf: folder.appendingPathComponent("dossier.md"), encoding: .utf8)
        #expect(markdown.hasSuffix(" by dossier \(DossierVersion.current)._\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).allSatisfy { !$0.hasSuffix(".tmp") })
        try FileManager.default.removeItem(at: html)
        #expect(try demo.dossier(build).status == 0)
        #expect(FileManager.default.fileExists(atPath: html.path))
    }

    // Under ThreadSanitizer a process with a file size limit dies of SIGBUS once a write is
    // refused (the plain and AddressSanitizer runs do not), so `make test-tsan` skips this test.
    @Test("a disk that refuses writes mid-build or mid-refresh: exit 73 saying so, the store sound, the previous dossier untouched",
          .disabled(if: DossierRun.sanitizerOptions["TSAN_OPTIONS"] != nil, "ThreadSanitizer faults under a file size limit"))
    func diskFull() throws {
        var demo = try DemoBuild()
        defer { demo.remove() }
        let web = demo.web
        let build = demo.arguments
        #expect(try demo.dossier(build).status == 0)
        _ = try demo.dossier(["meeting", "add", DemoSite.person, "--at", "2030-01-02 10:00", "--company", DemoSite.company,
                              "--domain", DemoSite.domain])
        let folder = demo.folder

        // From a limit below the database's first write to one that lets the whole run through,
        // the kernel refuses writes at every stage: opening, storing pages, recording the build,
        // writing the demo.dossier. Each run asks for a changed dossier (the versions alternate), and
        // a refused run must leave the dossier exactly as it was.
        var refused = 0, completed = 0
        for (attempt, limit) in [16_384, 32_768, 49_152, 65_536, 98_304, 131_072, 163_840, 196_608, 262_144, 1 << 20].enumerated() {
            web.version.second.store(attempt % 2 == 0, ordering: .relaxed)
            let before = try hashes(in: folder)
            demo.dossier.preamble = DossierRun.fileSizeLimit(limit)
            let run = try demo.dossier(attempt % 3 == 2 ? ["refresh", "--all", "--quiet"] : build)
            demo.dossier.preamble = nil
            #expect(try integrity(of: demo.dossier.home) == "ok", "limit \(limit)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).allSatisfy { !$0.hasSuffix(".tmp") })
            let after = try hashes(in: folder)
            let markdown = String(decoding: after["dossier.md"] ?? Data(), as: UTF8.self)
            #expect(markdown.hasSuffix(" by dossier \(DossierVersion.current)._\n"), "limit \(limit)")
            switch run.status {
            case 0:
                completed += 1
            case 73:
                refused += 1
                #expect(run.errors.contains("cannot write"), "limit \(limit): \(run.errors)")
                #expect(after == before, "limit \(limit): a refused run changed the dossier")
            default:
                Issue.record("limit \(limit): exit \(run.status): \(run.errors)")
            }
        }
        #expect(refused >= 3 && completed >= 1, "\(refused) runs met a refused write, \(completed) completed: the limits no longer span a run")
        #expect(try demo.dossier(build).status == 0)
        #expect(try integrity(of: demo.dossier.home) == "ok")
    }

    /// How a folder is made read-only for one run. Permissions do not stop root, so as root the
    /// folder is mounted read-only in a private mount namespace, or, where mounting is not
    /// allowed (a container without CAP_SYS_ADMIN), the command runs as `nobody` with the
    /// folder's write permission taken away; other users just lose the permission.
    enum ReadOnlyFolder {
        case mount, otherUser, permissions

        static let available: ReadOnlyFolder? = {
            guard getuid() == 0 else { return .permissions }
            if succeeds("/usr/bin/unshare", ["--mount", "--propagation", "private", "/bin/sh", "-c",
                                             "mount --bind /tmp /tmp && mount -o remount,ro,bind /tmp /tmp"]) {
                return .mount
            }
            if succeeds("/usr/bin/setpriv", nobody + [DossierRun.binary.path, "--version"]) { return .otherUser }
            return nil
        }()

        static let nobody = ["--reuid=65534", "--regid=65534", "--clear-groups"]

        private static func succeeds(_ program: String, _ arguments: [String]) -> Bool {
            let probe = Process()
            probe.executableURL = URL(fileURLWithPath: program)
            probe.arguments = arguments
            probe.standardOutput = FileHandle.nullDevice
            probe.standardError = FileHandle.nullDevice
            guard (try? probe.run()) != nil else { return false }
            probe.waitUntilExit()
            return probe.terminationStatus == 0
        }

        /// Makes `folder` read-only for `run`'s next command (and lets `nobody` use the home).
        func apply(to folder: URL, for run: inout DossierRun) throws {
            switch self {
            case .mount:
                run.launcher = ["/usr/bin/unshare", "--mount", "--propagation", "private"]
                run.preamble = "mount --bind '\(folder.path)' '\(folder.path)' && mount -o remount,ro,bind '\(folder.path)' '\(folder.path)'"
            case .otherUser:
                run.launcher = ["/usr/bin/setpriv"] + Self.nobody
                try Self.share(run.home)
                try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
            case .permissions:
                try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
            }
        }

        /// Gives `folder` back its write permission and `run` its plain launch.
        static func lift(from folder: URL, for run: inout DossierRun) throws {
            run.launcher = []
            run.preamble = nil
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path)
        }

        /// The refusal the command reports.
        var reason: String { self == .mount ? "Read-only file system" : "Permission denied" }

        /// Every folder and file of `home` open to all users, for a run as `nobody`.
        private static func share(_ home: URL) throws {
            try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: home.path)
            for case let path as String in FileManager.default.enumerator(atPath: home.path) ?? FileManager.DirectoryEnumerator() {
                let url = home.appendingPathComponent(path)
                let isFolder = (try? url.resourceValues(forKeys: [.isDirectoryKey]))?.isDirectory == true
                try FileManager.default.setAttributes([.posixPermissions: isFolder ? 0o777 : 0o666], ofItemAtPath: url.path)
            }
        }
    }

    @Test("a read-only output folder: exit 73 naming the file, the store sound, the previous dossier untouched, the next run fine",
          .enabled(if: ReadOnlyFolder.available != nil, "this machine offers no way to make a folder read-only for root"))
    func readOnlyOutput() throws {
        var demo = try DemoBuild()
        defer { demo.remove() }
        #expect(try demo.dossier(demo.arguments).status == 0)
        let before = try hashes(in: demo.folder)

        demo.web.version.second.store(true, ordering: .relaxed)
        let method = try #require(ReadOnlyFolder.available)
        try method.apply(to: demo.folder, for: &demo.dossier)
        let failed = try demo.dossier(demo.arguments)
        try ReadOnlyFolder.lift(from: demo.folder, for: &demo.dossier)
        #expect(failed.status == 73, "\(failed.errors)")
        #expect(failed.errors.contains(demo.folder.appendingPathComponent("dossier.md").path), "\(failed.errors)")
        #expect(failed.errors.contains(method.reason), "\(failed.errors)")
        #expect(try integrity(of: demo.dossier.home) == "ok")
        #expect(try hashes(in: demo.folder) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: demo.folder.path).allSatisfy { !$0.hasSuffix(".tmp") })
        #expect(try demo.dossier(demo.arguments).status == 0)
        #expect(try hashes(in: demo.folder) != before)
    }

    @Test("a read-only data folder: exit 73 saying the store cannot be written, nothing changed",
          .enabled(if: ReadOnlyFolder.available != nil, "this machine offers no way to make a folder read-only for root"))
    func readOnlyStore() throws {
        var demo = try DemoBuild()
        defer { demo.remove() }
        #expect(try demo.dossier(demo.arguments).status == 0)
        let before = try hashes(in: demo.folder)
        let data = demo.dossier.home.appendingPathComponent("data")

        demo.web.version.second.store(true, ordering: .relaxed)
        let method = try #require(ReadOnlyFolder.available)
        for command in [demo.arguments, ["meeting", "add", DemoSite.person, "--at", "2030-01-02 10:00"]] {
            try method.apply(to: data, for: &demo.dossier)
            let failed = try demo.dossier(command)
            #expect(failed.status == 73, "\(command[0]): \(failed.errors)")
            #expect(failed.errors.contains("cannot write"), "\(command[0]): \(failed.errors)")
        }
        try ReadOnlyFolder.lift(from: data, for: &demo.dossier)
        #expect(try integrity(of: demo.dossier.home) == "ok")
        #expect(try hashes(in: demo.folder) == before)
        #expect(try demo.dossier(["meeting", "list", "--json"]).status == 0)
        #expect(try demo.dossier(demo.arguments).status == 0)
    }

    @Test("two refreshes and a build started together all finish, or the loser exits 75 naming the holder")
    func together() throws {
        let demo = try DemoBuild()
        defer { demo.remove() }
        _ = try demo.dossier(["meeting", "add", DemoSite.person, "--at", "2030-01-02 10:00", "--company", DemoSite.company,
                              "--domain", DemoSite.domain])
        let runs = [demo.arguments, ["refresh", "--all"], ["refresh", "--all"]].map { arguments in
            Thread.detachNewThreadReturning { try? demo.dossier(arguments) }
        }
        let results = runs.compactMap { $0.value ?? nil }
        #expect(results.count == 3)
        for result in results {
            #expect(result.status == 0 || result.status == 75, "\(result.errors)")
            if result.status == 75 { #expect(result.errors.contains("pid ")) }
        }
        #expect(results.contains { $0.status == 0 })
        #expect(try integrity(of: demo.dossier.home) == "ok")
        let markdown = try String(contentsOf: demo.dossier.home.appendingPathComponent("output/mara-quintero/dossier.md"), encoding: .utf8)
        #expect(markdown.hasSuffix(" by dossier \(DossierVersion.current)._\n"))
    }
}

extension Thread {
    /// Runs `work` on a thread of its own; `value` waits for its result.
    final class Outcome<T: Sendable>: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var result: T?

        fileprivate func finish(_ value: T) {
            result = value
            done.signal()
        }

        var value: T? {
            done.wait()
            return result
        }
    }

    static func detachNewThreadReturning<T: Sendable>(_ work: @escaping @Sendable () -> T) -> Outcome<T> {
        let outcome = Outcome<T>()
        Thread.detachNewThread { outcome.finish(work()) }
        return outcome
    }
}
