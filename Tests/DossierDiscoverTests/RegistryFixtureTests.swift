import DossierCore
@testable import DossierDiscover
import Foundation
import Testing

/// Answers no recording holds (`../shared/corpus/realweb` lists them as not found): an ORCID
/// record with employments and educations, and dblp's author search. Each is written here in the
/// service's exact schema (v3.0 for ORCID, dblp's JSON search format) with made-up values.
@Suite("registry readers on answers written for the test")
struct RegistryFixtureTests {
    /// ORCID v3.0 `/employments` for a made-up record (the iD is ORCID's documented example's).
    static var employments: Data { Data(#"""
    {"last-modified-date":{"value":1600000000000},"affiliation-group":[{"last-modified-date":{"value":1600000000000},"external-ids":{"external-id":[]},"summaries":[{"employment-summary":{"created-date":{"value":1500000000000},"last-modified-date":{"value":1600000000000},"source":null,"put-code":1234567,"department-name":"School of Computer Science","role-title":"Lecturer","start-date":{"year":{"value":"2016"},"month":{"value":"09"},"day":null},"end-date":null,"organization":{"name":"Example University","address":{"city":"Exampleton","region":null,"country":"GB"},"disambiguated-organization":null},"url":null,"external-ids":null,"display-index":"0","visibility":"public","path":"/0000-0002-1825-0097/employment/1234567"}}]},{"last-modified-date":{"value":1500000000000},"external-ids":{"external-id":[]},"summaries":[{"employment-summary":{"put-code":7654321,"department-name":null,"role-title":null,"start-date":{"year":{"value":"2010"},"month":null,"day":null},"end-date":{"year":{"value":"2016"},"month":{"value":"08"},"day":{"value":"31"}},"organization":{"name":"Acme Robotics","address":{"city":"Porto","region":null,"country":"PT"},"disambiguated-organization":null},"visibility":"public","path":"/0000-0002-1825-0097/employment/7654321"}}]}],"path":"/0000-0002-1825-0097/employments"}
    """#.utf8) }

    /// ORCID v3.0 `/record`: the person part and the educations of the activities summary.
    static var record: Data { Data(#"""
    {"orcid-identifier":{"uri":"https://orcid.org/0000-0002-1825-0097","path":"0000-0002-1825-0097","host":"orcid.org"},"person":{"name":{"given-names":{"value":"Jane"},"family-name":{"value":"Doe"},"credit-name":null,"visibility":"public","path":"0000-0002-1825-0097"},"other-names":{"other-name":[],"path":"/0000-0002-1825-0097/other-names"},"biography":{"content":"Jane Doe studies how robots learn to grasp.","visibility":"public","path":"/0000-0002-1825-0097/biography"},"researcher-urls":{"researcher-url":[{"url-name":"Staff page","url":{"value":"https://www.example.ac.uk/staff/jane-doe"},"visibility":"public"}],"path":"/0000-0002-1825-0097/researcher-urls"},"emails":{"email":[],"path":"/0000-0002-1825-0097/email"},"addresses":{"address":[],"path":"/0000-0002-1825-0097/address"},"keywords":{"keyword":[{"content":"robotics, grasping","visibility":"public"},{"content":"hidden","visibility":"limited"}],"path":"/0000-0002-1825-0097/keywords"},"path":"/0000-0002-1825-0097/person"},"activities-summary":{"educations":{"affiliation-group":[{"summaries":[{"education-summary":{"role-title":"PhD","start-date":{"year":{"value":"2006"}},"end-date":{"year":{"value":"2010"}},"organization":{"name":"Example University","address":{"city":"Exampleton","country":"GB"}},"visibility":"public"}}]}],"path":"/0000-0002-1825-0097/educations"},"employments":{"affiliation-group":[],"path":"/0000-0002-1825-0097/employments"}},"path":"/0000-0002-1825-0097"}
    """#.utf8) }

    /// dblp's author search for "Jane Doe": two homonyms, one note and one alias written as single
    /// values, the other's notes as a list.
    static var dblp: Data { Data(#"""
    {"result":{"query":"Jane* Doe*","status":{"@code":"200","text":"OK"},"time":{"@unit":"msecs","text":"1.23"},"completions":{"@total":"1","@computed":"1","@sent":"1","c":{"@sc":"2","@dc":"2","@oc":"2","@id":"1","text":"doe"}},"hits":{"@total":"2","@computed":"2","@sent":"2","@first":"0","hit":[{"@score":"6","@id":"1","info":{"author":"Jane Doe 0001","aliases":{"alias":"J. Doe"},"notes":{"note":{"@type":"affiliation","text":"Example University, School of Computing, UK"}},"url":"https://dblp.org/pid/00/0001-1"},"url":"URL#1"},{"@score":"6","@id":"2","info":{"author":"Jane Doe 0002","notes":{"note":[{"@type":"affiliation","text":"Acme Robotics, Porto, Portugal"},{"@type":"award","text":"Example Prize"}]},"url":"https://dblp.org/pid/00/0002-2"},"url":"URL#2"}]}}}
    """#.utf8) }

    static func source(_ reader: SourceReader) -> SourceDefinition {
        SourceDefinition(
            name: "2x-registry", about: .person, kind: .api, input: .text(""), reader: reader, robots: .api, trust: 0.8,
            minimumInterval: 0, isEnabled: true, requires: [], keyEnvironmentVariable: nil, headers: [], maxResults: nil,
            description: nil, subject: nil, follow: [], claims: [], qualifiers: []
        )
    }

    @Test("ORCID employments: grouped summaries with department, role, partial dates and the organisation; the iD from the path")
    func orcidEmployments() throws {
        let part = try ORCIDReaders.record(Self.employments)
        #expect(part.orcid == "0000-0002-1825-0097")
        #expect(part.employments == [
            .init(organization: "Example University", department: "School of Computer Science", role: "Lecturer", start: "2016-09",
                  end: nil, city: "Exampleton", country: "GB"),
            .init(organization: "Acme Robotics", department: nil, role: nil, start: "2010", end: "2016-08-31", city: "Porto", country: "PT"),
        ])
        #expect(part.names.isEmpty && part.educations.isEmpty)
    }

    @Test("an ORCID record: biography, public keywords split, links, educations under the activities summary")
    func orcidRecord() throws {
        let record = try ORCIDReaders.record(Self.record)
        #expect(record.orcid == "0000-0002-1825-0097" && record.names == ["Jane Doe"])
        #expect(record.biography == "Jane Doe studies how robots learn to grasp.")
        #expect(record.keywords == ["robotics", "grasping"])
        #expect(record.links.map(\.url) == ["https://www.example.ac.uk/staff/jane-doe"])
        #expect(record.educations.map(\.role) == ["PhD"] && record.educations.first?.start == "2006")
    }

    @Test("the record of the person's iD: dated employments and positions, education, fields, the biography cited to the record, a staff page on the domain read")
    func orcidAdopted() throws {
        var state = DiscoveryState(subject: Subject(name: "Jane Doe", domain: "example.ac.uk"))
        state.orcid = "0000-0002-1825-0097"
        state.adoptORCIDRecord(try ORCIDReaders.record(Self.record), source: Self.source(.orcidRecordJSON), fetchedAt: Date())
        state.adoptORCIDRecord(try ORCIDReaders.record(Self.employments), source: Self.source(.orcidRecordJSON), fetchedAt: Date())
        let facts = state.personFacts
        #expect(facts.contains { $0.kind == .position && $0.value == "Lecturer, School of Computer Science, Example University" && $0.start == "2016-09" })
        #expect(facts.contains { $0.kind == .employer && $0.value == "Acme Robotics" && $0.end == "2016-08-31" })
        #expect(facts.contains { $0.kind == .education && $0.value == "PhD, Example University" && $0.end == "2010" })
        #expect(facts.filter { $0.kind == .field }.map(\.value) == ["robotics", "grasping"])
        #expect(facts.allSatisfy { $0.sourceURL == "https://orcid.org/0000-0002-1825-0097" })
        #expect(state.company.name == "Example University")
        // The staff page is on the company's domain: read, but not the person's own site.
        #expect(state.takeFollowUps().map(\.url) == ["https://www.example.ac.uk/staff/jane-doe"])
        #expect(state.identity.domain == nil)
        let result = state.result()
        #expect(result.documents.first?.url == "https://orcid.org/0000-0002-1825-0097")
        #expect(result.pagesAboutPerson == 1)
    }

    @Test("dblp's author search: homonym numbers, single values as lists, affiliations and awards from notes; no hits")
    func dblpAuthors() throws {
        let authors = try DBLPAuthors.read(Self.dblp)
        #expect(authors.map(\.name) == ["Jane Doe 0001", "Jane Doe 0002"])
        #expect(authors[0].aliases == ["J. Doe"] && authors[0].affiliations == ["Example University, School of Computing, UK"])
        #expect(authors[1].awards == ["Example Prize"] && authors[1].profileURL == "https://dblp.org/pid/00/0002-2")
        let none = Data(#"{"result":{"query":"x","status":{"@code":"200","text":"OK"},"hits":{"@total":"0","@computed":"0","@sent":"0","@first":"0"}}}"#.utf8)
        #expect(try DBLPAuthors.read(none).isEmpty)
        #expect(throws: ReaderError.self) { try DBLPAuthors.read(Data("<html></html>".utf8)) }
    }

    @Test("dblp in discovery: the homonym whose affiliation matches the company is taken, the other skipped as a namesake")
    func dblpIdentity() throws {
        var state = DiscoveryState(subject: Subject(name: "Jane Doe", company: "Acme Robotics"))
        state.considerDBLPAuthors(try DBLPAuthors.read(Self.dblp), source: Self.source(.dblpAuthorsJSON))
        #expect(state.identity.evidence.contains("dblp 00/0002-2: affiliation Acme Robotics, Porto, Portugal, which matches Acme Robotics"))
        #expect(state.personFacts.map(\.value) == ["Acme Robotics, Porto, Portugal", "Example Prize"])
        #expect(state.outcomes.map(\.url) == ["https://dblp.org/pid/00/0001-1"])
        #expect(state.outcomes.first?.category == .namesake)
    }
}
