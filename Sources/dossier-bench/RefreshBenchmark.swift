// dossier-bench refresh: what a nightly refresh costs when nothing changed upstream.
//
//   dossier-bench refresh --dossier PATH --miniweb PATH --web DIR
//
// For each person of DIR/facts, in a fresh DOSSIER_HOME against the mini web (logging every
// request): adds a meeting tomorrow, builds the dossier (cold), then runs `dossier refresh`
// and checks the log: every stored page requested again must be asked conditionally and
// answered 304, and the dossier's files must keep their bytes and modification times. The
// last line reads
//   bench-refresh build_s=<x> refresh_s=<y> ratio=<y/x> not_modified=<k>/<n>
// with the times summed over the people and k of the n conditional requests answered 304.
import Foundation

func runRefreshBenchmark(_ arguments: [String]) throws {
    let dossier = try option("--dossier", in: arguments)
    let miniweb = try option("--miniweb", in: arguments)
    let web = try option("--web", in: arguments)
    let work = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-bench-refresh-\(getpid())")
    defer { try? FileManager.default.removeItem(at: work) }
    try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
    let log = work.appendingPathComponent("requests.log")
    let (server, base) = try startServer("/usr/bin/env", ["python3", miniweb, "--port", "0", "--log", log.path, web])
    defer { kill(server.processIdentifier, SIGKILL) }
    let factsDirectory = web + "/facts"
    let files = try FileManager.default.contentsOfDirectory(atPath: factsDirectory).filter { $0.hasSuffix(".json") }.sorted()
    let tomorrow = Date().addingTimeInterval(86_400)
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyy-MM-dd HH:mm"
    var buildSeconds = 0.0
    var refreshSeconds = 0.0
    var conditional = 0
    var notModified = 0
    var untouched = true
    for file in files {
        let facts = try JSONDecoder().decode(FactFile.self, from: Data(contentsOf: URL(fileURLWithPath: factsDirectory + "/" + file)))
        let home = work.appendingPathComponent(String(file.dropLast(5)))
        try writeMiniWebConfig(home: home, base: base)
        var environment = ProcessInfo.processInfo.environment
        environment["DOSSIER_HOME"] = home.path
        _ = try measure([dossier, "meeting", "add", facts.person, "--at", formatter.string(from: tomorrow), "--company", facts.company,
                         "--quiet"], environment: environment)
        let (build, _) = try measure([dossier, "build", facts.person, "--company", facts.company, "--quiet"], environment: environment)
        let output = home.appendingPathComponent("output")
        let before = try fileStamps(under: output)
        try Data().write(to: log)
        let (refresh, _) = try measure([dossier, "refresh", "--quiet"], environment: environment)
        let after = try fileStamps(under: output)
        let lines = try String(contentsOf: log, encoding: .utf8).split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        let asked = lines.filter { $0.count >= 6 && $0[5] == "yes" }
        let answered = asked.filter { $0[3] == "304" }
        print(String(format: "%@: build %.3f s, refresh %.3f s, %d/%d conditional requests answered 304, files %@",
                     facts.person, build, refresh, answered.count, asked.count, before == after ? "untouched" : "CHANGED"))
        untouched = untouched && before == after
        buildSeconds += build
        refreshSeconds += refresh
        conditional += asked.count
        notModified += answered.count
    }
    print(String(format: "bench-refresh build_s=%.3f refresh_s=%.3f ratio=%.2f not_modified=%d/%d",
                 buildSeconds, refreshSeconds, refreshSeconds / max(buildSeconds, 0.001), notModified, conditional))
    if !untouched { throw BenchError.failed("a refresh with nothing changed rewrote dossier files") }
}

/// Every file below a directory with its size and modification time.
func fileStamps(under directory: URL) throws -> [String: String] {
    var stamps: [String: String] = [:]
    let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.contentModificationDateKey, .fileSizeKey])
    while let url = enumerator?.nextObject() as? URL {
        let values = try url.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey])
        stamps[url.path] = "\(values.fileSize ?? 0) \(values.contentModificationDate?.timeIntervalSince1970 ?? 0)"
    }
    return stamps
}
