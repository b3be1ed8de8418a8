import DossierCore
import Foundation

/// The company's web domain an invitation gives away: the domain of the person's e-mail address
/// (`jane@acme-robotics.com` → `acme-robotics.com`), never a free-mail provider's (gmail.com,
/// outlook.com …) nor a calendar service's own addresses, which say nothing of anyone's company.
public enum CompanyDomain {
    /// The domain of `email` when it can be a company's; nil for free mail and for what is no address.
    public static func of(email: String) -> String? {
        var address = email.trimmingCharacters(in: .whitespaces).lowercased()
        if address.hasPrefix("mailto:") { address.removeFirst("mailto:".count) }
        guard let at = address.lastIndex(of: "@"), at > address.startIndex else { return nil }
        let domain = address[address.index(after: at)...].trimmingCharacters(in: CharacterSet(charactersIn: ". >"))
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } }),
              !isFreeMail(domain) else { return nil }
        return domain
    }

    /// Whether `domain` belongs to a free-mail provider or a calendar service: gmail.com,
    /// yahoo.co.uk, hotmail.fr, proton.me, group.calendar.google.com …
    public static func isFreeMail(_ domain: String) -> Bool {
        let domain = domain.lowercased()
        if freeMail.contains(domain) { return true }
        if ["calendar.google.com", "resource.calendar.google.com"].contains(where: { domain == $0 || domain.hasSuffix("." + $0) }) {
            return true
        }
        // A provider's national domains: yahoo.co.uk, hotmail.fr, outlook.de, gmx.at …
        let labels = domain.split(separator: ".").map(String.init)
        guard let brand = labels.first, freeMailBrands.contains(brand), let country = labels.last, country.count == 2 else { return false }
        return labels.count == 2 || (labels.count == 3 && ["co", "com"].contains(labels[1]))
    }

    private static let freeMailBrands: Set<String> = [
        "gmail", "googlemail", "yahoo", "ymail", "hotmail", "outlook", "live", "msn", "aol", "gmx", "yandex", "icloud",
        "protonmail", "zoho", "libero", "laposte", "orange", "wanadoo", "rediffmail", "seznam", "t-online", "btinternet",
    ]
    private static let freeMail: Set<String> = [
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com", "ymail.com",
        "rocketmail.com", "icloud.com", "me.com", "mac.com", "aol.com", "protonmail.com", "proton.me", "pm.me", "gmx.com",
        "gmx.net", "gmx.de", "web.de", "mail.com", "yandex.com", "yandex.ru", "zoho.com", "zohomail.com", "fastmail.com",
        "fastmail.fm", "hey.com", "tutanota.com", "tuta.io", "duck.com", "qq.com", "163.com", "126.com", "sina.com",
        "mail.ru", "inbox.ru", "bk.ru", "list.ru", "rambler.ru", "ukr.net", "free.fr", "orange.fr", "laposte.net", "sfr.fr",
        "t-online.de", "freenet.de", "libero.it", "virgilio.it", "btinternet.com", "sky.com", "virginmedia.com",
        "ntlworld.com", "talktalk.net", "comcast.net", "verizon.net", "att.net", "sbcglobal.net", "cox.net", "charter.net",
        "bellsouth.net", "earthlink.net", "shaw.ca", "rogers.com", "sympatico.ca", "bigpond.com", "optusnet.com.au",
        "rediffmail.com", "naver.com", "hanmail.net", "daum.net", "seznam.cz", "wp.pl", "o2.pl", "interia.pl", "onet.pl",
        "abv.bg", "mail.bg", "inbox.lv", "posteo.de", "mailbox.org", "disroot.org", "riseup.net",
    ]
}

extension InterviewSelection {
    /// The company's domain the invitation gives for `person`: the domain of the participant
    /// whose name (CN) or address names them (`jane.doe@`, `jferreira@`), else of a participant
    /// with a listed address, else the one company domain among all participants when there is
    /// only one. Free-mail and calendar-service domains never count: a person who writes from
    /// one gives no domain.
    public func companyDomain(for event: CalendarEvent, person: String) -> String? {
        let participants = event.attendees + (event.organizer.map { [$0] } ?? [])
        func domain(_ participant: CalendarPerson) -> String? { participant.email.flatMap(CompanyDomain.of(email:)) }
        let matcher = NameMatcher(person)
        // The person found among the participants: their address decides, free mail or not.
        let named = participants.first { participant in
            if let name = participant.name, !name.contains("@"), matcher.matchesFullName(in: NameMatcher.fold(name)) { return true }
            return participant.email.map { Self.localPart($0, names: person) } ?? false
        }
        if let named { return domain(named) }
        let listed = participants.first { participant in
            participant.email.map { email in attendees.contains { $0.lowercased() == email.lowercased() } } ?? false
        }
        if let listed { return domain(listed) }
        let domains = Set(participants.compactMap(domain))
        return domains.count == 1 ? domains.first : nil
    }

    /// Whether an address's local part carries the person's name: both names among its words
    /// (`jane.doe`, `doe_jane`), or written together (`janedoe`, `jdoe` for a surname of five
    /// letters or more).
    static func localPart(_ email: String, names person: String) -> Bool {
        var address = email.lowercased()
        if address.hasPrefix("mailto:") { address.removeFirst("mailto:".count) }
        guard let at = address.lastIndex(of: "@") else { return false }
        let words = NameMatcher.fold(String(address[..<at])).split { !$0.isLetter }.map(String.init)
        let name = NameMatcher.fold(person).split { !$0.isLetter }.map(String.init).filter { $0.count > 1 }
        guard name.count >= 2, let first = name.first, let last = name.last else { return false }
        if words.contains(first) && words.contains(last) { return true }
        let together = [first + last, last + first] + (last.count >= 5 ? [String(first.prefix(1)) + last] : [])
        return words.contains { together.contains($0) }
    }
}
