import Foundation

/// GitHub's `users/{login}` answer: who the account says it is. Its name, company, location and
/// bio are identity evidence (does the account belong to the person asked about?) and, once it
/// does, facts the profile states; its blog is the person's own site.
public struct GitHubUser: Sendable, Equatable {
    public var login: String
    /// The profile page, which shows what the API answers; facts from the profile cite it.
    public var profileURL: String
    public var name: String?
    /// As written, trimmed, without the `@` that links an organisation (`@zendesk` → `zendesk`).
    public var company: String?
    public var location: String?
    /// As written, its lines joined by spaces.
    public var bio: String?
    /// The site the profile links, as an absolute http(s) URL.
    public var blog: String?
    /// The public e-mail address, when the account shows one.
    public var email: String?

    /// Reads the answer; an error object (`{"message":"Not Found"}`) or another shape throws.
    public static func read(_ body: Data) throws(ReaderError) -> GitHubUser {
        struct User: Decodable {
            var login: String
            var html_url: String
            var name: String?
            var company: String?
            var location: String?
            var bio: String?
            var blog: String?
            var email: String?
        }
        let user = try SearchResultReaders.decode(User.self, body, reader: "github-user-json")
        func cleaned(_ text: String?) -> String? {
            let words = (text ?? "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
            return words.isEmpty ? nil : words
        }
        var company = cleaned(user.company)
        if company?.hasPrefix("@") == true { company = cleaned(String(company!.dropFirst())) }
        let blog = cleaned(user.blog).map { $0.contains("://") ? $0 : "https://" + $0 }.flatMap { url in
            SearchResultReaders.isWebURL(url) ? url : nil
        }
        return GitHubUser(login: user.login, profileURL: user.html_url, name: cleaned(user.name), company: company,
                          location: cleaned(user.location), bio: cleaned(user.bio), blog: blog,
                          email: cleaned(user.email))
    }
}
