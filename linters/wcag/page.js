// Runs inside each audited page (Playwright `page.evaluate`), after axe-core is loaded.
//
// 1. Wait until the page has settled: web fonts loaded and the layout the same
//    over several frames. Under concurrency axe otherwise runs while the theme's
//    scripts still move things, and a contrast defect goes missing.
// 2. Run axe-core with the WCAG 2.x A/AA tags and best practices.
// 3. Our own checks where axe is silent: link texts (Dutch and English), video
//    without captions, forms without a submit button, and text blocks that look
//    like another language than the one marked, for the check in Python.
// 4. For every node: where it sits (inside the page text or in the theme) and
//    what identifies it in the Markdown (text, href, src, alt).
async (opts) => {
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const frame = () => Promise.race([new Promise((resolve) => requestAnimationFrame(() => resolve())), sleep(100)]);

  if (document.fonts && document.fonts.ready) {
    await Promise.race([document.fonts.ready, sleep(opts.settleMs)]);
  }
  const started = Date.now();
  let last = "";
  let stable = 0;
  while (Date.now() - started < opts.settleMs) {
    await frame();
    const root = document.documentElement;
    const body = document.body;
    const shape = [root.scrollHeight, root.scrollWidth, body ? body.childElementCount : 0].join(":");
    stable = shape === last ? stable + 1 : 0;
    last = shape;
    if (stable >= 2) break;
  }
  if (opts.waitMs > 0) await sleep(opts.waitMs);

  const CONTENT = ".md-content__inner, main article, [role=main] article";
  const cssEscape = (value) => (window.CSS && CSS.escape ? CSS.escape(value) : value.replace(/[^\w-]/g, "\\$&"));
  const selectorOf = (el) => {
    if (!(el instanceof Element)) return "";
    if (el.id && document.querySelectorAll("#" + cssEscape(el.id)).length === 1) return "#" + cssEscape(el.id);
    const parts = [];
    let node = el;
    while (node && node.nodeType === 1 && node !== document.documentElement) {
      if (node.id && document.querySelectorAll("#" + cssEscape(node.id)).length === 1) {
        parts.unshift("#" + cssEscape(node.id));
        break;
      }
      const parent = node.parentElement;
      let part = node.localName;
      if (parent) {
        const same = Array.from(parent.children).filter((c) => c.localName === node.localName);
        if (same.length > 1) part += ":nth-child(" + (Array.from(parent.children).indexOf(node) + 1) + ")";
      }
      parts.unshift(part);
      node = parent;
    }
    return parts.join(" > ");
  };
  const excluded = (el) => opts.exclude.some((sel) => {
    try { return el.closest(sel) !== null; } catch (e) { return false; }
  });
  const textOf = (el) => (el.innerText || el.textContent || "").replace(/\s+/g, " ").trim();
  const infoOf = (el) => {
    if (!(el instanceof Element)) return null;
    const link = el.closest("a[href]");
    const img = el.localName === "img" ? el : el.querySelector("img");
    const heading = el.closest("h1, h2, h3, h4, h5, h6");
    return {
      // Markup our theme partials add to every page (the owner footer) is the theme's, not the page's.
      inContent: el.closest(CONTENT) !== null && el.closest("[data-diemen-theme]") === null,
      themePart: el.closest("[data-diemen-theme]") ? el.closest("[data-diemen-theme]").getAttribute("data-diemen-theme") : null,
      tag: el.localName,
      text: textOf(el).slice(0, 160),
      href: link ? link.getAttribute("href") : null,
      src: img ? img.getAttribute("src") : el.getAttribute("src"),
      alt: img ? img.getAttribute("alt") : null,
      heading: heading ? textOf(heading).slice(0, 160) : null,
    };
  };
  const nodeOf = (target) => {
    if (!Array.isArray(target) || target.length !== 1 || typeof target[0] !== "string") return null;
    try { return document.querySelector(target[0]); } catch (e) { return null; }
  };
  const shrink = (result) => ({
    id: result.id,
    impact: result.impact,
    tags: result.tags,
    help: result.help,
    description: result.description,
    helpUrl: result.helpUrl,
    nodes: result.nodes.map((n) => ({
      target: n.target.map((t) => (Array.isArray(t) ? t.join(" ") : String(t))),
      html: (n.html || "").slice(0, 300),
      impact: n.impact,
      summary: (n.failureSummary || "").slice(0, 600),
      info: infoOf(nodeOf(n.target)),
    })),
  });

  const context = opts.exclude.length ? { include: [document], exclude: opts.exclude.map((s) => [s]) } : document;
  const axeResult = await axe.run(context, {
    runOnly: { type: "tag", values: opts.tags },
    resultTypes: ["violations", "incomplete"],
  });

  const own = { links: [], videos: [], forms: [], blocks: [], counts: {} };
  for (const [key, sel] of Object.entries({
    video: "video", audio: "audio", form: "form", password: "input[type=password]", iframe: "iframe",
    table: "table", image: "img", pdf: "a[href$='.pdf' i]", input: "input:not([type=hidden]), select, textarea",
  })) {
    own.counts[key] = document.querySelectorAll(sel).length;
  }
  const pageLang = (document.documentElement.getAttribute("lang") || "").slice(0, 2).toLowerCase();
  // Only links whose text says nothing about where they go are reported: the judgement is
  // one expression per language, made by linters/wcag/link_texts.py from its word lists, and
  // normal() is that module's normal(). The rest costs no selector and no layout work.
  const normal = (text) => text.toLowerCase().replace(/[^\p{L}\p{N}\s]+/gu, " ").replace(/\s+/g, " ").trim();
  const unclearText = Object.fromEntries(Object.entries(opts.linkTexts).map(([l, p]) => [l, new RegExp(p, "u")]));
  for (const a of document.querySelectorAll("a[href]")) {
    const name = (a.getAttribute("aria-label") || a.textContent || Array.from(a.querySelectorAll("img[alt]")).map((i) => i.alt).join(" ")).replace(/\s+/g, " ").trim();
    const langEl = a.closest("[lang]");
    const lang = langEl ? langEl.getAttribute("lang").slice(0, 2).toLowerCase() : pageLang;
    const unclear = unclearText[lang] || unclearText.nl;
    const key = normal(name);
    if (!key || !unclear.test(key)) continue;
    if (excluded(a) || a.closest("[hidden], [aria-hidden=true]")) continue;
    own.links.push({ selector: selectorOf(a), html: a.outerHTML.slice(0, 300), name, lang, info: infoOf(a) });
  }
  for (const v of document.querySelectorAll("video")) {
    if (excluded(v)) continue;
    const tracks = Array.from(v.querySelectorAll("track")).filter((t) => ["captions", "subtitles"].includes(t.kind) && t.getAttribute("src"));
    own.videos.push({ selector: selectorOf(v), html: v.outerHTML.slice(0, 300), captions: tracks.length, info: infoOf(v) });
  }
  for (const f of document.querySelectorAll("form")) {
    if (excluded(f)) continue;
    const submit = f.querySelector("button:not([type]), button[type=submit], input[type=submit], input[type=image]");
    own.forms.push({ selector: selectorOf(f), html: f.outerHTML.slice(0, 300), submit: submit !== null, info: infoOf(f) });
  }
  // Language of parts: only blocks that look like the other language (by its function
  // words, from linters/wcag/data/languages.yml) go back to Python, which decides per sentence.
  const words = { nl: new Set(opts.languageWords.nl), en: new Set(opts.languageWords.en) };
  const langOf = (node) => {
    const marked = node.closest("[lang]");
    return marked ? marked.getAttribute("lang").slice(0, 2).toLowerCase() : pageLang;
  };
  // The text of a block in the block's own language: a part marked with another
  // lang (a <span lang="en"> in a Dutch sentence) is already right and left out.
  const ownText = (el, lang) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let out = "";
    while (walker.nextNode()) {
      const node = walker.currentNode;
      out += node.parentElement && langOf(node.parentElement) === lang ? node.nodeValue : " ";
    }
    return out.replace(/\s+/g, " ").trim();
  };
  for (const el of document.querySelectorAll("p, li, h1, h2, h3, h4, h5, h6, td, th, dd, blockquote, figcaption")) {
    if (el.querySelector("p, li, td, ul, ol")) continue;
    const lang = langOf(el);
    const text = ownText(el, lang);
    const other = lang === "nl" ? words.en : lang === "en" ? words.nl : null;
    if (!other) continue;
    const tokens = text.toLowerCase().match(/\p{L}+(?:['’]\p{L}+)?/gu) || [];
    if (tokens.length < 5 || tokens.filter((w) => other.has(w)).length < 3) continue;
    if (excluded(el)) continue;
    own.blocks.push({ selector: selectorOf(el), text: text.slice(0, 600), lang, info: infoOf(el) });
  }

  return {
    url: location.href,
    title: document.title,
    lang: pageLang,
    axeVersion: axe.version,
    violations: axeResult.violations.map(shrink),
    incomplete: axeResult.incomplete.map(shrink),
    passes: axeResult.passes.map((r) => ({ id: r.id, tags: r.tags })),
    inapplicable: axeResult.inapplicable.map((r) => ({ id: r.id, tags: r.tags })),
    own,
  };
}
