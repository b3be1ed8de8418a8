import DossierExtract
import Foundation

/// A story of Hacker News as its search API (hn.algolia.com) answers it: the article it links
/// to, or its own text (an "Ask HN").
public struct HackerNewsStory: Sendable, Equatable {
    /// The item's page on news.ycombinator.com.
    public var itemURL: String
    public var title: String
    /// The article the story links to.
    public var url: String?
    /// The story's own text, as plain paragraphs.
    public var text: String?
    public var author: String?
    /// `yyyy-MM-dd`.
    public var published: String?
}

/// Reads the Hacker News search API's answer (`/api/v1/search`): its `hits`, stories first.
public enum HackerNewsSearch {
    public static func stories(_ body: Data) throws(ReaderError) -> [HackerNewsStory] {
        struct Answer: Decodable {
            struct Hit: Decodable {
                var objectID: String
                var title: String?
                var url: String?
                var story_text: String?
                var author: String?
                var created_at: String?
            }
            var hits: [Hit]
        }
        let answer = try SearchResultReaders.decode(Answer.self, body, reader: "hackernews-json")
        return answer.hits.compactMap { hit in
            guard let title = hit.title?.trimmingCharacters(in: .whitespaces), !title.isEmpty,
                  hit.objectID.allSatisfy(\.isNumber) else { return nil }
            let text = hit.story_text.map(plainText).flatMap { $0.isEmpty ? nil : $0 }
            return HackerNewsStory(
                itemURL: "https://news.ycombinator.com/item?id=\(hit.objectID)", title: title,
                url: hit.url.flatMap { SearchResultReaders.isWebURL($0) ? $0 : nil }, text: text, author: hit.author,
                published: hit.created_at.flatMap(PageDate.normalize)
            )
        }
    }

    /// HN's markup (`<p>` between paragraphs, `<i>`, `<a>`, `<pre>`, character references) as
    /// plain text, one paragraph a line.
    static func plainText(_ html: String) -> String {
        let paragraphs = html.replacing(/(?i)<p\b[^>]*>/, with: "\n").replacing(/<[^>]*>/, with: "")
        return paragraphs.split(separator: "\n").map { decodingReferences(String($0)).trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// `&#x27;`, `&#39;` and the named references HN writes (`&amp;`, `&lt;`, `&gt;`, `&quot;`).
    static func decodingReferences(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}"]
        return text.replacing(/&(#[xX][0-9A-Fa-f]{1,6}|#[0-9]{1,7}|[a-z]{2,4});/) { match in
            let name = match.output.1
            if name.hasPrefix("#") {
                let digits = name.dropFirst()
                let code = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
                return code.flatMap(Unicode.Scalar.init).map { String(Character($0)) } ?? String(match.output.0)
            }
            return named[String(name)] ?? String(match.output.0)
        }
    }
}
