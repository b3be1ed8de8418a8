import Foundation

/// IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), the HTTP date format.
enum HTTPDate {
    static func format(_ date: Date) -> String {
        makeFormatter().string(from: date)
    }

    static func parse(_ text: String) -> Date? {
        makeFormatter().date(from: text)
    }

    /// A new formatter per use: `DateFormatter` is not safe to share between threads.
    private static func makeFormatter() -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter
    }
}
