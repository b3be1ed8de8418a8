/// The 32-bit FNV-1a hash, for short stable names (not for security).
public enum FNV1a {
    /// The hash of `text`'s UTF-8 bytes as 8 lowercase hex digits.
    public static func hex(_ text: String) -> String {
        var hash: UInt32 = 2_166_136_261
        for byte in text.utf8 {
            hash = (hash ^ UInt32(byte)) &* 16_777_619
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }
}
