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

@Suite("postal addresses")
struct PostalAddressTests {
    @Test("the town of an address in the United States, continental European or British order", arguments: [
        ("3535 Piedmont Rd NE #415, Atlanta, GA 30305", "Atlanta"),
        ("125 Broad Street, 18th Floor, New York, NY 10004", "New York"),
        ("PO Box 1866, Mountain View CA 94042-1866", "Mountain View"),
        ("Argelsrieder Feld 13, 82234 Weßling, Germany", "Weßling"),
        ("Südtirol Arena, Obertalerstrasse 33, I-39030 Rasen Antholz, Italien", "Rasen Antholz"),
        ("10 Downing Street, London, SW1A 2AA", "London"),
        ("1 Deansgate, Manchester M3 1AZ, United Kingdom", "Manchester"),
    ])
    func towns(_ address: String, _ town: String) {
        #expect(PostalAddress.town(in: address) == town)
    }

    @Test("a year and a name, a contact line or a paragraph with a postcode in it is no address", arguments: [
        "© 2019 Experience", "Kathrin Klinkusch, Pressesprecherin, 030 65211-1780", "By Tim Anderson",
        "Agencia EFE, 04.05.2022", "Friedenstr. 21, Ottobrunn 2185521, Deutschland",
        "We moved the whole team, after a long search that took most of the year and many visits, to 1 Main St, Springfield, IL 62701 last spring",
    ])
    func notAddresses(_ text: String) {
        #expect(PostalAddress.town(in: text) == nil)
    }
}

@Suite("text search")
struct TextSearchTests {
    @Test("counts and finds exact byte sequences, non-overlapping, in any script")
    func search() {
        #expect(TextSearch.count(of: "Arc", in: "Arc, then Arc again; not arc.") == 2)
        #expect(TextSearch.count(of: "aa", in: "aaaa") == 2)
        #expect(TextSearch.count(of: "Weßling", in: "82234 Weßling, Weßling") == 2)
        #expect(TextSearch.count(of: "long needle", in: "short") == 0)
        #expect(TextSearch.occurs("isbn", in: "retrieved, isbn 978"))
        #expect(!TextSearch.occurs("doi:", in: "doi 10.1"))
    }
}
