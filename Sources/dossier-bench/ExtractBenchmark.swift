// dossier-bench extract: the extractor's throughput on one core against libxml2's own HTML parse.
//
//   dossier-bench extract [--corpus DIR]... [--rounds 7]
//
// Reads every *.html file of each DIR (default ../shared/corpus/extraction/dev) into memory, then
// alternates, round by round, two passes over the same pages on one thread: libxml2's HTML parser
// alone (the tree built and freed, nothing else) and HTMLExtractor.extract in main-text scope
// (what `dossier extract --batch` does for text). One warm-up pass of each comes first. Prints
// each round and, last, the fastest round of each (a busy machine only ever slows a pass down),
// their ratio, and the median of the rounds' own ratios (each round's two passes run back to
// back):
//   bench-extract files=<n> mb=<x> parse_mb_s=<p> extract_mb_s=<e> ratio=<e/p> round_ratio=<median>
// MB are 10^6 bytes of HTML, as ../shared/tools/extract-eval counts them.
import DossierExtract
import Foundation

func runExtractBenchmark(_ arguments: [String]) throws {
    var directories: [String] = []
    var index = 0
    while index < arguments.count {
        if arguments[index] == "--corpus", index + 1 < arguments.count {
            directories.append(arguments[index + 1])
            index += 2
        } else {
            index += 1
        }
    }
    if directories.isEmpty { directories = ["../shared/corpus/extraction/dev"] }
    let rounds = Int(try option("--rounds", in: arguments, default: "7")) ?? 7
    guard rounds > 0 else { throw BenchError.usage("dossier-bench extract [--corpus DIR]... [--rounds N>0]") }

    var pages: [[UInt8]] = []
    for directory in directories {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw BenchError.failed("cannot read \(directory)")
        }
        for name in names.sorted() where name.hasSuffix(".html") {
            guard let data = FileManager.default.contents(atPath: directory + "/" + name) else {
                throw BenchError.failed("cannot read \(directory)/\(name)")
            }
            pages.append([UInt8](data))
        }
    }
    guard !pages.isEmpty else { throw BenchError.failed("no .html files in \(directories.joined(separator: ", "))") }
    let megabytes = Double(pages.reduce(0) { $0 + $1.count }) / 1e6
    let baselines = pages.map { HTMLParseBaseline(bytes: $0) }

    func parsePass() -> Double {
        let start = DispatchTime.now()
        var built = 0
        for baseline in baselines where baseline.parse() { built += 1 }
        precondition(built > 0, "libxml2 built no document")
        return Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }
    func extractPass() -> Double {
        let start = DispatchTime.now()
        var characters = 0
        for page in pages { characters += HTMLExtractor.extract(bytes: page, scope: .mainText).mainText.utf8.count }
        precondition(characters > 0, "the extractor found no text at all")
        return Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    _ = parsePass()
    _ = extractPass()
    var parseRates: [Double] = []
    var extractRates: [Double] = []
    var ratios: [Double] = []
    for round in 1 ... rounds {
        // Alternate which pass goes first, so neither always runs on a warmer or quieter machine.
        let parseSeconds: Double, extractSeconds: Double
        if round % 2 == 1 {
            parseSeconds = parsePass()
            extractSeconds = extractPass()
        } else {
            extractSeconds = extractPass()
            parseSeconds = parsePass()
        }
        parseRates.append(megabytes / parseSeconds)
        extractRates.append(megabytes / extractSeconds)
        ratios.append(parseSeconds / extractSeconds)
        print(String(format: "round %d: libxml2 parse %.1f MB/s, extract %.1f MB/s, ratio %.2f",
                     round, megabytes / parseSeconds, megabytes / extractSeconds, parseSeconds / extractSeconds))
    }
    let parseRate = parseRates.max()!
    let extractRate = extractRates.max()!
    print(String(format: "bench-extract files=%d mb=%.1f parse_mb_s=%.1f extract_mb_s=%.1f ratio=%.2f round_ratio=%.2f",
                 pages.count, megabytes, parseRate, extractRate, extractRate / parseRate, median(ratios)))
}
