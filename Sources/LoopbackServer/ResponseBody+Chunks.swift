extension ResponseBody {
    /// The body as consecutive slices of at most `maximumSize` bytes (or one pattern), generated lazily:
    /// a repeated pattern is materialized once as one block of whole repetitions and sliced.
    func chunks(maximumSize: Int = 65_536) -> Chunks {
        Chunks(pieces: pieces[...], maximumSize: maximumSize)
    }

    struct Chunks: Sequence, IteratorProtocol {
        private var pieces: ArraySlice<Piece>
        private let maximumSize: Int
        /// Bytes of the current piece already handed out.
        private var offset = 0
        /// Whole repetitions of the current pattern: at most `maximumSize` bytes (or one pattern), built by doubling.
        private var block: [UInt8] = []

        init(pieces: ArraySlice<Piece>, maximumSize: Int) {
            self.pieces = pieces
            self.maximumSize = maximumSize
        }

        mutating func next() -> ArraySlice<UInt8>? {
            guard let piece = pieces.first else { return nil }
            let slice: ArraySlice<UInt8>
            switch piece {
            case .bytes(let bytes):
                slice = bytes[offset..<Swift.min(bytes.count, offset + maximumSize)]
            case .repeating(let pattern, let count):
                if block.isEmpty {
                    block = pattern
                    while block.count * 2 <= Swift.max(pattern.count, Swift.min(count, maximumSize)) { block += block }
                }
                slice = block[0..<Swift.min(block.count, count - offset)]
            }
            offset += slice.count
            if offset == piece.count {
                pieces.removeFirst()
                offset = 0
                block = []
            }
            return slice
        }
    }
}
