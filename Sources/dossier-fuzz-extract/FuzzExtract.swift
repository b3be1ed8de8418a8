import DossierExtract
import Glibc

// The fuzz target of the extractor. Built with `-Xswiftc -DFUZZING -Xswiftc -sanitize=fuzzer,address`
// (see scripts/fuzz-extract.sh), libFuzzer calls `LLVMFuzzerTestOneInput` with each input. In a
// normal build it is a replay tool: `dossier-fuzz-extract FILE...` runs the same code on saved
// inputs (a crash reproducer, for instance) and prints what each gave.

/// Runs every entry point of the extractor on one input.
func exercise(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    let page = HTMLExtractor.extract(bytes: bytes, contentType: nil, url: "https://example.org/a/b")
    let feed = FeedParser.parse(bytes: bytes)
    let markdown = PageMarkdown.render(page)
    return page.mainText.utf8.count + markdown.utf8.count + feed.items.count
}

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// libFuzzer's driver, started from Swift's entry point (SwiftPM names the executable's `main`).
@main
enum FuzzDriver {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(runFuzzerDriver(&argc, &argv) { data, size in
            guard let data else { return 0 }
            _ = exercise(UnsafeBufferPointer(start: data, count: size))
            return 0
        })
    }
}
#else
/// Replays saved inputs through the fuzz target and prints what each gave.
@main
enum FuzzReplay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let file = fopen(path, "rb") else {
                print("\(path): cannot open")
                continue
            }
            var bytes: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = fread(&chunk, 1, chunk.count, file)
                if count <= 0 { break }
                bytes.append(contentsOf: chunk[0 ..< count])
            }
            fclose(file)
            let size = bytes.withUnsafeBufferPointer(exercise)
            print("\(path): \(bytes.count) bytes in, \(size) bytes out")
        }
    }
}
#endif
