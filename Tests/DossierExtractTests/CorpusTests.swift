import DossierExtract
import DossierTestSupport
import Foundation
import Testing

/// Regression guards on the two extraction corpora of ../shared, scored the way
/// ../shared/tools/extract-eval scores `dossier extract --batch`. Each floor sits a little below
/// the figure the extractor reached (README, Performance): a drop below it is a regression.
@Suite("the extraction corpora (../shared)")
struct CorpusTests {
    @Test("main text scores F1 >= 0.97 on the dev news pages, scored like extract-eval",
          .enabled(if: SharedWorkspace.hasCorpus, SharedWorkspace.absentCorpus))
    func devCorpusF1() async throws {
        let directory = SharedWorkspace.corpusFile("extraction/dev")
        let pages = try CorpusPages.pages(in: directory)
        let texts = await CorpusPages.mainTexts(of: pages)
        var score = ShingleScore()
        var scored = 0
        for (page, text) in zip(pages, texts) {
            let expectedURL = directory.appendingPathComponent(page.name + ".txt")
            guard let expected = FileManager.default.contents(atPath: expectedURL.path) else { continue }
            score.add(expected: String(decoding: expected, as: UTF8.self), extracted: text)
            scored += 1
        }
        #expect(scored > 50)
        #expect(score.f1 >= 0.97, "F1 \(score.f1) P \(score.precision) R \(score.recall) over \(scored) pages")
    }

    @Test("main text scores F1 >= 0.93 on the snippet pages of trafilatura's evaluation, scored like extract-eval",
          .enabled(if: SharedWorkspace.hasCorpus, SharedWorkspace.absentCorpus))
    func snippetCorpusF1() async throws {
        struct Snippets: Decodable {
            let with: [String]
            let without: [String]
        }
        let directory = SharedWorkspace.corpusFile("extraction/snippets-dev")
        let snippets = try JSONDecoder().decode(
            [String: Snippets].self, from: Data(contentsOf: directory.appendingPathComponent("snippets.json")))
        let pages = try CorpusPages.pages(in: directory).filter { snippets[$0.name] != nil }
        let texts = await CorpusPages.mainTexts(of: pages)
        var score = SnippetScore()
        for (page, text) in zip(pages, texts) {
            let page = try #require(snippets[page.name])
            score.add(extracted: text, with: page.with, without: page.without)
        }
        #expect(pages.count > 400)
        #expect(score.f1 >= 0.93, "F1 \(score.f1) P \(score.precision) R \(score.recall) over \(pages.count) pages")
    }

    @Test("the shingle scorer matches extract-eval on a hand-computed case")
    func scorerDefinition() {
        var score = ShingleScore()
        // Expected: 6 tokens → 3 shingles; extracted drops the last token → 2 shingles, both right.
        score.add(expected: "one two three four five six", extracted: "one two three four five")
        #expect(score.precision == 1)
        #expect(abs(score.recall - 2.0 / 3.0) < 1e-9)
        #expect(ShingleScore.tokens("l'été_2 — naïve, 東京") == ["l", "été_2", "naïve", "東京"])
    }

    @Test("the snippet scorer matches extract-eval on a hand-computed case")
    func snippetScorerDefinition() {
        var score = SnippetScore()
        // Whitespace differs but normalizes away: found. Case differs: not found.
        score.add(extracted: "The  river\nflows north.\u{00A0}Ads here.",
                  with: ["river flows", "The River"], without: ["Ads  here.", "Cookies"])
        #expect(score.truePositives == 1 && score.falseNegatives == 1 && score.falsePositives == 1)
        #expect(abs(score.f1 - 2.0 / 4.0) < 1e-9)
        #expect(score.precision == 0.5 && score.recall == 0.5)
        // Code points are compared, not canonically equivalent characters.
        var accents = SnippetScore()
        accents.add(extracted: "caf\u{E9} au lait", with: ["cafe\u{301}"], without: [])
        #expect(accents.truePositives == 0)
    }
}
