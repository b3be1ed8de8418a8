import DossierCore
@testable import DossierDiscover
import DossierTestSupport
import Foundation
import Testing

/// The readers of the registries that know people who are not on Wikipedia (OpenAlex, ORCID,
/// GitHub's user search, Hacker News), on the recorded answers of the real services
/// (`../shared/corpus/realweb`, used in place), and what discovery takes from them.
@Suite("registry readers on recorded answers", .enabled(if: RealWeb.isPresent, RealWeb.absent))
struct RegistryReaderTests {
    static func source(_ reader: SourceReader, name: String = "24-registry") -> SourceDefinition {
        SourceDefinition(
            name: name, about: .person, kind: .search, input: .text(""), reader: reader, robots: .api, trust: 0.8,
            minimumInterval: 0, isEnabled: true, requires: [], keyEnvironmentVariable: nil, headers: [], maxResults: nil,
            description: nil, subject: nil, follow: [], claims: [], qualifiers: []
        )
    }

    // MARK: OpenAlex

    @Test("OpenAlex search: every author with names, institutions and their years, topics by frequency, the ORCID iD bare")
    func openAlexSearch() throws {
        let authors = try OpenAlexAuthors.read(RealWeb.data("openalex/authors-search-mearman-2025.json"))
        #expect(authors.count == 8)
        let andrew = try #require(authors.first)
        #expect(andrew.id == "A5019952124" && andrew.profileURL == "https://openalex.org/A5019952124")
        #expect(andrew.orcid == "0000-0003-0601-8060")
        #expect(andrew.topics.first == "Economic Theory and Institutions")
        let joseph = try #require(authors.first { $0.name == "Joseph Mearman" })
        #expect(joseph.orcid == nil)
        #expect(joseph.affiliations == [.init(institution: "Bangor University", years: [2014, 2015, 2016, 2021], kind: "funder")])
        #expect(joseph.alternativeNames.contains("Joseph W. Mearman"))
        #expect(authors.contains { !$0.listsInstitutions })
    }

    @Test("OpenAlex author records: a company among the institutions, a deleted author with nothing to go on")
    func openAlexAuthor() throws {
        let alistair = try #require(try OpenAlexAuthors.read(RealWeb.data("openalex/author-A5048602857-Alistair_Van_Moere-2025.json")).first)
        #expect(alistair.orcid == "0000-0002-6631-5318")
        #expect(alistair.affiliations.map(\.institution) == ["MetaMetrics (United States)", "Pearson (United States)", "Lancaster University"])
        #expect(alistair.affiliations[1].years == [2009, 2010, 2011, 2012, 2013])
        #expect(alistair.lastKnownInstitutions == ["MetaMetrics (United States)"])
        #expect(Array(alistair.topics.prefix(2)) == ["EFL/ESL Teaching and Learning", "Speech and dialogue systems"])
        let deleted = try #require(try OpenAlexAuthors.read(RealWeb.data("openalex/author-A5317838346-deleted-2023.json")).first)
        #expect(deleted.name == "Deleted Author" && !deleted.listsInstitutions)
        // An author's own record that says nothing of where they worked is a namesake, not looked up again.
        let unplaced = try OpenAlexAuthors.read(RealWeb.data("openalex/authors-search-mearman-2025.json")).filter { !$0.listsInstitutions }
        var state = DiscoveryState(subject: Subject(name: "Kimberly A. Mearman", domain: "bangor.ac.uk"))
        #expect(state.considerOpenAlexAuthors(unplaced, source: Self.source(.openAlexAuthorsJSON)) == ["A5071882449"])
        #expect(state.considerOpenAlexAuthors(unplaced, source: Self.source(.openAlexAuthorsJSON), lookingUp: false).isEmpty)
        #expect(state.outcomes.map(\.category) == [.namesake])
    }

    @Test("OpenAlex in discovery: the namesake the invitation's domain ties to the person is taken, with dated affiliations and topics; another is skipped with why")
    func openAlexIdentity() throws {
        let authors = try OpenAlexAuthors.read(RealWeb.data("openalex/authors-search-mearman-2025.json"))
        var state = DiscoveryState(subject: Subject(name: "Joseph Mearman", domain: "bangor.ac.uk"))
        let unplaced = state.considerOpenAlexAuthors(authors, source: Self.source(.openAlexAuthorsJSON))
        #expect(unplaced.isEmpty)
        #expect(state.identity.evidence.contains("OpenAlex A5017898742: affiliated with Bangor University (2014–2021), which matches bangor.ac.uk"))
        #expect(state.identity.confidence >= 0.8)
        #expect(state.company.name == "Bangor University")
        let affiliation = try #require(state.personFacts.first { $0.kind == .affiliation })
        #expect(affiliation.value == "Bangor University" && affiliation.start == "2014" && affiliation.end == "2021")
        #expect(affiliation.sourceURL == "https://openalex.org/A5017898742")
        #expect(state.personFacts.contains { $0.kind == .field && $0.value == "Augmented Reality Applications" })
        // Andrew Mearman is another name: not a namesake of Joseph's.
        #expect(!state.outcomes.contains { $0.category == .namesake })

        var other = DiscoveryState(subject: Subject(name: "Andrew Mearman", domain: "bangor.ac.uk"))
        _ = other.considerOpenAlexAuthors(authors, source: Self.source(.openAlexAuthorsJSON))
        #expect(other.personFacts.isEmpty)
        let skipped = try #require(other.outcomes.first { $0.category == .namesake })
        #expect(skipped.url == "https://openalex.org/A5019952124" && skipped.kind == .skipped)
        #expect(skipped.message?.contains("University of Leeds") == true)
        #expect(skipped.message?.contains("nothing ties it to bangor.ac.uk") == true)

        var nameOnly = DiscoveryState(subject: Subject(name: "Joseph Mearman"))
        _ = nameOnly.considerOpenAlexAuthors(authors, source: Self.source(.openAlexAuthorsJSON))
        #expect(nameOnly.personFacts.isEmpty)
        #expect(nameOnly.outcomes.first?.message?.contains("no company or domain to check it against") == true)
    }

    @Test("an OpenAlex author's ORCID iD fills {orcid} once the author is taken")
    func openAlexORCID() throws {
        let authors = try OpenAlexAuthors.read(RealWeb.data("openalex/author-A5048602857-Alistair_Van_Moere-2025.json"))
        var state = DiscoveryState(subject: Subject(name: "Alistair Van Moere", domain: "metametricsinc.com"))
        _ = state.considerOpenAlexAuthors(authors, source: Self.source(.openAlexAuthorsJSON))
        #expect(state.values(for: .person)[.orcid] == "0000-0002-6631-5318")
        #expect(state.company.name == "MetaMetrics")
        #expect(state.personFacts.contains { $0.value == "Pearson (United States)" && $0.start == "2009" && $0.end == "2013" })
    }

    // MARK: ORCID

    @Test("ORCID person parts: names, researcher links, country, the iD; sandbox personal details; an invalid iD's error answer")
    func orcidPerson() throws {
        let eglen = try ORCIDReaders.record(RealWeb.data("orcid/person-0000-0001-8607-8025-Stephen_Eglen-2020.json"))
        #expect(eglen.orcid == "0000-0001-8607-8025")
        #expect(eglen.names == ["Stephen Eglen"])
        #expect(eglen.links == [.init(name: "Home page", url: "https://sje30.github.io")])
        #expect(eglen.countries == ["GB"])
        #expect(eglen.biography == nil && eglen.employments.isEmpty)
        let binfield = try ORCIDReaders.record(RealWeb.data("orcid/person-0000-0002-9341-7985-Peter_Binfield-2020.json"))
        #expect(binfield.names == ["Peter Binfield"] && binfield.countries == ["US"] && binfield.links.isEmpty)
        let details = try ORCIDReaders.record(RealWeb.data("orcid/sandbox-personal-details-0000-0002-2230-4756-2021.json"))
        #expect(details.names == ["Peter Test"] && details.orcid == "0000-0002-2230-4756")
        #expect(throws: ReaderError.self) { try ORCIDReaders.record(RealWeb.data("orcid/person-invalid-id-404-2020.json")) }
    }

    @Test("ORCID searches: expanded hits with names, addresses and institutions; plain hits with iDs only; no hits as null")
    func orcidSearch() throws {
        let expanded = try ORCIDReaders.search(RealWeb.data("orcid/sandbox-expanded-search-ringgold-6429-2023.json"))
        #expect(expanded.count == 6)
        let zambrana = try #require(expanded.first { $0.familyNames == "Zambrana" })
        #expect(zambrana.orcid == "0000-0002-6203-8413" && zambrana.emails == ["tony.zambrana@gorillalogic.com"])
        #expect(expanded.first { $0.familyNames == "Depp" }?.names == ["Johnny Depp", "Deppy John"])
        let plain = try ORCIDReaders.search(RealWeb.data("orcid/search-Raymond-edismax-2020.json"))
        #expect(plain.map(\.orcid) == ["0000-0001-5615-6854", "0000-0002-3414-450X", "0000-0003-1083-5530"])
        #expect(plain.allSatisfy { $0.names.isEmpty })
        #expect(try ORCIDReaders.search(RealWeb.data("orcid/search-no-results-2020.json")).isEmpty)
    }

    @Test("ORCID in discovery: a hit tied by an institution or an address is taken; plain hits are looked up; namesakes are skipped")
    func orcidIdentity() throws {
        let expanded = try ORCIDReaders.search(RealWeb.data("orcid/sandbox-expanded-search-ringgold-6429-2023.json"))
        var byAddress = DiscoveryState(subject: Subject(name: "Tony Zambrana", domain: "gorillalogic.com"))
        _ = byAddress.considerORCIDHits(expanded, source: Self.source(.orcidSearchJSON))
        #expect(byAddress.orcid == "0000-0002-6203-8413")
        #expect(byAddress.identity.evidence.contains("ORCID 0000-0002-6203-8413: a public address at gorillalogic.com"))

        var byInstitution = DiscoveryState(subject: Subject(name: "Edward Louie", company: "Cisco Systems"))
        _ = byInstitution.considerORCIDHits(expanded, source: Self.source(.orcidSearchJSON))
        #expect(byInstitution.orcid == "0000-0003-0525-7799")

        var namesake = DiscoveryState(subject: Subject(name: "Edward Louie", domain: "acme.example"))
        _ = namesake.considerORCIDHits(expanded, source: Self.source(.orcidSearchJSON))
        #expect(namesake.orcid == nil)
        #expect(namesake.outcomes.contains { $0.category == .namesake && $0.url == "https://orcid.org/0000-0003-0525-7799" })

        let plain = try ORCIDReaders.search(RealWeb.data("orcid/search-Raymond-edismax-2020.json"))
        var state = DiscoveryState(subject: Subject(name: "Jane Raymond", domain: "acme.example"))
        #expect(state.considerORCIDHits(plain, source: Self.source(.orcidSearchJSON)).count == 3)
    }

    @Test("an ORCID person part under the iD: its home page link becomes the person's own site, its country their location")
    func orcidRecordAdopted() throws {
        let eglen = try ORCIDReaders.record(RealWeb.data("orcid/person-0000-0001-8607-8025-Stephen_Eglen-2020.json"))
        var state = DiscoveryState(subject: Subject(name: "Stephen Eglen", domain: "cam.ac.uk"))
        state.orcid = "0000-0001-8607-8025"
        state.adoptORCIDRecord(eglen, source: Self.source(.orcidRecordJSON, name: "26-orcid-person"), fetchedAt: Date())
        #expect(state.identity.domain == "sje30.github.io")
        #expect(state.personFacts.map(\.value) == ["United Kingdom"])
        // His home page is the personal-site source's to read, under its own address.
        #expect(state.takeFollowUps().isEmpty)
        #expect(state.values(for: .person)[.domain] == "sje30.github.io")
        // A record under another name is not used.
        var other = DiscoveryState(subject: Subject(name: "Jane Doe", domain: "cam.ac.uk"))
        other.orcid = "0000-0001-8607-8025"
        other.adoptORCIDRecord(eglen, source: Self.source(.orcidRecordJSON, name: "26-orcid-person"), fetchedAt: Date())
        #expect(other.identity.domain == nil && other.takeFollowUps().isEmpty)
        #expect(other.identity.evidence.last == "ORCID 0000-0001-8607-8025 is Stephen Eglen, not Jane Doe: its record is not used")
    }

    // MARK: GitHub, Hacker News

    @Test("GitHub user search: the logins of personal accounts, in order; a profile's public address")
    func gitHubSearch() throws {
        let logins = try GitHubUserSearch.logins(RealWeb.data("github/search-users-location-Berlin-2014.json"))
        #expect(logins.count == 30 && logins.first == "cloudhead")
        #expect(try GitHubUser.read(RealWeb.data("github/user-lra-2017.json")).email == "analogue@glop.org")
    }

    @Test("a GitHub profile found by name is the person's when its company matches the invitation's domain; a namesake's is skipped")
    func gitHubCandidate() throws {
        let lra = try GitHubUser.read(RealWeb.data("github/user-lra-2017.json"))
        var state = DiscoveryState(subject: Subject(name: "Laurent Raufaste", domain: "percolate.com"))
        state.considerGitHubCandidate(lra, source: Self.source(.githubUserSearchJSON), fetchedAt: Date())
        #expect(state.identity.evidence.contains("GitHub lra lists Percolate Industries, Inc. as the company"))
        #expect(state.identity.github == "lra" && state.identity.domain == "www.glop.org")
        #expect(state.personFacts.contains { $0.kind == .location && $0.value == "New York, NY" })
        #expect(state.company.name == "Percolate Industries, Inc.")

        var namesake = DiscoveryState(subject: Subject(name: "Laurent Raufaste", domain: "acme.example"))
        namesake.considerGitHubCandidate(lra, source: Self.source(.githubUserSearchJSON), fetchedAt: Date())
        #expect(namesake.identity.github == nil && namesake.personFacts.isEmpty)
        #expect(namesake.outcomes.first?.category == .namesake)

        let sfdye = try GitHubUser.read(RealWeb.data("github/user-sfdye-2020.json"))
        var byCompany = DiscoveryState(subject: Subject(name: "Liuyang Wan", domain: "zendesk.com"))
        byCompany.considerGitHubCandidate(sfdye, source: Self.source(.githubUserSearchJSON), fetchedAt: Date())
        #expect(byCompany.identity.github == "sfdye")
    }

    @Test("Hacker News search: an Ask HN's text as plain paragraphs with its references decoded, cited to its item")
    func hackerNews() throws {
        let stories = try HackerNewsSearch.stories(RealWeb.data("hackernews/algolia-search-theoretical-biologist-2024.json"))
        let story = try #require(stories.first)
        #expect(stories.count == 1)
        #expect(story.itemURL == "https://news.ycombinator.com/item?id=13133437")
        #expect(story.title == "Ask HN: How would I visualize URL propagation in the blogosphere?")
        #expect(story.url == nil && story.author == "anigbrowl" && story.published == "2016-12-08")
        let text = try #require(story.text)
        #expect(text.hasPrefix("I want to map the dynamics of the blogosphere"))
        #expect(text.contains("I don't know how to harvest") && text.contains("and/or the original article"))
        #expect(!text.contains("<p>") && !text.contains("&#x"))
        #expect(text.split(separator: "\n").count == 5)
    }
}
