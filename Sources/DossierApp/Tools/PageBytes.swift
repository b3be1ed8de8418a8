import DossierExtract

/// What a page's bytes are before they are extracted: HTML or text to read, gzip to unpack first,
/// or a kind of file the extractor cannot read (a PDF, an image, an archive, a program), which
/// would otherwise give an empty page and no word of why.
enum PageBytes {
    /// The largest page a gzip file may unpack to.
    static let unpackedLimit = 200 * 1_048_576

    /// What `bytes` are, named for a message ("a PDF document"), when they are not a page; nil
    /// for HTML and text (UTF-16 with its byte order mark included).
    static func unreadableKind(_ bytes: [UInt8]) -> String? {
        let signatures: [([UInt8], String)] = [
            (Array("%PDF-".utf8), "a PDF document"), ([0x89, 0x50, 0x4E, 0x47], "a PNG image"), ([0xFF, 0xD8, 0xFF], "a JPEG image"),
            (Array("GIF8".utf8), "a GIF image"), (Array("PK\u{03}\u{04}".utf8), "a ZIP archive (or an office document)"),
            ([0x7F, 0x45, 0x4C, 0x46], "a program"), (Array("RIFF".utf8), "a media file"), ([0x1F, 0x8B], "a damaged gzip file"),
        ]
        if let (_, kind) = signatures.first(where: { bytes.starts(with: $0.0) }) { return kind }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return nil }
        return bytes.prefix(4_096).contains(0) ? "binary data, not HTML or text" : nil
    }

    /// The bytes to extract: a gzip file unpacked (`page.html.gz`), others as they are.
    static func unpacked(_ bytes: [UInt8]) -> [UInt8] {
        Gunzip.isCompressed(bytes) ? (Gunzip.decompress(bytes, limit: unpackedLimit) ?? bytes) : bytes
    }
}
