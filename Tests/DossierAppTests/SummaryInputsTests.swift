@testable import DossierApp
import DossierCore
import Foundation
import Testing

/// The inputs hash decides whether a build may reuse the stored summary.
struct SummaryInputsTests {
    static let discovery = DiscoveryResult(
        identity: Identity(name: "Ada Quill", wikidataID: nil, description: nil, confidence: 0.5, evidence: [],
                                           wikipediaTitle: nil, domain: nil, github: nil),
        company: CompanyIdentity(name: "Lumen Grid", wikidataID: nil, domain: nil, wikipediaTitle: nil),
        documents: [], personFacts: [], companyFacts: [], outcomes: [], pagesAboutPerson: 0)

    static func fingerprint(program: String) -> String {
        SummaryInputs.fingerprint(discovery: discovery, subject: Subject(name: "Ada Quill"), meeting: nil, profile: UserProfile(),
                                  banks: SummaryBanks(questions: []), at: Date(timeIntervalSince1970: 1_700_000_000), program: program)
    }

    /// The bug: a rebuilt dossier whose summarizer had changed kept the summary of the build
    /// before it, because the hash held the version number only.
    @Test func anotherBuildOfTheProgramSummarizesAgain() {
        #expect(Self.fingerprint(program: "0.1.0 52000000 1764900000") != Self.fingerprint(program: "0.1.0 52000104 1764903600"))
        #expect(Self.fingerprint(program: "0.1.0 52000000 1764900000") == Self.fingerprint(program: "0.1.0 52000000 1764900000"))
    }

    @Test func theRunningProgramIsIdentifiedByItsExecutable() {
        let parts = SummaryInputs.programBuild.split(separator: " ")
        #expect(parts.count == 3)
        #expect(parts.first.map(String.init) == DossierVersion.current)
        #expect((Int64(parts.dropFirst().first ?? "") ?? 0) > 0)
    }
}
