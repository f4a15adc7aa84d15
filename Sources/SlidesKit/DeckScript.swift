/// The script of a rendered deck: navigation, steps, presenter view, notes, overview,
/// blackout, text size, themes, printing with notes, and the reports of `?check`.
///
/// The presenter view is the same page opened with `?presenter`; the two windows tell each
/// other the slide and step with `postMessage`, which works for pages opened from files.
enum DeckScript {
  /// The whole script: the deck's behaviour, the checks, and what runs when the page opens,
  /// in one function so that they share its state.
  static var javaScript: String { "(function () {\n" + behaviour + checks + start + "})();\n" }

  private static let behaviour = """
      const slides = Array.from(document.querySelectorAll('#deck > .slide'));
      const deck = document.getElementById('deck');
      const params = new URLSearchParams(location.search);
      const root = document.documentElement;
      const body = document.body;
      let current = 0;
      let step = 0;
      let peer = window.opener || null;
      let selected = 0;
      const started = Date.now();
      let timerStart = started;

      function element(tag, id, className) {
        const made = document.createElement(tag);
        if (id) { made.id = id; }
        if (className) { made.className = className; }
        return made;
      }

      const notesPanel = element('aside', 'notes-panel');
      const blackout = element('div', 'blackout');
      const overview = element('div', 'overview');
      const presenter = element('div', 'presenter');
      presenter.innerHTML = '<div id="presenter-bar"><span class="timer" title="Click to restart">0:00</span>' +
        '<span class="clock"></span><span class="position"></span><span class="state"></span>' +
        '<span class="hint">→ next · ← back · b blackout · o overview · t theme</span></div>' +
        '<div id="presenter-now"></div>' +
        '<div id="presenter-next" class="thumbnail"><span class="label">Next</span></div>' +
        '<div id="presenter-notes"></div>';
      [notesPanel, blackout, overview, presenter].forEach((part) => body.appendChild(part));

      function fragments(index) {
        return Array.from(slides[index].querySelectorAll('.fragment'));
      }

      function place(box) {
        const scale = Math.min(box.width / 1280, box.height / 720);
        const left = box.left + (box.width - 1280 * scale) / 2;
        // In the presenter view the slide sits at the top, next to the next slide's preview.
        const isPresenter = body.classList.contains('presenter');
        const top = box.top + (isPresenter ? 0 : (box.height - 720 * scale) / 2);
        deck.style.transform = 'translate(' + left + 'px, ' + top + 'px) scale(' + scale + ')';
      }

      function stageBox() {
        if (body.classList.contains('presenter')) {
          return document.getElementById('presenter-now').getBoundingClientRect();
        }
        let height = window.innerHeight;
        if (body.classList.contains('show-notes')) {
          const notesHeight = Math.max(150, Math.round(window.innerHeight * 0.3));
          notesPanel.style.height = notesHeight + 'px';
          height -= notesHeight;
        }
        return { left: 0, top: 0, width: window.innerWidth, height: height };
      }

      function fitThumbnail(box) {
        const stage = box.querySelector('.stage');
        if (stage) { stage.style.transform = 'scale(' + box.clientWidth / 1280 + ')'; }
      }

      function thumbnail(box, index) {
        box.querySelectorAll('.stage').forEach((old) => old.remove());
        if (index >= slides.length) { return; }
        const stage = element('div', null, 'stage');
        const copy = slides[index].cloneNode(true);
        copy.removeAttribute('id');
        copy.classList.add('current');
        stage.appendChild(copy);
        box.appendChild(stage);
        fitThumbnail(box);
      }

      // Notes too long for their box take smaller type, down to 20 px, before they would need
      // scrolling that a speaker has no hand free for.
      function fitNotes(box) {
        box.style.fontSize = '';
        let size = parseFloat(getComputedStyle(box).fontSize);
        while (box.scrollHeight > box.clientHeight + 1 && size > 20) {
          size -= 1;
          box.style.fontSize = size + 'px';
        }
      }

      function layout() {
        place(stageBox());
        document.querySelectorAll('.thumbnail').forEach(fitThumbnail);
        fitNotes(notesPanel);
        fitNotes(document.getElementById('presenter-notes'));
      }

      function updatePresenter() {
        if (!body.classList.contains('presenter')) { return; }
        const next = document.getElementById('presenter-next');
        thumbnail(next, current + 1);
        const label = next.querySelector('.label');
        const remaining = fragments(current).length - step;
        label.textContent = remaining > 0 ? 'Next: ' + remaining + ' more step' + (remaining > 1 ? 's' : '') +
          ' on this slide' : (current + 1 < slides.length ? 'Next slide' : 'End of the deck');
        const notes = slides[current].querySelector('.notes');
        document.getElementById('presenter-notes').innerHTML = notes ? notes.innerHTML : '<p>(no notes)</p>';
        presenter.querySelector('.position').textContent = 'Slide ' + (current + 1) + ' / ' + slides.length;
        presenter.querySelector('.state').textContent = body.classList.contains('blackout') ? 'BLACKOUT' : '';
      }

      function show(index, toStep, fromPeer) {
        current = Math.max(0, Math.min(slides.length - 1, index));
        const count = fragments(current).length;
        step = Math.max(0, Math.min(count, toStep));
        slides.forEach((slide, i) => slide.classList.toggle('current', i === current));
        fragments(current).forEach((part, i) => part.classList.toggle('shown', i < step));
        const notes = slides[current].querySelector('.notes');
        notesPanel.innerHTML = notes ? notes.innerHTML : '<p>(no notes)</p>';
        const hash = '#' + (current + 1) + (step > 0 ? '.' + step : '');
        if (location.hash !== hash) { history.replaceState(null, '', hash); }
        updatePresenter();
        fitNotes(notesPanel);
        fitNotes(document.getElementById('presenter-notes'));
        if (!fromPeer) { tellPeer(); }
      }

      function tellPeer() {
        if (peer && !peer.closed) {
          peer.postMessage({ deck: 'sync', slide: current, step: step,
            blackout: body.classList.contains('blackout') }, '*');
        }
      }

      function next() {
        if (step < fragments(current).length) { show(current, step + 1); }
        else if (current + 1 < slides.length) { show(current + 1, 0); }
      }

      function previous() {
        if (step > 0) { show(current, step - 1); }
        else if (current > 0) { show(current - 1, fragments(current - 1).length); }
      }

      function fromHash() {
        const parts = location.hash.slice(1).split('.');
        const number = parseInt(parts[0], 10);
        const part = parseInt(parts[1], 10);
        return { slide: isNaN(number) ? 0 : number - 1, step: isNaN(part) ? 0 : part };
      }

      function openPresenter() {
        const url = location.href.split('#')[0].split('?')[0] + '?presenter#' + (current + 1) +
          (step > 0 ? '.' + step : '');
        peer = window.open(url, 'presenter', 'width=1280,height=800');
      }

      function toggleOverview(open) {
        const isOpen = open === undefined ? !body.classList.contains('overview') : open;
        body.classList.toggle('overview', isOpen);
        overview.innerHTML = '';
        if (!isOpen) { return; }
        selected = current;
        slides.forEach((slide, i) => {
          const tile = element('div', null, 'thumbnail' + (i === selected ? ' selected' : ''));
          tile.addEventListener('click', (event) => {
            event.stopPropagation();
            toggleOverview(false);
            show(i, 0);
          });
          overview.appendChild(tile);
          thumbnail(tile, i);
        });
        const chosen = overview.children[selected];
        if (chosen && chosen.scrollIntoView) { chosen.scrollIntoView({ block: 'center' }); }
      }

      function moveSelection(delta) {
        const tiles = Array.from(overview.children);
        selected = Math.max(0, Math.min(tiles.length - 1, selected + delta));
        tiles.forEach((tile, i) => tile.classList.toggle('selected', i === selected));
        tiles[selected].scrollIntoView({ block: 'nearest' });
      }

      function columns() {
        const tiles = Array.from(overview.children);
        if (tiles.length < 2) { return 1; }
        const top = tiles[0].offsetTop;
        const inRow = tiles.filter((tile) => tile.offsetTop === top).length;
        return Math.max(1, inRow);
      }

      function setZoom(zoom) {
        const value = Math.max(0.6, Math.min(1.6, Math.round(zoom * 10) / 10));
        root.style.setProperty('--zoom', String(value));
      }

      function zoom() {
        return parseFloat(getComputedStyle(root).getPropertyValue('--zoom')) || 1;
      }

      function toggleTheme() {
        const isDark = root.dataset.theme ? root.dataset.theme === 'dark' :
          window.matchMedia('(prefers-color-scheme: dark)').matches;
        root.dataset.theme = isDark ? 'light' : 'dark';
      }

      function toggleBlackout() {
        body.classList.toggle('blackout');
        updatePresenter();
        tellPeer();
      }

      function handleKey(event) {
        if (event.ctrlKey || event.metaKey || event.altKey) { return; }
        if (body.classList.contains('overview')) {
          switch (event.key) {
            case 'Escape': case 'o': toggleOverview(false); break;
            case 'Enter': case ' ': toggleOverview(false); show(selected, 0); break;
            case 'ArrowRight': moveSelection(1); break;
            case 'ArrowLeft': moveSelection(-1); break;
            case 'ArrowDown': moveSelection(columns()); break;
            case 'ArrowUp': moveSelection(-columns()); break;
            default: return;
          }
          event.preventDefault();
          return;
        }
        switch (event.key) {
          case 'ArrowRight': case 'ArrowDown': case 'PageDown': case 'Enter':
            next(); break;
          case ' ': if (event.shiftKey) { previous(); } else { next(); } break;
          case 'ArrowLeft': case 'ArrowUp': case 'PageUp': case 'Backspace':
            previous(); break;
          case 'Home': show(0, 0); break;
          case 'End': show(slides.length - 1, fragments(slides.length - 1).length); break;
          case 'n': body.classList.toggle('show-notes'); layout(); break;
          case 'p': openPresenter(); break;
          case 'o': case 'Escape': toggleOverview(true); break;
          case 'b': case 'B': case '.': toggleBlackout(); break;
          case '+': case '=': setZoom(zoom() + 0.1); break;
          case '-': case '_': setZoom(zoom() - 0.1); break;
          case '0': setZoom(1); break;
          case 't': toggleTheme(); break;
          default: return;
        }
        event.preventDefault();
      }

      function handleClick(event) {
        if (event.button !== 0 || event.target.closest('a, #presenter-bar, #presenter-notes, #overview')) {
          return;
        }
        if (body.classList.contains('blackout')) { toggleBlackout(); return; }
        if (event.target.closest('#deck, #presenter-now')) { next(); }
      }

    """

  private static let start = """
      // MARK: start

      function tick() {
        const seconds = Math.floor((Date.now() - timerStart) / 1000);
        presenter.querySelector('.timer').textContent =
          Math.floor(seconds / 60) + ':' + String(seconds % 60).padStart(2, '0');
        presenter.querySelector('.clock').textContent =
          new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
      }

      if (params.get('theme') === 'dark' || params.get('theme') === 'light') {
        root.dataset.theme = params.get('theme');
      }
      if (params.has('presenter') || params.get('check') === 'presenter') {
        body.classList.add('presenter');
        document.title = 'Presenter: ' + document.title;
        presenter.querySelector('.timer').addEventListener('click', () => { timerStart = Date.now(); tick(); });
        tick();
        setInterval(tick, 1000);
      }
      if (params.has('print-notes')) {
        body.classList.add('print-notes');
        const page = element('style');
        page.textContent = '@page { size: 1280px 1080px; margin: 0; }';
        document.head.appendChild(page);
      }
      if (params.has('print-preview')) {
        // The print style sheet applied to the screen, for screenshots of printed pages.
        const preview = element('style');
        Array.from(document.styleSheets).forEach((sheet) => Array.from(sheet.cssRules).forEach((rule) => {
          if (rule.media && rule.media.mediaText === 'print') {
            preview.textContent += Array.from(rule.cssRules).map((inner) => inner.cssText).join('\\n');
          }
        }));
        document.head.appendChild(preview);
        body.classList.add('print-preview');
      }
      window.addEventListener('resize', layout);
      window.addEventListener('hashchange', () => { const at = fromHash(); show(at.slide, at.step); });
      window.addEventListener('message', (event) => {
        const data = event.data;
        if (!data || data.deck !== 'sync') { return; }
        if (event.source) { peer = event.source; }
        body.classList.toggle('blackout', !!data.blackout);
        show(data.slide, data.step, true);
      });
      document.addEventListener('keydown', handleKey);
      document.addEventListener('click', handleClick);
      layout();
      if (params.has('check')) {
        const kind = params.get('check');
        report(kind === 'presenter' ? (show(1, 0, true), layout(), checkPresenter()) :
          kind === 'printed-notes' ? checkPrintedNotes() : checkSlides());
      }
      const at = fromHash();
      show(at.slide, at.step);
      if (params.has('notes')) { body.classList.add('show-notes'); }
      if (params.has('blackout')) { body.classList.add('blackout'); }
      layout();
      if (params.has('overview')) { toggleOverview(true); }

    """
}
