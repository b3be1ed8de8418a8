/// The CRC-32 of gzip (reflected, polynomial 0xEDB88320).
enum CRC32 {
    private static let polynomial: UInt32 = 0xEDB8_8320

    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 {
            value = value & 1 == 1 ? (value >> 1) ^ polynomial : value >> 1
        }
        return value
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var register: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            register = table[Int((register ^ UInt32(byte)) & 0xFF)] ^ (register >> 8)
        }
        return ~register
    }

    /// The checksum of `count` zero bytes in O(log count): feeding zeros is a linear map on the
    /// register, so it is raised to the `count`-th power by squaring 32×32 bit matrices.
    static func checksumOfZeros(count: Int) -> UInt32 {
        precondition(count >= 0)
        let oneZeroBit = BitMatrix(columns: [polynomial] + (0..<31).map { UInt32(1) << $0 })
        let oneZeroByte = oneZeroBit.squared().squared().squared()
        var register: UInt32 = 0xFFFF_FFFF
        var remaining = count
        var power = oneZeroByte
        while remaining > 0 {
            if remaining & 1 == 1 { register = power.applied(to: register) }
            power = power.squared()
            remaining >>= 1
        }
        return ~register
    }

    /// A linear map on 32-bit vectors over GF(2); column `i` is the image of bit `i`.
    private struct BitMatrix {
        let columns: [UInt32]

        func applied(to vector: UInt32) -> UInt32 {
            var result: UInt32 = 0
            var bits = vector
            var column = 0
            while bits != 0 {
                if bits & 1 == 1 { result ^= columns[column] }
                bits >>= 1
                column += 1
            }
            return result
        }

        func squared() -> BitMatrix {
            BitMatrix(columns: columns.map { applied(to: $0) })
        }
    }
}
