/// libxml2's HTML parser alone over one page: the baseline against which a benchmark measures
/// `HTMLExtractor.extract`. The charset is decided when the value is made, as `extract` decides
/// it, so that `parse()` times nothing but libxml2 reading the bytes and freeing its tree.
public struct HTMLParseBaseline: Sendable {
    private let body: [UInt8]
    private let charset: String

    public init(bytes: [UInt8], contentType: String? = nil) {
        let decision = CharsetDetector.detect(bytes, contentType: contentType)
        body = Array(bytes.dropFirst(decision.byteOrderMarkLength))
        charset = decision.charset
    }

    /// Parses the page and throws the tree away; false when libxml2 built no document.
    public func parse() -> Bool {
        MarkupParser.parseAndDiscard(body, charset: charset)
    }
}
