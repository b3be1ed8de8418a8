/// Where the main text of a page lies: a container element and, beside it, the sibling subtrees
/// that continue it (the other sections of a multi-section body, a list or table that belongs to
/// it), found from the paragraphs' values.
struct BodySelection {
    /// The subtrees the main text is taken from, in document order (the container among them).
    let roots: [Int]

    /// Chooses the body of `range` from `paragraphs` and their `values`; nil when no element holds
    /// any positive value. Paragraphs for which `isIgnored` is true (teasers) count for nothing.
    /// `leads` marks the elements of headers that hold a lead paragraph: a header beside the
    /// container, or beside its parent, joins the body for its lead.
    init?(document: FlatDocument, range: Range<Int>, paragraphs: [Paragraph], values: [Double],
          totals: ParagraphTotals, leads: [Bool], ignoring isIgnored: (Int) -> Bool) {
        let nodes = document.nodes
        var score = [Double](repeating: 0, count: nodes.count)
        for (k, paragraph) in paragraphs.enumerated() where paragraph.owner >= 0 && !isIgnored(k) {
            score[paragraph.owner] += values[k]
        }
        for i in range.reversed() where i > range.lowerBound {
            let parent = Int(nodes[i].parent)
            if parent >= 0 { score[parent] += score[i] }
        }
        var bestScore = 0.0
        for i in range where !nodes[i].isText && score[i] > bestScore { bestScore = score[i] }
        guard bestScore > 0 else { return nil }
        // The deepest element holding nearly all of the best value: an author box or a note beside
        // the article must not make the page's wrapper the container.
        var container = range.lowerBound
        for i in range where !nodes[i].isText && score[i] >= bestScore * Self.enough { container = i }
        // A paragraph or an inline element is never the container of a body: its parent is.
        while !Self.canContain(nodes[container].tag), nodes[container].parent >= Int32(range.lowerBound) {
            container = Int(nodes[container].parent)
        }
        var roots = Self.siblings(of: container, in: document, range: range, score: score, totals: totals, leads: leads)
        // An article's header with its lead often sits one level further up (beside the
        // element that wraps the text).
        let parent = Int(nodes[container].parent)
        if parent > range.lowerBound {
            let grandparent = Int(nodes[parent].parent)
            var i = grandparent + 1
            while i < Int(nodes[grandparent].end) {
                if i != parent, leads[i] { roots.append(i) }
                i = nodes[i].isText ? i + 1 : Int(nodes[i].end)
            }
            roots.sort()
        }
        self.roots = roots
    }

    /// The container and those of its siblings that continue the body: prose with few links and
    /// headers with a lead anywhere beside it, link-free short text (a list, a table, a
    /// definition list) next to what is taken, and the heading of what is taken.
    private static func siblings(of container: Int, in document: FlatDocument, range: Range<Int>, score: [Double],
                                 totals: ParagraphTotals, leads: [Bool]) -> [Int] {
        let nodes = document.nodes
        let parent = Int(nodes[container].parent)
        guard parent >= range.lowerBound else { return [container] }
        enum Kind { case container, prose, neutral, heading, empty, other }
        var children: [(index: Int, kind: Kind)] = []
        var i = parent + 1
        while i < Int(nodes[parent].end) {
            let kind: Kind
            let density = totals.linkDensity(i)
            if i == container {
                kind = .container
            } else if nodes[i].isText || totals.characters[i] == 0 {
                kind = .empty
            } else if (score[i] > 0 && density < 0.5) || leads[i] {
                kind = .prose
            } else if nodes[i].tag.headingLevel != nil, density < 0.5 {
                kind = .heading
            } else if score[i] == 0, density < 0.1, [.ul, .ol, .dl, .table].contains(nodes[i].tag) {
                kind = .neutral
            } else {
                kind = .other
            }
            children.append((i, kind))
            i = nodes[i].isText ? i + 1 : Int(nodes[i].end)
        }
        var taken = children.map { $0.kind == .container || $0.kind == .prose }
        // Neutral children join when they touch taken ones (empty children in between), and a
        // heading joins when what it heads was taken.
        var changed = true
        while changed {
            changed = false
            for k in children.indices where !taken[k] {
                var before = k - 1
                while before >= 0, children[before].kind == .empty { before -= 1 }
                var after = k + 1
                while after < children.count, children[after].kind == .empty { after += 1 }
                let next = after < children.count && taken[after]
                let joins = switch children[k].kind {
                case .neutral: (before >= 0 && taken[before]) || next
                case .heading: next
                default: false
                }
                if joins {
                    taken[k] = true
                    changed = true
                }
            }
        }
        return children.indices.filter { taken[$0] }.map { children[$0].index }
    }

    /// The share of the best value an element must hold to be the container.
    private static let enough = 0.9

    /// Elements that can hold a body of several paragraphs.
    private static func canContain(_ tag: Tag) -> Bool {
        guard tag.isBlock else { return tag == .td || tag == .th || tag == .other }
        switch tag {
        case .p, .h1, .h2, .h3, .h4, .h5, .h6, .pre, .hr, .caption, .figcaption: return false
        default: return true
        }
    }
}

/// The characters and link characters of the paragraphs under each node.
struct ParagraphTotals {
    private(set) var characters: [Int]
    private(set) var linkCharacters: [Int]

    init(document: FlatDocument, range: Range<Int>, paragraphs: [Paragraph]) {
        let nodes = document.nodes
        characters = [Int](repeating: 0, count: nodes.count)
        linkCharacters = [Int](repeating: 0, count: nodes.count)
        for paragraph in paragraphs where paragraph.owner >= 0 {
            characters[paragraph.owner] += paragraph.characters
            linkCharacters[paragraph.owner] += paragraph.linkCharacters
        }
        for i in range.reversed() where i > range.lowerBound {
            let parent = Int(nodes[i].parent)
            if parent >= 0 {
                characters[parent] += characters[i]
                linkCharacters[parent] += linkCharacters[i]
            }
        }
    }

    /// The share of the characters under node `i` that are link text (0 when it holds none).
    func linkDensity(_ i: Int) -> Double {
        characters[i] > 0 ? Double(linkCharacters[i]) / Double(characters[i]) : 0
    }
}
