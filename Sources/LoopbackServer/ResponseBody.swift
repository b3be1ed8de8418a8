/// The bytes of a response body, described rather than held: literal bytes and
/// runs of a repeated pattern, so a 50 MB or 1 GB body costs a few bytes of memory.
public struct ResponseBody: Sendable, Equatable {
    enum Piece: Sendable, Equatable {
        case bytes([UInt8])
        /// `pattern` repeated and cut to exactly `count` bytes.
        case repeating(pattern: [UInt8], count: Int)

        var count: Int {
            switch self {
            case .bytes(let bytes): bytes.count
            case .repeating(_, let count): count
            }
        }
    }

    let pieces: [Piece]

    init(pieces: [Piece]) {
        self.pieces = pieces.filter { $0.count > 0 }
    }

    /// The body length in bytes.
    public var count: Int {
        pieces.reduce(0) { $0 + $1.count }
    }

    public static let empty = ResponseBody(pieces: [])

    public static func bytes(_ bytes: [UInt8]) -> ResponseBody {
        ResponseBody(pieces: [.bytes(bytes)])
    }

    /// The UTF-8 bytes of `text`.
    public static func text(_ text: String) -> ResponseBody {
        .bytes(Array(text.utf8))
    }

    /// `pattern` repeated until the body is exactly `count` bytes long; generated while sending.
    public static func repeating(_ pattern: [UInt8], count: Int) -> ResponseBody {
        precondition(!pattern.isEmpty, "a repeated pattern needs at least one byte")
        return ResponseBody(pieces: [.repeating(pattern: pattern, count: count)])
    }

    /// This body followed by `other`.
    public static func + (body: ResponseBody, other: ResponseBody) -> ResponseBody {
        ResponseBody(pieces: body.pieces + other.pieces)
    }

    /// All the bytes in memory; meant for small bodies (compressing, assertions).
    public func materialized() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        for piece in pieces {
            switch piece {
            case .bytes(let literal):
                bytes += literal
            case .repeating(let pattern, let count):
                for index in 0..<count { bytes.append(pattern[index % pattern.count]) }
            }
        }
        return bytes
    }
}
