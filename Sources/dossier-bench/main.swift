// dossier-bench: benchmarks that print numbers (never timed tests).
//
//   dossier-bench build --dossier PATH --miniweb PATH --web DIR
//
// Serves the mini web with ../shared/tools/miniweb and builds each person of DIR/facts with
// `dossier build` (rewrites to the mini web, its SearXNG answer, no politeness delay), each in a
// fresh DOSSIER_HOME; prints wall time and peak RSS per person. The last line reads
//   bench-build people=<n> max_wall_s=<x> max_rss_mb=<y>
//
//   dossier-bench fetch --dossier PATH --server PATH [--pages 2000] [--page-size 20000]
//                       [--parallel 32] [--rounds 3]
//
// Starts the loopback page server, fetches every page over 4 host names that resolve to
// loopback (curl resolves *.localhost itself) with `dossier fetch` and with
// `curl --parallel`, alternating, and prints the median of each. The last line reads
//   bench-fetch pages_per_s=<n> curl_pages_per_s=<n> ratio=<ours/curl> peak_rss_mb=<n>
import Foundation

struct Measurement {
    var seconds: Double
    var peakRSSMegabytes: Double
    var bytes: Int
}

enum BenchError: Error, CustomStringConvertible {
    case usage(String)
    case failed(String)

    var description: String {
        switch self {
        case .usage(let text): "usage: \(text)"
        case .failed(let text): text
        }
    }
}

/// Runs a program to completion; returns wall time and the child's peak RSS.
func measure(_ arguments: [String], environment: [String: String]) throws -> (Double, Double) {
    var pid: pid_t = 0
    let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
        argv.forEach { free($0) }
        envp.forEach { free($0) }
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    defer { posix_spawn_file_actions_destroy(&actions) }
    let start = DispatchTime.now()
    guard posix_spawn(&pid, arguments[0], &actions, nil, argv, envp) == 0 else {
        throw BenchError.failed("cannot start \(arguments[0])")
    }
    var status: Int32 = 0
    var usage = rusage()
    wait4(pid, &status, 0, &usage)
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    guard status == 0 else { throw BenchError.failed("\(arguments[0]) exited with status \(status)") }
    return (seconds, Double(usage.ru_maxrss) / 1024)
}

func directorySize(_ path: String) -> Int {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    return files.reduce(0) { total, name in
        let attributes = try? FileManager.default.attributesOfItem(atPath: path + "/" + name)
        return total + ((attributes?[.size] as? Int) ?? 0)
    }
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
}

func option(_ name: String, in arguments: [String], default value: String? = nil) throws -> String {
    if let index = arguments.firstIndex(of: name), index + 1 < arguments.count { return arguments[index + 1] }
    if let value { return value }
    throw BenchError.usage("dossier-bench fetch --dossier PATH --server PATH [--pages N] [--page-size B] [--parallel N] [--rounds N]")
}

func runFetchBenchmark(_ arguments: [String]) throws {
    let dossier = try option("--dossier", in: arguments)
    let serverPath = try option("--server", in: arguments)
    let pages = Int(try option("--pages", in: arguments, default: "2000")) ?? 2000
    let pageSize = Int(try option("--page-size", in: arguments, default: "20000")) ?? 20000
    let parallel = Int(try option("--parallel", in: arguments, default: "32")) ?? 32
    let rounds = Int(try option("--rounds", in: arguments, default: "3")) ?? 3
    let curl = "/usr/bin/curl"

    let server = Process()
    server.executableURL = URL(fileURLWithPath: serverPath)
    server.arguments = ["--pages", String(pages), "--page-size", String(pageSize)]
    let serverOutput = Pipe()
    server.standardOutput = serverOutput
    server.standardInput = Pipe()
    try server.run()
    defer { server.terminate() }
    var banner = Data()
    while !banner.contains(UInt8(ascii: "\n")) {
        let chunk = serverOutput.fileHandleForReading.availableData
        guard !chunk.isEmpty else { throw BenchError.failed("the page server exited before listening") }
        banner.append(chunk)
    }
    let line = String(decoding: banner, as: UTF8.self)
    guard let port = line.split(separator: ":").last.flatMap({ Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }) else {
        throw BenchError.failed("unexpected server banner: \(line)")
    }

    // Bodies go to memory-backed /dev/shm when there is one, so the figures measure fetching
    // rather than the disk's inode allocation, which varies several-fold between runs here.
    let scratch = FileManager.default.fileExists(atPath: "/dev/shm")
        ? URL(fileURLWithPath: "/dev/shm", isDirectory: true) : FileManager.default.temporaryDirectory
    let work = scratch.appendingPathComponent("dossier-bench-\(getpid())")
    try? FileManager.default.removeItem(at: work)
    try FileManager.default.createDirectory(at: work.appendingPathComponent("home/config"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: work) }
    let hosts = (1...4).map { "bench\($0).localhost" }
    let urls = (1...pages).map { "http://\(hosts[$0 % hosts.count]):\(port)/page/\($0)" }
    try urls.joined(separator: "\n").write(to: work.appendingPathComponent("urls.txt"), atomically: true, encoding: .utf8)
    let config = """
    [network]
    allow_private = true
    max_concurrency = \(parallel)
    per_host_concurrency = \(parallel / hosts.count)
    per_host_delay_ms = 0
    """
    try config.write(to: work.appendingPathComponent("home/config/config.toml"), atomically: true, encoding: .utf8)
    var curlConfig = ""
    for (index, url) in urls.enumerated() {
        curlConfig += "url = \"\(url)\"\noutput = \"\(work.path)/curl-out/\(index).html\"\n"
    }
    try curlConfig.write(to: work.appendingPathComponent("curl.cfg"), atomically: true, encoding: .utf8)

    var environment = ProcessInfo.processInfo.environment
    environment["DOSSIER_HOME"] = work.appendingPathComponent("home").path
    var ours: [Measurement] = []
    var theirs: [Measurement] = []
    for round in 1...rounds {
        let ourOut = work.appendingPathComponent("dossier-out").path
        let curlOut = work.appendingPathComponent("curl-out").path
        try? FileManager.default.removeItem(atPath: ourOut)
        try? FileManager.default.removeItem(atPath: curlOut)
        try FileManager.default.createDirectory(atPath: curlOut, withIntermediateDirectories: true)
        let (ourSeconds, ourRSS) = try measure(
            [dossier, "fetch", "--quiet", "--urls", work.appendingPathComponent("urls.txt").path, "--out", ourOut],
            environment: environment)
        ours.append(Measurement(seconds: ourSeconds, peakRSSMegabytes: ourRSS, bytes: directorySize(ourOut)))
        let (curlSeconds, curlRSS) = try measure(
            [curl, "--silent", "--no-progress-meter", "--fail", "--parallel", "--parallel-max", String(parallel), "--config", work.appendingPathComponent("curl.cfg").path],
            environment: environment)
        theirs.append(Measurement(seconds: curlSeconds, peakRSSMegabytes: curlRSS, bytes: directorySize(curlOut)))
        print(String(format: "round %d: dossier %.3f s (%d files) rss %.1f MB; curl %.3f s rss %.1f MB",
                     round, ourSeconds, (try? FileManager.default.contentsOfDirectory(atPath: ourOut).count) ?? 0,
                     ourRSS, curlSeconds, curlRSS))
    }
    let ourSeconds = median(ours.map(\.seconds))
    let curlSeconds = median(theirs.map(\.seconds))
    let megabytes = Double(ours.last!.bytes) / 1e6
    let curlMegabytes = Double(theirs.last!.bytes) / 1e6
    let peakRSS = ours.map(\.peakRSSMegabytes).max()!
    print(String(format: "dossier: %.0f pages/s, %.1f MB/s; curl: %.0f pages/s, %.1f MB/s (median of %d rounds, %d pages of %d B, %d at once, 4 hosts)",
                 Double(pages) / ourSeconds, megabytes / ourSeconds, Double(pages) / curlSeconds, curlMegabytes / curlSeconds,
                 rounds, pages, pageSize, parallel))
    print(String(format: "bench-fetch pages_per_s=%.0f curl_pages_per_s=%.0f ratio=%.2f peak_rss_mb=%.1f",
                 Double(pages) / ourSeconds, Double(pages) / curlSeconds, curlSeconds / ourSeconds, peakRSS))
}

/// Starts a server process and returns it with the base URL from its first line ("... http://127.0.0.1:PORT").
func startServer(_ executable: String, _ arguments: [String]) throws -> (Process, String) {
    let server = Process()
    server.executableURL = URL(fileURLWithPath: executable)
    server.arguments = arguments
    let output = Pipe()
    server.standardOutput = output
    server.standardInput = Pipe()
    try server.run()
    var banner = Data()
    while !banner.contains(UInt8(ascii: "\n")) {
        let chunk = output.fileHandleForReading.availableData
        guard !chunk.isEmpty else { throw BenchError.failed("\(executable) exited before listening") }
        banner.append(chunk)
    }
    let line = String(decoding: banner, as: UTF8.self)
    guard let start = line.range(of: "http://") else { throw BenchError.failed("unexpected banner: \(line)") }
    return (server, String(line[start.lowerBound...]).trimmingCharacters(in: .whitespacesAndNewlines))
}

/// A DOSSIER_HOME whose config sends every request to the mini web at `base`, uses its
/// SearXNG answer and waits no politeness delay.
func writeMiniWebConfig(home: URL, base: String) throws {
    try FileManager.default.createDirectory(at: home.appendingPathComponent("config"), withIntermediateDirectories: true)
    let config = """
    [network]
    per_host_delay_ms = 0
    source_rates = false
    # The mini web is one small Python server whose listen queue holds 5 connections; more
    # at once get their SYN dropped and retried a second later.
    max_concurrency = 4
    [search]
    searxng = "https://searx.test"
    [[rewrite]]
    from = "https://"
    to = "\(base)/"
    [[rewrite]]
    from = "http://"
    to = "\(base)/"
    """
    try config.write(to: home.appendingPathComponent("config/config.toml"), atomically: true, encoding: .utf8)
}

func runBuildBenchmark(_ arguments: [String]) throws {
    let dossier = try option("--dossier", in: arguments)
    let miniweb = try option("--miniweb", in: arguments)
    let web = try option("--web", in: arguments)
    let factsDirectory = web + "/facts"
    let files = try FileManager.default.contentsOfDirectory(atPath: factsDirectory).filter { $0.hasSuffix(".json") }.sorted()
    let (server, base) = try startServer("/usr/bin/env", ["python3", miniweb, "--port", "0", web])
    defer { kill(server.processIdentifier, SIGKILL) }
    let work = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-bench-build-\(getpid())")
    defer { try? FileManager.default.removeItem(at: work) }
    var maxWall = 0.0
    var maxRSS = 0.0
    for file in files {
        let facts = try JSONDecoder().decode(FactFile.self, from: Data(contentsOf: URL(fileURLWithPath: factsDirectory + "/" + file)))
        let home = work.appendingPathComponent(String(file.dropLast(5)))
        try writeMiniWebConfig(home: home, base: base)
        var environment = ProcessInfo.processInfo.environment
        environment["DOSSIER_HOME"] = home.path
        let (seconds, rss) = try measure([dossier, "build", facts.person, "--company", facts.company, "--quiet"], environment: environment)
        print(String(format: "%@: %.3f s, peak RSS %.1f MB", facts.person, seconds, rss))
        maxWall = max(maxWall, seconds)
        maxRSS = max(maxRSS, rss)
    }
    print(String(format: "bench-build people=%d max_wall_s=%.3f max_rss_mb=%.1f", files.count, maxWall, maxRSS))
}

let arguments = Array(CommandLine.arguments.dropFirst())
do {
    switch arguments.first {
    case "fetch": try runFetchBenchmark(Array(arguments.dropFirst()))
    case "build": try runBuildBenchmark(Array(arguments.dropFirst()))
    case "score": try runScore(Array(arguments.dropFirst()))
    case "refresh": try runRefreshBenchmark(Array(arguments.dropFirst()))
    case "extract": try runExtractBenchmark(Array(arguments.dropFirst()))
    default: throw BenchError.usage("dossier-bench fetch|build|score|refresh|extract ... (see the comment at the top of each benchmark's file)")
    }
} catch {
    FileHandle.standardError.write(Data("dossier-bench: \(error)\n".utf8))
    if case .usage = error as? BenchError { exit(64) }
    exit(1)
}
