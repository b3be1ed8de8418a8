@testable import DossierStore
import DossierTestSupport
import Foundation
import Testing

import Glibc

@Suite("writer lock")
struct WriterLockTests {
    @Test("a second writer gets a busy error naming the holder once the wait bound has passed")
    func busyNamesHolder() async throws {
        let temporary = try TemporaryFolder("store")
        defer { temporary.remove() }
        let holder = try await WriterLock.acquire(directory: temporary.url, command: "dossier refresh")

        let clock = ContinuousClock()
        let started = clock.now
        var caught: StoreError?
        do {
            let second = try await WriterLock.acquire(
                directory: temporary.url, command: "dossier build", waitingUpTo: .milliseconds(200))
            second.release()
        } catch let error as StoreError {
            caught = error
        }
        let waited = clock.now - started

        let lockPath = temporary.url.appending(path: WriterLock.fileName).path
        #expect(caught == .busy(holderPID: getpid(), holderCommand: "dossier refresh", lockPath: lockPath))
        #expect(caught?.description.contains("pid \(getpid()): dossier refresh") == true)
        #expect(caught?.description.contains(temporary.url.path) == true)
        #expect(waited >= .milliseconds(200))
        // Bounded: a wait of 200 ms must not turn into a hang. The bound is loose because the
        // suite runs beside CPU-heavy tests (Chromium printing, the corpora under AddressSanitizer)
        // on two cores, which kept this task from resuming for 60 s once.
        #expect(waited < .seconds(300), "the wait is bounded")
        holder.release()
    }

    @Test("a released lock can be taken again and records the new holder")
    func releaseThenReacquire() async throws {
        let temporary = try TemporaryFolder("store")
        defer { temporary.remove() }
        let lockURL = temporary.url.appending(path: WriterLock.fileName)

        let first = try await WriterLock.acquire(directory: temporary.url, command: "dossier refresh")
        first.release()
        #expect(try Data(contentsOf: lockURL).isEmpty, "a released lock names nobody")

        let second = try await WriterLock.acquire(
            directory: temporary.url, command: "dossier build Jane Doe", waitingUpTo: .milliseconds(200))
        #expect(try String(contentsOf: lockURL, encoding: .utf8) == "\(getpid())\ndossier build Jane Doe\n")
        second.release()
    }

    @Test(
        "a lock held by another process names that process, and is freed when it dies",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/flock"), "needs util-linux flock")
    )
    func otherProcessHoldsLock() async throws {
        let temporary = try TemporaryFolder("store")
        defer { temporary.remove() }
        let lockURL = temporary.url.appending(path: WriterLock.fileName)
        let sleeperPIDURL = temporary.url.appending(path: "sleeper.pid")
        // Runs under `flock -o`: writes what a dossier holder would (flock's pid is the shell's parent),
        // then sleeps without the descriptor, so killing flock alone frees the lock. The sleep outlasts
        // any delay a busy test run can cause (a 60 s sleep once ended before the lock was tried).
        let script = temporary.url.appending(path: "hold.sh")
        try """
        printf '%s\\ndossier refresh\\n' "$PPID" > "$1"
        echo $$ > "$2"
        exec sleep 900
        """.write(to: script, atomically: true, encoding: .utf8)
        let holder = Process()
        holder.executableURL = URL(filePath: "/usr/bin/flock")
        holder.arguments = ["-o", lockURL.path, "/bin/sh", script.path, lockURL.path, sleeperPIDURL.path]
        try holder.run()
        // Stop the sleeper first: Foundation's Process may not report flock's exit while its child lives.
        func stopHolder() {
            if let text = try? String(contentsOf: sleeperPIDURL, encoding: .utf8),
               let sleeper = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                kill(sleeper, SIGKILL)
            }
            if holder.isRunning { kill(holder.processIdentifier, SIGKILL) }
            holder.waitUntilExit()
        }
        defer { stopHolder() }
        try await waitUntil { (try? String(contentsOf: sleeperPIDURL, encoding: .utf8))?.hasSuffix("\n") == true }

        var caught: StoreError?
        do {
            let lock = try await WriterLock.acquire(directory: temporary.url, waitingUpTo: .milliseconds(200))
            lock.release()
        } catch let error as StoreError {
            caught = error
        }
        #expect(caught == .busy(holderPID: holder.processIdentifier, holderCommand: "dossier refresh", lockPath: lockURL.path))

        stopHolder()
        let lock = try await WriterLock.acquire(directory: temporary.url, waitingUpTo: .seconds(5))
        lock.release()
    }

    private func waitUntil(_ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(10)
        while !condition() {
            guard ContinuousClock.now < deadline else {
                Issue.record("condition not met within 10 s")
                return
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}
