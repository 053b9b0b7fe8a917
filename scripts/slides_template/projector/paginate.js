// Split every slide whose content is taller than the slide into vertical sub-slides, so that
// no table, list or text runs off the projector: a long table continues on the next slide
// with its header repeated, a long list with its numbering kept. Runs once reveal.js has laid
// the deck out at its fixed size (1280x720); a block taller than a whole slide (a chart, a
// widget) is never cut, it keeps a slide of its own.
function paginateDeck(Reveal) {
  const FINE = "tbody > tr, li, p, pre, figure, blockquote, h1, h2, h3, h4, img, " +
               ".jp-OutputArea-output, .jp-Cell, table, .projector-row";
  const scale = Reveal.getScale();

  function overflowing(section) {
    return section.scrollHeight > section.clientHeight + 1;
  }

  // The first element, in reading order, that ends below the slide and holds no smaller
  // such element: a table row rather than its table, a list item rather than its list.
  function firstOverflowing(section) {
    const top = section.getBoundingClientRect().top;
    const blocks = [...section.querySelectorAll(FINE)]
      .filter(el => !el.closest(".jupyter-widgets, aside.notes, td, th")
                    && el.getClientRects().length);
    const bottom = el => (el.getBoundingClientRect().bottom - top) / scale;
    // What follows the last block (the padding of the cells around it) must fit too.
    const leaves = blocks.filter(el => !blocks.some(other => other !== el && el.contains(other)));
    const trailing = section.scrollHeight - Math.max(0, ...leaves.map(bottom));
    const limit = section.clientHeight - Math.max(0, trailing);
    const below = blocks.filter(el => bottom(el) > limit + 1);
    return below.find(el => !below.some(other => other !== el && el.contains(other))) || null;
  }

  function splitPoint(section) {
    let el = firstOverflowing(section);
    while (el && el !== section && !el.previousElementSibling) el = el.parentElement;
    return el && el !== section ? el : null;
  }

  function showing(section, visible) {
    for (let s = section; s && s.tagName === "SECTION"; s = s.parentElement) {
      s.style.display = visible ? "block" : "";
    }
  }

  function split(section, at) {
    const table = at.tagName === "TR" ? at.closest("table") : null;
    const list = at.tagName === "LI" ? at.parentElement : null;
    const before = list ? [...list.children].indexOf(at) : 0;
    const range = document.createRange();
    range.setStartBefore(at);
    range.setEndAfter(section.lastChild);
    const rest = document.createElement("section");
    rest.appendChild(range.extractContents());
    if (table && table.tHead && !rest.querySelector("thead")) {
      rest.querySelector("table").prepend(table.tHead.cloneNode(true));
    }
    if (list && list.tagName === "OL") {
      rest.querySelector("ol").start = (list.start || 1) + before;
    }
    section.after(rest);
    return rest;
  }

  // A table with a row taller than the slide becomes one block per row, a line per column
  // ("Header: value"), so its long cells use the slide's full width and can continue.
  function rowsAsBlocks(section, table) {
    const headers = [...table.querySelectorAll("thead th")].map(th => th.textContent.trim());
    const blocks = document.createElement("div");
    blocks.className = "projector-rows";
    for (const row of table.querySelectorAll("tbody > tr")) {
      const block = document.createElement("div");
      block.className = "projector-row";
      [...row.children].forEach((cell, i) => {
        const line = document.createElement("p");
        const name = document.createElement("strong");
        name.textContent = (headers[i] || "") + ": ";
        line.append(name, ...cell.childNodes);
        block.append(line);
      });
      blocks.append(block);
    }
    table.replaceWith(blocks);
  }

  function tallRows(section) {
    for (const table of section.querySelectorAll("table")) {
      if ([...table.querySelectorAll("tbody > tr")].some(
            row => row.getBoundingClientRect().height / scale > section.clientHeight * 0.8)) {
        rowsAsBlocks(section, table);
      }
    }
  }

  for (const section of [...document.querySelectorAll(".reveal .slides section")]) {
    if (section.querySelector("section")) continue;  // a stack: its children are the slides
    showing(section, true);
    tallRows(section);
    showing(section, false);
    // Cut the slide until it fits; each cut-off part is a slide of its own, checked next.
    const queue = [section];
    for (let guard = 0; queue.length && guard < 200; guard++) {
      const current = queue[0];
      showing(current, true);
      const at = overflowing(current) ? splitPoint(current) : null;
      if (!at) { showing(current, false); queue.shift(); continue; }
      const rest = split(current, at);
      showing(current, false);
      if (current.parentElement.classList.contains("slides")) {
        const stack = document.createElement("section");
        current.before(stack);
        stack.append(current, rest);
      }
      queue.push(rest);
    }
  }
  Reveal.sync();
  Reveal.layout();
}
