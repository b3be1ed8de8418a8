/// Turns the date formats pages and feeds use into `YYYY-MM-DD`: ISO 8601 (`2019-11-19T02:34:30Z`),
/// RFC 822 (`Tue, 19 Nov 2019 02:34:30 GMT`), `November 19, 2019`, `19 November 2019`,
/// `2019/11/19` and dates in URL paths (`/2019/11/19/`, `/2019-11-19-`).
public enum PageDate {
    private static let months: [String: Int] = {
        let names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        var table: [String: Int] = [:]
        for (index, name) in names.enumerated() { table[name] = index + 1 }
        return table
    }()

    /// The date in `text` as `YYYY-MM-DD`, or nil when there is no plausible date.
    public static func normalize(_ text: String) -> String? {
        let words = text.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        guard !words.isEmpty else { return nil }
        // Numeric year first: 2019-11-19, 2019/11/19, 20191119.
        if let year = Int(words[0]), words[0].count == 4, words.count >= 3,
           let month = Int(words[1]), let day = Int(words[2].prefix(2)) {
            return format(year, month, day)
        }
        if words[0].count == 8, words[0].allSatisfy(\.isNumber), let value = Int(words[0]) {
            return format(value / 10000, value / 100 % 100, value % 100)
        }
        // A month name with a day and a year around it, in either order.
        for (index, word) in words.enumerated() {
            guard let month = months[String(word.lowercased().prefix(3))], word.count >= 3,
                  word.count == 3 || word.lowercased().hasPrefix(monthName(month)) || word.count == 4 else { continue }
            let before = index > 0 ? Int(words[index - 1]) : nil
            let after = index + 1 < words.count ? Int(words[index + 1]) : nil
            let afterNext = index + 2 < words.count ? Int(words[index + 2]) : nil
            if let day = after, day <= 31, let year = afterNext, year > 1000 {
                return format(year, month, day)
            }
            if let day = before, day <= 31, let year = after, year > 1000 {
                return format(year, month, day)
            }
        }
        return nil
    }

    /// A date written as path segments of a URL: `/2019/11/19/` or `/2019-11-19`.
    static func fromURL(_ url: String) -> String? {
        let parts = url.split { $0 == "/" || $0 == "-" || $0 == "_" || $0 == "." }
        for index in parts.indices.dropLast(2) {
            guard parts[index].count == 4, let year = Int(parts[index]),
                  parts[index + 1].count == 2, let month = Int(parts[index + 1]),
                  parts[index + 2].count == 2, let day = Int(parts[index + 2]) else { continue }
            if let date = format(year, month, day) { return date }
        }
        return nil
    }

    private static func monthName(_ month: Int) -> String {
        ["january", "february", "march", "april", "may", "june", "july", "august", "september",
         "october", "november", "december"][month - 1]
    }

    private static func format(_ year: Int, _ month: Int, _ day: Int) -> String? {
        guard (1900 ... 2100).contains(year), (1 ... 12).contains(month), (1 ... 31).contains(day) else { return nil }
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(pad(month))-\(pad(day))"
    }
}
