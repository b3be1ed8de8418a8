import DossierExtract
import Testing

@Suite("hostile and degenerate input")
struct RobustnessTests {
    @Test("100,000 levels of nesting are parsed and walked without recursion")
    func deepNesting() {
        let depth = 100_000
        let html = "<html><body>" + String(repeating: "<div>", count: depth) +
            "<p>The paragraph at the bottom of a very deep tree of elements.</p>" +
            String(repeating: "</div>", count: depth) + "</body></html>"
        let page = HTMLExtractor.extract(bytes: Array(html.utf8))
        #expect(page.mainText == "The paragraph at the bottom of a very deep tree of elements.")
    }

    @Test("100,000 unclosed inline elements are survived")
    func deepUnclosedInline() {
        let html = "<p>start " + String(repeating: "<span><b>x ", count: 50_000)
        let page = HTMLExtractor.extract(bytes: Array(html.utf8))
        #expect(page.mainText.hasPrefix("start x x"))
    }

    @Test("a 50 MB page is extracted whole")
    func fiftyMegabytes() {
        let paragraph = Array("<p>This sentence is part of a very long page, written again and again to fill fifty megabytes of text.</p>\n".utf8)
        var bytes = Array("<html><head><title>Big</title></head><body><article>".utf8)
        let count = 50_000_000 / paragraph.count + 1
        bytes.reserveCapacity(count * paragraph.count + 64)
        for _ in 0 ..< count { bytes.append(contentsOf: paragraph) }
        bytes.append(contentsOf: Array("</article></body></html>".utf8))
        #expect(bytes.count >= 50_000_000)
        let page = HTMLExtractor.extract(bytes: bytes, scope: .mainText)
        #expect(page.blocks.count == count)
        #expect(page.blocks.last?.text == "This sentence is part of a very long page, written again and again to fill fifty megabytes of text.")
    }

    @Test("binary garbage gives a page, not a crash")
    func binaryGarbage() {
        var generator = SplitMix64(seed: 42)
        let bytes = (0 ..< 1_000_000).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
        let page = HTMLExtractor.extract(bytes: bytes)
        #expect(!page.charset.isEmpty)
        #expect(!page.mainText.contains("\u{0}"))
        let feed = FeedParser.parse(bytes: bytes)
        #expect(feed.format == nil && feed.items.isEmpty)
    }

    @Test("an empty file gives an empty page")
    func emptyInput() {
        let page = HTMLExtractor.extract(bytes: [UInt8]())
        #expect(page.blocks.isEmpty)
        #expect(page.mainText.isEmpty)
        #expect(page.metadata == PageMetadata())
        #expect(page.links.isEmpty)
    }

    @Test("NUL bytes inside text do not cut the page short")
    func nulBytes() {
        let bytes = Array("<p>left".utf8) + [0] + Array("right and the rest of the sentence</p>".utf8)
        #expect(HTMLExtractor.extract(bytes: bytes).mainText == "left\u{FFFD}right and the rest of the sentence")
    }
}

/// A small deterministic random generator for test data.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
