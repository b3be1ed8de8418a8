/// Accumulates UTF-8 text with HTML whitespace collapsed: runs of spaces, tabs, line breaks and
/// no-break spaces become one space, and no space leads or trails. Characters that are invisible
/// and only hint at layout (soft hyphen, zero-width space, word joiner, zero-width no-break space)
/// are dropped, so a word split by them reads as one word.
struct TextBuffer: Sendable {
    private(set) var bytes: [UInt8] = []
    private var pendingSpace = false

    /// True when nothing but whitespace has been appended.
    var isEmpty: Bool { bytes.isEmpty }

    /// The collapsed text.
    var string: String { String(decoding: bytes, as: UTF8.self) }

    mutating func append(_ text: ArraySlice<UInt8>) {
        text.withUnsafeBufferPointer { bytes in
            var i = 0
            let end = bytes.count
            while i < end {
                // A run of ordinary bytes is copied at once.
                var runEnd = i
                while runEnd < end, Self.special(bytes, runEnd) == 0 { runEnd += 1 }
                if runEnd > i {
                    if pendingSpace {
                        if !self.bytes.isEmpty { self.bytes.append(0x20) }
                        pendingSpace = false
                    }
                    self.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i ..< runEnd]))
                    i = runEnd
                }
                while i < end {
                    let length = Self.special(bytes, i)
                    if length == 0 { break }
                    if length > 0 {
                        pendingSpace = true
                        i += length
                    } else {
                        i -= length
                    }
                }
            }
        }
    }

    /// At byte `i`: the length of a whitespace character (positive), minus the length of an
    /// invisible character to drop (negative), or 0 for anything else.
    @inline(__always)
    private static func special(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let byte = bytes[i]
        if byte <= 0x20 {
            return byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C ? 1 : 0
        }
        if byte < 0xC2 { return 0 }
        return specialNonASCII(bytes, i)
    }

    private static func specialNonASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let count = bytes.count
        switch bytes[i] {
        case 0xC2 where i + 1 < count:
            // U+00A0 no-break space; U+00AD soft hyphen.
            return bytes[i + 1] == 0xA0 ? 2 : bytes[i + 1] == 0xAD ? -2 : 0
        case 0xE2 where i + 2 < count:
            // U+200B zero-width space; U+2060 word joiner.
            let second = bytes[i + 1], third = bytes[i + 2]
            return (second == 0x80 && third == 0x8B) || (second == 0x81 && third == 0xA0) ? -3 : 0
        case 0xEF where i + 2 < count:
            // U+FEFF zero-width no-break space (a byte order mark inside the text).
            return bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF ? -3 : 0
        default:
            return 0
        }
    }

    /// Appends a word boundary (collapsed with any neighbouring whitespace).
    mutating func appendSpace() {
        pendingSpace = true
    }

    /// Appends a line break inside the text, replacing pending whitespace.
    mutating func appendLineBreak() {
        pendingSpace = false
        if !bytes.isEmpty, bytes.last != 0x0A { bytes.append(0x0A) }
    }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        pendingSpace = false
    }
}

extension TextBuffer {
    /// Appends text keeping its line breaks and spaces (for `<pre>`).
    mutating func appendPreformatted(_ text: ArraySlice<UInt8>) {
        for line in text.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            if line.offset > 0 { appendLineBreak() }
            append(line.element)
        }
    }
}
