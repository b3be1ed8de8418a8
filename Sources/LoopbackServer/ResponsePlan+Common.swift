/// Ready-made plans for the responses tests ask for most.
extension ResponsePlan {
    /// A 200 with `body` and the given `Content-Type`.
    public static func ok(_ body: ResponseBody, contentType: String = "text/html; charset=utf-8") -> ResponsePlan {
        ResponsePlan(status: 200, headers: ["Content-Type": contentType], body: body)
    }

    /// A 200 with the UTF-8 bytes of `text`.
    public static func ok(_ text: String, contentType: String = "text/html; charset=utf-8") -> ResponsePlan {
        .ok(.text(text), contentType: contentType)
    }

    /// A 404 with a short plain-text body.
    public static let notFound = ResponsePlan(
        status: 404, headers: ["Content-Type": "text/plain; charset=utf-8"], body: .text("not found\n"))

    /// A redirect (301, 302, 303, 307 or 308) to `location`, taken verbatim: a loop, `file://`, a private address…
    public static func redirect(to location: String, status: Int = 302) -> ResponsePlan {
        ResponsePlan(status: status, headers: ["Location": location, "Content-Type": "text/plain; charset=utf-8"],
                     body: .text("redirecting to \(location)\n"))
    }

    /// A 429 or 503 telling the client when to come back; `retryAfter` is seconds or an HTTP date, verbatim.
    public static func retryLater(status: Int = 503, retryAfter: String) -> ResponsePlan {
        ResponsePlan(status: status, headers: ["Retry-After": retryAfter, "Content-Type": "text/plain; charset=utf-8"],
                     body: .text("come back later\n"))
    }

    /// A `Content-Encoding: gzip` body of about `decompressedSize / 1032` bytes that inflates to `decompressedSize` zeros.
    public static func gzipBomb(decompressedSize: Int) -> ResponsePlan {
        ResponsePlan(status: 200, headers: ["Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip"],
                     body: GzipBomb.body(decompressedSize: decompressedSize))
    }

    /// This plan with its body gzip-compressed and `Content-Encoding: gzip` set, if `request` accepts gzip;
    /// unchanged otherwise. Adds `Vary: Accept-Encoding` either way.
    public func gzipEncoded(ifAcceptedBy request: ReceivedRequest) -> ResponsePlan {
        var plan = withHeader("Vary", "Accept-Encoding")
        guard request.acceptsGzip else { return plan }
        plan.body = .bytes(Gzip.compress(body.materialized()))
        plan.headers["Content-Encoding"] = "gzip"
        return plan
    }
}
