import Glibc

/// Which network addresses a fetch may connect to. Pages on the public web must not
/// make dossier reach into the user's own network (SSRF), so private, loopback,
/// link-local and other special-purpose ranges are refused unless allowed.
enum AddressPolicy {
    /// True when `bytes` (4 bytes of IPv4 or 16 of IPv6) is a public unicast address.
    static func isPublic(_ bytes: some Collection<UInt8>) -> Bool {
        let address = Array(bytes)
        switch address.count {
        case 4: return isPublicIPv4(address)
        case 16: return isPublicIPv6(address)
        default: return false
        }
    }

    /// True when `host` is an IP literal (IPv4 dotted quad or bracketed/bare IPv6)
    /// outside the public ranges; false for names and public literals.
    static func isNonPublicLiteral(_ host: String) -> Bool {
        let trimmed = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        if let v4 = parseIPv4(trimmed) { return !isPublicIPv4(v4) }
        if let v6 = parseIPv6(trimmed) { return !isPublicIPv6(v6) }
        return false
    }

    /// True when `host` is an IPv4 or IPv6 literal (bracketed or not).
    static func isIPLiteral(_ host: String) -> Bool {
        let trimmed = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        return parseIPv4(trimmed) != nil || parseIPv6(trimmed) != nil
    }

    private static func isPublicIPv4(_ a: [UInt8]) -> Bool {
        switch (a[0], a[1]) {
        case (0, _), (10, _), (127, _): return false                 // this network, private, loopback
        case (100, 64...127): return false                           // carrier-grade NAT
        case (169, 254): return false                                // link-local
        case (172, 16...31): return false                            // private
        case (192, 168): return false                                // private
        case (192, 0) where a[2] == 0 || a[2] == 2: return false     // IETF protocol assignments, TEST-NET-1
        case (198, 18...19): return false                            // benchmarking
        case (198, 51) where a[2] == 100: return false               // TEST-NET-2
        case (203, 0) where a[2] == 113: return false                // TEST-NET-3
        case (224...255, _): return false                            // multicast, reserved, broadcast
        default: return true
        }
    }

    private static func isPublicIPv6(_ a: [UInt8]) -> Bool {
        let prefixZero = a[0..<10].allSatisfy { $0 == 0 }
        if prefixZero && a[10] == 0xff && a[11] == 0xff { return isPublicIPv4(Array(a[12..<16])) }  // IPv4-mapped
        if a[0..<12].allSatisfy({ $0 == 0 }) { return false }        // ::, ::1 and IPv4-compatible
        if a[0] == 0x00 && a[1] == 0x64 && a[2] == 0xff && a[3] == 0x9b {  // NAT64 64:ff9b::/96
            return isPublicIPv4(Array(a[12..<16]))
        }
        if a[0] & 0xfe == 0xfc { return false }                      // unique local fc00::/7
        if a[0] == 0xfe && a[1] & 0xc0 == 0x80 { return false }      // link-local fe80::/10
        if a[0] == 0xfe && a[1] & 0xc0 == 0xc0 { return false }      // site-local fec0::/10
        if a[0] == 0xff { return false }                             // multicast
        if a[0] == 0x20 && a[1] == 0x01 && a[2] == 0x0d && a[3] == 0xb8 { return false }  // documentation
        return true
    }

    /// The 4 bytes of a dotted-quad IPv4 literal (inet_pton's strict form), or nil.
    static func parseIPv4(_ text: String) -> [UInt8]? {
        var address = in_addr()
        guard inet_pton(AF_INET, text, &address) == 1 else { return nil }
        return withUnsafeBytes(of: address) { Array($0) }
    }

    /// The 16 bytes of an IPv6 literal, a zone (`%eth0`) ignored, or nil.
    static func parseIPv6(_ text: String) -> [UInt8]? {
        let address = text.split(separator: "%", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? text
        var parsed = in6_addr()
        guard inet_pton(AF_INET6, address, &parsed) == 1 else { return nil }
        return withUnsafeBytes(of: parsed) { Array($0) }
    }
}
