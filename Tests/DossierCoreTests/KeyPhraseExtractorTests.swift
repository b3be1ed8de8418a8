@testable import DossierCore
import Testing

@Suite("key phrases")
struct KeyPhraseExtractorTests {
    /// A made-up article about a made-up company.
    static let article = """
        Pomona Robotics builds harvesting robots for apple and pear orchards. Founded in 2017 by \
        Dana Whitfield, the company sells its harvesting robots to growers in Washington, Chile and \
        New Zealand. Each robot drives between the orchard rows at night and picks ripe fruit with a \
        soft vacuum gripper.

        The harvesting robots rely on machine vision. Cameras on the robot arm measure the colour and \
        size of every apple, and a neural network decides whether the fruit is ripe. Whitfield says \
        the machine vision system was the hardest part to build, because light in an orchard changes \
        by the minute.

        Labour shortages drive demand. Orchard owners in Washington cannot find enough pickers during \
        the harvest, and a single harvesting robot replaces roughly ten seasonal pickers. Pomona \
        Robotics leases the robots by the season, so a small orchard can try a robot before buying one.

        In 2023 the company raised $40 million to build more harvesting robots. Whitfield wants every \
        large orchard in the state to run a robot fleet by 2026, and the company is testing its vacuum \
        gripper on peaches and citrus.
        """

    static let names = ["Dana Whitfield", "Pomona Robotics"]

    @Test("domain phrases lead the list; stopwords and excluded names never appear alone")
    func domainPhrases() {
        let phrases = KeyPhraseExtractor.keyPhrases(in: Self.article, count: 5, excluding: Self.names)
        let folded = phrases.map { $0.lowercased() }
        #expect(phrases.count == 5)
        #expect(folded.contains("harvesting robots"))
        #expect(folded.contains("orchard"))
        for excluded in ["dana", "whitfield", "dana whitfield", "pomona", "robotics", "pomona robotics"] {
            #expect(!folded.contains(excluded))
        }
        let stopwords: Set<String> = ["the", "and", "of", "in", "to", "a", "by", "its", "each"]
        for phrase in folded {
            let words = phrase.split(separator: " ").map(String.init)
            #expect(!stopwords.contains(words.first!) && !stopwords.contains(words.last!), "\(phrase)")
        }
    }

    @Test("without exclusions the company name is a key phrase")
    func namesWithoutExclusion() {
        let phrases = KeyPhraseExtractor.keyPhrases(in: Self.article, count: 10)
        #expect(phrases.contains("Pomona Robotics"))
    }

    @Test("phrases keep the casing they most often have in the text")
    func casing() {
        let text = "The Apple Watch tracks sleep. Reviewers liked the Apple Watch. An apple watch is pricey. "
            + "Apple Watch owners sleep better."
        let phrases = KeyPhraseExtractor.keyPhrases(in: text, count: 3)
        #expect(phrases.first == "Apple Watch")
    }

    @Test("hyphenated words and domain names stay whole; numbers alone are not phrases")
    func tokens() {
        let text = "X.com bought a state-of-the-art data centre in 2024. X.com said the state-of-the-art "
            + "centre cost 2024 dollars. Analysts said 2024 was a big year for X.com."
        let phrases = KeyPhraseExtractor.keyPhrases(in: text, count: 10)
        #expect(phrases.contains("X.com"))
        #expect(phrases.contains { $0.contains("state-of-the-art") })
        #expect(!phrases.contains("2024"))
        #expect(!phrases.contains { $0 == "com" || $0 == "X" || $0 == "state" })
    }

    @Test("singular and plural forms and contained phrases are listed once")
    func nearDuplicates() {
        let phrases = KeyPhraseExtractor.keyPhrases(in: Self.article, count: 10, excluding: Self.names)
        let folded = phrases.map { $0.lowercased() }
        #expect(Set(folded).count == folded.count)
        #expect(!(folded.contains("harvesting robots") && folded.contains("harvesting robot")))
        #expect(!(folded.contains("machine vision") && folded.contains("machine vision system")))
    }

    @Test("the same input gives the same output")
    func determinism() {
        let first = KeyPhraseExtractor.keyPhrases(in: Self.article, count: 8, excluding: Self.names)
        let second = KeyPhraseExtractor.keyPhrases(in: Self.article, count: 8, excluding: Self.names)
        #expect(first == second)
        #expect(first.count == 8)
    }

    @Test("empty, punctuation-only and stopword-only texts and a zero count give nothing")
    func emptyInput() {
        #expect(KeyPhraseExtractor.keyPhrases(in: "", count: 5).isEmpty)
        #expect(KeyPhraseExtractor.keyPhrases(in: " .,;! \n", count: 5).isEmpty)
        #expect(KeyPhraseExtractor.keyPhrases(in: "It is what it is, and so it was.", count: 5).isEmpty)
        #expect(KeyPhraseExtractor.keyPhrases(in: Self.article, count: 0).isEmpty)
    }
}
