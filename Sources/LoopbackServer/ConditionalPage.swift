import Foundation

/// A page with an `ETag` and a `Last-Modified` date that answers conditional requests with 304,
/// following RFC 9110 §13.2.2: `If-None-Match` (weak comparison, `*` included) decides when
/// present; otherwise `If-Modified-Since` does, at one-second precision.
public struct ConditionalPage: Sendable {
    public var body: ResponseBody
    public var contentType: String
    /// An entity tag with its quotes, e.g. `"v1"` or `W/"v1"`.
    public var etag: String
    public var lastModified: Date

    public init(body: ResponseBody, contentType: String = "text/html; charset=utf-8", etag: String, lastModified: Date) {
        self.body = body
        self.contentType = contentType
        self.etag = etag
        self.lastModified = lastModified
    }

    /// A 304 without body when `request`'s validators match, else a 200 with the page; both carry the validators.
    public func response(to request: ReceivedRequest) -> ResponsePlan {
        let plan = isUnchanged(for: request) ? ResponsePlan(status: 304) : .ok(body, contentType: contentType)
        return plan.withHeader("ETag", etag).withHeader("Last-Modified", HTTPDate.format(lastModified))
    }

    private func isUnchanged(for request: ReceivedRequest) -> Bool {
        let listedTags = request.headers.values(for: "If-None-Match")
            .flatMap { $0.split(separator: ",") }
            .map { $0.trimmingASCIISpaces() }
        if !listedTags.isEmpty {
            return listedTags.contains { $0 == "*" || Self.opaqueTag($0) == Self.opaqueTag(etag) }
        }
        guard let since = request.headers["If-Modified-Since"].flatMap(HTTPDate.parse) else { return false }
        return lastModified.timeIntervalSince1970.rounded(.down) <= since.timeIntervalSince1970
    }

    private static func opaqueTag(_ tag: String) -> String {
        tag.hasPrefix("W/") ? String(tag.dropFirst(2)) : tag
    }
}
