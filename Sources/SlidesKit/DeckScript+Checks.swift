extension DeckScript {
  /// The reports of `?check` and `?check=presenter`, for automated checks in a headless
  /// browser: they measure the page as the audience and the speaker would see it, and press
  /// keys and click as a speaker would.
  static let checks = """
      // MARK: checks for headless browsers

      function inside(inner, outer) {
        return inner.left >= outer.left - 1 && inner.top >= outer.top - 1 &&
          inner.right <= outer.right + 1 && inner.bottom <= outer.bottom + 1;
      }

      function viewport() {
        return { left: 0, top: 0, right: window.innerWidth, bottom: window.innerHeight };
      }

      function markerWidth(item) {
        const list = item.parentElement;
        const probe = element('span');
        const style = getComputedStyle(item, '::marker');
        probe.style.font = getComputedStyle(item).font;
        probe.style.fontWeight = style.fontWeight;
        probe.style.whiteSpace = 'pre';
        probe.style.position = 'absolute';
        const number = Array.from(list.children).indexOf(item) + (parseInt(list.getAttribute('start'), 10) || 1);
        probe.textContent = list.tagName === 'OL' ? number + '. ' : '• ';
        body.appendChild(probe);
        const width = probe.getBoundingClientRect().width;
        probe.remove();
        return width;
      }

      function checkSlides() {
        const report = { slides: slides.length, overflowing: [], clippedMarkers: [], notesShownToAudience: [],
          notesOutsideWindow: [], notesOverSlide: [], notesCut: [], picturesOutside: [], pictures: 0,
          steps: 0 };
        const scale = () => deck.getBoundingClientRect().width / 1280;
        slides.forEach((slide, i) => {
          show(i, fragments(i).length, true);
          report.steps += fragments(i).length;
          const content = slide.querySelector('.content');
          const parts = [content].concat(Array.from(slide.querySelectorAll('pre')));
          if (parts.some((part) => part.scrollHeight > part.clientHeight + 1 ||
              part.scrollWidth > part.clientWidth + 1)) {
            report.overflowing.push(i + 1);
          }
          const box = content.getBoundingClientRect();
          const clipped = Array.from(content.querySelectorAll('li')).some((item) =>
            item.getBoundingClientRect().left - markerWidth(item) * scale() < box.left - 0.5);
          if (clipped) { report.clippedMarkers.push(i + 1); }
          const slideBox = slide.getBoundingClientRect();
          slide.querySelectorAll('figure.picture svg').forEach((svg) => {
            report.pictures += 1;
            if (!inside(svg.getBoundingClientRect(), slideBox)) { report.picturesOutside.push(i + 1); }
          });
          const notes = slide.querySelector('.notes');
          if (notes && (notes.getClientRects().length > 0 || notesPanel.getClientRects().length > 0)) {
            report.notesShownToAudience.push(i + 1);
          }
        });
        body.classList.add('show-notes');
        layout();
        slides.forEach((slide, i) => {
          if (!slide.querySelector('.notes')) { return; }
          show(i, 0, true);
          const panel = notesPanel.getBoundingClientRect();
          if (!inside(panel, viewport())) { report.notesOutsideWindow.push(i + 1); }
          if (deck.getBoundingClientRect().bottom > panel.top + 1) { report.notesOverSlide.push(i + 1); }
          // Notes that only scrolling would show are cut off for a speaker reading them.
          if (notesPanel.scrollHeight > notesPanel.clientHeight + 1) { report.notesCut.push(i + 1); }
        });
        report.notesFont = getComputedStyle(notesPanel).fontFamily;
        report.notesFontSize = getComputedStyle(notesPanel).fontSize;
        body.classList.remove('show-notes');
        layout();
        report.keysNotWorking = checkKeys();
        return report;
      }

      function press(key, shiftKey) {
        document.dispatchEvent(new KeyboardEvent('keydown', { key: key, shiftKey: !!shiftKey,
          bubbles: true, cancelable: true }));
      }

      // Presses keys and clicks as a speaker or a clicker would, and names what did not work.
      function checkKeys() {
        const failing = [];
        const expect = (name, isWorking) => { if (!isWorking) { failing.push(name); } };
        const at = (slide, part) => current === slide && step === part;
        const last = slides.length - 1;
        const total = slides.reduce((sum, _, i) => sum + fragments(i).length, 0) + last;
        show(0, 0, true);
        for (let i = 0; i < total; i += 1) { press('PageDown'); }
        expect('PageDown through every step', at(last, fragments(last).length));
        for (let i = 0; i < total; i += 1) { press('PageUp'); }
        expect('PageUp back through every step', at(0, 0));
        press('ArrowRight'); press(' ');
        const forward = { slide: current, step: step };
        press('ArrowLeft'); press('Backspace');
        expect('Right and Space forward, Left and Backspace back', at(0, 0) &&
          (forward.slide > 0 || forward.step > 0));
        slides[0].querySelector('.content').dispatchEvent(new MouseEvent('click', { bubbles: true, button: 0 }));
        expect('a click advances', !at(0, 0));
        const withSteps = slides.findIndex((_, i) => fragments(i).length > 0);
        if (withSteps >= 0) {
          show(withSteps, 0, true);
          const first = fragments(withSteps)[0];
          const hidden = getComputedStyle(first).visibility === 'hidden';
          press('PageDown');
          expect('steps appear one at a time', hidden && getComputedStyle(first).visibility === 'visible' &&
            current === withSteps);
        }
        show(0, 0, true);
        press('b');
        const cover = blackout.getBoundingClientRect();
        expect('b blacks out the whole window', body.classList.contains('blackout') &&
          cover.width >= window.innerWidth && cover.height >= window.innerHeight);
        press('.');
        expect('. ends the blackout', !body.classList.contains('blackout'));
        const paper = getComputedStyle(slides[0]).backgroundColor;
        press('t');
        const turned = getComputedStyle(slides[0]).backgroundColor;
        press('t');
        expect('t changes the theme and back', turned !== paper && getComputedStyle(slides[0]).backgroundColor === paper);
        const heading = slides[0].querySelector('h1, h2, p');
        const before = heading ? heading.getBoundingClientRect().height : 0;
        press('+');
        const larger = heading ? heading.getBoundingClientRect().height : 0;
        press('-');
        expect('+ and - change the text size', larger > before && zoom() === 1);
        press('o');
        const tiles = overview.querySelectorAll('.thumbnail');
        expect('o shows every slide in the overview', body.classList.contains('overview') &&
          tiles.length === slides.length && tiles[0].getBoundingClientRect().width > 100);
        press('Escape');
        expect('Esc closes the overview', !body.classList.contains('overview'));
        show(0, 0, true);
        return failing;
      }

      // With the print style sheet on screen (?print-preview&print-notes): slides whose notes
      // do not fit in the space under the slide on their page.
      function checkPrintedNotes() {
        const cut = [];
        let printed = 0;
        slides.forEach((slide, i) => {
          const notes = slide.querySelector('.notes');
          if (!notes) { return; }
          if (notes.clientHeight > 0) { printed += 1; }
          if (notes.scrollHeight > notes.clientHeight + 1) { cut.push(i + 1); }
        });
        return { printedNotes: printed, withNotes: slides.filter((slide) => slide.querySelector('.notes')).length,
          printedNotesCut: cut };
      }

      function checkPresenter() {
        const now = deck.getBoundingClientRect();
        const nextBox = document.getElementById('presenter-next').getBoundingClientRect();
        const notes = document.getElementById('presenter-notes');
        const notesBox = notes.getBoundingClientRect();
        const style = getComputedStyle(notes);
        const preview = document.querySelector('#presenter-next .stage');
        const notesCut = [];
        slides.forEach((slide, i) => {
          if (!slide.querySelector('.notes')) { return; }
          show(i, 0, true);
          if (notes.scrollHeight > notes.clientHeight + 1) { notesCut.push(i + 1); }
        });
        show(1, 0, true);
        return {
          presenter: true,
          notesFont: style.fontFamily,
          notesFontSize: style.fontSize,
          notesText: notes.textContent.trim().slice(0, 60),
          currentSlide: { width: Math.round(now.width), height: Math.round(now.height) },
          nextSlide: { width: Math.round(nextBox.width), height: Math.round(nextBox.height),
            shown: !!preview },
          timer: presenter.querySelector('.timer').textContent,
          allInside: [now, nextBox, notesBox].every((box) => inside(box, viewport())),
          notesCut: notesCut,
          background: getComputedStyle(body).backgroundColor,
        };
      }

      function report(result) {
        const out = element('pre', 'check-report');
        out.textContent = JSON.stringify(result);
        body.appendChild(out);
      }

    """
}
