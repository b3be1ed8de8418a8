@testable import DossierDiscover
import Testing

/// The evidence that turns a namesake found by name into the person: organisations, sites,
/// addresses and bios matched against the company and the invitation's domain.
@Suite("identity evidence")
struct IdentityEvidenceTests {
    @Test("an organisation matches a domain by its name written together, a distinctive word or its initials", arguments: [
        ("Bangor University", "bangor.ac.uk", true),
        ("MetaMetrics (United States)", "metametricsinc.com", true),
        ("Percolate Industries, Inc.", "percolate.com", true),
        ("Mor Consulting Ltd", "morconsulting.com", true),
        ("Massachusetts Institute of Technology", "mit.edu", true),
        ("University College London", "cs.ucl.ac.uk", true),
        ("University of Cambridge", "cam.ac.uk", true),
        ("King's College London", "kcl.ac.uk", true),
        ("University of Oxford", "ox.ac.uk", false),
        ("Acme Robotics", "www.acme-robotics.com", true),
        ("University of Leeds", "bangor.ac.uk", false),
        ("Bangor University", "metametricsinc.com", false),
        ("University of Technology", "tech.example", false),
        ("Queen Elizabeth Hospital", "qeh.nhs.uk", true),
        ("Queen Elizabeth Hospital", "qmul.ac.uk", false),
        ("Pearson (United States)", "metametricsinc.com", false),
    ])
    func organisationAndDomain(organization: String, domain: String, expected: Bool) {
        #expect(AffiliationMatcher(company: nil, domain: domain).matches(organization: organization) == expected)
    }

    @Test("an organisation matches the company the user named, legal suffixes and qualifiers aside")
    func organisationAndCompany() {
        let matcher = AffiliationMatcher(company: "Acme Robotics, Inc.", domain: nil)
        #expect(matcher.matches(organization: "Acme Robotics GmbH (Germany)"))
        #expect(matcher.matches(organization: "acme-robotics"))
        #expect(!matcher.matches(organization: "Acme Foods"))
        #expect(!AffiliationMatcher(company: nil, domain: nil).canJudge)
    }

    @Test("sites, addresses and bios on the company's domain")
    func addresses() {
        let matcher = AffiliationMatcher(company: nil, domain: "zendesk.com")
        #expect(matcher.matches(site: "https://blog.zendesk.com/authors/jane"))
        #expect(matcher.matches(site: "www.zendesk.com"))
        #expect(!matcher.matches(site: "https://notzendesk.com/"))
        #expect(matcher.matches(email: "Jane.Doe@Support.Zendesk.com"))
        #expect(!matcher.matches(email: "jane@gmail.com"))
        #expect(matcher.isMentioned(in: "Engineer @zendesk, ex-startup"))
        #expect(!matcher.isMentioned(in: "Engineer at a help-desk startup"))
        #expect(AffiliationMatcher.ownLabel(of: "cs.bangor.ac.uk") == "bangor")
        #expect(AffiliationMatcher.ownLabel(of: "tudock.de") == "tudock")
    }

    @Test("a registry's name is the person's despite initials, middle names, order and homonym numbers", arguments: [
        ("Joseph W. Mearman", "Joseph Mearman", true),
        ("Mearman, Joseph", "Joseph Mearman", true),
        ("Jane Doe 0002", "Jane Doe", true),
        ("José Ángel Gurría", "Jose Angel Gurria", true),
        ("Alistair Van Moere", "Alistair Van Moere", true),
        ("Andrew Mearman", "Joseph Mearman", false),
        ("A. Van de Moere", "Alistair Van Moere", false),
        ("J. W. Mearman", "Joseph Mearman", false),
    ])
    func names(registered: String, person: String, expected: Bool) {
        #expect(RegisteredName.isSame(registered, as: person) == expected)
    }
}
