/// Greedy LZ77 over a 32 KB window, remembering the last position of each 3-byte hash.
enum LZ77 {
    enum Token {
        case literal(UInt8)
        case match(length: Int, distance: Int)
    }

    static let window = 32_768
    static let maximumMatch = 258
    static let minimumMatch = 3

    static func forEachToken(in input: [UInt8], _ body: (Token) -> Void) {
        var lastPositionOfHash = [Int](repeating: -1, count: 1 << 15)
        func hash(at position: Int) -> Int {
            (Int(input[position]) << 10 ^ Int(input[position + 1]) << 5 ^ Int(input[position + 2])) & 0x7FFF
        }
        var position = 0
        while position < input.count {
            var matchLength = 0
            var matchDistance = 0
            if position + minimumMatch <= input.count {
                let key = hash(at: position)
                let candidate = lastPositionOfHash[key]
                lastPositionOfHash[key] = position
                if candidate >= 0, position - candidate <= window {
                    let limit = min(maximumMatch, input.count - position)
                    var length = 0
                    while length < limit, input[candidate + length] == input[position + length] { length += 1 }
                    if length >= minimumMatch {
                        matchLength = length
                        matchDistance = position - candidate
                    }
                }
            }
            if matchLength > 0 {
                body(.match(length: matchLength, distance: matchDistance))
                let end = position + matchLength
                for skipped in (position + 1)..<min(end, input.count - minimumMatch + 1) {
                    lastPositionOfHash[hash(at: skipped)] = skipped
                }
                position = end
            } else {
                body(.literal(input[position]))
                position += 1
            }
        }
    }
}
