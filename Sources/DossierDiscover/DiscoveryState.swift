import DossierCore
import DossierExtract
import Foundation

/// What discovery knows so far about one subject, and what it still has to read.
struct DiscoveryState {
    var identity: Identity
    var company: CompanyIdentity
    var documents: [SourceDocument] = []
    var personFacts: [StructuredFact] = []
    var companyFacts: [StructuredFact] = []
    var outcomes: [SourceOutcome] = []
    /// Every URL requested this build, so none is asked twice.
    var requestedURLs = Set<String>()
    /// Every reading made this build (``PlannedRequest/readingKey``), so none is made twice.
    var readings = Set<String>()
    /// The answers fetched this build by URL, with the source that asked, for another source
    /// that asks for the same URL.
    var answers: [String: (PageResponse, String)] = [:]
    /// The person's ORCID iD, once a registry ties one to them (fills `{orcid}`).
    var orcid: String?
    /// Registry profiles taken as the person's (`OpenAlex A5017898742`), each taken once.
    var adoptedProfiles = Set<String>()
    /// ORCID iDs whose record turned out to name someone else.
    var rejectedProfiles = Set<String>()
    private var followUps: [PlannedRequest] = []
    let person: NameMatcher

    init(subject: Subject) {
        identity = Identity(name: subject.name, wikidataID: nil, description: nil, confidence: 0.3,
                            evidence: ["named by the user"], wikipediaTitle: nil, domain: nil, github: nil)
        company = CompanyIdentity(name: subject.company, wikidataID: nil, domain: subject.domain, wikipediaTitle: nil)
        person = NameMatcher(subject.name)
        if subject.domain != nil { identity.evidence.append("company domain given") }
    }

    /// The template values for sources about the person or about the company.
    func values(for about: SourceDefinition.Subject) -> TemplateValues {
        var values = TemplateValues([.person: identity.name, .company: company.name ?? ""])
        values[.query] = [identity.name, company.name].compactMap { $0 }.joined(separator: " ")
        switch about {
        case .person:
            values[.domain] = identity.domain
            values[.qid] = identity.wikidataID
            values[.title] = identity.wikipediaTitle
            values[.github] = identity.github
            values[.orcid] = orcid
        case .company:
            values[.query] = company.name
            values[.domain] = company.domain
            values[.qid] = company.wikidataID
            values[.title] = company.wikipediaTitle
        }
        return values
    }

    mutating func queue(_ request: PlannedRequest) {
        followUps.append(request)
    }

    /// The pages queued since the last round, to fetch in the next one.
    mutating func takeFollowUps() -> [PlannedRequest] {
        defer { followUps.removeAll() }
        return followUps
    }

    /// Queues search hits to read as articles, up to the source's `max_results`: first those
    /// whose title or snippet names the person, then those naming the company, then the rest,
    /// each in the search's order. A hit on a domain that carries the person's name
    /// (paulgraham.com) is taken as their own site.
    mutating func queuePages(_ pages: [DiscoveredPage], source: SourceDefinition, followingNamedLinks: Bool = false) {
        let companies = NameMatcher.companyNames(company.name).map(NameMatcher.init)
        func tier(_ page: DiscoveredPage) -> Int {
            let shown = NameMatcher.fold([page.title, page.snippet].compactMap { $0 }.joined(separator: " "))
            if person.isMentioned(in: shown) || carriesPersonName(page.url) { return 0 }
            return companies.contains { $0.matchesFullName(in: shown) } ? 1 : 2
        }
        // LinkedIn forbids scraping: its pages are never fetched (paste what you need into a manual source).
        let (linkedIn, fetchable) = pages.reduce(into: ([DiscoveredPage](), [DiscoveredPage]())) { split, page in
            if let host = Self.host(page.url), host == "linkedin.com" || host.hasSuffix(".linkedin.com") {
                split.0.append(page)
            } else {
                split.1.append(page)
            }
        }
        for page in linkedIn.prefix(3) {
            outcomes.append(SourceOutcome(sourceName: source.name, url: page.url, kind: .skipped, category: .notFetched,
                                          message: "LinkedIn is never fetched; paste what you need into a manual source"))
        }
        let ranked = fetchable.enumerated().sorted { (tier($0.element), $0.offset) < (tier($1.element), $1.offset) }.map(\.element)
        for page in ranked.prefix(source.maxResults ?? 10) {
            queue(PlannedRequest(url: page.url, source: source, role: .page, hit: page, followsNamedLinks: followingNamedLinks))
            if source.kind == .search, identity.domain == nil, let host = Self.host(page.url), carriesName(host) {
                identity.domain = host
                identity.evidence.append("personal site \(host) (a search hit on a domain with the name)")
            }
        }
    }

    /// Whether a host's first label is the person's name written together (janedoe.example,
    /// www.jane-doe.example).
    private func carriesName(_ host: String) -> Bool {
        let labels = host.split(separator: ".").filter { $0 != "www" }
        guard labels.count >= 2, let first = labels.first else { return false }
        let letters = NameMatcher.fold(String(first)).filter(\.isLetter)
        let name = NameMatcher.fold(identity.name).filter(\.isLetter)
        return letters.count >= 6 && letters == name
    }

    /// Takes a Person in a page's JSON-LD that is the subject: their `sameAs` links that are
    /// not profiles on large platforms point at their own site.
    mutating func adoptStructuredPerson(name: String?, sameAs: [String]) {
        guard identity.domain == nil, let name, person.matchesFullName(in: NameMatcher.fold(name)) else { return }
        for link in sameAs {
            guard let host = Self.host(link), !Self.isPlatform(host) else { continue }
            identity.domain = host
            identity.evidence.append("personal site \(host) (JSON-LD sameAs)")
            return
        }
    }

    /// Queues the pages of a site whose link text or path matches the source's `follow` words,
    /// and those that carry the person's name (`/team/jane-doe`, a link "Jane Doe"), which come
    /// first. Their own links that carry the name are followed too, one step further.
    mutating func queueFollowed(_ pages: [DiscoveredPage], source: SourceDefinition) {
        let words = source.follow.map { $0.lowercased() }
        let chosen = pages.filter { page in
            let path = URLComponents(string: page.url)?.path.lowercased() ?? ""
            let text = page.title?.lowercased() ?? ""
            return words.contains { path.contains($0) || text.contains($0) } || namesPerson(page)
        }
        var seen = Set<String>()
        let unique = chosen.filter { seen.insert($0.url).inserted }
        queuePages(unique, source: source, followingNamedLinks: true)
    }

    /// The queries a person search asks besides its first (the name with the company, when one is
    /// known): the name alone, for pages that do not name the company; and, on a search of the
    /// whole web, the name on the company's own site and the name with the words of a talk or an
    /// interview, for conference and podcast pages, where the person speaks for themselves.
    func personQueries(_ values: TemplateValues, searchingTheWeb: Bool) -> [TemplateValues] {
        var queries: [TemplateValues] = []
        func ask(_ query: String) {
            var asked = values
            asked[.query] = query
            queries.append(asked)
        }
        let name = identity.name
        if company.name != nil { ask(name) }
        guard searchingTheWeb else { return queries }
        if let domain = company.domain { ask("\"\(name)\" site:\(domain)") }
        ask("\"\(name)\" interview OR podcast OR talk")
        return queries
    }

    /// A (name, role) card of a team or leadership page on the company's own site that is the
    /// person's: their position there, cited to the page.
    mutating func adoptPersonCard(name: String, role: String, url: String) {
        guard isOnCompanySite(url), RegisteredName.isSame(name, as: identity.name),
              !personFacts.contains(where: { $0.kind == .position && $0.value == role && $0.sourceURL == url }) else { return }
        personFacts.append(StructuredFact(kind: .position, value: role, sourceURL: url))
    }

    /// Whether a link names the person, in its text or in its address.
    func namesPerson(_ link: DiscoveredPage) -> Bool {
        carriesPersonName(link.url) || link.title.map { person.isMentioned(in: NameMatcher.fold($0)) } ?? false
    }

    /// Whether a URL's path carries the person's name: both names among its words
    /// (`/people/jane-doe`, `/author/doe-jane/`), or written together (`/janedoe`, `/jdoe` for a
    /// surname of five letters or more).
    func carriesPersonName(_ url: String) -> Bool {
        let name = RegisteredName.words(identity.name)
        guard name.count >= 2, let first = name.first, let last = name.last,
              let path = URLComponents(string: url)?.path, !path.isEmpty else { return false }
        let words = NameMatcher.fold(path.removingPercentEncoding ?? path).split { !$0.isLetter && !$0.isNumber }.map(String.init)
        if words.contains(first) && words.contains(last) { return true }
        let together = [first + last, last + first] + (last.count >= 5 ? [String(first.prefix(1)) + last] : [])
        return words.contains { together.contains($0) }
    }

    /// Adds a text a source gave. Of a page's asides (by-line, author box, "about" widget), those
    /// naming the person are read after its main text, and, on a page by or about them, those
    /// naming the company: an ordinary professional's bio is usually there. The first postal address
    /// the company's own site gives is the company's.
    mutating func addDocument(
        text: String, url: String, title: String?, siteName: String? = nil, published: String? = nil, updated: String? = nil,
        source: SourceDefinition, fetchedAt: Date, tableRows: [SourceDocument.TableRow] = [], description: String? = nil,
        authors: [String] = [], asides: [String] = [], addresses: [String] = [], headlines: [String] = []
    ) {
        let byPerson = authors.contains { person.matchesFullName(in: NameMatcher.fold($0)) }
        let companies = NameMatcher.companyNames(company.name).map(NameMatcher.init)
        let namingPerson = asides.filter { person.isNamed(inSentence: NameMatcher.fold($0)) }
        let namingCompany = byPerson || !namingPerson.isEmpty
            ? asides.filter { aside in !namingPerson.contains(aside) && companies.contains { $0.matchesFullName(in: NameMatcher.fold(aside)) } }
            : []
        // On the company's own site, an aside in its own voice says what it does ("Our mobile commerce,
        // flexible ticket sales, and data solutions empower …"): a page's footer often holds no more.
        let ownSite = isOnCompanySite(url) || siteName.map { site in
            NameMatcher.companyNames(company.name).contains { NameMatcher.fold($0) == NameMatcher.fold(site) }
        } == true
        let ownVoice = ownSite ? asides.filter { aside in
            let words = aside.split(separator: " ")
            return ["Our", "We"].contains(words.first.map(String.init) ?? "") && words.count >= 8
        }.prefix(1) : []
        // And how it is paid for, as it tells its readers ("In addition to supporting our site through
        // advertisements, you can help by subscribing to …").
        let funding = ownSite ? asides.filter(Self.tellsFunding).prefix(2) : []
        let kept = asides.filter { namingPerson.contains($0) || namingCompany.contains($0) || ownVoice.contains($0) || funding.contains($0) }
        let trimmed = ([text] + kept).joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        // On a page titled with the person's name (a profile), every table is about them.
        let profile = title.map { person.matchesFullName(in: NameMatcher.fold($0)) } ?? false
        let rowsNamingPerson = tableRows.filter { profile || person.isNamed(inSentence: NameMatcher.fold($0.cells.joined(separator: " "))) }
        guard !trimmed.isEmpty || !rowsNamingPerson.isEmpty else { return }
        documents.append(SourceDocument(
            url: url, title: title, siteName: siteName, published: published, updated: updated, text: trimmed,
            sourceName: source.name, trust: source.trust, fetchedAt: fetchedAt, tableRows: Array(rowsNamingPerson.prefix(50)),
            // A profile's summary holds their position and interests; a homepage's, what the site or organisation is.
            profileSummary: profile || SourceDocument.isFrontPage(url) ? description : nil, authors: authors,
            interviewsPerson: InterviewPage.interviews(person, personName: identity.name, text: trimmed, title: title, url: url),
            headlines: headlines
        ))
        if ownSite, !companyFacts.contains(where: { $0.kind == .address }),
           let address = addresses.first(where: { PostalAddress.town(in: $0) != nil }) {
            companyFacts.append(StructuredFact(kind: .address, value: address, sourceURL: url))
        }
    }

    /// Whether a site's aside tells how the site is paid for: advertising, subscriptions, memberships,
    /// donations or sponsors, of "our site", "this site" or its support.
    static func tellsFunding(_ aside: String) -> Bool {
        let folded = NameMatcher.fold(aside)
        guard aside.split(separator: " ").count >= 8 else { return false }
        let means = ["advertis", "subscri", "membership", "donat", "sponsor"].contains { folded.contains($0) }
        let ofTheSite = ["our site", "this site", "support"].contains { folded.contains($0) }
        return means && ofTheSite
    }

    /// Takes a search hit titled with the subject's name (a parenthetical qualifier aside, never
    /// a disambiguation page) as their Wikipedia article: for the person, the first whose
    /// snippet names their company when one is known, else the first.
    mutating func adoptWikipediaTitle(from hits: [DiscoveredPage], about: SourceDefinition.Subject) {
        func titled(_ name: String) -> [DiscoveredPage] {
            hits.filter { hit in
                guard let title = hit.title, !title.lowercased().hasSuffix("(disambiguation)") else { return false }
                return NameMatcher.fold(Self.withoutQualifier(title)) == NameMatcher.fold(name)
            }
        }
        switch about {
        case .person:
            guard identity.wikipediaTitle == nil else { return }
            let named = titled(identity.name)
            let companies = NameMatcher.companyNames(company.name).map(NameMatcher.init)
            let withCompany = named.first { hit in
                companies.contains { $0.matchesFullName(in: NameMatcher.fold(hit.snippet ?? "")) }
            }
            identity.wikipediaTitle = (withCompany ?? named.first)?.title
        case .company:
            guard company.wikipediaTitle == nil, let name = company.name else { return }
            company.wikipediaTitle = NameMatcher.companyNames(name).lazy.compactMap { titled($0).first?.title }.first
                ?? titled(name).first?.title
        }
    }

    mutating func adoptSummary(_ summary: WikipediaSummary, source: SourceDefinition, fetchedAt: Date) {
        if source.about == .person, identity.wikidataID == nil, let id = summary.wikidataID,
           person.matchesFullName(in: NameMatcher.fold(summary.title)) {
            identity.wikidataID = id
            identity.evidence.append("Wikipedia article \"\(summary.title)\"")
        }
        if source.about == .company, company.wikidataID == nil, let id = summary.wikidataID {
            company.wikidataID = id
        }
        addDocument(text: summary.extract, url: summary.pageURL, title: summary.title, siteName: "Wikipedia",
                    source: source, fetchedAt: fetchedAt)
    }

    /// Chooses among Wikidata search hits: the label must be the name; the company in
    /// the description makes it surer, several hits with the same label less sure.
    mutating func adoptCandidates(_ candidates: [EntityCandidate], about: SourceDefinition.Subject) {
        switch about {
        case .person:
            guard identity.wikidataID == nil else { return }
            // A namesake is an item whose label (or the alias the search matched) is the name
            // itself: "… in popular culture" or "… (disambiguation)" items merely contain it,
            // and disambiguation pages and name items are not people.
            let named = candidates.filter { candidate in
                !candidate.isNamePage && [candidate.label, candidate.matchedText].contains { text in
                    text.map { NameMatcher.fold(Self.withoutQualifier($0)) == NameMatcher.fold(identity.name) } ?? false
                }
            }
            guard !named.isEmpty else { return }
            let companyMatcher = company.name.map(NameMatcher.init)
            let withCompany = named.first { candidate in
                companyMatcher?.matchesFullName(in: NameMatcher.fold(candidate.description ?? "")) ?? false
            }
            let chosen = withCompany ?? named[0]
            identity.wikidataID = chosen.id
            identity.description = chosen.description
            if withCompany != nil {
                identity.confidence = max(identity.confidence, 0.8)
                identity.evidence.append("Wikidata \(chosen.id): description names \(company.name ?? "")")
            } else {
                identity.confidence = max(identity.confidence, named.count == 1 ? 0.6 : 0.4)
                identity.evidence.append("Wikidata \(chosen.id): label matches" + (named.count > 1 ? " (\(named.count) items share it)" : ""))
            }
        case .company:
            guard company.wikidataID == nil, let name = company.name else { return }
            let matcher = NameMatcher(name)
            company.wikidataID = candidates.first {
                !$0.isNamePage && matcher.matchesFullName(in: NameMatcher.fold($0.label ?? ""))
            }?.id
        }
    }

    /// A title or label without a trailing parenthetical: "Jane Doe (engineer)" → "Jane Doe".
    static func withoutQualifier(_ label: String) -> String {
        guard label.hasSuffix(")"), let open = label.lastIndex(of: "(") else { return label }
        return label[..<open].trimmingCharacters(in: .whitespaces)
    }

    /// Takes an entity's facts, and the values they reveal (site, GitHub, employer).
    mutating func adoptEntity(_ entity: WikidataReaders.Entity, about: SourceDefinition.Subject) {
        let facts = entity.facts.filter { $0.kind != .instanceOf }
        switch about {
        case .person:
            if entity.facts.contains(where: { $0.kind == .instanceOf }) && !entity.isHuman {
                identity.confidence = min(identity.confidence, 0.2)
                identity.evidence.append("Wikidata \(entity.id) is not a human: its statements are not used")
                return
            }
            if entity.isHuman { identity.evidence.append("Wikidata \(entity.id) is a human") }
            personFacts += facts
            identity.wikipediaTitle = identity.wikipediaTitle ?? entity.englishWikipediaTitle
            identity.description = identity.description ?? entity.description
            if let site = facts.first(where: { $0.kind == .website }) { identity.domain = identity.domain ?? Self.host(site.value) }
            if let github = facts.first(where: { $0.kind == .github }) { identity.github = identity.github ?? github.value }
            let employers = facts.filter { $0.kind == .employer }
            if let companyName = company.name {
                let matcher = NameMatcher(companyName)
                if let match = employers.first(where: { matcher.matchesFullName(in: NameMatcher.fold($0.value)) }) {
                    company.wikidataID = company.wikidataID ?? match.valueID
                    identity.confidence = max(identity.confidence, 0.9)
                    identity.evidence.append("Wikidata lists \(match.value) as an employer")
                }
            } else if let current = employers.last(where: { $0.end == nil }) ?? employers.last {
                company.name = current.value
                company.wikidataID = current.valueID
            }
        case .company:
            companyFacts += facts
            company.wikipediaTitle = company.wikipediaTitle ?? entity.englishWikipediaTitle
            if let site = facts.first(where: { $0.kind == .website }) { company.domain = company.domain ?? Self.host(site.value) }
        }
    }

    /// Whether `host` is a large platform where a profile is one page among millions (never the
    /// person's own site; LinkedIn is never fetched at all).
    static func isPlatform(_ host: String) -> Bool {
        let platforms = ["twitter.com", "x.com", "linkedin.com", "facebook.com", "github.com", "instagram.com",
                         "wikipedia.org", "wikidata.org", "youtube.com", "mastodon.social", "medium.com"]
        return platforms.contains { host == $0 || host.hasSuffix("." + $0) }
    }

    static func host(_ url: String) -> String? {
        URLComponents(string: url)?.host?.lowercased()
    }

    /// Whether a page is on the company's own site: its domain, or a host with a label that
    /// is the company's name written together (hacks.mozilla.org for Mozilla).
    func isOnCompanySite(_ url: String) -> Bool {
        guard let host = Self.host(url) else { return false }
        if let domain = company.domain?.lowercased(), host == domain || host.hasSuffix("." + domain) { return true }
        let labels = host.split(separator: ".").dropLast()
        return NameMatcher.companyNames(company.name).contains { name in
            let joined = NameMatcher.fold(name).filter { $0.isLetter || $0.isNumber }
            return joined.count >= 3 && labels.contains { $0 == joined }
        }
    }

    /// `text` with its web addresses blanked out.
    ///
    /// A URL starts with `http://`, `https://` or, at a word's start, `www.` (in any case) and runs
    /// to a space, `<`, `>` or `"`. Scanned as bytes: a case-insensitive regular expression over
    /// every page cost a refresh of eight mini-web people a third of its time.
    static func withoutURLs(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var kept: [UInt8] = []
        var index = 0
        var cut = false
        while index < bytes.count {
            if let prefix = urlPrefixLength(bytes, at: index) {
                var end = index + prefix
                while end < bytes.count, whitespaceLength(bytes, at: end) == 0, !endsURL(bytes[end]) { end += 1 }
                if end > index + prefix {
                    if !cut { kept.reserveCapacity(bytes.count); kept.append(contentsOf: bytes[..<index]); cut = true }
                    kept.append(UInt8(ascii: " "))
                    index = end
                    continue
                }
            }
            if cut { kept.append(bytes[index]) }
            index += 1
        }
        return cut ? String(decoding: kept, as: UTF8.self) : text
    }

    private static func endsURL(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""): true
        default: false
        }
    }

    /// The length of `http://`, `https://` or a word-initial `www.` at `index`, in any case.
    private static func urlPrefixLength(_ bytes: [UInt8], at index: Int) -> Int? {
        func matches(_ prefix: StaticString) -> Bool {
            guard index + prefix.utf8CodeUnitCount <= bytes.count else { return false }
            return prefix.withUTF8Buffer { expected in
                expected.indices.allSatisfy { bytes[index + $0] | 0x20 == expected[$0] | 0x20 }
            }
        }
        let first = bytes[index] | 0x20
        guard first == UInt8(ascii: "h") || first == UInt8(ascii: "w") else { return nil }
        if matches("https://") { return 8 }
        if matches("http://") { return 7 }
        if matches("www.") {
            // A word's start: the character before is no letter, digit or underscore.
            guard index > 0 else { return 4 }
            var start = index - 1
            while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
            guard let before = String(decoding: bytes[start..<index], as: UTF8.self).unicodeScalars.first else { return 4 }
            let isWord = before.properties.isAlphabetic || before.properties.numericType != nil || before == "_"
            return isWord ? nil : 4
        }
        return nil
    }

    /// The length in bytes of the whitespace character at `index` (ASCII, or a Unicode space
    /// such as U+00A0 or U+2009), 0 when there is none.
    private static func whitespaceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let byte = bytes[index]
        if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) { return 1 }
        guard byte >= 0xC2, index + 1 < bytes.count else { return 0 }
        let next = bytes[index + 1]
        if byte == 0xC2 && (next == 0xA0 || next == 0x85) { return 2 }
        guard index + 2 < bytes.count else { return 0 }
        let third = bytes[index + 2]
        switch (byte, next) {
        case (0xE1, 0x9A): return third == 0x80 ? 3 : 0
        case (0xE2, 0x80): return (third >= 0x80 && third <= 0x8A) || third == 0xA8 || third == 0xA9 || third == 0xAF ? 3 : 0
        case (0xE2, 0x81): return third == 0x9F ? 3 : 0
        case (0xE3, 0x80): return third == 0x80 ? 3 : 0
        default: return 0
        }
    }

    /// The result: documents about the person or the company kept (most trusted first),
    /// the others recorded as skipped.
    func result() -> DiscoveryResult {
        // Mentions are counted once: under a company's shortest name ("Phoronix"), which every
        // mention of its longer one ("Phoronix Media") contains.
        let names = NameMatcher.companyNames(company.name)
        let companyMatchers = names.filter { name in
            !names.contains { other in other != name && NameMatcher.containsWords(NameMatcher.fold(other), in: NameMatcher.fold(name)) }
        }.map(NameMatcher.init)
        var kept: [SourceDocument] = []
        var keptNamingBoth = 0
        var aboutPerson = 0
        var outcomes = self.outcomes
        var seen = Set<String>()
        for document in documents {
            let rows = document.tableRows.map { $0.cells.joined(separator: " ") }
            // A name written into a URL (`/people/jane-doe`, a sitemap's address) is no mention.
            let folded = NameMatcher.fold(Self.withoutURLs(([document.text, document.title ?? ""] + rows).joined(separator: " ")))
            // A page about the company names it more than once: one mention in a footer or a
            // list of links does not make a page worth reading.
            let companyMentions = companyMatchers.reduce(0) { $0 + $1.occurrences(in: folded) }
            // The title, text, table rows, the asides naming the person (read with the text) and
            // the by-line: a page by the person is about them.
            let namesPerson = person.isMentioned(in: folded)
                || document.authors.contains { person.matchesFullName(in: NameMatcher.fold($0)) }
            if namesPerson || companyMentions >= 2 || isOnCompanySite(document.url) || document.sourceName == Discovery.userPages.name {
                if seen.insert(document.url + "\u{0}" + document.text.prefix(200)).inserted {
                    kept.append(document)
                    if namesPerson && companyMentions > 0 { keptNamingBoth += 1 }
                    if namesPerson || document.sourceName == Discovery.userPages.name { aboutPerson += 1 }
                }
            } else {
                outcomes.append(SourceOutcome(
                    sourceName: document.sourceName, url: document.url, kind: .skipped, category: .notAboutSubject,
                    message: "mentions neither \(identity.name)" + (company.name.map { " nor \($0)" } ?? "")
                ))
            }
        }
        kept.sort { $0.trust > $1.trust }
        var identity = self.identity
        // The company's own site (the invitation's domain) naming the person ties them to it.
        let onCompanySite = kept.filter { document in
            isOnCompanySite(document.url) && person.isMentioned(in: NameMatcher.fold(Self.withoutURLs(document.text + " " + (document.title ?? ""))))
        }
        if let first = onCompanySite.first, let host = Self.host(first.url) {
            identity.confidence = max(identity.confidence, 0.7)
            let more = onCompanySite.count > 1 ? " and \(onCompanySite.count - 1) more" : ""
            identity.evidence.append("named on the company's own site: \(host)\(URLComponents(string: first.url)?.path ?? "")\(more)")
        }
        // Pages that name the person and the company together make the identity surer.
        if keptNamingBoth > 0 {
            identity.confidence = max(identity.confidence, keptNamingBoth >= 3 ? 0.75 : 0.6)
            let pages = keptNamingBoth == 1 ? "page names" : "pages name"
            identity.evidence.append("\(keptNamingBoth) \(pages) \(identity.name) with \(company.name ?? "")")
        }
        return DiscoveryResult(identity: identity, company: company, documents: kept, personFacts: personFacts,
                               companyFacts: companyFacts, outcomes: outcomes, pagesAboutPerson: aboutPerson)
    }
}
