@testable import DossierCore
import Foundation
import Testing

@Suite("sentences and slugs")
struct SummarizeTests {
    @Test("sentences survive abbreviations, initials, decimals and reference marks")
    func splitting() {
        let text = "Dr. Jane Q. Doe joined Acme Inc. in 2014. Revenue grew 3.5 percent! \"Was it luck?\" she asked. She said it was \"not a complete solution\".[20] An employee disagreed."
        #expect(SentenceSplitter.sentences(in: text) == [
            "Dr. Jane Q. Doe joined Acme Inc. in 2014.",
            "Revenue grew 3.5 percent!",
            "\"Was it luck?\" she asked.",
            "She said it was \"not a complete solution\".[20]",
            "An employee disagreed.",
        ])
    }

    @Test("slugs are safe folder names for any name", arguments: [
        ("Jane Doe", "jane-doe"), ("José Ángel Gurría", "jose-angel-gurria"), ("../../etc", "etc"),
        ("山田 太郎", "山田-太郎"), ("a/b\\c", "a-b-c"),
    ])
    func slug(_ name: String, _ expected: String) {
        #expect(Slug.make(name) == expected)
    }

    @Test("a name with no letters or digits still gets a slug that stays in the folder")
    func slugFallback() {
        let slug = Slug.make("!!! ...")
        #expect(slug.hasPrefix("person-"))
        #expect(!slug.contains("/") && !slug.contains("."))
    }

    @Test("names are matched without case, accents or typographic quotes")
    func names() {
        let matcher = NameMatcher("José Gurría")
        #expect(matcher.isNamed(inSentence: NameMatcher.fold("JOSE GURRIA spoke.")))
        #expect(matcher.isNamed(inSentence: NameMatcher.fold("Gurría\u{00A0}said so.")))
        #expect(!matcher.isNamed(inSentence: NameMatcher.fold("Gurriaga said so.")))
        #expect(matcher.isMentioned(in: NameMatcher.fold("Mr Gurria, whose first name is Jose, said")))
        #expect(!matcher.isMentioned(in: NameMatcher.fold("Mr Gurria said")))
    }
}

@Suite("slug scalars")
struct SlugScalarTests {
    @Test("a letter joined to a slash or a dot cannot smuggle it into a slug")
    func joinedScalars() {
        let slug = Slug.make("\u{0D4E}/../etc/passwd")
        #expect(!slug.contains("/") && !slug.contains("."), "\(slug)")
    }
}
