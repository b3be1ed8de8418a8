import DossierCore
import Foundation

/// Whether what a registry says of someone (an organisation they worked or studied at, a site,
/// an e-mail address, a bio) ties them to the company the user named or to the company's domain
/// (from an invitation): the evidence that a namesake found by name is the person meant.
///
/// An organisation matches the company when it names it ("Acme Robotics, Inc." for Acme
/// Robotics), and the domain when the domain's own label is the organisation's name written
/// together (`morconsulting.com`, `metametricsinc.com`), one of its distinctive words
/// (`bangor.ac.uk` for Bangor University) or their short form (`cam.ac.uk` for the University of
/// Cambridge), or its initials (`mit.edu`, `kcl.ac.uk` for King's College London).
struct AffiliationMatcher: Sendable {
    /// The company's names (``NameMatcher/companyNames(_:)``).
    let companyNames: [String]
    /// The company's web domain, lower-cased.
    let domain: String?

    init(company: String?, domain: String?) {
        companyNames = NameMatcher.companyNames(company)
        self.domain = domain?.lowercased()
    }

    /// Whether there is anything to match against.
    var canJudge: Bool { !companyNames.isEmpty || domain != nil }

    /// What a match is a match with, for the identity's evidence: the company or the domain.
    var target: String {
        [companyNames.first, domain].compactMap { $0 }.joined(separator: " / ")
    }

    // MARK: Organisations

    /// Whether `organization` is the company, by its name or by the domain.
    func matches(organization: String) -> Bool {
        let folded = NameMatcher.fold(Self.withoutQualifier(organization))
        let letters = Self.letters(folded)
        for name in companyNames {
            if NameMatcher(name).matchesFullName(in: folded) { return true }
            let joined = Self.letters(NameMatcher.fold(name))
            if joined.count >= 3 && joined == letters { return true }
        }
        guard let domain, let label = Self.ownLabel(of: domain) else { return false }
        return Self.organization(folded, isNamedBy: label)
    }

    /// Whether a domain's own label (`bangor` of `cs.bangor.ac.uk`) names the organisation.
    static func organization(_ folded: String, isNamedBy label: String) -> Bool {
        let label = letters(label)
        guard label.count >= 3 else { return false }
        // "King's College London": the `s` of a possessive is no word.
        let words = folded.split { !$0.isLetter && !$0.isNumber }.map(String.init)
            .filter { $0.count > 1 && !legalWords.contains($0) && !linkWords.contains($0) }
        guard !words.isEmpty else { return false }
        func isNamed(by written: String) -> Bool {
            guard written.count >= 4 else { return false }
            if label == written { return true }
            return label.hasPrefix(written) && domainEndings.contains(String(label.dropFirst(written.count)))
        }
        if isNamed(by: words.joined()) { return true }
        let distinctive = words.filter { !genericWords.contains($0) }
        if distinctive.count > 1, isNamed(by: distinctive.joined()) { return true }
        if distinctive.contains(where: isNamed(by:)) { return true }
        // A short form of a distinctive word: `cam` for Cambridge.
        if distinctive.contains(where: { $0.count >= 6 && $0.hasPrefix(label) }) { return true }
        let initials = String(words.compactMap(\.first))
        return words.count >= 3 && label == initials
    }

    // MARK: Addresses

    /// Whether `url` (or a bare host) is on the company's domain.
    func matches(site url: String) -> Bool {
        guard let domain else { return false }
        let host = (URLComponents(string: url.contains("://") ? url : "https://" + url)?.host ?? url).lowercased()
        return Self.host(host, isOn: domain)
    }

    /// Whether an e-mail address is at the company's domain.
    func matches(email: String) -> Bool {
        guard let domain, let at = email.lastIndex(of: "@") else { return false }
        return Self.host(email[email.index(after: at)...].lowercased(), isOn: domain)
    }

    static func host(_ host: String, isOn domain: String) -> Bool {
        let host = host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
        let domain = domain.hasPrefix("www.") ? String(domain.dropFirst(4)) : domain
        return host == domain || host.hasSuffix("." + domain)
    }

    /// Whether a text (a profile's bio) names the company, or its domain's label as a word
    /// (`Engineer @zendesk`).
    func isMentioned(in text: String) -> Bool {
        let folded = NameMatcher.fold(text)
        if companyNames.contains(where: { NameMatcher($0).isMentioned(in: folded) }) { return true }
        guard let domain else { return false }
        if folded.contains(domain) { return true }
        guard let label = Self.ownLabel(of: domain), label.count >= 5 else { return false }
        return NameMatcher.containsWords(label, in: folded)
    }

    // MARK: Words

    /// The label a domain is known by: `bangor` of `cs.bangor.ac.uk`, `acme-robotics` of
    /// `www.acme-robotics.com`.
    static func ownLabel(of domain: String) -> String? {
        var labels = domain.lowercased().split(separator: ".").map(String.init)
        guard labels.count >= 2 else { return nil }
        labels.removeLast()
        if let last = labels.last, labels.count >= 2, domain.split(separator: ".").last?.count == 2,
           secondLevelWords.contains(last) {
            labels.removeLast()
        }
        return labels.last
    }

    /// "MetaMetrics (United States)" → "MetaMetrics".
    static func withoutQualifier(_ name: String) -> String {
        guard name.hasSuffix(")"), let open = name.lastIndex(of: "("), open > name.startIndex else { return name }
        return name[..<open].trimmingCharacters(in: .whitespaces)
    }

    static func letters(_ text: String) -> String {
        String(text.filter { $0.isLetter || $0.isNumber })
    }

    /// Second-level labels under a country's domain (`ac.uk`, `com.au`, `co.jp`).
    private static let secondLevelWords: Set<String> = [
        "ac", "co", "com", "edu", "gov", "org", "net", "ltd", "plc", "sch", "nhs", "or", "ne", "go", "gob", "gouv", "mil", "res",
    ]
    /// What a company's domain adds after its name (`metametricsinc`, `acmehq`).
    private static let domainEndings: Set<String> = [
        "inc", "hq", "app", "apps", "labs", "lab", "group", "corp", "tech", "ai", "co", "io", "global", "online", "us", "uk",
        "usa", "intl", "software", "systems", "team", "research",
    ]
    private static let legalWords: Set<String> = [
        "inc", "ltd", "llc", "gmbh", "corp", "corporation", "co", "plc", "sa", "ag", "bv", "nv", "srl", "sas", "pty", "limited",
        "llp", "kg", "ab", "as", "oy",
    ]
    private static let linkWords: Set<String> = [
        "of", "the", "and", "for", "at", "de", "la", "le", "du", "der", "die", "und", "y", "i", "e", "et", "in", "a", "an", "zu",
        "fur", "des", "del", "di",
    ]
    /// Words that say what kind of organisation it is, too common to tell one from another alone.
    private static let genericWords: Set<String> = [
        "university", "universitat", "universite", "universidad", "universita", "universidade", "college", "institute",
        "institut", "instituto", "istituto", "school", "academy", "hospital", "hospitals", "center", "centre", "laboratory",
        "laboratories", "lab", "labs", "research", "national", "state", "international", "group", "technologies", "technology",
        "tech", "systems", "solutions", "software", "services", "consulting", "industries", "global", "foundation", "society",
        "association", "department", "faculty", "medical", "health", "sciences", "science", "clinic", "trust", "council",
        "agency", "ministry", "bank", "partners", "ventures", "holdings", "media", "studio", "studios", "digital", "data",
        "network", "networks", "company", "united", "states", "kingdom", "north", "south", "east", "west", "new", "city",
    ]
}
