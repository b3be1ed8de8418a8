/// Packs DEFLATE (RFC 1951) bit fields into bytes, least significant bit first.
struct DeflateBitWriter {
    private(set) var bytes: [UInt8] = []
    private var pending: UInt64 = 0
    private var pendingCount = 0

    /// Whether the next bit starts a new byte.
    var isByteAligned: Bool { pendingCount == 0 }

    /// The zero bits that would complete the current byte.
    var bitsToByteBoundary: Int { (8 - pendingCount) % 8 }

    /// Writes the low `count` bits of `value`, least significant first (header fields, extra bits).
    mutating func write(_ value: UInt32, bitCount count: Int) {
        precondition(count <= 32)
        pending |= UInt64(value & UInt32(truncatingIfNeeded: (UInt64(1) << count) - 1)) << pendingCount
        pendingCount += count
        while pendingCount >= 8 {
            bytes.append(UInt8(truncatingIfNeeded: pending))
            pending >>= 8
            pendingCount -= 8
        }
    }

    /// Writes a Huffman code, most significant bit first as RFC 1951 requires.
    mutating func writeCode(_ code: UInt32, length: Int) {
        var reversed: UInt32 = 0
        for bit in 0..<length { reversed |= ((code >> bit) & 1) << (length - 1 - bit) }
        write(reversed, bitCount: length)
    }

    /// Pads with zero bits to the next byte boundary.
    mutating func alignToByte() {
        write(0, bitCount: bitsToByteBoundary)
    }

    /// Hands over the completed bytes; bits of an unfinished byte stay.
    mutating func takeBytes() -> [UInt8] {
        defer { bytes = [] }
        return bytes
    }
}
