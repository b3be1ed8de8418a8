/// The HTML elements the extractor tells apart; every other element name is `.other`.
enum Tag: UInt8, Sendable {
    case other
    case html, head, body, title, meta, link, base
    case script, style, noscript, template, svg, math, iframe, object, embed, canvas
    case form, select, option, button, input, textarea, label, fieldset, dialog
    case nav, aside, header, footer, main, article, section, div, span, center, address, details, summary, menu
    case p, h1, h2, h3, h4, h5, h6, br, hr, pre, code, blockquote
    case ul, ol, li, dl, dt, dd
    case table, caption, thead, tbody, tfoot, tr, td, th
    case figure, figcaption, picture, img, video, audio, source, map
    case a, time, abbr, sup, sub, small, strong, b, em, i, u, s, font, q, cite, mark

    private static let byName: [String: Tag] = {
        var table: [String: Tag] = [:]
        var raw: UInt8 = 1
        while let tag = Tag(rawValue: raw) {
            table["\(tag)"] = tag
            raw += 1
        }
        return table
    }()

    /// The tag for a lower-case element name.
    init(name: String) {
        self = Tag.byName[name] ?? .other
    }

    /// Elements that start a new line of text; everything else flows inline (table cells too:
    /// a table row reads as one line).
    var isBlock: Bool {
        switch self {
        case .html, .body, .nav, .aside, .header, .footer, .main, .article, .section, .div, .center,
             .address, .details, .summary, .menu, .form, .fieldset, .dialog,
             .p, .h1, .h2, .h3, .h4, .h5, .h6, .hr, .pre, .blockquote,
             .ul, .ol, .li, .dl, .dt, .dd,
             .table, .caption, .thead, .tbody, .tfoot, .tr, .figure, .figcaption:
            return true
        default:
            return false
        }
    }

    /// Elements whose content is never readable text (scripts, media, form controls, ...).
    var neverHoldsText: Bool {
        switch self {
        case .head, .title, .script, .style, .noscript, .template, .svg, .math, .iframe, .object, .embed,
             .canvas, .select, .option, .button, .input, .textarea, .video, .audio, .map, .picture:
            return true
        default:
            return false
        }
    }

    /// Elements that by their nature frame the main text rather than hold it.
    var isPageChrome: Bool {
        switch self {
        case .nav, .aside, .footer, .header, .figure, .figcaption, .form, .label, .fieldset, .dialog, .menu:
            return true
        default:
            return false
        }
    }

    /// The heading level of h1...h6, or nil.
    var headingLevel: Int? {
        switch self {
        case .h1: 1
        case .h2: 2
        case .h3: 3
        case .h4: 4
        case .h5: 5
        case .h6: 6
        default: nil
        }
    }
}
