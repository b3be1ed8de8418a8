import DossierSettings
import DossierTestSupport
import ExternalCommands
import Foundation
import Testing

/// The TOML parser against Python's `tomllib` (Python 3.11 and later) over the shipped Sources.d
/// and Banks.d files and a set of tricky documents, valid and invalid: both must accept the same
/// documents and read the same values. Skipped when `python3` or its `tomllib` is missing.
///
/// One known difference is left out: `tomllib` reads integers of any size (Python's), where TOML
/// 1.0 requires an error beyond 64 bits; `TOMLParserTests` checks that error.
@Suite("TOML parser against Python's tomllib", .enabled(if: TOMLOracle.isAvailable, "needs python3 with tomllib (Python 3.11 or later) on PATH"))
struct TOMLOracleTests {
    @Test("every shipped Sources.d and Banks.d file reads the same")
    func shippedFiles() throws {
        var documents: [String] = []
        for folder in ["Sources.d", "Banks.d"] {
            let directory = SharedWorkspace.repository.appendingPathComponent(folder, isDirectory: true)
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() where name.hasSuffix(".toml") {
                documents.append(try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8))
            }
        }
        #expect(documents.count >= 20)
        try TOMLOracle.compare(documents)
    }

    @Test("valid documents read the same")
    func validDocuments() throws {
        try TOMLOracle.compare(Self.valid, expectingErrors: false)
    }

    @Test("invalid documents are refused by both")
    func invalidDocuments() throws {
        try TOMLOracle.compare(Self.invalid, expectingErrors: true)
    }

    static let valid: [String] = [
        // Comments, keys.
        "# only a comment\n",
        "",
        "\n\n   \n\t\n",
        "key = \"value\" # comment with \"quotes\" and 'apostrophes' and ünïcödé\n",
        "bare_key = 1\nbare-key = 2\n1234 = 3\n-_- = 4\n",
        "\"127.0.0.1\" = 1\n\"character encoding\" = 2\n\"ʎǝʞ\" = 3\n'key2' = 4\n'quoted \"value\"' = 5\n",
        "\"\" = \"blank\"\n",
        "name = \"Orange\"\nphysical.color = \"orange\"\nphysical.shape = \"round\"\nsite.\"google.com\" = true\n",
        "fruit.name = \"banana\"\nfruit. color = \"yellow\"\nfruit . flavor = \"banana\"\n",
        "apple.type = \"fruit\"\norange.type = \"fruit\"\napple.skin = \"thin\"\norange.skin = \"thick\"\n",
        "3.14159 = \"pi\"\n",
        "a.\"b.c\".'d' = 1\n",
        "true = 1\nfalse = 2\ninf = 3\nnan = nan\n1979-05-27 = 4\n0x1 = 5\n-1 = 6\n",
        "a=1\nb.c=2\n[t]\nd  =  \"x\"\n",
        "a = 1#c\nb = true#c\nc = [1,2]#c\nd = {e=1}#c\nf = 'x'#c\ng = 1979-05-27#c\n",
        "\"\\u00e9\" = 1\n\"\\\"\" = 2\n",
        // Strings.
        "s = \"tab\\tnew\\nret\\rform\\fback\\bquote\\\"slash\\\\\"\n",
        "s = \"\\u00E9\\U0001F600\\u0000\\u007F\\U0010FFFF\"\n",
        "s = \"tab\there\"\n",
        "s = \"\\u00e9 is é\"\n",
        "s = \"\"\"\nRoses are red\nViolets are blue\"\"\"\n",
        "s = \"\"\"\n\nstarts with an empty line\"\"\"\n",
        "s = \"\"\"The quick brown \\\n\n\n  fox jumps over \\\n    the lazy dog.\"\"\"\n",
        "s = \"\"\"\\\n       The quick brown \\\n       fox jumps over \\\n       the lazy dog.\\\n       \"\"\"\n",
        "s = \"\"\"trailing space after backslash \\   \n   next\"\"\"\n",
        "s = \"\"\"Here are two quotation marks: \"\". Simple enough.\"\"\"\n",
        "s = \"\"\"Here are three quotation marks: \"\"\\\".\"\"\"\n",
        "s = \"\"\"Here are fifteen quotation marks: \\\"\"\"\\\"\"\"\\\"\"\"\\\"\"\"\\\"\"\".\"\"\"\n",
        "s = \"\"\"\"This,\" she said, \"is just a pointless statement.\"\"\"\"\n",
        "s = \"\"\"\"\"\"\n",
        "s = \"\"\"a\"\"\"\"\"\n",
        "s = \"\"\"\n\"\"\"\n",
        "s = \"\"\"tab\there, é\"\"\"\n",
        "winpath = 'C:\\Users\\nodejs\\templates'\nwinpath2 = '\\\\ServerX\\admin$\\system32\\'\nquoted = 'Tom \"Dubs\" Preston-Werner'\nregex = '<\\i\\c*\\s*>'\n",
        "s = 'tab\there'\n",
        "regex2 = '''I [dw]on't need \\d{2} apples'''\nlines = '''\nThe first newline is\ntrimmed in raw strings.\n   All other whitespace\n   is preserved.\n'''\n",
        "quot15 = '''Here are fifteen quotation marks: \"\"\"\"\"\"\"\"\"\"\"\"\"\"\"'''\napos15 = \"Here are fifteen apostrophes: '''''''''''''''\"\nstr = ''''That,' she said, 'is still pointless.''''\n",
        "s = ''''''\n",
        "s = \"\"\"\\\n\"\"\"\n",
        "s = \"\"\"\\\n   \n\t\n  x\"\"\"\n",
        "s = '''a\\\n   b'''\n",
        "crlf = \"\"\"\r\na\r\nb\"\"\"\r\nnext = 1\r\n",
        "crlf = '''\r\na\r\nb'''\r\n# comment\r\n[t]\r\nx = 1\r\n",
        "s = \"\"\"line \\\r\n   joined\"\"\"\r\n",
        "c1 = \"\u{85}\u{9F}\"\n# \u{85} in a comment\n",
        // Integers.
        "int1 = +99\nint2 = 42\nint3 = 0\nint4 = -17\n",
        "int5 = 1_000\nint6 = 5_349_221\nint7 = 53_49_221\nint8 = 1_2_3_4_5\n",
        "hex1 = 0xDEADBEEF\nhex2 = 0xdeadbeef\nhex3 = 0xdead_beef\noct1 = 0o01234567\noct2 = 0o755\nbin1 = 0b11010110\n",
        "max = 9223372036854775807\nmin = -9223372036854775808\nhexmax = 0x7FFFFFFFFFFFFFFF\n",
        "bin = 0b1_0\noct = 0o7_7\nbig = 1_000_000_000_000\n",
        "zero = +0\nnegzero = -0\nhexzero = 0x0\noctzero = 0o0\nbinzero = 0b0\nleading = 0x00FF\n",
        // Floats.
        "flt1 = +1.0\nflt2 = 3.1415\nflt3 = -0.01\nflt4 = 5e+22\nflt5 = 1e06\nflt6 = -2E-2\nflt7 = 6.626e-34\n",
        "flt8 = 224_617.445_991_228\nflt9 = 1e1_0\n",
        "sf1 = inf\nsf2 = +inf\nsf3 = -inf\nsf4 = nan\nsf5 = +nan\nsf6 = -nan\n",
        "zero = 0.0\nnegzero = -0.0\nposzero = +0.0\nexp0 = 0e0\nexp00 = 0E+00\n",
        "big = 1e400\ntiny = 1e-400\nsub = 5e-324\nround = 0.1\nmany = 3.141592653589793238462643383279\n",
        "f = 1.7976931348623157e308\ng = 2.2250738585072014e-308\n",
        // Booleans, dates and times.
        "bool1 = true\nbool2 = false\n",
        "odt1 = 1979-05-27T07:32:00Z\nodt2 = 1979-05-27T00:32:00-07:00\nodt3 = 1979-05-27T00:32:00.999999-07:00\nodt4 = 1979-05-27 07:32:00Z\n",
        "ldt1 = 1979-05-27T07:32:00\nldt2 = 1979-05-27T00:32:00.999999\nlower = 1979-05-27t07:32:00z\n",
        "ld1 = 1979-05-27\nlt1 = 07:32:00\nlt2 = 00:32:00.999999\n",
        "frac = 1979-05-27T00:32:00.5+05:30\nlong = 1979-05-27T00:32:00.123456789123Z\nshort = 23:59:59.1\n",
        "leap = 2000-02-29\nleap2 = 2024-02-29T12:00:00\nend = 1999-12-31T23:59:59-23:59\n",
        "d = 1979-05-27 # date then a comment\nt = 1979-05-27 07:32:00 # space separated\n",
        "a = [1979-05-27, 07:32:00, 1979-05-27T07:32:00Z]\n",
        "a = 07:32:00.000001\nb = 1979-05-27T07:32:00.999999999999999Z\nc = 1979-05-27T07:32:00.0000001\n",
        "a = -0e0\nb = 0.0e0\nc = 1E5\nd = 9_9.9_9e9_9\n",
        // Arrays.
        "integers = [ 1, 2, 3 ]\ncolors = [ \"red\", \"yellow\", \"green\" ]\nnested_arrays_of_ints = [ [ 1, 2 ], [3, 4, 5] ]\nnested_mixed_array = [ [ 1, 2 ], [\"a\", \"b\", \"c\"] ]\nstring_array = [ \"all\", 'strings', \"\"\"are the same\"\"\", '''type''' ]\n",
        "numbers = [ 0.1, 0.2, 0.5, 1, 2, 5 ]\ncontributors = [\n  \"Foo Bar <foo@example.com>\",\n  { name = \"Baz Qux\", email = \"bazqux@example.com\", url = \"https://example.com/bazqux\" }\n]\n",
        "integers2 = [\n  1, 2, 3\n]\nintegers3 = [\n  1,\n  2, # this is ok\n]\n",
        "empty = []\nspaces = [ ]\nlines = [\n\n]\ncomment = [ # nothing\n]\n",
        "a = [\n  # comment\n  1 # one\n  , # comma on its own line\n  2,\n  # trailing\n]\n",
        "a = [[[]]]\nb = [[], [[]], {}]\n",
        "a = [\"\"\"multi\nline\"\"\", '''raw\nline''']\n",
        // Inline tables.
        "name = { first = \"Tom\", last = \"Preston-Werner\" }\npoint = { x = 1, y = 2 }\nanimal = { type.name = \"pug\" }\n",
        "empty = {}\nspaced = {   }\nnested = { a = { b = { c = 1 } }, d = [ { e = 2 } ] }\n",
        "t = { a.b = 1, a.c = 2, d = [1,\n2] }\n",
        "t = { s = \"\"\"multi\nline\"\"\" }\n",
        // Tables.
        "[table-1]\nkey1 = \"some string\"\nkey2 = 123\n\n[table-2]\nkey1 = \"another string\"\nkey2 = 456\n",
        "[dog.\"tater.man\"]\ntype.name = \"pug\"\n",
        "[a.b.c]\n[ d.e.f ]\n[ g .  h  . i ]\n[ j . \"ʞ\" . 'l' ]\n",
        "[x.y.z.w]\n[x]\n",
        "[fruit]\napple.color = \"red\"\napple.taste.sweet = true\n\n[fruit.apple.texture]\nsmooth = true\n",
        "[product]\ntype = { name = \"Nail\" }\n",
        "# top\n[a]\n[b] # comment\n[ c ]\t# tab\n",
        "[a.b.c]\nz = 9\n[a]\nb.d = 1\n",
        "x.y = 1\n[x.z]\nw = 2\n",
        "[\"\"]\nx = 1\n[''.y]\nz = 2\n",
        // Arrays of tables.
        "[[products]]\nname = \"Hammer\"\nsku = 738594937\n\n[[products]]  # empty table within the array\n\n[[products]]\nname = \"Nail\"\nsku = 284758393\n\ncolor = \"gray\"\n",
        "[[fruits]]\nname = \"apple\"\n\n[fruits.physical]  # subtable\ncolor = \"red\"\nshape = \"round\"\n\n[[fruits.varieties]]  # nested array of tables\nname = \"red delicious\"\n\n[[fruits.varieties]]\nname = \"granny smith\"\n\n\n[[fruits]]\nname = \"banana\"\n\n[[fruits.varieties]]\nname = \"plantain\"\n",
        "points = [ { x = 1, y = 2, z = 3 },\n           { x = 7, y = 8, z = 9 },\n           { x = 2, y = 4, z = 8 } ]\n",
        "[[a]]\n[a.b]\nc = 1\n[[a]]\n[a.b]\nc = 2\n",
        "[[a.b]]\nx = 1\n[a]\ny = 2\n",
        "[[a]]\n[a.b.c]\nd = 1\n",
        "[a]\nb.c = 1\n[a.b.d]\ne = 2\n",
        "a.b = 1\n[a.c]\n[a.c.d]\n",
        // Line endings, BOM-free whitespace.
        "a = 1\r\nb = [\r\n  2,\r\n]\r\n[t]\r\nc = 'x' # c\r\n",
        "a = 1",
        "a = 1 # no final newline",
        "\ta\t=\t1\t\n  [  t  ]  \n  b = 2\n",
    ]

    static let invalid: [String] = [
        // Keys.
        "= 1\n",
        "key = \n",
        "key\n",
        "first = \"Tom\" last = \"Preston-Werner\"\n",
        "a b = 1\n",
        "a. = 1\n",
        ".a = 1\n",
        "a..b = 1\n",
        "\"\"\"key\"\"\" = 1\n",
        "'''key''' = 1\n",
        "ke\u{E9}y = 1\n",
        "name = \"Tom\"\nname = \"Pradyun\"\n",
        "spelling = \"favorite\"\n\"spelling\" = \"favourite\"\n",
        "fruit.apple = 1\nfruit.apple.smooth = true\n",
        "a = 1\na.b = 2\n",
        "a.b = 1\na = 2\n",
        "\"a\nb\" = 1\n",
        // Strings.
        "s = \"unterminated\n",
        "s = \"a\nb\"\n",
        "s = 'unterminated\n",
        "s = \"\"\"unterminated\n",
        "s = '''unterminated\n",
        "s = \"bad escape \\x41\"\n",
        "s = \"bad escape \\a\"\n",
        "s = \"escape \\e is TOML 1.1\"\n",
        "s = \"short \\u12\"\n",
        "s = \"surrogate \\uD800\"\n",
        "s = \"too large \\U00110000\"\n",
        "s = \"control \u{01} char\"\n",
        "s = \"delete \u{7F} char\"\n",
        "s = 'control \u{01} char'\n",
        "s = \"\"\"control \u{01} char\"\"\"\n",
        "s = '''delete \u{7F} char'''\n",
        "s = \"lone \r carriage return\"\n",
        "s = \"\"\"lone \r carriage return\"\"\"\n",
        "s = \"\"\"a\"\"\"\"\"\"\n",
        "s = '''a''''''\n",
        "s = \"\"\"space after backslash \\ x\"\"\"\n",
        "s = \"backslash at end of line \\\n\"\n",
        "s = \"a\" \"b\"\n",
        "s = \"\\ \"\n",
        "s = 'it''s'\n",
        "s = \"\"\"\\\"\n",
        // Comments and whitespace.
        "# control \u{01} in a comment\n",
        "a = 1 # delete \u{7F} in a comment\n",
        "# lone \r carriage return\n",
        "a = 1\rb = 2\n",
        "a = \u{3000}1\n",
        // Integers.
        "a = 01\n",
        "a = 0_1\n",
        "a = +01\n",
        "a = 1__000\n",
        "a = _1000\n",
        "a = 1000_\n",
        "a = +0x1\n",
        "a = -0o7\n",
        "a = 0X1F\n",
        "a = 0xG\n",
        "a = 0o8\n",
        "a = 0b2\n",
        "a = 0x\n",
        "a = 0x_1\n",
        "a = 1_\n",
        "a = ++1\n",
        "a = 1-2\n",
        // Floats.
        "a = .7\n",
        "a = 7.\n",
        "a = 3.e+20\n",
        "a = 1e\n",
        "a = 1e+\n",
        "a = 01.5\n",
        "a = 1._5\n",
        "a = 1.5_\n",
        "a = 1e_5\n",
        "a = 1.2.3\n",
        "a = infinity\n",
        "a = Inf\n",
        "a = NaN\n",
        "a = +-1.0\n",
        // Booleans.
        "a = True\n",
        "a = truee\n",
        "a = yes\n",
        // Dates and times.
        "a = 1979-13-01\n",
        "a = 1979-02-29\n",
        "a = 1900-02-29\n",
        "a = 1979-04-31\n",
        "a = 1979-00-10\n",
        "a = 1979-01-00\n",
        "a = 1979-1-01\n",
        "a = 79-01-01\n",
        "a = 1979-05-27T24:00:00\n",
        "a = 1979-05-27T07:60:00\n",
        "a = 1979-05-27T07:32:60\n",
        "a = 1979-05-27T07:32\n",
        "a = 07:32\n",
        "a = 7:32:00\n",
        "a = 1979-05-27T07:32:00.\n",
        "a = 1979-05-27T07:32:00+24:00\n",
        "a = 1979-05-27T07:32:00+05\n",
        "a = 1979-05-27T\n",
        "a = 1979-05-27X07:32:00\n",
        "a = 1979-05-27T07:32:00Zx\n",
        // Arrays.
        "a = [1, 2\n",
        "a = [1 2]\n",
        "a = [,]\n",
        "a = [1,,2]\n",
        "a = [1,\n",
        "a = [\n",
        "a = ]\n",
        // Inline tables.
        "a = { b = 1, }\n",
        "a = { b = 1\n}\n",
        "a = {\nb = 1 }\n",
        "a = { b = 1 # comment\n}\n",
        "a = { b = 1, b = 2 }\n",
        "a = { b = 1 c = 2 }\n",
        "a = { , }\n",
        "a = { b.c = 1, b = 2 }\n",
        "a = { b = { c = 1 }, b.d = 2 }\n",
        "a = {\n",
        "[product]\ntype = { name = \"Nail\" }\ntype.edible = false\n",
        "[product]\ntype.name = \"Nail\"\ntype = { edible = false }\n",
        "a = { b = 1 }\n[a]\nc = 2\n",
        "a = { b = 1 }\n[a.c]\n",
        "a = { b = 1 }\n[[a.c]]\n",
        // Tables.
        "[]\n",
        "[a\n",
        "[a]]\n",
        "[a] b = 1\n",
        "[a.]\n",
        "[fruit]\napple = \"red\"\n\n[fruit]\norange = \"orange\"\n",
        "[fruit]\napple = \"red\"\n\n[fruit.apple]\ntexture = \"smooth\"\n",
        "[fruit]\napple.color = \"red\"\napple.taste.sweet = true\n\n[fruit.apple]\n",
        "[fruit]\napple.color = \"red\"\napple.taste.sweet = true\n\n[fruit.apple.taste]\n",
        "[a.b.c]\nz = 9\n[a]\nb.c.t = 1\n",
        "[a.b.c.d]\nz = 9\n[a]\nb.c.d.k.t = 1\n",
        "[a.b]\n[a]\nb.c = 1\n",
        "a.b = 1\n[a]\n",
        "a.b.c = 1\n[a.b]\n",
        "[a]\nb = 1\n[a.b]\n",
        "[a]\nb = 1\n[a.b.c]\n",
        "[a]\n[\"a\"]\n",
        "[ [a]]\n",
        "[[a] ]\n",
        "[[a]\n",
        "[ [ 'x' ] ]\n",
        "[a]\nx = 1\n[a]\n",
        // Arrays of tables.
        "fruits = []\n[[fruits]]\n",
        "fruits = [{ a = 1 }]\n[[fruits]]\n",
        "[[fruits]]\nname = \"apple\"\n\n[[fruits.varieties]]\nname = \"red delicious\"\n\n[fruits.varieties]\nname = \"granny smith\"\n",
        "[fruit.physical]\ncolor = \"red\"\n\n[[fruit]]\nname = \"apple\"\n",
        "[[a]]\n[a]\n",
        "[a]\n[[a]]\n",
        "a.b = 1\n[[a]]\n",
        "[[a.b]]\n[a]\nb.c = 1\n",
        "a = [1]\n[a.b]\n",
        "a = 1\n[a.b]\n",
        "a = 1\n[[a.b]]\n",
        "a = [{ b = 1 }]\n[a.c]\n",
        "a = [{ b = 1 }]\n[[a.c]]\n",
        "[[a]]\n[a.b]\n[a.b]\n",
    ]
}

/// Runs Python's `tomllib` over documents and compares its reading with ``TOMLTable``'s.
enum TOMLOracle {
    /// Reads a JSON array of documents on stdin; writes, for each, `{"document": …}` or `{"error": …}`.
    /// A value is `{"table": {…}}`, `{"array": […]}` or `[type, text]`, a float by its bit pattern.
    static let script = """
        import datetime, json, math, struct, sys
        try:
            import tomllib
        except ImportError:
            sys.exit(3)
        def canonical(value):
            if isinstance(value, dict): return {"table": {key: canonical(item) for key, item in value.items()}}
            if isinstance(value, list): return {"array": [canonical(item) for item in value]}
            if isinstance(value, bool): return ["boolean", "true" if value else "false"]
            if isinstance(value, int): return ["integer", str(value)]
            if isinstance(value, float):
                return ["float", "nan" if math.isnan(value) else str(struct.unpack("<q", struct.pack("<d", value))[0])]
            if isinstance(value, str): return ["string", value]
            if isinstance(value, datetime.datetime):
                return ["offset date-time" if value.tzinfo else "local date-time", value.isoformat()]
            if isinstance(value, datetime.date): return ["local date", value.isoformat()]
            if isinstance(value, datetime.time): return ["local time", value.isoformat()]
            raise TypeError(type(value))
        answers = []
        for document in json.loads(sys.stdin.buffer.read().decode("utf-8")):
            try:
                answers.append({"document": canonical(tomllib.loads(document))})
            except tomllib.TOMLDecodeError as error:
                answers.append({"error": str(error)})
        sys.stdout.write(json.dumps(answers))
        """

    static let isAvailable: Bool = (try? run(["a = 1"])) != nil

    /// A value in the form both sides are compared in.
    indirect enum Canonical: Equatable, Decodable, CustomStringConvertible {
        case leaf(String, String)
        case array([Canonical])
        case table([String: Canonical])

        private enum Key: CodingKey { case array, table }

        init(from decoder: any Decoder) throws {
            if let leaf = try? decoder.singleValueContainer().decode([String].self), leaf.count == 2 {
                self = .leaf(leaf[0], leaf[1])
                return
            }
            let container = try decoder.container(keyedBy: Key.self)
            if let elements = try container.decodeIfPresent([Canonical].self, forKey: .array) {
                self = .array(elements)
            } else {
                self = .table(try container.decode([String: Canonical].self, forKey: .table))
            }
        }

        init(_ value: TOMLValue) {
            switch value {
            case .string(let string): self = .leaf("string", string)
            case .integer(let integer): self = .leaf("integer", String(integer))
            case .float(let float): self = .leaf("float", float.isNaN ? "nan" : String(Int64(bitPattern: float.bitPattern)))
            case .boolean(let boolean): self = .leaf("boolean", String(boolean))
            case .offsetDateTime(let date, let time, let minutes):
                let sign = minutes < 0 ? "-" : "+"
                let offset = sign + Self.digits(abs(minutes) / 60) + ":" + Self.digits(abs(minutes) % 60)
                self = .leaf("offset date-time", "\(date)T\(Self.isoformat(time))\(offset)")
            case .localDateTime(let date, let time): self = .leaf("local date-time", "\(date)T\(Self.isoformat(time))")
            case .localDate(let date): self = .leaf("local date", date.description)
            case .localTime(let time): self = .leaf("local time", Self.isoformat(time))
            case .array(let elements): self = .array(elements.map(Canonical.init))
            case .table(let table): self = .table(Dictionary(uniqueKeysWithValues: table.keys.map { ($0, Canonical(table[$0]!)) }))
            }
        }

        /// Python's `time.isoformat()`: microseconds (truncated) only when not zero.
        private static func isoformat(_ time: TOMLTime) -> String {
            let seconds = "\(digits(time.hour)):\(digits(time.minute)):\(digits(time.second))"
            let microseconds = time.nanosecond / 1000
            guard microseconds > 0 else { return seconds }
            let fraction = String(microseconds)
            return seconds + "." + String(repeating: "0", count: 6 - fraction.count) + fraction
        }

        private static func digits(_ number: Int) -> String {
            number < 10 ? "0\(number)" : String(number)
        }

        var description: String {
            switch self {
            case .leaf(let type, let text): "\(type) \(text.debugDescription)"
            case .array(let elements): "[" + elements.map(\.description).joined(separator: ", ") + "]"
            case .table(let table): "{" + table.keys.sorted().map { "\($0.debugDescription): \(table[$0]!)" }.joined(separator: ", ") + "}"
            }
        }
    }

    private struct Answer: Decodable {
        let document: Canonical?
        let error: String?
    }

    /// Checks that the parser and `tomllib` agree on each document: both refuse it, or both read
    /// the same values. With `expectingErrors`, also that the agreement is the one expected.
    static func compare(_ documents: [String], expectingErrors: Bool? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let answers = try run(documents)
        try #require(answers.count == documents.count, sourceLocation: sourceLocation)
        for (document, answer) in zip(documents, answers) {
            let ours = Result { () throws(TOMLParseError) in try TOMLTable(parsing: document) }
            switch (ours, answer.document) {
            case (.success(let table), let expected?):
                #expect(Canonical(.table(table)) == expected, "\(document.debugDescription)", sourceLocation: sourceLocation)
            case (.failure, nil):
                break
            case (.success(let table), nil):
                Issue.record("tomllib refuses (\(answer.error ?? "")) what we read as \(TOMLValue.table(table)): \(document.debugDescription)",
                             sourceLocation: sourceLocation)
            case (.failure(let error), .some):
                Issue.record("we refuse (\(error)) what tomllib reads: \(document.debugDescription)", sourceLocation: sourceLocation)
            }
            if let expectingErrors, answer.error != nil, !expectingErrors {
                Issue.record("expected a valid document: \(document.debugDescription)", sourceLocation: sourceLocation)
            } else if let expectingErrors, answer.error == nil, expectingErrors {
                Issue.record("expected an invalid document: \(document.debugDescription)", sourceLocation: sourceLocation)
            }
        }
    }

    private static func run(_ documents: [String]) throws -> [Answer] {
        let runner = ProcessCommandRunner(path: ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin")
        let input = String(decoding: try JSONEncoder().encode(documents), as: UTF8.self)
        let result = try runner.run(ExternalCommand("python3", ["-c", script], input: input))
        guard result.succeeded else { throw OracleUnavailable(result: result) }
        return try JSONDecoder().decode([Answer].self, from: Data(result.output.utf8))
    }

    struct OracleUnavailable: Error {
        let result: CommandResult
    }
}
