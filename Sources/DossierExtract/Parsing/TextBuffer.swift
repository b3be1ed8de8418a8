/// Accumulates UTF-8 text with HTML whitespace collapsed: runs of spaces, tabs, line breaks and
/// no-break spaces become one space, and no space leads or trails.
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
                // A run of non-whitespace bytes is copied at once.
                var runEnd = i
                while runEnd < end, !Self.isSpace(bytes, runEnd) { runEnd += 1 }
                if runEnd > i {
                    if pendingSpace {
                        if !self.bytes.isEmpty { self.bytes.append(0x20) }
                        pendingSpace = false
                    }
                    self.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i ..< runEnd]))
                    i = runEnd
                }
                while i < end, Self.isSpace(bytes, i) {
                    pendingSpace = true
                    i += bytes[i] == 0xC2 ? 2 : 1
                }
            }
        }
    }

    /// ASCII whitespace, or the first byte of a no-break space (C2 A0).
    @inline(__always)
    private static func isSpace(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let byte = bytes[i]
        if byte > 0x20 { return byte == 0xC2 && i + 1 < bytes.count && bytes[i + 1] == 0xA0 }
        return byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
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
