import Testing

@testable import SlidesKit

@Suite("Markdown on slides")
struct MarkdownRendererTests {
  let renderer = MarkdownRenderer()

  @Test("Headings, paragraphs, lists, quotes and tables")
  func blocks() {
    let html = renderer.html(
      for: """
        # Title
        Some *text* with **bold** and `code`.
        continued.

        - one
        - two
        1. first
        2. second
        > quoted
        | a | b |
        |---|---|
        | 1 | 2 |
        """)
    #expect(html.contains("<h1>Title</h1>"))
    #expect(html.contains("<p>Some <em>text</em> with <strong>bold</strong> and <code>code</code>. continued.</p>"))
    #expect(html.contains("<ul><li>one</li><li>two</li></ul>"))
    #expect(html.contains("<ol><li>first</li><li>second</li></ol>"))
    #expect(html.contains("<blockquote><p>quoted</p></blockquote>"))
    #expect(html.contains("<thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody>"))
  }

  @Test("Text and code are escaped")
  func escaping() {
    let html = renderer.html(for: "a <b> & c\n```\n<script>\n```")
    #expect(html.contains("a &lt;b&gt; &amp; c"))
    #expect(html.contains("&lt;script&gt;"))
    #expect(!html.contains("<script>"))
  }

  @Test("Swift code is highlighted")
  func highlighting() {
    let html = SwiftHighlighter().html(for: "struct Dog { let name = \"Fido\" // the name\n}")
    #expect(html.contains("<span class=\"keyword\">struct</span>"))
    #expect(html.contains("<span class=\"type\">Dog</span>"))
    #expect(html.contains("<span class=\"string\">&quot;Fido&quot;</span>"))
    #expect(html.contains("<span class=\"comment\">// the name</span>"))
  }

  @Test("Links keep their text and target")
  func links() {
    #expect(renderer.inline("see [the log](#5)") == "see <a href=\"#5\">the log</a>")
  }
}
