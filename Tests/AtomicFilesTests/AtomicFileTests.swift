@testable import AtomicFiles
import Foundation
import Testing

@Suite("AtomicFile.Directory")
struct AtomicFileDirectoryTests {
    private static func scratch() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)").path
    }

    @Test("creates missing parents, writes exact content, leaves no temporary file")
    func writesExactBodies() throws {
        let root = Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let directory = try AtomicFile.Directory(creatingIfNeeded: root + "/a/b")
        let bodies = (0..<50).map { index in Data((0..<(index * 997)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ index) }) }
        for (index, body) in bodies.enumerated() {
            try directory.write(body, name: "page-\(index).html")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: root + "/a/b").sorted()
        #expect(names == (0..<50).map { "page-\($0).html" }.sorted())
        for (index, body) in bodies.enumerated() {
            #expect(FileManager.default.contents(atPath: directory.path(of: "page-\(index).html")) == body)
        }
    }

    @Test("replaces an existing file whole, and an existing directory is reused")
    func replaces() throws {
        let root = Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try AtomicFile.Directory(creatingIfNeeded: root).write(Data("old and longer".utf8), name: "f.txt")
        let again = try AtomicFile.Directory(creatingIfNeeded: root + "/")
        try again.write(Data("new".utf8), name: "f.txt")
        #expect(FileManager.default.contents(atPath: root + "/f.txt") == Data("new".utf8))
        #expect(again.path(of: "f.txt") == root + "/f.txt")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["f.txt"])
    }

    @Test("failures are typed and name the file; nothing is left behind")
    func failures() throws {
        let root = Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(FileManager.default.createFile(atPath: root, contents: Data("a file".utf8)))
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.Directory(creatingIfNeeded: root + "/sub") }
        try FileManager.default.removeItem(atPath: root)
        let directory = try AtomicFile.Directory(creatingIfNeeded: root)
        try FileManager.default.createDirectory(atPath: root + "/taken", withIntermediateDirectories: false)
        let error = #expect(throws: AtomicFile.WriteError.self) { try directory.write(Data("x".utf8), name: "taken") }
        #expect(error?.path == root + "/taken")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["taken"])
    }
}

@Suite("AtomicFile.stage")
struct AtomicFileStageTests {
    @Test("a temporary name left by a killed process with this PID is passed over, not an error")
    func takenTemporaryName() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // The next names this process will use (.dossier.md.PID.N.tmp), taken the way a killed
        // run of the same PID leaves them.
        var parts = AtomicFile.temporaryName(for: "dossier.md").split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let sequence = try #require(Int(parts[parts.count - 2]))
        for next in sequence + 1...sequence + 3 {
            parts[parts.count - 2] = String(next)
            try Data("left over".utf8).write(to: folder.appendingPathComponent(parts.joined(separator: ".")))
        }
        let target = folder.appendingPathComponent("dossier.md").path
        try AtomicFile.stage(Data("new".utf8), toPath: target).replaceTarget()
        #expect(FileManager.default.contents(atPath: target) == Data("new".utf8))
    }
}
