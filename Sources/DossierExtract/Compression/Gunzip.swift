import CZlib

/// Gzip files that arrive as they are stored, not compressed in transit (a `sitemap.xml.gz`
/// served as `application/gzip`): libcurl decodes only a compressed transfer encoding.
public enum Gunzip {
    /// Whether `bytes` start with the gzip magic number.
    public static func isCompressed(_ bytes: some Collection<UInt8>) -> Bool {
        var iterator = bytes.makeIterator()
        return iterator.next() == 0x1F && iterator.next() == 0x8B
    }

    /// The decompressed bytes (every member of a multi-member file), at most `limit` of them; nil
    /// when the data is not gzip, is damaged or would exceed `limit` (a gzip bomb is cut off there).
    public static func decompress(_ bytes: [UInt8], limit: Int) -> [UInt8]? {
        guard isCompressed(bytes) else { return nil }
        var stream = z_stream()
        // 15 window bits + 32: zlib detects the gzip header itself.
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        return bytes.withUnsafeBufferPointer { input -> [UInt8]? in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.avail_in = UInt32(input.count)
            while true {
                let status = chunk.withUnsafeMutableBufferPointer { buffer -> Int32 in
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = UInt32(buffer.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                guard output.count + produced <= limit else { return nil }
                output.append(contentsOf: chunk[..<produced])
                switch status {
                case Z_STREAM_END:
                    // Another member may follow; trailing garbage after the last one is ignored.
                    guard stream.avail_in > 0, stream.next_in.pointee == 0x1F, inflateReset(&stream) == Z_OK else { return output }
                case Z_OK:
                    if stream.avail_in == 0 && produced == 0 { return nil }
                default:
                    return nil
                }
            }
        }
    }
}
