import DossierApp
import Foundation

/// Reads a list of URLs: one per line; blank lines and lines starting with # are skipped.
enum URLListFile {
    static func read(_ path: String) throws(AppError) -> [String] {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "permission denied or not a file" : "no such file"
            throw AppError(.noInput, "cannot read the URL list \(path): \(reason)")
        }
        if let urls = data.withUnsafeBytes({ parseASCII($0) }) { return urls }
        guard let text = String(validating: data, as: UTF8.self) else {
            throw AppError(.dataError, "the URL list \(path) is not UTF-8 text")
        }
        return parse(text)
    }

    /// Any text: lines split at every Unicode line break, trimmed of Unicode spaces and tabs.
    static func parse(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }

    /// The fast path for the usual all-ASCII list, on bytes; the same result as `parse`.
    /// nil when a byte is not ASCII, which `parse` then handles.
    static func parseASCII(_ bytes: UnsafeRawBufferPointer) -> [String]? {
        func isLineBreak(_ byte: UInt8) -> Bool { byte >= 0x0A && byte <= 0x0D }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        var urls: [String] = []
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, !isLineBreak(bytes[end]) {
                if bytes[end] >= 0x80 { return nil }
                end += 1
            }
            var first = start
            var last = end
            while first < last, isSpace(bytes[first]) { first += 1 }
            while last > first, isSpace(bytes[last - 1]) { last -= 1 }
            if first < last && bytes[first] != UInt8(ascii: "#") {
                urls.append(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[first..<last]), as: UTF8.self))
            }
            start = end + 1
        }
        return urls
    }
}
