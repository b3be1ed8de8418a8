import DossierSettings
import Testing

/// The TOML 1.0 parser on the specification's examples: the values read, the lines recorded, and
/// the errors with their positions. `TOMLOracleTests` compares it with Python's `tomllib` as well.
@Suite("TOML parser")
struct TOMLParserTests {
    private func parse(_ text: String) throws -> TOMLTable {
        try TOMLTable(parsing: text)
    }

    private func parseError(_ text: String) throws -> TOMLParseError {
        try #require(throws: TOMLParseError.self) { try TOMLTable(parsing: text) }
    }

    @Test("comments, bare, quoted and dotted keys")
    func keys() throws {
        let document = try parse(
            """
            # This is a full-line comment
            key = "value"  # This is a comment at the end of a line
            bare_key = 1
            bare-key = 2
            1234 = 3
            "127.0.0.1" = 4
            "ʎǝʞ" = 5
            'quoted "value"' = 6
            "" = 7
            physical.color = "orange"
            site."google.com" = true
            fruit . flavor = "banana"
            3.14159 = "pi"
            """)
        #expect(document.keys == ["key", "bare_key", "bare-key", "1234", "127.0.0.1", "ʎǝʞ", "quoted \"value\"", "", "physical", "site", "fruit", "3"])
        #expect(document == [
            "key": .string("value"), "bare_key": .integer(1), "bare-key": .integer(2), "1234": .integer(3),
            "127.0.0.1": .integer(4), "ʎǝʞ": .integer(5), "quoted \"value\"": .integer(6), "": .integer(7),
            "physical": .table(["color": .string("orange")]), "site": .table(["google.com": .boolean(true)]),
            "fruit": .table(["flavor": .string("banana")]), "3": .table(["14159": .string("pi")]),
        ])
    }

    @Test("basic strings with every escape; literal strings as written")
    func strings() throws {
        let document = try parse(
            #"""
            str = "I'm a string. \"You can quote me\". Name\tJos\u00E9\nLocation\tSF."
            escapes = "\b\t\n\f\r\"\\\u0041\U0001F600"
            winpath = 'C:\Users\nodejs\templates'
            regex = '<\i\c*\s*>'
            tab = "a	b"
            """#)
        #expect(document["str"] == .string("I'm a string. \"You can quote me\". Name\tJosé\nLocation\tSF."))
        #expect(document["escapes"] == .string("\u{08}\t\n\u{0C}\r\"\\A😀"))
        #expect(document["winpath"] == .string(#"C:\Users\nodejs\templates"#))
        #expect(document["regex"] == .string(#"<\i\c*\s*>"#))
        #expect(document["tab"] == .string("a\tb"))
    }

    @Test("multi-line strings: first newline dropped, line-ending backslashes, quotes before the end")
    func multilineStrings() throws {
        let document = try parse(
            #"""
            str1 = """
            Roses are red
            Violets are blue"""
            str2 = """
            The quick brown \


              fox jumps over \
                the lazy dog."""
            str3 = """Here are three quotation marks: ""\"."""
            str4 = """"This," she said, "is just a pointless statement.""""
            lines = '''
            The first newline is
            trimmed in raw strings.
               All other whitespace
               is preserved.
            '''
            apos = ''''That,' she said, 'is still pointless.''''
            """#)
        #expect(document["str1"] == .string("Roses are red\nViolets are blue"))
        #expect(document["str2"] == .string("The quick brown fox jumps over the lazy dog."))
        #expect(document["str3"] == .string(#"Here are three quotation marks: """."#))
        #expect(document["str4"] == .string(#""This," she said, "is just a pointless statement.""#))
        #expect(document["lines"] == .string("The first newline is\ntrimmed in raw strings.\n   All other whitespace\n   is preserved.\n"))
        #expect(document["apos"] == .string("'That,' she said, 'is still pointless.'"))
    }

    @Test("CRLF line endings read as LF, in multi-line strings too; a byte order mark is skipped")
    func lineEndings() throws {
        let document = try parse("\u{FEFF}a = \"\"\"\r\none\r\ntwo\"\"\"\r\nb = 1\r\n")
        #expect(document == ["a": .string("one\ntwo"), "b": .integer(1)])
        #expect(document.line(of: "b") == 4)
    }

    @Test("integers: decimal with underscores and signs, hexadecimal, octal, binary, the 64-bit limits")
    func integers() throws {
        let document = try parse(
            """
            int1 = +99
            int2 = -17
            int3 = 5_349_221
            hex = 0xdead_BEEF
            oct = 0o755
            bin = 0b11010110
            max = 9223372036854775807
            min = -9223372036854775808
            zero = -0
            """)
        #expect(document == [
            "int1": .integer(99), "int2": .integer(-17), "int3": .integer(5_349_221), "hex": .integer(0xDEAD_BEEF),
            "oct": .integer(0o755), "bin": .integer(0b1101_0110), "max": .integer(.max), "min": .integer(.min), "zero": .integer(0),
        ])
    }

    @Test("floats: fraction, exponent, underscores, signed infinities and NaN")
    func floats() throws {
        let document = try parse(
            """
            flt1 = +1.0
            flt2 = -0.01
            flt3 = 5e+22
            flt4 = 1e06
            flt5 = -2E-2
            flt6 = 6.626e-34
            flt7 = 224_617.445_991_228
            sf1 = inf
            sf2 = -inf
            sf3 = +nan
            sf4 = -nan
            """)
        #expect(document["flt1"] == .float(1))
        #expect(document["flt2"] == .float(-0.01))
        #expect(document["flt3"] == .float(5e22))
        #expect(document["flt4"] == .float(1e6))
        #expect(document["flt5"] == .float(-0.02))
        #expect(document["flt6"] == .float(6.626e-34))
        #expect(document["flt7"] == .float(224_617.445_991_228))
        #expect(document["sf1"] == .float(.infinity))
        #expect(document["sf2"] == .float(-.infinity))
        #expect(document["sf3"]?.numberValue?.isNaN == true)
        #expect(document["sf4"]?.numberValue?.isNaN == true)
    }

    @Test("booleans, offset and local date-times, dates and times")
    func datesAndTimes() throws {
        let document = try parse(
            """
            bool = false
            odt1 = 1979-05-27T07:32:00Z
            odt2 = 1979-05-27T00:32:00.999999-07:00
            odt3 = 1979-05-27 07:32:00+05:30
            ldt = 1979-05-27t07:32:00.123456789999
            ld = 2000-02-29
            lt = 00:32:00.5
            """)
        let date = try #require(TOMLDate(year: 1979, month: 5, day: 27))
        #expect(document["bool"] == .boolean(false))
        #expect(document["odt1"] == .offsetDateTime(date, try #require(TOMLTime(hour: 7, minute: 32, second: 0)), offsetMinutes: 0))
        #expect(document["odt2"] == .offsetDateTime(date, try #require(TOMLTime(hour: 0, minute: 32, second: 0, nanosecond: 999_999_000)), offsetMinutes: -420))
        #expect(document["odt3"]?.description == "1979-05-27T07:32:00+05:30")
        #expect(document["ldt"] == .localDateTime(date, try #require(TOMLTime(hour: 7, minute: 32, second: 0, nanosecond: 123_456_789))))
        #expect(document["ld"] == .localDate(try #require(TOMLDate(year: 2000, month: 2, day: 29))))
        #expect(document["lt"]?.description == "00:32:00.5")
        #expect(document["odt2"]?.summary == "date-time 1979-05-27T00:32:00.999999-07:00")
    }

    @Test("arrays: mixed types, nested, across lines with comments and a trailing comma")
    func arrays() throws {
        let document = try parse(
            """
            nested_mixed_array = [ [ 1, 2 ], ["a", "b", "c"] ]
            string_array = [ "all", 'strings', \"""are the same\""", '''type''' ]
            numbers = [ 0.1, 0.2, 0.5, 1, 2, 5 ]
            contributors = [
              "Foo Bar <foo@example.com>", # a comment
              { name = "Baz Qux", email = "bazqux@example.com" },
            ]
            empty = [ ]
            """)
        #expect(document["nested_mixed_array"] == .array([.array([.integer(1), .integer(2)]), .array([.string("a"), .string("b"), .string("c")])]))
        #expect(document["string_array"] == .array(["all", "strings", "are the same", "type"].map(TOMLValue.string)))
        #expect(document["numbers"] == .array([.float(0.1), .float(0.2), .float(0.5), .integer(1), .integer(2), .integer(5)]))
        #expect(document["contributors"] == .array([
            .string("Foo Bar <foo@example.com>"), .table(["name": .string("Baz Qux"), "email": .string("bazqux@example.com")]),
        ]))
        #expect(document["empty"] == .array([]))
    }

    @Test("tables, inline tables, super-tables defined later, and arrays of tables")
    func tables() throws {
        let document = try parse(
            """
            [dog."tater.man"]
            type.name = "pug"

            [x.y.z.w]
            [x]
            a = 1

            [fruit]
            apple.color = "red"
            [fruit.apple.texture]
            smooth = true

            [[products]]
            name = "Hammer"
            [[products]]
            [[products]]
            name = "Nail"
            point = { x = 1, y = 2 }

            [[fruits]]
            name = "apple"
            [fruits.physical]
            color = "red"
            [[fruits.varieties]]
            name = "red delicious"
            [[fruits]]
            name = "banana"
            """)
        #expect(document["dog"] == .table(["tater.man": .table(["type": .table(["name": .string("pug")])])]))
        #expect(document["x"] == .table(["y": .table(["z": .table(["w": .table([:])])]), "a": .integer(1)]))
        #expect(document["fruit"] == .table(["apple": .table(["color": .string("red"), "texture": .table(["smooth": .boolean(true)])])]))
        #expect(document["products"] == .array([
            .table(["name": .string("Hammer")]), .table([:]),
            .table(["name": .string("Nail"), "point": .table(["x": .integer(1), "y": .integer(2)])]),
        ]))
        #expect(document["fruits"] == .array([
            .table(["name": .string("apple"), "physical": .table(["color": .string("red")]),
                    "varieties": .array([.table(["name": .string("red delicious")])])]),
            .table(["name": .string("banana")]),
        ]))
    }

    @Test("every key records the line it was first written on; tables the line that opened them")
    func lines() throws {
        let document = try parse(
            """
            title = "x"
            [network]
            retries = 3
            extra.nested = 1

            text = \"""
            multi
            line\"""
            after = [
              1,
            ]
            [[rewrite]]
            from = "a"
            [[rewrite]]
            inline = { a = 1, b = [2,
              { c = 3 }] }
            """)
        #expect(document.line(of: "title") == 1)
        #expect(document.line(of: "network") == 2)
        let network = try #require(document["network"]?.tableValue)
        #expect(network.line == 2)
        #expect(network.line(of: "retries") == 3)
        #expect(network.line(of: "extra") == 4)
        #expect(network.line(of: "text") == 6)
        #expect(network.line(of: "after") == 9)
        #expect(document.line(of: "rewrite") == 12)
        let rewrites = try #require(document["rewrite"]?.arrayValue)
        #expect(rewrites.map { $0.tableValue?.line } == [12, 14])
        let inline = try #require(rewrites[1].tableValue?["inline"]?.tableValue)
        #expect(inline.line == 15)
        #expect(inline.line(of: "b") == 15)
        #expect(inline["b"]?.arrayValue?.last?.tableValue?.line == 16)
        #expect(document.line(of: "missing") == nil)
    }

    @Test("descriptions name the type and show the value as TOML writes it")
    func descriptions() throws {
        let document = try parse(#"s = "a\"b\r\n" "# + "\ni = 3\nf = 1.5\nn = -nan\nb = true\na = [1, 'x']\nt = { k = 1, \"a b\" = {} }\n")
        #expect(document["s"]?.summary == #"string "a\"b\r\n""#)
        #expect(document["i"]?.summary == "integer 3")
        #expect(document["f"]?.summary == "floating-point number 1.5")
        #expect(document["n"]?.summary == "floating-point number nan")
        #expect(document["b"]?.summary == "boolean true")
        #expect(document["a"]?.summary == "array")
        #expect(document["a"]?.description == #"[1, "x"]"#)
        #expect(document["t"]?.summary == "table")
        #expect(document["t"]?.description == #"{ k = 1, "a b" = {} }"#)
    }

    @Test(
        "syntax errors name their line and column",
        arguments: [
            ("a = 1\nb = = 2\n", 2, 5, "expected a value, found `=`"),
            ("a = 1\nb = \"open\nc = 2\n", 2, 5, "the string opened here is not closed on its line"),
            ("s = '''\nopen\n", 1, 5, "the multi-line string opened here is not closed"),
            ("s = \"bad \\x escape\"\n", 1, 10, "invalid escape \\x; the escapes are \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX \\UXXXXXXXX"),
            ("s = \"\\uD800\"\n", 1, 6, "\\uD800 is not a Unicode scalar value"),
            ("s = \"a\u{01}b\"\n", 1, 7, "the control character U+0001 is not allowed in a string"),
            ("# a\u{7F}\n", 1, 4, "the control character U+007F is not allowed in a comment"),
            ("a = 1\rb = 2\n", 1, 6, "expected the end of the line, found U+000D (a carriage return without a line feed)"),
            ("a = 01\n", 1, 5, "`01`: a decimal number cannot have leading zeros"),
            ("a = 9223372036854775808\n", 1, 5, "`9223372036854775808` does not fit in a 64-bit integer"),
            ("a = -9223372036854775809\n", 1, 5, "`-9223372036854775809` does not fit in a 64-bit integer"),
            ("a = 0x8000000000000000\n", 1, 5, "`0x8000000000000000` does not fit in a 64-bit integer"),
            ("a = -0x1\n", 1, 5, "`-0x1`: only a decimal integer may have a sign"),
            ("a = 1__0\n", 1, 5, "`1__0` is not a valid number"),
            ("a = yes\n", 1, 5, "expected a value, found `yes` (a string needs quotes)"),
            ("a = 1979-02-29\n", 1, 5, "1979-02-29 is not a valid date"),
            ("a = 07:60:00\n", 1, 5, "07:60:00 is not a valid time"),
            ("a = [1, 2\n\n", 3, 1, "the array opened on line 1 is not closed"),
            ("a = { b = 1, }\n", 1, 14, "an inline table cannot end with a comma"),
            ("a = { b = 1\n}\n", 1, 12, "an inline table must close on the line it opens (or within a value on it)"),
            ("[a\n", 1, 3, "expected `]` to close the table header, found the end of the line"),
            ("a b = 1\n", 1, 3, "expected `=` after the key a, found `b`"),
            ("[a] x = 1\n", 1, 5, "expected the end of the line, found `x`"),
            ("a = " + String(repeating: "[", count: 101), 1, 105, "arrays and inline tables nest more than 100 deep"),
        ])
    func syntaxErrors(text: String, line: Int, column: Int, message: String) throws {
        #expect(try parseError(text) == TOMLParseError(line: line, column: column, message: message))
    }

    @Test(
        "redefinitions are errors at the key that redefines, naming the first line",
        arguments: [
            ("name = \"Tom\"\nname = \"Pradyun\"\n", 2, "name is defined twice (first on line 1)"),
            ("[fruit]\napple = 1\n\"apple\" = 2\n", 3, "fruit.apple is defined twice (first on line 2)"),
            ("a = 1\na.b = 2\n", 2, "a is a value of type integer (line 1), not a table"),
            ("[fruit]\napple = \"red\"\n\n[fruit]\n", 4, "table [fruit] is already defined on line 1"),
            ("[fruit]\napple.color = \"red\"\n\n[fruit.apple]\n", 4, "table [fruit.apple] is already defined by dotted keys on line 2"),
            ("[a.b.c]\n[a]\nb.c.t = 1\n", 3, "table [a.b.c] is defined on line 1; dotted keys elsewhere cannot add to it"),
            ("fruits = []\n[[fruits]]\n", 2, "fruits (line 1) is an array value; [[fruits]] cannot add to it"),
            ("[a]\n[[a]]\n", 2, "a (line 1) is not an array of tables; [[a]] cannot add to it"),
            ("[[a]]\n[a]\n", 2, "a is an array of tables (line 1); [[a]] adds an element to it"),
            ("[[a.b]]\n[a]\nb.c = 1\n", 3, "a.b is an array of tables (line 1); dotted keys cannot add to it"),
            ("[product]\ntype = { name = \"Nail\" }\ntype.edible = false\n", 3, "product.type is an inline table (line 2), which cannot be extended"),
            ("a = { b = 1 }\n[a.c]\n", 2, "a is an inline table (line 1), which cannot be extended"),
            ("point = { x = 1, x = 2 }\n", 1, "point.x is defined twice (first on line 1)"),
        ])
    func redefinitions(text: String, line: Int, message: String) throws {
        let error = try parseError(text)
        #expect(error.message == message)
        #expect(error.line == line)
        #expect(error.column == 1 || line == 1)
    }
}
