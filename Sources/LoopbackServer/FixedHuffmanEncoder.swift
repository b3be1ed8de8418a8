/// Writes one final DEFLATE block with the fixed Huffman codes of RFC 1951 §3.2.6.
struct FixedHuffmanEncoder {
    private var writer = DeflateBitWriter()

    private static let lengthBases: [Int] = [
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31,
        35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
    ]
    private static let lengthExtraBits: [Int] = [
        0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
    ]
    private static let distanceBases: [Int] = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769,
        1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
    ]
    private static let distanceExtraBits: [Int] = [
        0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
    ]

    init() {
        writer.write(1, bitCount: 1)  // BFINAL: the only block
        writer.write(1, bitCount: 2)  // BTYPE 01: fixed Huffman codes
    }

    mutating func writeLiteral(_ byte: UInt8) {
        writeSymbol(Int(byte))
    }

    /// A back-reference: `length` in 3...258 bytes copied from `distance` in 1...32768 bytes back.
    mutating func writeMatch(length: Int, distance: Int) {
        let lengthIndex = Self.lengthBases.lastIndex { $0 <= length }!
        writeSymbol(257 + lengthIndex)
        writer.write(UInt32(length - Self.lengthBases[lengthIndex]), bitCount: Self.lengthExtraBits[lengthIndex])
        let distanceIndex = Self.distanceBases.lastIndex { $0 <= distance }!
        writer.writeCode(UInt32(distanceIndex), length: 5)
        writer.write(UInt32(distance - Self.distanceBases[distanceIndex]), bitCount: Self.distanceExtraBits[distanceIndex])
    }

    /// Ends the block and returns the whole stream, padded to a byte.
    mutating func finish() -> [UInt8] {
        writeSymbol(256)
        writer.alignToByte()
        return writer.takeBytes()
    }

    private mutating func writeSymbol(_ symbol: Int) {
        switch symbol {
        case 0...143: writer.writeCode(UInt32(0x30 + symbol), length: 8)
        case 144...255: writer.writeCode(UInt32(0x190 + symbol - 144), length: 9)
        case 256...279: writer.writeCode(UInt32(symbol - 256), length: 7)
        default: writer.writeCode(UInt32(0xC0 + symbol - 280), length: 8)
        }
    }
}
