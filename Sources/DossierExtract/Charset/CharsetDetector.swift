/// Decides how to read the bytes of a page, before parsing, in this order: the charset of the HTTP
/// `Content-Type`, a byte order mark, a `<meta charset>` or `http-equiv` declaration in the first
/// 8 KiB, then UTF-8 when the bytes are valid UTF-8, otherwise a guess between Shift_JIS and
/// windows-1252 from the byte patterns. Labels are normalized the way browsers do
/// (`iso-8859-1` reads as windows-1252, `shift_jis` as Windows-31J).
public enum CharsetDetector {
    /// Where the decision came from.
    public enum Source: String, Sendable, Codable {
        case contentType, byteOrderMark, metaTag, validUTF8, guess
    }

    /// How to decode one page.
    public struct Decision: Sendable, Equatable {
        /// The charset name, as iconv knows it (`UTF-8`, `WINDOWS-1252`, `CP932`, ...).
        public var charset: String
        /// What decided it.
        public var source: Source
        /// Bytes of byte order mark to skip at the start (0 when there is none or it does not
        /// belong to the chosen charset).
        public var byteOrderMarkLength: Int

        public init(charset: String, source: Source, byteOrderMarkLength: Int) {
            self.charset = charset
            self.source = source
            self.byteOrderMarkLength = byteOrderMarkLength
        }
    }

    /// Decides the charset of `bytes`, given the HTTP `Content-Type` header when there was one.
    public static func detect(_ bytes: some Collection<UInt8>, contentType: String? = nil) -> Decision {
        let head = Array(bytes.prefix(8192))
        let bom = byteOrderMark(head)
        if let contentType, let label = parameter("charset", in: contentType),
           let charset = normalizedCharset(label) {
            let bomLength = bom.map { $0.charset == charset ? $0.length : 0 } ?? 0
            return Decision(charset: charset, source: .contentType, byteOrderMarkLength: bomLength)
        }
        if let bom {
            return Decision(charset: bom.charset, source: .byteOrderMark, byteOrderMarkLength: bom.length)
        }
        if let label = metaDeclaration(head), var charset = normalizedCharset(label) {
            // A page that can declare its charset in ASCII is not UTF-16.
            if charset.hasPrefix("UTF-16") { charset = "UTF-8" }
            return Decision(charset: charset, source: .metaTag, byteOrderMarkLength: 0)
        }
        return guess(bytes)
    }

    /// The iconv name for a charset label, or nil when the label is empty.
    public static func normalizedCharset(_ label: String) -> String? {
        let name = String(label.lowercased().filter { !$0.isWhitespace && $0 != "\"" && $0 != "'" })
        guard !name.isEmpty else { return nil }
        switch name {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8":
            return "UTF-8"
        case "iso-8859-1", "iso8859-1", "latin1", "l1", "ascii", "us-ascii", "windows-1252", "cp1252",
             "x-cp1252", "iso_8859-1", "cp819", "ibm819", "ansi_x3.4-1968":
            return "WINDOWS-1252"
        case "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "ms932", "windows-31j", "csshiftjis", "cp932":
            return "CP932"
        case "gb2312", "gbk", "x-gbk", "chinese", "csgb2312", "iso-ir-58":
            return "GBK"
        case "euc-kr", "ks_c_5601-1987", "windows-949", "cp949":
            return "CP949"
        case "big5", "big5-hkscs", "x-x-big5", "cn-big5":
            return "BIG5-HKSCS"
        case "utf-16", "utf-16le":
            return "UTF-16LE"
        case "utf-16be":
            return "UTF-16BE"
        case "iso-8859-9", "latin5":
            return "WINDOWS-1254"
        default:
            return name.uppercased()
        }
    }

    private static func byteOrderMark(_ head: [UInt8]) -> (charset: String, length: Int)? {
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { return ("UTF-8", 3) }
        if head.starts(with: [0xFF, 0xFE]) { return ("UTF-16LE", 2) }
        if head.starts(with: [0xFE, 0xFF]) { return ("UTF-16BE", 2) }
        return nil
    }

    /// The value of `name=` in a header such as `text/html; charset="utf-8"`.
    static func parameter(_ name: String, in header: String) -> String? {
        for part in header.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2,
                  pair[0].trimmingSpaces().lowercased() == name else { continue }
            let value = pair[1].trimmingSpaces().filter { $0 != "\"" && $0 != "'" }
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// The charset label of the first `<meta charset>` or `<meta http-equiv content>` tag.
    private static func metaDeclaration(_ head: [UInt8]) -> String? {
        var i = 0
        while let start = find(Array("<meta".utf8), in: head, from: i) {
            let tagEnd = head[start...].firstIndex(of: UInt8(ascii: ">")) ?? head.count
            let tag = String(decoding: head[start ..< tagEnd], as: UTF8.self).lowercased()
            let attributes = tagAttributes(tag)
            if let charset = attributes["charset"], !charset.isEmpty {
                return charset
            }
            if attributes["http-equiv"] == "content-type", let content = attributes["content"],
               let charset = parameter("charset", in: content) {
                return charset
            }
            i = tagEnd
        }
        return nil
    }

    /// Attribute names and values of one start tag, lower-cased.
    private static func tagAttributes(_ tag: String) -> [String: String] {
        var result: [String: String] = [:]
        var chars = Substring(tag.dropFirst(5))
        while true {
            chars = chars.drop { $0.isWhitespace || $0 == "/" }
            let name = chars.prefix { !$0.isWhitespace && $0 != "=" && $0 != ">" && $0 != "/" }
            guard !name.isEmpty else { break }
            chars = chars.dropFirst(name.count).drop(while: \.isWhitespace)
            var value = ""
            if chars.first == "=" {
                chars = chars.dropFirst().drop(while: \.isWhitespace)
                if let quote = chars.first, quote == "\"" || quote == "'" {
                    let body = chars.dropFirst().prefix { $0 != quote }
                    value = String(body)
                    chars = chars.dropFirst(body.count + 2)
                } else {
                    let body = chars.prefix { !$0.isWhitespace && $0 != ">" }
                    value = String(body)
                    chars = chars.dropFirst(body.count)
                }
            }
            result[String(name)] = value.trimmingSpaces()
        }
        return result
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var i = from
        let last = haystack.count - needle.count
        while i <= last {
            var matched = true
            for (k, byte) in needle.enumerated() where haystack[i + k] | 0x20 != byte {
                matched = false
                break
            }
            if matched { return i }
            i += 1
        }
        return nil
    }

    /// UTF-8 when the bytes are valid UTF-8; otherwise Shift_JIS when the bytes above 0x7F pair up
    /// as Shift_JIS double-byte characters, else windows-1252.
    private static func guess(_ bytes: some Collection<UInt8>) -> Decision {
        let decision = bytes.withContiguousStorageIfAvailable(guess) ?? Array(bytes).withUnsafeBufferPointer(guess)
        return decision
    }

    private static func guess(_ bytes: UnsafeBufferPointer<UInt8>) -> Decision {
        if MarkupParser.isValidUTF8(bytes) {
            return Decision(charset: "UTF-8", source: .validUTF8, byteOrderMarkLength: 0)
        }
        var sjis = ShiftJISCounter()
        for byte in bytes {
            sjis.consume(byte)
        }
        let charset = sjis.looksLikeShiftJIS ? "CP932" : "WINDOWS-1252"
        return Decision(charset: charset, source: .guess, byteOrderMarkLength: 0)
    }
}

/// Counts Shift_JIS double-byte pairs and bytes that cannot be Shift_JIS.
private struct ShiftJISCounter {
    private var expectingTrail = false
    private var pairs = 0
    private var invalid = 0
    private var halfWidthKana = 0

    var looksLikeShiftJIS: Bool { pairs > 0 && invalid * 20 <= pairs && halfWidthKana <= pairs * 2 }

    mutating func consume(_ byte: UInt8) {
        if expectingTrail {
            expectingTrail = false
            if (0x40 ... 0x7E).contains(byte) || (0x80 ... 0xFC).contains(byte) { pairs += 1 } else { invalid += 1 }
            return
        }
        switch byte {
        case 0x81 ... 0x9F, 0xE0 ... 0xFC: expectingTrail = true
        case 0xA1 ... 0xDF: halfWidthKana += 1
        case 0x80, 0xA0, 0xFD ... 0xFF: invalid += 1
        default: break
        }
    }
}

extension StringProtocol {
    /// The string without leading and trailing whitespace.
    func trimmingSpaces() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first ... last])
    }
}
