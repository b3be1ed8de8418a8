import DossierExtract
import Testing

@Suite("charset decision")
struct CharsetTests {
    /// "<p>こんにちは、日本語のページです。東京は晴れです。</p>" in Shift_JIS.
    static let shiftJISParagraph: [UInt8] = [
        60, 112, 62, 130, 177, 130, 241, 130, 201, 130, 191, 130, 205, 129, 65, 147, 250, 150, 123, 140, 234, 130,
        204, 131, 121, 129, 91, 131, 87, 130, 197, 130, 183, 129, 66, 147, 140, 139, 158, 130, 205, 144, 176, 130,
        234, 130, 197, 130, 183, 129, 66, 60, 47, 112, 62,
    ]
    static let japanese = "こんにちは、日本語のページです。東京は晴れです。"

    /// "<p>Un café très crème coûte 3 € – d’après le garçon.</p>" in windows-1252.
    static let windows1252Paragraph: [UInt8] = Array("<p>Un caf".utf8) + [0xE9] + Array(" tr".utf8) + [0xE8] +
        Array("s cr".utf8) + [0xE8] + Array("me co".utf8) + [0xFB] + Array("te 3 ".utf8) + [0x80, 0x20, 0x96] +
        Array(" d".utf8) + [0x92] + Array("apr".utf8) + [0xE8] + Array("s le gar".utf8) + [0xE7] + Array("on.</p>".utf8)
    static let french = "Un café très crème coûte 3 € – d’après le garçon."

    static func page(_ head: String, _ body: [UInt8]) -> [UInt8] {
        Array("<html><head>\(head)</head><body>".utf8) + body + Array("</body></html>".utf8)
    }

    @Test("windows-1252 declared in <meta charset>")
    func windows1252Declared() {
        let page = HTMLExtractor.extract(bytes: Self.page("<meta charset=\"windows-1252\">", Self.windows1252Paragraph))
        #expect(page.charset == "WINDOWS-1252")
        #expect(page.mainText == Self.french)
    }

    @Test("iso-8859-1 in http-equiv reads as windows-1252, as browsers do")
    func latin1Label() {
        let head = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"
        let page = HTMLExtractor.extract(bytes: Self.page(head, Self.windows1252Paragraph))
        #expect(page.mainText == Self.french)
    }

    @Test("windows-1252 without any declaration is recognized")
    func windows1252Undeclared() {
        let page = HTMLExtractor.extract(bytes: Self.page("", Self.windows1252Paragraph))
        #expect(page.charset == "WINDOWS-1252")
        #expect(page.mainText == Self.french)
    }

    @Test("Shift_JIS declared in <meta charset>")
    func shiftJISDeclared() {
        let page = HTMLExtractor.extract(bytes: Self.page("<meta charset=\"Shift_JIS\">", Self.shiftJISParagraph))
        #expect(page.mainText == Self.japanese)
    }

    @Test("Shift_JIS without any declaration is recognized")
    func shiftJISUndeclared() {
        let decision = CharsetDetector.detect(Self.page("", Self.shiftJISParagraph))
        #expect(decision == CharsetDetector.Decision(charset: "CP932", source: .guess, byteOrderMarkLength: 0))
        #expect(HTMLExtractor.extract(bytes: Self.page("", Self.shiftJISParagraph)).mainText == Self.japanese)
    }

    @Test("a UTF-8 byte order mark wins over a contradicting <meta charset>, and is not text")
    func byteOrderMarkBeatsMeta() {
        let bytes = [0xEF, 0xBB, 0xBF] + Array("<html><head><meta charset=\"iso-8859-1\"></head><body><p>Crème brûlée à Zürich</p></body></html>".utf8)
        let page = HTMLExtractor.extract(bytes: bytes)
        #expect(page.charset == "UTF-8")
        #expect(page.mainText == "Crème brûlée à Zürich")
    }

    @Test("the HTTP Content-Type charset wins over the page's declaration")
    func contentTypeWins() {
        let bytes = Self.page("<meta charset=\"utf-8\">", Self.windows1252Paragraph)
        let page = HTMLExtractor.extract(bytes: bytes, contentType: "text/html; charset=\"windows-1252\"")
        #expect(page.mainText == Self.french)
        #expect(CharsetDetector.detect(bytes, contentType: "text/html; charset=windows-1252").source == .contentType)
    }

    @Test("invalid UTF-8 bytes become U+FFFD and the rest of the page is intact")
    func invalidBytesReplaced() {
        let bytes = Array("<meta charset=utf-8><p>before ".utf8) + [0xFF, 0xC3] + Array(" after ünïcödé</p>".utf8)
        let text = HTMLExtractor.extract(bytes: bytes).mainText
        #expect(text == "before \u{FFFD}\u{FFFD} after ünïcödé")
    }

    @Test("labels are normalized; unknown ones pass through upper-cased")
    func labels() {
        #expect(CharsetDetector.normalizedCharset("Latin1") == "WINDOWS-1252")
        #expect(CharsetDetector.normalizedCharset(" utf8 ") == "UTF-8")
        #expect(CharsetDetector.normalizedCharset("x-sjis") == "CP932")
        #expect(CharsetDetector.normalizedCharset("koi8-r") == "KOI8-R")
        #expect(CharsetDetector.normalizedCharset("") == nil)
    }
}
