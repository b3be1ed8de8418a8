import CCurlShim

/// What the libcurl loaded at run time was built with: its version, TLS backend, default CA
/// locations and the features the fetcher benefits from.
public struct CurlLibrary: Sendable, Equatable {
    /// The version, e.g. `7.88.1`.
    public var version: String
    /// The TLS backend and its version, e.g. `OpenSSL/3.0.15`; nil when built without TLS.
    public var tlsBackend: String?
    /// The CA bundle file libcurl verifies servers with by default; nil when it does not say.
    public var caBundle: String?
    /// The CA certificate directory libcurl uses by default; nil when it does not say.
    public var caDirectory: String?
    /// Whether HTTP/2 is built in (the fetcher multiplexes requests to one host over it).
    public var http2: Bool
    /// Whether brotli-compressed responses can be decoded.
    public var brotli: Bool
    /// Whether zstd-compressed responses can be decoded.
    public var zstd: Bool

    public init(
        version: String, tlsBackend: String?, caBundle: String?, caDirectory: String?, http2: Bool, brotli: Bool,
        zstd: Bool
    ) {
        self.version = version
        self.tlsBackend = tlsBackend
        self.caBundle = caBundle
        self.caDirectory = caDirectory
        self.http2 = http2
        self.brotli = brotli
        self.zstd = zstd
    }

    /// The libcurl this process uses.
    public static func loaded() -> CurlLibrary {
        let build = dossier_curl_build_info()
        func text(_ pointer: UnsafePointer<CChar>?) -> String? {
            guard let pointer else { return nil }
            let value = String(cString: pointer)
            return value.isEmpty ? nil : value
        }
        return CurlLibrary(
            version: text(build.version) ?? "unknown", tlsBackend: text(build.ssl_version), caBundle: text(build.cainfo),
            caDirectory: text(build.capath), http2: build.http2 != 0, brotli: build.brotli != 0, zstd: build.zstd != 0)
    }
}
