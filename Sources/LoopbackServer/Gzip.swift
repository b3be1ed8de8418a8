/// gzip (RFC 1952) encoding written by hand, since zlib has no Swift module here.
public enum Gzip {
    /// `input` compressed as one gzip member: greedy LZ77 matching coded with
    /// DEFLATE's fixed Huffman tables. Any conforming decoder restores `input` exactly.
    public static func compress(_ input: [UInt8]) -> [UInt8] {
        var encoder = FixedHuffmanEncoder()
        LZ77.forEachToken(in: input) { token in
            switch token {
            case .literal(let byte): encoder.writeLiteral(byte)
            case .match(let length, let distance): encoder.writeMatch(length: length, distance: distance)
            }
        }
        return header + encoder.finish() + trailer(checksum: CRC32.checksum(input), size: input.count)
    }

    /// The 10-byte member header: deflate, no flags, no time, unknown OS.
    static let header: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 255]

    /// The 8-byte member trailer: CRC-32 and size modulo 2³², little-endian.
    static func trailer(checksum: UInt32, size: Int) -> [UInt8] {
        let size32 = UInt32(truncatingIfNeeded: size)
        return (0..<4).map { UInt8(truncatingIfNeeded: checksum >> ($0 * 8)) }
            + (0..<4).map { UInt8(truncatingIfNeeded: size32 >> ($0 * 8)) }
    }
}
