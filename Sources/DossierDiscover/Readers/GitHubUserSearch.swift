import Foundation

/// Reads GitHub's user search (`/search/users`): the logins of the personal accounts found, in
/// the search's order. The search gives no names: each account's profile tells who it is.
public enum GitHubUserSearch {
    public static func logins(_ body: Data) throws(ReaderError) -> [String] {
        struct Answer: Decodable {
            struct Item: Decodable {
                var login: String
                var type: String?
            }
            var items: [Item]
        }
        let answer = try SearchResultReaders.decode(Answer.self, body, reader: "github-user-search-json")
        return answer.items.filter { ($0.type ?? "User") == "User" }.map(\.login)
    }
}
