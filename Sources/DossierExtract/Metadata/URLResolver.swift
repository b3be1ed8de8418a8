/// Resolves a link against a base URL (RFC 3986, section 5.2), without Foundation.
enum URLResolver {
    /// The absolute form of `reference`; nil for links that go nowhere (`javascript:`, `#top`).
    static func resolve(_ reference: String, against base: String?) -> String? {
        let reference = reference.trimmingSpaces()
        let lower = reference.lowercased()
        if reference.isEmpty || reference.hasPrefix("#") || lower.hasPrefix("javascript:") || lower.hasPrefix("data:") {
            return nil
        }
        if let scheme = scheme(of: reference) {
            return scheme == "http" || scheme == "https" || scheme == "mailto" ? reference : nil
        }
        guard let base, let baseScheme = scheme(of: base) else { return reference }
        let afterScheme = base.dropFirst(baseScheme.count + 1)
        if reference.hasPrefix("//") { return baseScheme + ":" + reference }
        guard afterScheme.hasPrefix("//") else { return reference }
        let authorityAndPath = afterScheme.dropFirst(2)
        let authorityEnd = authorityAndPath.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? authorityAndPath.endIndex
        let origin = baseScheme + "://" + authorityAndPath[..<authorityEnd]
        let basePathAndQuery = authorityAndPath[authorityEnd...].prefix { $0 != "#" }
        let basePath = basePathAndQuery.prefix { $0 != "?" }
        if reference.hasPrefix("/") { return origin + removeDotSegments(reference) }
        if reference.hasPrefix("?") { return origin + (basePath.isEmpty ? "/" : basePath) + reference }
        let directory = basePath.lastIndex(of: "/").map { basePath[...$0] } ?? "/"
        return origin + removeDotSegments(String(directory) + reference)
    }

    private static func scheme(of text: String) -> String? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let scheme = text[..<colon]
        guard let first = scheme.first, first.isLetter,
              scheme.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }) else { return nil }
        return scheme.lowercased()
    }

    /// `/a/b/../c/./d` → `/a/c/d`, leaving the query and fragment alone.
    private static func removeDotSegments(_ path: String) -> String {
        let queryStart = path.firstIndex { $0 == "?" || $0 == "#" } ?? path.endIndex
        var output: [Substring] = []
        let segments = path[..<queryStart].split(separator: "/", omittingEmptySubsequences: false)
        for (index, segment) in segments.enumerated() {
            if segment == "." {
                if index == segments.count - 1 { output.append("") }
            } else if segment == ".." {
                if output.count > 1 { output.removeLast() }
                if index == segments.count - 1 { output.append("") }
            } else {
                output.append(segment)
            }
        }
        return output.joined(separator: "/") + path[queryStart...]
    }
}
