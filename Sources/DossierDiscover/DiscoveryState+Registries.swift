import DossierCore
import Foundation

/// Profiles in registries (OpenAlex, ORCID, dblp, GitHub, Hacker News) found by the person's
/// name. A profile with their name is a namesake until something ties it to the company or the
/// invitation's domain (``AffiliationMatcher``); then it is taken as theirs, its evidence shown
/// in the identity, its facts cited to its page. The others are listed as skipped, with why.
extension DiscoveryState {
    /// What ties profiles to the person: the company and its domain as known now.
    var affiliations: AffiliationMatcher { AffiliationMatcher(company: company.name, domain: company.domain) }

    /// Records a profile with the person's name that is not taken as theirs.
    mutating func skipNamesake(_ description: String, url: String, source: SourceDefinition, places: [String]) {
        let matcher = affiliations
        let reason = matcher.canJudge
            ? (places.isEmpty ? "it says nothing that ties it to \(matcher.target)"
                : "\(Self.list(places)): nothing ties it to \(matcher.target)")
            : "no company or domain to check it against (give --company or --domain)"
        outcomes.append(SourceOutcome(sourceName: source.name, url: url, kind: .skipped, category: .namesake,
                                      message: "\(description), a namesake? \(reason)"))
    }

    private mutating func takeProfile(_ key: String, evidence: String, confidence: Double = 0.8) -> Bool {
        guard adoptedProfiles.insert(key).inserted else { return false }
        identity.evidence.append(evidence)
        identity.confidence = max(identity.confidence, confidence)
        return true
    }

    /// Names the company after the organisation that matched the domain, when the user gave only the domain.
    private mutating func nameCompany(_ organization: String) {
        if company.name == nil { company.name = AffiliationMatcher.withoutQualifier(organization) }
    }

    static func list(_ items: [String]) -> String {
        let shown = items.prefix(3).joined(separator: ", ")
        return items.count > 3 ? shown + " …" : shown
    }

    // MARK: OpenAlex

    /// Takes the authors with the person's name that an affiliation ties to them. With
    /// `lookingUp`, returns the ids of those the answer does not say enough about (a trimmed
    /// search answer), to look up; otherwise (their own records) they are namesakes too.
    mutating func considerOpenAlexAuthors(_ authors: [OpenAlexAuthor], source: SourceDefinition, lookingUp: Bool = true) -> [String] {
        let matcher = affiliations
        var unplaced: [String] = []
        for author in authors.prefix(source.maxResults ?? 10)
        where author.names.contains(where: { RegisteredName.isSame($0, as: identity.name) }) {
            let key = "OpenAlex \(author.id)"
            if adoptedProfiles.contains(key) { continue }
            var seen = Set<String>()
            let places = (author.lastKnownInstitutions + author.affiliations.map(\.institution)).filter { seen.insert($0).inserted }
            guard let place = places.first(where: matcher.matches(organization:)) else {
                if author.listsInstitutions || !matcher.canJudge || !lookingUp {
                    skipNamesake("\(author.name) (\(key))", url: author.profileURL, source: source, places: places)
                } else {
                    unplaced.append(author.id)
                }
                continue
            }
            let years = author.affiliations.first { $0.institution == place }.map(\.years) ?? []
            let span = years.isEmpty ? "" : " (\(Self.span(years)))"
            guard takeProfile(key, evidence: "\(key): affiliated with \(place)\(span), which matches \(matcher.target)") else { continue }
            nameCompany(place)
            for affiliation in author.affiliations {
                let (start, end, moment) = Self.dates(affiliation.years)
                personFacts.append(StructuredFact(kind: .affiliation, value: affiliation.institution, start: start, end: end,
                                                  pointInTime: moment, sourceURL: author.profileURL))
            }
            for topic in author.topics.prefix(3) {
                personFacts.append(StructuredFact(kind: .field, value: topic, sourceURL: author.profileURL))
            }
            if orcid == nil, let id = author.orcid {
                orcid = id
                identity.evidence.append("ORCID \(id) (from \(key))")
            }
        }
        return unplaced
    }

    /// "2014–2021", or "2020" for one year.
    static func span(_ years: [Int]) -> String {
        guard let first = years.min(), let last = years.max() else { return "" }
        return first == last ? "\(first)" : "\(first)–\(last)"
    }

    /// A run of years as a fact's start and end, or its one moment.
    static func dates(_ years: [Int]) -> (String?, String?, String?) {
        guard let first = years.min(), let last = years.max() else { return (nil, nil, nil) }
        return first == last ? (nil, nil, "\(first)") : ("\(first)", "\(last)", nil)
    }

    // MARK: ORCID

    /// Takes the search hit with the person's name whose institutions or e-mail addresses tie it
    /// to them: its iD fills `{orcid}`. Returns the iDs of hits that give no name (the plain
    /// search), whose records tell.
    mutating func considerORCIDHits(_ hits: [ORCIDReaders.SearchHit], source: SourceDefinition) -> [String] {
        let matcher = affiliations
        var unnamed: [String] = []
        for hit in hits.prefix(source.maxResults ?? 10) {
            guard !hit.names.isEmpty else {
                unnamed.append(hit.orcid)
                continue
            }
            guard hit.names.contains(where: { RegisteredName.isSame($0, as: identity.name) }) else { continue }
            let key = "ORCID \(hit.orcid)"
            let url = "https://orcid.org/\(hit.orcid)"
            if let place = hit.institutions.first(where: matcher.matches(organization:)) {
                adoptORCID(hit.orcid, evidence: "\(key): \(place) among its institutions, which matches \(matcher.target)", place: place)
            } else if hit.emails.contains(where: matcher.matches(email:)) {
                adoptORCID(hit.orcid, evidence: "\(key): a public address at \(matcher.domain ?? "")", place: nil)
            } else if !adoptedProfiles.contains(key) {
                skipNamesake("\(hit.names[0]) (\(key))", url: url, source: source, places: hit.institutions)
            }
        }
        return unnamed
    }

    private mutating func adoptORCID(_ id: String, evidence: String, place: String?) {
        guard takeProfile("ORCID \(id)", evidence: evidence) else { return }
        if let place { nameCompany(place) }
        orcid = orcid ?? id
    }

    /// A record found through the plain search (no names in its answer): taken when it has the
    /// person's name and something on it ties it to them.
    mutating func considerORCIDRecord(_ record: ORCIDReaders.Record, source: SourceDefinition) {
        guard let id = record.orcid, record.names.contains(where: { RegisteredName.isSame($0, as: identity.name) }) else { return }
        let matcher = affiliations
        let places = (record.employments + record.educations).map(\.organization)
        if let place = places.first(where: matcher.matches(organization:)) {
            adoptORCID(id, evidence: "ORCID \(id): \(place) on the record, which matches \(matcher.target)", place: place)
        } else if let link = record.links.first(where: { matcher.matches(site: $0.url) }) {
            adoptORCID(id, evidence: "ORCID \(id): links \(link.url), on \(matcher.domain ?? "")", place: nil)
        } else if record.emails.contains(where: matcher.matches(email:)) {
            adoptORCID(id, evidence: "ORCID \(id): a public address at \(matcher.domain ?? "")", place: nil)
        } else if let biography = record.biography, matcher.isMentioned(in: biography) {
            adoptORCID(id, evidence: "ORCID \(id): the biography names \(matcher.target)", place: nil)
        } else {
            skipNamesake("\(record.names[0]) (ORCID \(id))", url: "https://orcid.org/\(id)", source: source, places: places)
        }
    }

    /// A part of the record of the person's ORCID iD: the biography becomes a text cited to the
    /// record, keywords fields, employments and educations dated facts, researcher links pages
    /// to read (the first one off the company's site their own site). A record under another
    /// name is not used.
    mutating func adoptORCIDRecord(_ record: ORCIDReaders.Record, source: SourceDefinition, fetchedAt: Date) {
        guard let id = orcid, record.orcid == nil || record.orcid == id, !rejectedProfiles.contains(id) else { return }
        let url = "https://orcid.org/\(id)"
        if !record.names.isEmpty, !record.names.contains(where: { RegisteredName.isSame($0, as: identity.name) }) {
            rejectedProfiles.insert(id)
            identity.evidence.append("ORCID \(id) is \(record.names[0]), not \(identity.name): its record is not used")
            return
        }
        if let biography = record.biography {
            addDocument(text: biography, url: url, title: "\(record.names.first ?? identity.name) (ORCID \(id))", siteName: "ORCID",
                        source: source, fetchedAt: fetchedAt)
        }
        for keyword in record.keywords.prefix(5) {
            personFacts.append(StructuredFact(kind: .field, value: keyword, sourceURL: url))
        }
        let matcher = affiliations
        for employment in record.employments {
            let place = [employment.department, employment.organization].compactMap { $0 }.joined(separator: ", ")
            let value = employment.role.map { "\($0), \(place)" } ?? place
            personFacts.append(StructuredFact(kind: employment.role == nil ? .employer : .position, value: value,
                                              start: employment.start, end: employment.end, sourceURL: url))
            if employment.end == nil, matcher.matches(organization: employment.organization) { nameCompany(employment.organization) }
        }
        for education in record.educations {
            let value = education.role.map { "\($0), \(education.organization)" } ?? education.organization
            personFacts.append(StructuredFact(kind: .education, value: value, start: education.start, end: education.end,
                                              sourceURL: url))
        }
        for country in Set(record.countries).sorted() {
            let name = Locale(identifier: "en").localizedString(forRegionCode: country) ?? country
            personFacts.append(StructuredFact(kind: .location, value: name, sourceURL: url))
        }
        for link in record.links.prefix(3) {
            guard let host = Self.host(link.url), !Self.isPlatform(host) else { continue }
            if identity.domain == nil, !matcher.matches(site: link.url) {
                identity.domain = host
                identity.evidence.append("personal site \(host) (ORCID record)")
            }
            // The homepage of the person's own site is read by the personal-site source.
            let path = URLComponents(string: link.url)?.path ?? ""
            if host == identity.domain && (path.isEmpty || path == "/") { continue }
            queue(PlannedRequest(url: link.url, source: source, role: .page, hit: DiscoveredPage(url: link.url, title: link.name)))
        }
    }

    // MARK: dblp

    /// Takes the dblp person with the person's name whose affiliation ties them to the person.
    mutating func considerDBLPAuthors(_ authors: [DBLPAuthor], source: SourceDefinition) {
        let matcher = affiliations
        for author in authors.prefix(source.maxResults ?? 10)
        where author.names.contains(where: { RegisteredName.isSame($0, as: identity.name) }) {
            let key = "dblp \(author.profileURL.split(separator: "/pid/").last.map(String.init) ?? author.profileURL)"
            guard let place = author.affiliations.first(where: matcher.matches(organization:)) else {
                if !adoptedProfiles.contains(key) {
                    skipNamesake("\(author.name) (\(key))", url: author.profileURL, source: source, places: author.affiliations)
                }
                continue
            }
            guard takeProfile(key, evidence: "\(key): affiliation \(place), which matches \(matcher.target)") else { continue }
            nameCompany(place)
            for affiliation in author.affiliations {
                personFacts.append(StructuredFact(kind: .affiliation, value: affiliation, sourceURL: author.profileURL))
            }
            for award in author.awards {
                personFacts.append(StructuredFact(kind: .award, value: award, sourceURL: author.profileURL))
            }
        }
    }

    // MARK: GitHub

    /// What ties a GitHub profile to the company or its domain, in words; nil when nothing does.
    func gitHubEvidence(_ user: GitHubUser) -> String? {
        let matcher = affiliations
        if let listed = user.company, matcher.matches(organization: listed) {
            return "GitHub \(user.login) lists \(listed) as the company"
        }
        if let blog = user.blog, matcher.matches(site: blog) {
            return "GitHub \(user.login) links \(blog), on \(matcher.domain ?? "")"
        }
        if let email = user.email, matcher.matches(email: email) {
            return "GitHub \(user.login) shows an address at \(matcher.domain ?? "")"
        }
        if let bio = user.bio, matcher.isMentioned(in: bio) {
            return "GitHub \(user.login)'s bio names \(matcher.target)"
        }
        return nil
    }

    /// The GitHub account the identity already names (Wikidata's P2037): a profile that gives a
    /// name must give theirs; a company matching theirs makes the identity surer.
    mutating func adoptGitHubUser(_ user: GitHubUser, source: SourceDefinition, fetchedAt: Date) {
        if let name = user.name, !person.isMentioned(in: NameMatcher.fold(name)) {
            identity.evidence.append("GitHub \(user.login) is \(name), not \(identity.name): its profile is not used")
            return
        }
        guard adoptedProfiles.insert("GitHub \(user.login)").inserted else { return }
        if let name = user.name { identity.evidence.append("GitHub \(user.login) names \(name)") }
        if let evidence = gitHubEvidence(user) {
            identity.confidence = max(identity.confidence, 0.8)
            identity.evidence.append(evidence)
        }
        takeGitHubUser(user, source: source, fetchedAt: fetchedAt)
    }

    /// An account the user search found by name: the person's only when its name is theirs and
    /// something on it ties it to the company or its domain.
    mutating func considerGitHubCandidate(_ user: GitHubUser, source: SourceDefinition, fetchedAt: Date) {
        guard let name = user.name, RegisteredName.isSame(name, as: identity.name) else { return }
        let key = "GitHub \(user.login)"
        guard let evidence = gitHubEvidence(user) else {
            if !adoptedProfiles.contains(key) {
                skipNamesake("\(name) (\(key))", url: user.profileURL, source: source,
                             places: [user.company, user.blog, user.location].compactMap { $0 })
            }
            return
        }
        guard takeProfile(key, evidence: evidence) else { return }
        if let listed = user.company, affiliations.matches(organization: listed) { nameCompany(listed) }
        takeGitHubUser(user, source: source, fetchedAt: fetchedAt)
    }

    /// The profile's company, location and bio become facts cited to it, its site the person's own.
    private mutating func takeGitHubUser(_ user: GitHubUser, source: SourceDefinition, fetchedAt: Date) {
        if let listed = user.company {
            personFacts.append(StructuredFact(kind: .profileCompany, value: listed, sourceURL: user.profileURL))
        }
        if let location = user.location {
            personFacts.append(StructuredFact(kind: .location, value: location, sourceURL: user.profileURL))
        }
        if let bio = user.bio {
            addDocument(text: bio, url: user.profileURL, title: user.name.map { "\($0) (\(user.login)) on GitHub" },
                        siteName: "GitHub", source: source, fetchedAt: fetchedAt)
        }
        identity.github = identity.github ?? user.login
        if identity.domain == nil, let blog = user.blog, let host = Self.host(blog), !Self.isPlatform(host),
           !affiliations.matches(site: blog) {
            identity.domain = host
            identity.evidence.append("personal site \(host) (GitHub profile)")
        }
    }

    // MARK: Hacker News

    /// Stories naming the person: the articles they link to are read like search hits, an
    /// "Ask HN" text is read where it stands, cited to its item.
    mutating func adoptHackerNewsStories(_ stories: [HackerNewsStory], source: SourceDefinition, fetchedAt: Date) {
        var pages: [DiscoveredPage] = []
        for story in stories.prefix(source.maxResults ?? 10) {
            if let url = story.url {
                pages.append(DiscoveredPage(url: url, title: story.title, snippet: story.text, published: story.published))
            } else if let text = story.text {
                addDocument(text: story.title + "\n" + text, url: story.itemURL, title: story.title, siteName: "Hacker News",
                            published: story.published, source: source, fetchedAt: fetchedAt,
                            authors: story.author.map { [$0] } ?? [])
            }
        }
        queuePages(pages, source: source)
    }
}
