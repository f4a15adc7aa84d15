/// Renders a deck as one self-contained HTML page: styles and scripts are inside, nothing is
/// fetched, so the deck works offline from a file.
///
/// Keys: → ↓ space PageDown for the next slide, ← ↑ PageUp for the previous one, Home and End
/// for the first and last, `n` shows the speaker notes below the slide, `p` opens the presenter
/// view (notes, next slide and a clock) in a second window that follows the first.
/// Opening the page with `?check` adds a report of slides whose content overflows, in an
/// element with the ID `overflow-report`, for automated checks in a headless browser.
public struct DeckHTML: Sendable {
  /// Creates a renderer.
  public init() {}

  /// Returns the deck's HTML page.
  public func html(for deck: Deck) -> String {
    let markdown = MarkdownRenderer()
    let sections = deck.slides.enumerated().map { index, slide in
      let notes = slide.notes.isEmpty ? "" : "<aside class=\"notes\">\(markdown.html(for: slide.notes))</aside>"
      return """
        <section class="slide" id="slide-\(index + 1)" data-number="\(index + 1)">
        <div class="content">\(markdown.html(for: slide.markdown))</div>\(notes)
        <footer class="number">\(index + 1) / \(deck.slides.count)</footer>
        </section>
        """
    }
    return """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(escapeHTML(deck.title))</title>
      <style>\(Self.style)</style>
      </head>
      <body>
      <main id="deck">
      \(sections.joined(separator: "\n"))
      </main>
      <script>\(Self.script)</script>
      </body>
      </html>

      """
  }

  // The stage is 1280 × 720 and is scaled to the window, so that text keeps its size
  // relative to the slide on any projector.
  private static let style = """
    :root { --ink: #1d1d1f; --paper: #fdfcf8; --accent: #b4461a; --muted: #6e6e73;
      --code-paper: #f3f1ea; }
    * { box-sizing: border-box; }
    html, body { margin: 0; height: 100%; background: #2b2b2b; overflow: hidden; }
    body { font-family: -apple-system, "Segoe UI", "Helvetica Neue", "DejaVu Sans", Arial, sans-serif;
      color: var(--ink); }
    #deck { position: absolute; left: 50%; top: 50%; width: 1280px; height: 720px;
      transform-origin: center center; }
    .slide { position: absolute; inset: 0; background: var(--paper); padding: 44px 64px 52px;
      display: none; flex-direction: column; justify-content: center; }
    .slide.current { display: flex; }
    .content { overflow: hidden; max-height: 100%; }
    h1 { font-size: 64px; line-height: 1.1; margin: 0 0 24px; color: var(--accent); }
    h2 { font-size: 48px; line-height: 1.15; margin: 0 0 24px; }
    h3 { font-size: 36px; margin: 0 0 16px; color: var(--muted); }
    p, li, td, th, blockquote { font-size: 32px; line-height: 1.35; }
    p { margin: 0 0 20px; }
    ul, ol { margin: 0 0 20px; padding-left: 1.2em; }
    li { margin-bottom: 10px; }
    blockquote { margin: 0 0 20px; padding-left: 24px; border-left: 6px solid var(--accent);
      color: var(--muted); }
    table { border-collapse: collapse; margin-bottom: 20px; }
    th, td { border-bottom: 2px solid #ddd; padding: 6px 18px 6px 0; text-align: left; }
    code { font-family: "SF Mono", Menlo, "DejaVu Sans Mono", Consolas, monospace;
      font-size: 0.9em; background: var(--code-paper); padding: 0 6px; border-radius: 6px; }
    pre { margin: 0 0 16px; background: var(--code-paper); border-radius: 12px;
      padding: 16px 22px; overflow: hidden; }
    pre code { display: block; font-size: 24px; line-height: 1.35; padding: 0; background: none;
      white-space: pre; }
    a { color: var(--accent); }
    .keyword { color: #9b2393; font-weight: 600; } .type { color: #0b4f79; }
    .string { color: #c41a16; } .number { color: #1c00cf; }
    .comment { color: #5d6c79; font-style: italic; } .attribute { color: #815f03; }
    .number-footer, footer.number { position: absolute; right: 32px; bottom: 20px; font-size: 20px;
      color: var(--muted); }
    .notes { display: none; }
    body.show-notes .slide.current .notes { display: block; position: absolute; left: 0; right: 0;
      top: 100%; background: #fffbe6; padding: 16px 32px; font-size: 24px; max-height: 40vh;
      overflow: auto; }
    body.show-notes .notes p, body.show-notes .notes li { font-size: 24px; }
    body.presenter { overflow: auto; background: #1b1b1b; color: #eee; }
    #presenter { display: grid; grid-template-columns: 1fr 1fr; gap: 16px; padding: 16px;
      font-size: 24px; }
    #presenter .notes-text { grid-column: 1 / 3; background: #fffbe6; color: #222; padding: 16px;
      border-radius: 8px; font-size: 26px; }
    #presenter iframe { width: 100%; aspect-ratio: 16 / 9; border: 0; background: #fff; }
    #overflow-report { display: none; }
    @media print { html, body { overflow: visible; background: none; }
      #deck { position: static; transform: none !important; }
      .slide { display: flex; position: relative; page-break-after: always; } }
    """

  private static let script = """
    (function () {
      const slides = Array.from(document.querySelectorAll('.slide'));
      const deck = document.getElementById('deck');
      const params = new URLSearchParams(location.search);
      let current = 0;
      let peer = null;

      function fit() {
        const scale = Math.min(window.innerWidth / 1280, window.innerHeight / 720);
        deck.style.transform = 'translate(-50%, -50%) scale(' + scale + ')';
      }

      function show(index, fromPeer) {
        current = Math.max(0, Math.min(slides.length - 1, index));
        slides.forEach((slide, i) => slide.classList.toggle('current', i === current));
        if (location.hash !== '#' + (current + 1)) {
          history.replaceState(null, '', '#' + (current + 1));
        }
        if (peer && !peer.closed && !fromPeer) { peer.postMessage({ slide: current }, '*'); }
      }

      function fromHash() {
        const number = parseInt(location.hash.slice(1), 10);
        return isNaN(number) ? 0 : number - 1;
      }

      function openPresenter() {
        peer = window.open('', 'presenter', 'width=1100,height=800');
        if (!peer) { return; }
        const source = location.href.split('#')[0].split('?')[0];
        peer.document.write('<!DOCTYPE html><title>Presenter</title><body class="presenter">' +
          '<div id="presenter"><iframe id="now"></iframe><iframe id="next"></iframe>' +
          '<div class="notes-text" id="notes"></div><div id="clock"></div></div></body>');
        peer.document.close();
        const started = Date.now();
        function update(index) {
          peer.document.getElementById('now').src = source + '#' + (index + 1);
          peer.document.getElementById('next').src = source + '#' + Math.min(slides.length, index + 2);
          const notes = slides[index].querySelector('.notes');
          peer.document.getElementById('notes').innerHTML = notes ? notes.innerHTML : '(no notes)';
        }
        peer.addEventListener('message', (event) => update(event.data.slide));
        peer.addEventListener('keydown', (event) => handleKey(event));
        setInterval(() => {
          if (peer.closed) { return; }
          const seconds = Math.floor((Date.now() - started) / 1000);
          peer.document.getElementById('clock').textContent =
            Math.floor(seconds / 60) + ':' + String(seconds % 60).padStart(2, '0');
        }, 1000);
        update(current);
      }

      function handleKey(event) {
        switch (event.key) {
          case 'ArrowRight': case 'ArrowDown': case 'PageDown': case ' ':
            show(event.shiftKey && event.key === ' ' ? current - 1 : current + 1); break;
          case 'ArrowLeft': case 'ArrowUp': case 'PageUp': show(current - 1); break;
          case 'Home': show(0); break;
          case 'End': show(slides.length - 1); break;
          case 'n': document.body.classList.toggle('show-notes'); return;
          case 'p': openPresenter(); return;
          default: return;
        }
        event.preventDefault();
      }

      function reportOverflow() {
        const overflowing = [];
        slides.forEach((slide, i) => {
          slide.classList.add('current');
          const content = slide.querySelector('.content');
          const parts = [content].concat(Array.from(slide.querySelectorAll('pre')));
          if (parts.some((part) => part.scrollHeight > part.clientHeight + 1 ||
              part.scrollWidth > part.clientWidth + 1)) {
            overflowing.push(i + 1);
          }
          slide.classList.remove('current');
        });
        const report = document.createElement('pre');
        report.id = 'overflow-report';
        report.textContent = JSON.stringify({ slides: slides.length, overflowing: overflowing });
        document.body.appendChild(report);
      }

      window.addEventListener('resize', fit);
      window.addEventListener('hashchange', () => show(fromHash()));
      window.addEventListener('message', (event) => {
        if (event.data && typeof event.data.slide === 'number') { show(event.data.slide, true); }
      });
      document.addEventListener('keydown', handleKey);
      fit();
      if (params.has('check')) { reportOverflow(); }
      show(fromHash());
    })();
    """
}
