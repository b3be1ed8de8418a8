/// The parts of one site's robots.txt that apply to dossier, per RFC 9309.
///
/// Parsing picks the group for our product token: every group with a `User-agent` line naming it
/// (case-insensitively; `dossier/1.0` and `dossier*` name `dossier`), merged; if there is none, every
/// `User-agent: *` group; if neither, everything is allowed. Matching follows the RFC: the rule with the
/// longest pattern wins, `Allow` wins a tie, `*` matches any run of characters, a final `$` anchors
/// the end, and paths and patterns are compared after percent-encoding normalisation (unreserved
/// characters decoded, other escapes in uppercase hex, non-ASCII and control bytes encoded).
///
/// Parsing tolerates a byte-order mark, any line ending, comments, common misspellings of directives
/// and junk lines; it reads the first 512 KiB (the RFC asks for at least 500). Rules are prepared once,
/// most specific first, so ``isAllowed(_:)`` stops at the first match.
public struct RobotsRules: Sendable {
    /// Seconds to wait between requests, from the chosen group's `Crawl-delay` (the first valid one).
    public let crawlDelay: Double?
    /// Every `Sitemap:` URL in the file, whatever group it appears in, in file order without repeats.
    public let sitemaps: [String]
    /// Most specific first; among equally specific, `Allow` first.
    private let rules: [Rule]

    /// Everything allowed: what a missing robots.txt (4xx) means.
    public static let allowAll = RobotsRules(rules: [], crawlDelay: nil, sitemaps: [])

    private static let parsedByteLimit = 512 * 1024

    private init(rules: [Rule], crawlDelay: Double?, sitemaps: [String]) {
        self.rules = rules
        self.crawlDelay = crawlDelay
        self.sitemaps = sitemaps
    }

    /// Parses robots.txt `text` for the crawler whose product token is `productToken` (e.g. `dossier`).
    public init(parsing text: String, userAgent productToken: String) {
        var bytes = text.utf8.prefix(Self.parsedByteLimit)[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }

        var groups: [Group] = []
        var sitemaps: [String] = []
        var previousLineWasUserAgent = false
        for line in bytes.split(whereSeparator: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) {
            guard let (directive, value) = Self.directive(in: line) else { continue }
            switch directive {
            case .userAgent:
                if !previousLineWasUserAgent || groups.isEmpty { groups.append(Group()) }
                groups[groups.count - 1].agents.append(Self.productName(value[...]))
                previousLineWasUserAgent = true
            case .allow, .disallow:
                previousLineWasUserAgent = false
                guard !groups.isEmpty, let first = value.first,
                    first == UInt8(ascii: "/") || first == UInt8(ascii: "*")
                else { continue }
                groups[groups.count - 1].rules.append(Rule(allows: directive == .allow, pattern: value))
            case .crawlDelay:
                previousLineWasUserAgent = false
                guard !groups.isEmpty, groups[groups.count - 1].crawlDelay == nil,
                    let seconds = Double(String(decoding: value, as: UTF8.self)), seconds.isFinite, seconds >= 0
                else { continue }
                groups[groups.count - 1].crawlDelay = seconds
            case .sitemap:
                let url = String(decoding: value, as: UTF8.self)
                if !url.isEmpty && !sitemaps.contains(url) { sitemaps.append(url) }
            }
        }

        let token = Self.productName(Array(productToken.utf8)[...])
        var chosen = groups.filter { !token.isEmpty && $0.agents.contains(token) }
        if chosen.isEmpty { chosen = groups.filter { $0.agents.contains("*") } }
        self.rules = chosen.flatMap(\.rules).sorted { first, second in
            first.specificity != second.specificity ? first.specificity > second.specificity : first.allows && !second.allows
        }
        self.crawlDelay = chosen.lazy.compactMap(\.crawlDelay).first
        self.sitemaps = sitemaps
    }

    /// Whether dossier may fetch `pathAndQuery` (e.g. `/a/b?c=d`; a fragment is ignored, an empty string
    /// means `/`). `/robots.txt` is always allowed.
    public func isAllowed(_ pathAndQuery: String) -> Bool {
        var path = pathAndQuery.utf8.prefix { $0 != UInt8(ascii: "#") }[...]
        if path.isEmpty { path = "/".utf8[...] }
        let normalized = percentNormalized(path)
        if normalized.elementsEqual("/robots.txt".utf8) { return true }
        for rule in rules where rule.matches(normalized) {
            return rule.allows
        }
        return true
    }

    // MARK: - Lines

    private enum Directive {
        case userAgent, allow, disallow, crawlDelay, sitemap
    }

    private struct Group {
        var agents: [String] = []
        var rules: [Rule] = []
        var crawlDelay: Double?
    }

    private static let directivesByName: [String: Directive] = [
        "user-agent": .userAgent, "useragent": .userAgent, "user agent": .userAgent,
        "allow": .allow,
        "disallow": .disallow, "dissallow": .disallow, "dissalow": .disallow, "disalow": .disallow,
        "diasllow": .disallow, "disallaw": .disallow,
        "crawl-delay": .crawlDelay, "crawldelay": .crawlDelay, "crawl delay": .crawlDelay,
        "sitemap": .sitemap, "site-map": .sitemap,
    ]

    /// The directive and trimmed value of a `name: value # comment` line; nil for blank, comment,
    /// unknown and junk lines.
    private static func directive(in line: Substring.UTF8View.SubSequence) -> (Directive, ArraySlice<UInt8>)? {
        let content = line.prefix { $0 != UInt8(ascii: "#") }
        guard let colon = content.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let name = String(decoding: trimmed(content[..<colon]), as: UTF8.self).lowercased()
        guard let directive = directivesByName[name] else { return nil }
        return (directive, ArraySlice(trimmed(content[content.index(after: colon)...])))
    }

    private static func trimmed<Bytes: BidirectionalCollection<UInt8>>(_ bytes: Bytes) -> Bytes.SubSequence {
        let isSpace: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        let start = bytes.firstIndex { !isSpace($0) } ?? bytes.endIndex
        let end = bytes[start...].lastIndex { !isSpace($0) }.map(bytes.index(after:)) ?? start
        return bytes[start..<end]
    }

    /// The lowercased product name a user-agent value starts with (letters, `_` and `-`), or `*`.
    private static func productName(_ value: ArraySlice<UInt8>) -> String {
        if value.first == UInt8(ascii: "*") { return "*" }
        let name = value.prefix { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "_"), UInt8(ascii: "-"):
                true
            default: false
            }
        }
        return String(decoding: name, as: UTF8.self).lowercased()
    }
}

// MARK: - Rules

extension RobotsRules {
    /// One `Allow` or `Disallow` line, prepared for matching.
    private struct Rule: Sendable {
        let allows: Bool
        /// The octets of the normalised pattern, `*` and `$` included; the longest wins.
        let specificity: Int
        /// The normalised pattern split at each `*`: the path must start with the first piece and
        /// contain the others in order. A single piece means no wildcard.
        let pieces: [[UInt8]]
        /// A final `$`: the path must end where the pattern ends.
        let anchoredAtEnd: Bool

        init<Bytes: Collection<UInt8>>(allows: Bool, pattern: Bytes) {
            var normalized = percentNormalized(pattern)
            self.allows = allows
            self.specificity = normalized.count
            self.anchoredAtEnd = normalized.last == UInt8(ascii: "$")
            if anchoredAtEnd { normalized.removeLast() }
            self.pieces = normalized.split(separator: UInt8(ascii: "*"), omittingEmptySubsequences: false).map(Array.init)
        }

        func matches(_ path: [UInt8]) -> Bool {
            guard path.starts(with: pieces[0]) else { return false }
            if pieces.count == 1 {
                return !anchoredAtEnd || path.count == pieces[0].count
            }
            var position = pieces[0].count
            for piece in pieces.dropFirst().dropLast() {
                guard let found = firstOccurrence(of: piece, in: path, from: position) else { return false }
                position = found + piece.count
            }
            let last = pieces[pieces.count - 1]
            if anchoredAtEnd {
                return path.count - last.count >= position && path.suffix(last.count).elementsEqual(last)
            }
            return firstOccurrence(of: last, in: path, from: position) != nil
        }

        private func firstOccurrence(of piece: [UInt8], in path: [UInt8], from start: Int) -> Int? {
            guard let head = piece.first else { return start }
            var offset = start
            while offset + piece.count <= path.count {
                if path[offset] == head && path[offset..<(offset + piece.count)].elementsEqual(piece) { return offset }
                offset += 1
            }
            return nil
        }
    }
}

/// `bytes` in the form RFC 9309 compares: `%XX` of an unreserved character decoded, other `%XX` in
/// uppercase hex, and bytes outside printable ASCII percent-encoded.
private func percentNormalized<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> [UInt8] {
    let hexDigits = Array("0123456789ABCDEF".utf8)
    let input = Array(bytes)
    var output: [UInt8] = []
    output.reserveCapacity(input.count)
    var index = 0
    while index < input.count {
        let byte = input[index]
        if byte == UInt8(ascii: "%"), index + 2 < input.count,
            let high = hexValue(input[index + 1]), let low = hexValue(input[index + 2])
        {
            let decoded = high << 4 | low
            if isUnreserved(decoded) {
                output.append(decoded)
            } else {
                output += [UInt8(ascii: "%"), hexDigits[Int(high)], hexDigits[Int(low)]]
            }
            index += 3
        } else if byte <= 0x20 || byte >= 0x7F {
            output += [UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
            index += 1
        } else {
            output.append(byte)
            index += 1
        }
    }
    return output
}

private func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
}

/// RFC 3986 unreserved: ALPHA / DIGIT / "-" / "." / "_" / "~".
private func isUnreserved(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
        UInt8(ascii: "~"):
        true
    default: false
    }
}
