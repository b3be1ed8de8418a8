import DossierExtract
import Testing

@Suite("table rows")
struct TableRowTests {
    private let laureates = """
    <html><head><title>Prize winners</title></head><body>
    <p>Winners of the prize, by year and field, since the first award.</p>
    <table>
    <tr><th>Year</th><th>Physics</th><th>Chemistry</th><th>Economics</th></tr>
    <tr><th>1901</th><td>Ana Ruiz</td><td>Bo Lind</td><td rowspan="2">Not awarded</td></tr>
    <tr><th>1902</th><td>Cy Moss; Di Park</td><td>Ed Fox</td></tr>
    <tr><th>1903</th><td colspan="2">Not awarded (war)</td><td>Flo Grant</td></tr>
    </table></body></html>
    """

    @Test("rows keep their cells with the column headings, placed as rowspan and colspan lay them out")
    func headingsFollowSpans() {
        let rows = HTMLExtractor.extract(bytes: Array(laureates.utf8), contentType: "text/html; charset=utf-8").tableRows
        #expect(rows.map(\.cells) == [
            ["1901", "Ana Ruiz", "Bo Lind", "Not awarded"],
            ["1902", "Cy Moss; Di Park", "Ed Fox"],
            ["1903", "Not awarded (war)", "Flo Grant"],
        ])
        #expect(rows[1].headings == ["Year", "Physics", "Chemistry"])
        #expect(rows[2].headings == ["Year", "Physics", "Economics"])
    }

    @Test("a one-cell heading row is not taken for column headings")
    func noHeadings() {
        let html = "<table><tr><th>Total</th></tr><tr><td>a</td><td>b</td></tr></table>"
        let rows = HTMLExtractor.extract(bytes: Array(html.utf8), contentType: "text/html").tableRows
        #expect(rows.map(\.cells) == [["Total"], ["a", "b"]])
        #expect(rows[1].headings == [nil, nil])
    }
}
