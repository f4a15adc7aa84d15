/// The style sheet of a rendered deck.
///
/// The stage is 1280 × 720 and is scaled to the space it has (the window, the window above the
/// notes, or the presenter view's large box), so that text keeps its size relative to the
/// slide on any projector. Colours are CSS variables, set once for the light theme and once
/// for the dark one, which pictures use too.
enum DeckStyle {
  private static let light = """
    --ink: #1d1d1f; --paper: #fdfcf8; --accent: #b4461a; --muted: #6e6e73;
    --code-paper: #f3f1ea; --rule: #dddddd; --note-paper: #fffbe6; --highlight: #fde9a8;
    --keyword: #9b2393; --type: #0b4f79; --string: #c41a16; --number: #1c00cf;
    --comment: #5d6c79; --attribute: #815f03; --surround: #2b2b2b;
    """

  private static let dark = """
    --ink: #ececec; --paper: #1e1f22; --accent: #f08a5d; --muted: #a0a0a8;
    --code-paper: #2b2d31; --rule: #44464c; --note-paper: #2a2720; --highlight: #4a4020;
    --keyword: #ff7ab2; --type: #5dd8ff; --string: #ff8170; --number: #d9c97c;
    --comment: #8a99a6; --attribute: #e0a86a; --surround: #000000;
    """

  private static let sans =
    "-apple-system, \"Segoe UI\", \"Helvetica Neue\", \"DejaVu Sans\", Arial, sans-serif"

  static let css = """
    :root { \(light) --zoom: 1; }
    :root[data-theme="dark"] { \(dark) color-scheme: dark; }
    @media (prefers-color-scheme: dark) { :root:not([data-theme="light"]) { \(dark) color-scheme: dark; } }
    * { box-sizing: border-box; }
    html, body { margin: 0; height: 100%; background: var(--surround); overflow: hidden; }
    body { font-family: \(sans); color: var(--ink); }
    #deck { position: fixed; left: 0; top: 0; width: 1280px; height: 720px;
      transform-origin: 0 0; }
    .slide { position: absolute; inset: 0; background: var(--paper); color: var(--ink);
      padding: 44px 64px 52px; text-align: left;
      display: none; flex-direction: column; justify-content: center; cursor: default; }
    .slide.current { display: flex; }
    .content { overflow: hidden; max-height: 100%; zoom: var(--zoom); }
    h1 { font-size: 60px; line-height: 1.1; margin: 0 0 24px; color: var(--accent); }
    h2 { font-size: 46px; line-height: 1.15; margin: 0 0 24px; }
    h3 { font-size: 34px; margin: 0 0 16px; color: var(--muted); }
    .slide[data-title] h1 { font-size: 72px; margin-bottom: 28px; }
    .slide[data-title] h1 + p { font-size: 36px; color: var(--muted); border-top: 6px solid var(--accent);
      padding-top: 24px; max-width: 900px; }
    p, li, td, th, blockquote { font-size: 32px; line-height: 1.35; }
    p { margin: 0 0 20px; }
    ul, ol { margin: 0 0 20px; padding-left: 50px; }
    ol { padding-left: 66px; }
    ol ol, ul ul, ol ul, ul ol { margin-bottom: 0; }
    li { margin-bottom: 10px; padding-left: 6px; }
    li::marker { color: var(--accent); font-weight: 600; }
    blockquote { margin: 0 0 20px; padding-left: 24px; border-left: 6px solid var(--accent);
      color: var(--muted); }
    table { border-collapse: collapse; margin-bottom: 20px; }
    th, td { border-bottom: 2px solid var(--rule); padding: 6px 18px 6px 0; text-align: left; }
    code { font-family: "SF Mono", Menlo, "DejaVu Sans Mono", Consolas, monospace;
      font-size: 0.9em; background: var(--code-paper); padding: 0 6px; border-radius: 6px; }
    pre { margin: 0 0 16px; background: var(--code-paper); border-radius: 12px;
      padding: 16px 22px; overflow: hidden; }
    pre code { display: block; font-size: 24px; line-height: 1.35; padding: 0; background: none;
      white-space: pre; }
    pre code.has-highlights .line { display: block; opacity: 0.45; }
    pre code.has-highlights .line.highlighted { opacity: 1; background: var(--highlight);
      margin: 0 -22px; padding: 0 22px; }
    a { color: var(--accent); }
    .keyword { color: var(--keyword); font-weight: 600; } .type { color: var(--type); }
    .string { color: var(--string); } .number { color: var(--number); }
    .comment { color: var(--comment); font-style: italic; } .attribute { color: var(--attribute); }
    footer.number { position: absolute; right: 32px; bottom: 20px; font-size: 20px;
      color: var(--muted); }
    figure.picture { margin: 0 auto 16px; color: var(--ink); text-align: center; }
    figure.picture svg { display: block; margin: 0 auto; max-width: 100%; max-height: 520px;
      height: auto; }
    .fragment { visibility: hidden; opacity: 0; transition: opacity 0.2s; }
    .fragment.shown { visibility: visible; opacity: 1; }
    .notes { display: none; }
    #notes-panel, #presenter-notes { font-family: \(sans); font-size: 24px; line-height: 1.45;
      color: var(--ink); background: var(--note-paper); overflow: auto; }
    #notes-panel { position: fixed; left: 0; right: 0; bottom: 0; padding: 12px 28px;
      border-top: 4px solid var(--accent); display: none; }
    body.show-notes #notes-panel { display: block; }
    #notes-panel p, #notes-panel li, #presenter-notes p, #presenter-notes li { font-size: inherit;
      line-height: inherit; margin: 0 0 10px; }
    #notes-panel pre code, #presenter-notes pre code { font-size: 18px; }
    #presenter { display: none; z-index: 1; }
    body.presenter #deck { z-index: 2; }
    body.presenter { background: #141414; }
    body.presenter #presenter { display: grid; position: fixed; inset: 0; padding: 14px;
      gap: 14px; grid-template-columns: 62fr 38fr; grid-template-rows: auto auto 1fr;
      color: #eeeeee; font-family: \(sans); }
    #presenter-bar { grid-column: 1 / 3; display: flex; gap: 32px; align-items: baseline;
      font-size: 22px; color: #cfcfcf; }
    #presenter-bar .timer { font-size: 40px; font-weight: 600; color: #ffffff;
      font-variant-numeric: tabular-nums; cursor: pointer; }
    #presenter-bar .clock, #presenter-bar .position { font-variant-numeric: tabular-nums; }
    #presenter-bar .hint { margin-left: auto; font-size: 16px; color: #8a8a8a; }
    #presenter-bar .state { color: #f08a5d; font-weight: 600; }
    #presenter-now { grid-row: 2 / 4; min-height: 0; }
    #presenter-next { position: relative; aspect-ratio: 16 / 9; overflow: hidden;
      background: #000000; outline: 2px solid #444444; }
    #presenter-next .label { position: absolute; left: 8px; top: 4px; z-index: 2; font-size: 16px;
      color: #ffffff; background: rgba(0, 0, 0, 0.6); padding: 2px 8px; border-radius: 4px; }
    #presenter-notes { min-height: 0; padding: 14px 20px; border-radius: 8px; }
    .thumbnail { position: relative; overflow: hidden; }
    .thumbnail .stage { position: absolute; left: 0; top: 0; width: 1280px; height: 720px;
      transform-origin: 0 0; pointer-events: none; }
    .thumbnail .slide { display: flex; }
    .thumbnail .fragment { visibility: visible; opacity: 1; }
    #overview { display: none; position: fixed; inset: 0; overflow: auto; padding: 24px;
      background: var(--surround); z-index: 20; }
    body.overview #overview { display: grid; gap: 20px; align-content: start;
      grid-template-columns: repeat(auto-fill, minmax(280px, 1fr)); }
    #overview .thumbnail { aspect-ratio: 16 / 9; cursor: pointer; outline: 3px solid transparent; }
    #overview .thumbnail.selected { outline: 5px solid var(--accent); }
    #blackout { display: none; position: fixed; inset: 0; background: #000000; z-index: 30;
      cursor: none; }
    body.blackout #blackout { display: block; }
    body.presenter.blackout #blackout { display: none; }
    #check-report { display: none; }
    body.print-preview { overflow: visible; }
    @page { size: 1280px 720px; margin: 0; }
    @media print {
      /* Paper is light whatever the screen's theme; backgrounds print as shown. */
      html:root:not(#print) { \(light) }
      * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
      html, body { height: auto; overflow: visible; background: none; }
      #deck { position: static; width: 1280px; height: auto; transform: none !important; }
      .slide, .slide.current { display: flex; position: relative; width: 1280px; height: 720px;
        break-after: page; break-inside: avoid; overflow: hidden; }
      .slide:last-child { break-after: auto; }
      .content { zoom: 1; }
      .fragment { visibility: visible; opacity: 1; transition: none; }
      #notes-panel, #presenter, #overview, #blackout { display: none !important; }
      body.print-notes .slide, body.print-notes .slide.current { height: 1080px;
        padding-bottom: 412px; }
      body.print-notes .notes { display: block; position: absolute; left: 0; right: 0;
        top: 720px; bottom: 0; padding: 20px 64px; border-top: 4px dashed var(--rule);
        font-size: 24px; line-height: 1.45; overflow: hidden; }
      body.print-notes .notes p, body.print-notes .notes li { font-size: 24px; margin: 0 0 10px; }
      body.print-notes footer.number { top: 676px; bottom: auto; }
      body.print-notes .notes pre code { font-size: 18px; }
    }
    """
}
