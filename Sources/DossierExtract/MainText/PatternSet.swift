/// A few byte patterns searched for together: each position of a text is compared only with the
/// patterns starting with the byte found there. Patterns live in one flat buffer, so a search
/// allocates nothing and touches no reference counts.
struct PatternSet: Sendable {
    private let bytes: [UInt8]
    /// For each pattern, grouped by first byte: where it starts in `bytes`, where it ends, and its
    /// position in the list the set was made from.
    private let starts: [Int]
    private let ends: [Int]
    private let positions: [Int]
    /// For each first byte: the range of `starts`/`ends` holding its patterns.
    private let groups: [Range<Int>]

    init(_ patterns: [StaticString]) {
        let sorted = patterns.enumerated()
            .map { (position: $0.offset, bytes: Array(UnsafeBufferPointer(start: $0.element.utf8Start,
                                                                          count: $0.element.utf8CodeUnitCount))) }
            .sorted { ($0.bytes[0], $0.position) < ($1.bytes[0], $1.position) }
        var bytes: [UInt8] = [], starts: [Int] = [], ends: [Int] = [], positions: [Int] = []
        var groups = [Range<Int>](repeating: 0 ..< 0, count: 256)
        for (k, pattern) in sorted.enumerated() {
            let first = Int(pattern.bytes[0])
            groups[first] = groups[first].isEmpty ? k ..< k + 1 : groups[first].lowerBound ..< k + 1
            starts.append(bytes.count)
            bytes.append(contentsOf: pattern.bytes)
            ends.append(bytes.count)
            positions.append(pattern.position)
        }
        self.bytes = bytes
        self.starts = starts
        self.ends = ends
        self.positions = positions
        self.groups = groups
    }

    /// Calls `visit` with the start, the end and the pattern's position in the list for each
    /// occurrence in `text`, in text order, until it returns true; returns whether one did.
    @discardableResult
    func firstMatch(in text: UnsafeBufferPointer<UInt8>, where visit: (Int, Int, Int) -> Bool) -> Bool {
        bytes.withUnsafeBufferPointer { patterns in
            for i in 0 ..< text.count {
                for k in groups[Int(text[i])] {
                    let length = ends[k] - starts[k]
                    guard length <= text.count - i else { continue }
                    var j = 1
                    while j < length, text[i + j] == patterns[starts[k] + j] { j += 1 }
                    if j == length, visit(i, i + length, positions[k]) { return true }
                }
            }
            return false
        }
    }

    /// True when a pattern occurs in `text` at a place `accept` (given the text and the match's
    /// start and end) agrees to.
    func occurs(in text: UnsafeBufferPointer<UInt8>,
                accepting accept: (UnsafeBufferPointer<UInt8>, Int, Int) -> Bool = { _, _, _ in true }) -> Bool {
        firstMatch(in: text) { start, end, _ in accept(text, start, end) }
    }
}
