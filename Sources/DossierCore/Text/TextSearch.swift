/// Plain substring search over UTF-8 bytes: exact, case-sensitive, and much faster on long texts
/// than Foundation's `range(of:)`, which goes through UTF-16.
enum TextSearch {
    /// How many times `needle` occurs in `text`, not overlapping.
    static func count(of needle: String, in text: String) -> Int {
        matches(of: needle, in: text, upTo: .max)
    }

    /// Whether `needle` occurs in `text`.
    static func occurs(_ needle: String, in text: String) -> Bool {
        needle.isEmpty || matches(of: needle, in: text, upTo: 1) > 0
    }

    /// The non-overlapping occurrences of `needle`, counted up to `limit`.
    private static func matches(of needle: String, in text: String, upTo limit: Int) -> Int {
        let pattern = Array(needle.utf8)
        guard let head = pattern.first else { return 0 }
        var haystack = text
        return haystack.withUTF8 { bytes in
            var count = 0
            var index = 0
            let last = bytes.count - pattern.count
            while index <= last, count < limit {
                if bytes[index] == head, bytes[index ..< index + pattern.count].elementsEqual(pattern) {
                    count += 1
                    index += pattern.count
                } else {
                    index += 1
                }
            }
            return count
        }
    }
}
