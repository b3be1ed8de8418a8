import DossierExtract
import DossierTestSupport
import Foundation
import Testing

@Suite("the extraction corpus (../shared)")
struct CorpusTests {
    @Test("main text scores F1 >= 0.95 on the dev pages, scored like extract-eval",
          .enabled(if: SharedWorkspace.hasCorpus, SharedWorkspace.absentCorpus))
    func devCorpusF1() throws {
        let directory = SharedWorkspace.corpusFile("extraction/dev")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".html") }.sorted()
        var score = ShingleScore()
        var pages = 0
        for name in names {
            let expectedURL = directory.appendingPathComponent(String(name.dropLast(5)) + ".txt")
            guard let expectedData = FileManager.default.contents(atPath: expectedURL.path) else { continue }
            let html = try Data(contentsOf: directory.appendingPathComponent(name))
            let page = HTMLExtractor.extract(bytes: [UInt8](html), scope: .mainText)
            score.add(expected: String(decoding: expectedData, as: UTF8.self), extracted: page.mainText)
            pages += 1
        }
        #expect(pages > 50)
        #expect(score.f1 >= 0.95, "F1 \(score.f1) P \(score.precision) R \(score.recall) over \(pages) pages")
    }

    @Test("the scorer matches extract-eval on a hand-computed case")
    func scorerDefinition() {
        var score = ShingleScore()
        // Expected: 6 tokens → 3 shingles; extracted drops the last token → 2 shingles, both right.
        score.add(expected: "one two three four five six", extracted: "one two three four five")
        #expect(score.precision == 1)
        #expect(abs(score.recall - 2.0 / 3.0) < 1e-9)
        #expect(ShingleScore.tokens("l'été_2 — naïve, 東京") == ["l", "été_2", "naïve", "東京"])
    }
}
