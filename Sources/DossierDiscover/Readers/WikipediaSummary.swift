import Foundation

/// The Wikipedia REST `page/summary` answer: the lead of an article and its Wikidata id.
public struct WikipediaSummary: Sendable, Equatable {
    public var title: String
    public var extract: String
    public var wikidataID: String?
    public var pageURL: String

    /// nil for a disambiguation page or a summary without text.
    public static func read(_ body: Data) throws(ReaderError) -> WikipediaSummary? {
        struct Answer: Decodable {
            struct URLs: Decodable {
                struct Desktop: Decodable { var page: String }
                var desktop: Desktop
            }
            var type: String?
            var title: String
            var extract: String?
            var wikibase_item: String?
            var content_urls: URLs?
        }
        let answer = try SearchResultReaders.decode(Answer.self, body, reader: "wikipedia-summary-json")
        guard answer.type != "disambiguation", let extract = answer.extract, !extract.isEmpty else { return nil }
        return WikipediaSummary(
            title: answer.title, extract: extract, wikidataID: answer.wikibase_item,
            pageURL: answer.content_urls?.desktop.page ?? WikipediaURL.article(title: answer.title)
        )
    }
}
