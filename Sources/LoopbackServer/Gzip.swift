import CZlib

/// gzip (RFC 1952) by zlib: whole bodies for content negotiation, and the member header,
/// trailer and checksums the hand-built gzip bomb needs.
public enum Gzip {
    /// `input` compressed as one gzip member at zlib's default level.
    public static func compress(_ input: [UInt8]) -> [UInt8] {
        var stream = z_stream()
        // 15 + 16: a 32 KB window, with a gzip header and trailer instead of zlib's.
        let initialized = deflateInit2_(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY,
                                        ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        precondition(initialized == Z_OK, "zlib cannot start a deflate stream (\(initialized))")
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))))
        var source = input.isEmpty ? [0] : input  // a valid pointer; no byte of it is read when empty
        let produced = source.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                stream.next_in = inputBuffer.baseAddress
                stream.avail_in = uInt(input.count)
                stream.next_out = outputBuffer.baseAddress
                stream.avail_out = uInt(outputBuffer.count)
                // deflateBound makes the output room enough for one call to finish the stream.
                let status = deflate(&stream, Z_FINISH)
                precondition(status == Z_STREAM_END, "zlib did not finish the gzip stream (\(status))")
                return outputBuffer.count - Int(stream.avail_out)
            }
        }
        return Array(output.prefix(produced))
    }

    /// The 10-byte member header: deflate, no flags, no time, unknown OS.
    static let header: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 255]

    /// The 8-byte member trailer: CRC-32 and size modulo 2³², little-endian.
    static func trailer(checksum: UInt32, size: Int) -> [UInt8] {
        let size32 = UInt32(truncatingIfNeeded: size)
        return (0..<4).map { UInt8(truncatingIfNeeded: checksum >> ($0 * 8)) }
            + (0..<4).map { UInt8(truncatingIfNeeded: size32 >> ($0 * 8)) }
    }

    /// The CRC-32 of `bytes`.
    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        UInt32(bytes.withUnsafeBufferPointer { crc32_z(0, $0.baseAddress, $0.count) })
    }

    /// The CRC-32 of `count` zero bytes in O(log count) steps: the checksums of runs of 1, 2,
    /// 4 … zeros are combined by zlib for the bits of `count`, with no byte fed.
    static func checksumOfZeros(count: Int) -> UInt32 {
        precondition(count >= 0)
        var checksum = crc32_z(0, nil, 0)
        var run = crc32_z(0, [0], 1)
        var runLength = 1
        var remaining = count
        while remaining > 0 {
            if remaining & 1 == 1 { checksum = crc32_combine(checksum, run, Int(runLength)) }
            remaining >>= 1
            if remaining > 0 {
                run = crc32_combine(run, run, Int(runLength))
                runLength *= 2
            }
        }
        return UInt32(checksum)
    }
}
