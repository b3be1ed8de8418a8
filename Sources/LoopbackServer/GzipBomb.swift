/// A valid gzip stream that inflates to a huge run of zero bytes — about 1032 times its own size,
/// DEFLATE's limit (1 GB from about 1 MB; 100 MB from about 100 KB).
///
/// The stream is one dynamic-Huffman block whose codes make "copy 258 bytes from distance 1" two
/// zero bits, so all but a few dozen bytes at each end are zero bytes, sent as a generated run.
public enum GzipBomb {
    /// The gzip bytes (with correct CRC-32 and size) that decompress to `decompressedSize` zeros.
    public static func body(decompressedSize: Int) -> ResponseBody {
        precondition(decompressedSize >= 0)
        var writer = DeflateBitWriter()
        writeBlockHeader(into: &writer)
        let matches = decompressedSize > 0 ? (decompressedSize - 1) / longestMatch : 0
        let trailingLiterals = decompressedSize > 0 ? (decompressedSize - 1) % longestMatch : 0
        if decompressedSize > 0 { writer.writeCode(Code.zeroLiteral, length: 2) }

        // Each match is the bits 0 (length 258) and 0 (distance 1): a run of zero bits.
        let zeroBits = matches * 2
        let bitsBeforeAlignment = min(zeroBits, writer.bitsToByteBoundary)
        writer.write(0, bitCount: bitsBeforeAlignment)
        let prefix = Gzip.header + writer.takeBytes()
        let zeroByteCount = (zeroBits - bitsBeforeAlignment) / 8
        writer.write(0, bitCount: (zeroBits - bitsBeforeAlignment) % 8)

        for _ in 0..<trailingLiterals { writer.writeCode(Code.zeroLiteral, length: 2) }
        writer.writeCode(Code.endOfBlock, length: 2)
        writer.alignToByte()
        let suffix = writer.takeBytes()
            + Gzip.trailer(checksum: Gzip.checksumOfZeros(count: decompressedSize), size: decompressedSize)
        return .bytes(prefix) + .repeating([0], count: zeroByteCount) + .bytes(suffix)
    }

    /// DEFLATE's longest match, in bytes.
    private static let longestMatch = 258

    /// The canonical codes that follow from the code lengths in the block header.
    private enum Code {
        /// Literal/length alphabet: 285 (length 258) has length 1 → `0`; 0 and 256 have length 2 → `10`, `11`.
        static let zeroLiteral: UInt32 = 0b10
        static let endOfBlock: UInt32 = 0b11
    }

    /// BFINAL, BTYPE 10 and the code-length tables: literal/length codes {285: 1, 0: 2, 256: 2},
    /// distance codes {0: 1, 1: 1}, sent with a code-length code {18: 1, 1: 2, 2: 2}.
    private static func writeBlockHeader(into writer: inout DeflateBitWriter) {
        writer.write(1, bitCount: 1)  // BFINAL
        writer.write(2, bitCount: 2)  // BTYPE 10: dynamic Huffman codes
        writer.write(286 - 257, bitCount: 5)  // HLIT: literal/length codes 0...285
        writer.write(2 - 1, bitCount: 5)  // HDIST: distance codes 0 and 1
        writer.write(18 - 4, bitCount: 4)  // HCLEN: code-length code lengths up to symbol 1's slot

        let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1]
        let codeLengthCodeLengths: [Int: UInt32] = [18: 1, 1: 2, 2: 2]
        for symbol in codeLengthOrder { writer.write(codeLengthCodeLengths[symbol] ?? 0, bitCount: 3) }

        // Canonical code-length codes: 18 → 0, 1 → 10, 2 → 11.
        func lengthOne() { writer.writeCode(0b10, length: 2) }
        func lengthTwo() { writer.writeCode(0b11, length: 2) }
        func zeros(_ count: Int) {  // symbol 18: 11...138 zero lengths, 7 extra bits
            writer.writeCode(0, length: 1)
            writer.write(UInt32(count - 11), bitCount: 7)
        }
        lengthTwo()  // literal 0
        zeros(138)  // literals 1...138
        zeros(117)  // literals 139...255
        lengthTwo()  // 256, end of block
        zeros(28)  // lengths 257...284
        lengthOne()  // 285, length 258
        lengthOne()  // distance 0 (1 byte back)
        lengthOne()  // distance 1, unused; keeps the distance code complete
    }
}
