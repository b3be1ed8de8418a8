import CCurlShim
import Foundation

/// One libcurl easy handle and the state its callbacks fill in.
///
/// Confined to the engine's thread: it is created, driven, read and cleaned up there,
/// and libcurl calls its callbacks only from `curl_multi_perform` on that thread.
final class CurlTransfer {
    let exchange: PendingExchange
    let handle: UnsafeMutableRawPointer
    private var request: TransferRequest { exchange.request }

    private var headerList: UnsafeMutablePointer<curl_slist>?
    /// Where libcurl writes its message for a failure; freed in `cleanUp()`.
    private let errorBuffer: UnsafeMutablePointer<CChar>
    private var response = TransferResponse()
    private var statusLineSeen = false
    /// Why a callback aborted the transfer, so the curl error maps to the real cause.
    private var abortReason: FetchFailure?

    init?(_ exchange: PendingExchange) {
        guard let handle = curl_easy_init() else { return nil }
        self.exchange = exchange
        self.handle = handle
        errorBuffer = .allocate(capacity: Int(dossier_error_buffer_size))
        errorBuffer.initialize(repeating: 0, count: Int(dossier_error_buffer_size))
    }

    /// Sets every option. Returns a failure when libcurl refuses one (a bug or an
    /// unusable URL), in which case the handle must not be added to the multi handle.
    func configure() -> FetchFailure? {
        let context = Unmanaged.passUnretained(self).toOpaque()
        let limits = request.limits
        var codes: [CURLcode] = []
        codes.append(dossier_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer))
        codes.append(dossier_easy_setopt_string(handle, CURLOPT_URL, request.url))
        codes.append(dossier_easy_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https"))
        codes.append(dossier_easy_setopt_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https"))
        codes.append(dossier_easy_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 0))
        codes.append(dossier_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1))
        codes.append(dossier_easy_setopt_string(handle, CURLOPT_USERAGENT, request.userAgent))
        codes.append(dossier_easy_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, ""))
        codes.append(dossier_easy_setopt_long(handle, CURLOPT_HTTP_VERSION, dossier_http_version_2tls))
        codes.append(dossier_easy_setopt_long(handle, CURLOPT_PIPEWAIT, 1))
        // The curl tool's read size: a typical page arrives in one read and one write callback
        // rather than in 16 KB pieces.
        codes.append(dossier_easy_setopt_long(handle, CURLOPT_BUFFERSIZE, 100 * 1024))
        codes.append(dossier_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, limits.connectTimeoutMilliseconds))
        codes.append(dossier_easy_setopt_long(handle, CURLOPT_TIMEOUT_MS, limits.totalTimeoutMilliseconds))
        codes.append(dossier_easy_setopt_long(handle, CURLOPT_LOW_SPEED_TIME, limits.stallSeconds))
        codes.append(dossier_easy_setopt_long(handle, CURLOPT_LOW_SPEED_LIMIT, limits.stallMinimumBytesPerSecond))
        codes.append(dossier_easy_setopt_offset(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(limits.maximumBodyBytes)))
        // Proxies from the environment would hide the real address from the check in openSocket.
        codes.append(dossier_easy_setopt_string(handle, CURLOPT_NOPROXY, "*"))
        if request.isolateConnection {
            codes.append(dossier_easy_setopt_long(handle, CURLOPT_FRESH_CONNECT, 1))
            codes.append(dossier_easy_setopt_long(handle, CURLOPT_FORBID_REUSE, 1))
        }
        for header in request.headers {
            headerList = curl_slist_append(headerList, header)
        }
        if let headerList {
            codes.append(dossier_easy_setopt_slist(handle, CURLOPT_HTTPHEADER, headerList))
        }
        codes.append(dossier_easy_set_write_callback(handle, { data, size, count, context in
            Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue()
                .receiveBody(UnsafeRawBufferPointer(start: data, count: size * count))
        }, context))
        codes.append(dossier_easy_set_header_callback(handle, { data, size, count, context in
            Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue()
                .receiveHeader(UnsafeRawBufferPointer(start: data, count: size * count))
        }, context))
        codes.append(dossier_easy_set_progress_callback(handle, { context, _, received, _, _ in
            Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue().checkReceived(received)
        }, context))
        codes.append(dossier_easy_set_open_socket_callback(handle, { context, _, address in
            Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue().openSocket(address!)
        }, context))
        if let refused = codes.first(where: { $0 != CURLE_OK }) {
            return FetchFailure(.other, "libcurl refused an option: \(String(cString: curl_easy_strerror(refused)))")
        }
        return nil
    }

    /// Marks the transfer as cancelled, so its completion reports `.cancelled`.
    func cancel(_ message: String) {
        abortReason = FetchFailure(.cancelled, message)
    }

    /// Builds the response once libcurl reports the transfer done.
    func finish(code: CURLcode) -> TransferResponse {
        var status = 0
        dossier_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        response.status = status
        var version = 0
        dossier_easy_getinfo_long(handle, CURLINFO_HTTP_VERSION, &version)
        response.httpVersion = Self.versionName(version)
        response.timings = readTimings()
        if let abortReason {
            response.failure = abortReason
        } else if code == CURLE_FILESIZE_EXCEEDED {
            response.failure = FetchFailure.tooLarge(limit: request.limits.maximumBodyBytes, "the server announced a body of")
        } else if code != CURLE_OK {
            response.failure = Self.failure(for: code, detail: errorMessage(code))
        }
        if response.failure != nil { response.body = Data() }
        return response
    }

    /// Frees the handle and its header list. The caller has removed it from the multi handle.
    func cleanUp() {
        curl_easy_cleanup(handle)
        curl_slist_free_all(headerList)
        headerList = nil
        errorBuffer.deallocate()
    }

    // MARK: Callbacks (on the engine thread, inside curl_multi_perform)

    private func receiveBody(_ chunk: UnsafeRawBufferPointer) -> Int {
        if abortReason != nil { return dossier_write_abort }
        if response.body.count + chunk.count > request.limits.maximumBodyBytes {
            abortReason = FetchFailure.tooLarge(limit: request.limits.maximumBodyBytes, "the body is, once decoded,")
            return dossier_write_abort
        }
        response.body.append(chunk.assumingMemoryBound(to: UInt8.self))
        return chunk.count
    }

    private func receiveHeader(_ line: UnsafeRawBufferPointer) -> Int {
        let bytes = line.trimmingASCIIWhitespace()
        if bytes.starts(with: "HTTP/".utf8) {
            // A new status line (after 1xx responses): only the last response's fields count.
            response.headers = HTTPHeaderFields()
            statusLineSeen = true
        } else if statusLineSeen, let colon = bytes.firstIndex(of: UInt8(ascii: ":")) {
            let name = String(decoding: bytes[..<colon].trimmingASCIIWhitespace(), as: UTF8.self)
            let value = String(decoding: bytes[(colon + 1)...].trimmingASCIIWhitespace(), as: UTF8.self)
            response.headers.append(name: name, value: value)
            if name.count == 14, name.lowercased() == "content-length", let length = Int(value), length > 0 {
                response.body.reserveCapacity(min(length, request.limits.maximumBodyBytes))
            }
        }
        return line.count
    }

    private func checkReceived(_ receivedBytes: curl_off_t) -> Int32 {
        if abortReason != nil { return 1 }
        if receivedBytes > request.limits.maximumBodyBytes {
            abortReason = FetchFailure.tooLarge(limit: request.limits.maximumBodyBytes, "the server sent")
            return 1
        }
        return 0
    }

    private func openSocket(_ address: UnsafeMutablePointer<curl_sockaddr>) -> curl_socket_t {
        var bytes: UnsafePointer<UInt8>?
        let length = dossier_sockaddr_bytes(address, &bytes)
        guard length > 0, let bytes else { return dossier_socket_bad }
        let ip = UnsafeBufferPointer(start: bytes, count: Int(length))
        if !request.allowPrivateAddresses && !AddressPolicy.isPublic(ip) {
            abortReason = FetchFailure(.blockedAddress, "refused to connect to non-public address \(Self.format(ip)); "
                + FetchFailure.allowPrivateAdvice)
            return dossier_socket_bad
        }
        return dossier_open_socket(address)
    }

    // MARK: Reading results

    private func readTimings() -> FetchTimings {
        func seconds(_ info: CURLINFO) -> Double {
            var microseconds: curl_off_t = 0
            dossier_easy_getinfo_offset(handle, info, &microseconds)
            return Double(microseconds) / 1_000_000
        }
        var timings = FetchTimings()
        timings.dns = seconds(CURLINFO_NAMELOOKUP_TIME_T)
        timings.connect = seconds(CURLINFO_CONNECT_TIME_T)
        timings.tls = seconds(CURLINFO_APPCONNECT_TIME_T)
        timings.firstByte = seconds(CURLINFO_STARTTRANSFER_TIME_T)
        timings.transfer = seconds(CURLINFO_TOTAL_TIME_T)
        timings.total = timings.transfer
        return timings
    }

    private func errorMessage(_ code: CURLcode) -> String {
        let detail = String(cString: errorBuffer)
        return detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
    }

    private static func versionName(_ version: Int) -> String? {
        switch version {
        case CURL_HTTP_VERSION_1_0: return "1.0"
        case CURL_HTTP_VERSION_1_1: return "1.1"
        case CURL_HTTP_VERSION_2_0: return "2"
        case CURL_HTTP_VERSION_3: return "3"
        default: return nil
        }
    }

    private static func format(_ ip: UnsafeBufferPointer<UInt8>) -> String {
        if ip.count == 4 { return ip.map(String.init).joined(separator: ".") }
        return stride(from: 0, to: ip.count, by: 2)
            .map { String(UInt16(ip[$0]) << 8 | UInt16(ip[$0 + 1]), radix: 16) }
            .joined(separator: ":")
    }

    /// Maps a libcurl result code to the category a report shows.
    static func failure(for code: CURLcode, detail: String) -> FetchFailure {
        let category: FetchErrorCategory
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            category = .dns
        case CURLE_COULDNT_CONNECT, CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE,
             CURLE_HTTP2, CURLE_HTTP2_STREAM:
            category = .connect
        case CURLE_OPERATION_TIMEDOUT:
            category = .timeout
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
             CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_ISSUER_ERROR,
             CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CRL_BADFILE, CURLE_SSL_SHUTDOWN_FAILED:
            category = .tls
        case CURLE_TOO_MANY_REDIRECTS:
            category = .tooManyRedirects
        case CURLE_FILESIZE_EXCEEDED:
            category = .tooLarge
        case CURLE_UNSUPPORTED_PROTOCOL:
            category = .blockedAddress
        default:
            category = .other
        }
        return FetchFailure(category, detail)
    }
}
