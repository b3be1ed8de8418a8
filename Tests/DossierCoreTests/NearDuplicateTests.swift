@testable import DossierCore
import Foundation
import Testing

@Suite("near-duplicate sentences")
struct NearDuplicateTests {
    static let sentence = "Dana Whitfield founded Pomona Robotics in 2017 after spending a decade designing "
        + "vacuum grippers for warehouse robots at a logistics company in Seattle."

    @Test("FNV-1a 64 gives the published test vectors, so fingerprints are stable across runs")
    func stableHash() {
        #expect(SimHash.fnv1a64("") == 0xcbf2_9ce4_8422_2325)
        #expect(SimHash.fnv1a64("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(SimHash.fnv1a64("foobar") == 0x8594_4171_f739_67e8)
        #expect(SimHash.fingerprint(Self.sentence) == SimHash.fingerprint(Self.sentence))
    }

    @Test("distance counts differing bits")
    func distance() {
        #expect(SimHash.distance(0, 0) == 0)
        #expect(SimHash.distance(0b1011, 0b0001) == 2)
        #expect(SimHash.distance(0, .max) == 64)
    }

    @Test("punctuation, quotes, whitespace and casing do not change the fingerprint")
    func formatting() {
        let variant = "“DANA Whitfield  founded Pomona-Robotics in 2017, after spending a decade designing "
            + "vacuum grippers for warehouse robots at a logistics company in Seattle!”"
        #expect(SimHash.fingerprint(variant) == SimHash.fingerprint(Self.sentence))
        var filter = NearDuplicateFilter()
        let answers = [Self.sentence, variant, Self.sentence].map { filter.isNew($0) }
        #expect(answers == [true, false, false])
    }

    @Test("one word changed among twenty-odd: always a repeat near either end, mostly elsewhere")
    func oneWordChanged() {
        let words = Self.sentence.split(separator: " ").map(String.init)
        #expect(words.count == 23)
        var repeats: [Int] = []
        for position in words.indices {
            var edited = words
            edited[position] = "zebra"
            var filter = NearDuplicateFilter()
            let answers = [Self.sentence, edited.joined(separator: " ")].map { filter.isNew($0) }
            if answers == [true, false] { repeats.append(position) }
        }
        #expect(repeats.contains(0) && repeats.contains(1) && repeats.contains(21) && repeats.contains(22))
        // A middle word touches three of the 21 shingles; most such edits still land within 12 bits.
        #expect(repeats.count >= 16)
    }

    @Test("different sentences about the same person are not repeats", arguments: [
        "Dana Whitfield said Pomona Robotics would lease its harvesting robots to growers by the season.",
        "Before founding Pomona Robotics, Dana Whitfield studied mechanical engineering at Oregon State University.",
        "Dana Whitfield founded Pomona Robotics.",
        "Dana Whitfield.",
    ])
    func differentSentences(_ other: String) {
        var filter = NearDuplicateFilter()
        let answers = [Self.sentence, other].map { filter.isNew($0) }
        #expect(answers == [true, true])
        #expect(SimHash.distance(SimHash.fingerprint(Self.sentence), SimHash.fingerprint(other)) > 20)
    }

    @Test("short texts use their words; a text without words has fingerprint 0")
    func shortTexts() {
        #expect(SimHash.fingerprint("") == 0)
        #expect(SimHash.fingerprint("… — !") == 0)
        #expect(SimHash.fingerprint("Acme") == SimHash.fnv1a64("acme"))
        #expect(SimHash.fingerprint("Acme Robotics") != SimHash.fingerprint("Acme Logistics"))
    }

    @Test("a stricter filter keeps an edited sentence that the default drops")
    func customDistance() {
        var strict = NearDuplicateFilter(maximumDistance: 0)
        #expect(strict.maximumDistance == 0)
        let edited = Self.sentence.replacingOccurrences(of: "Seattle", with: "Portland")
        let strictAnswers = [Self.sentence, edited].map { strict.isNew($0) }
        #expect(strictAnswers == [true, true])
        var standard = NearDuplicateFilter()
        #expect(standard.maximumDistance == 12)
        let standardAnswers = [Self.sentence, edited].map { standard.isNew($0) }
        #expect(standardAnswers == [true, false])
    }
}
