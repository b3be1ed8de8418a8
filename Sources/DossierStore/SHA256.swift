import CLibCrypto
import Foundation

/// SHA-256 of a byte buffer, as lowercase hex, computed by OpenSSL's libcrypto. The store uses
/// it to fingerprint page bodies, so that "did this page change" is a string comparison.
public enum SHA256 {
    /// The 64-character lowercase hex digest of `bytes`.
    public static func hexDigest(of bytes: Data) -> String {
        digest(of: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 0x10 ? "0" + hex : hex
        }.joined()
    }

    /// The 32-byte digest of `bytes`.
    public static func digest(of bytes: Data) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        // OpenSSL reads no byte of an empty input, but wants a valid pointer: a one-byte buffer
        // stands in for it.
        let count = bytes.count
        (count == 0 ? Data([0]) : bytes).withUnsafeBytes { buffer in
            _ = CLibCrypto.SHA256(buffer.baseAddress!.assumingMemoryBound(to: UInt8.self), count, &digest)
        }
        return digest
    }
}
