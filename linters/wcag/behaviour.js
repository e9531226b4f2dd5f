// Our own browser checks where the engines are silent (linters/wcag/behaviour.py drives them).
//
// Evaluated once per page after the engines ran: it installs `window.__webredactieOwn`,
// whose functions the Python side calls between the things only it can do (resize the
// viewport, press real keys). Each check follows the applicability and expectation of
// its W3C ACT rule where one exists, and stays silent where it cannot be sure: an own
// check must not add false alarms to what the engines already say.
// Returns false for a document that is not HTML (a standalone SVG): the checks are for HTML pages.
() => {
  if (!(document.documentElement instanceof HTMLElement)) return false;
  if (window.__webredactieOwn) return true;
  const own = {};
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const frame = () => Promise.race([new Promise((resolve) => requestAnimationFrame(() => resolve())), sleep(100)]);
  const CONTENT = ".md-content__inner, main article, [role=main] article";
  const cssEscape = (value) => (window.CSS && CSS.escape ? CSS.escape(value) : value.replace(/[^\w-]/g, "\\$&"));

  // Where an element is, in the same shape as page.js gives it, so the audit maps it to its Markdown line.
  const selectorOf = (el) => {
    if (!(el instanceof Element)) return "";
    const unique = (id) => id && document.querySelectorAll("#" + cssEscape(id)).length === 1;
    if (unique(el.id)) return "#" + cssEscape(el.id);
    const parts = [];
    let node = el;
    while (node && node.nodeType === 1 && node !== document.documentElement) {
      if (unique(node.id)) {
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
    return parts.join(" > ") || el.localName;
  };
  const textOf = (el) => (el.innerText || el.textContent || "").replace(/\s+/g, " ").trim();
  const infoOf = (el) => {
    const link = el.closest("a[href]");
    const img = el.localName === "img" ? el : el.querySelector("img");
    const heading = el.closest("h1, h2, h3, h4, h5, h6");
    return {
      inContent: el.closest(CONTENT) !== null,
      tag: el.localName,
      text: textOf(el).slice(0, 160),
      href: link ? link.getAttribute("href") : null,
      src: img ? img.getAttribute("src") : el.getAttribute("src"),
      alt: img ? img.getAttribute("alt") : null,
      heading: heading ? textOf(heading).slice(0, 160) : null,
    };
  };
  const item = (el, extra) => ({ selector: selectorOf(el), html: el.outerHTML.slice(0, 300), info: infoOf(el), ...extra });

  const px = (value) => {
    const n = parseFloat(value);
    return Number.isFinite(n) ? n : 0;
  };
  const rendered = (el) =>
    el.checkVisibility ? el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) : el.getClientRects().length > 0;
  // Can be seen, or brought into view by scrolling: not moved off the page to the left or the top.
  const onPage = (rect) => rect.width > 0 && rect.height > 0 && rect.right + window.scrollX > 0 && rect.bottom + window.scrollY > 0;
  const textRect = (node) => {
    const range = document.createRange();
    range.selectNodeContents(node);
    return range.getBoundingClientRect();
  };
  const visibleText = (node) => {
    if (!node.nodeValue.trim() || !node.parentElement || !rendered(node.parentElement)) return false;
    return onPage(textRect(node));
  };
  const hiddenFromAll = (el) => el.closest("[aria-hidden=true]") !== null;

  // Let the layout settle after a resize or a style change: one frame (resize handlers and
  // observers of the page run in it), and every
  // running CSS transition finished, so computed styles show the end state.
  own.settle = async () => {
    await frame();
    for (const animation of document.getAnimations ? document.getAnimations() : []) {
      if (animation.constructor && animation.constructor.name === "CSSTransition") {
        try { animation.finish(); } catch (e) { /* an endless transition cannot finish */ }
      }
    }
  };

  // --- 2.2.1 meta refresh (ACT bc659a) -------------------------------------------------
  // The HTML standard's "shared declarative refresh steps": the delay in seconds, or null when
  // the content attribute is not valid (the browser then ignores the element).
  const refreshDelay = (content) => {
    let s = content.replace(/^[\t\n\f\r ]+/, "");
    const digits = s.match(/^\d*/)[0];
    if (digits === "" && s[0] !== ".") return null;
    const delay = digits === "" ? 0 : parseInt(digits, 10);
    s = s.slice(digits.length).replace(/^[\d.]*/, "");
    if (s !== "" && !/^[;,\t\n\f\r ]/.test(s)) return null;
    s = s.replace(/^[\t\n\f\r ]*[;,]?[\t\n\f\r ]*/, "");
    return { delay, url: s.replace(/^url\s*=\s*/i, "").replace(/^['"]|['"]$/g, "") };
  };
  const metaRefresh = () => {
    for (const meta of document.querySelectorAll("meta[http-equiv]")) {
      if (meta.getAttribute("http-equiv").trim().toLowerCase() !== "refresh" || !meta.hasAttribute("content")) continue;
      const parsed = refreshDelay(meta.getAttribute("content"));
      if (parsed === null) continue;
      // The first valid one is the one the browser follows; 0 is an instant redirect and
      // more than 20 hours is WCAG's exception.
      if (parsed.delay > 0 && parsed.delay <= 72000) {
        return [{ selector: selectorOf(meta), html: meta.outerHTML.slice(0, 300), info: null, delay: parsed.delay, redirect: parsed.url !== "" }];
      }
      return [];
    }
    return [];
  };

  // --- 1.4.12 text spacing fixed in style attributes (ACT 24afc2, 78fd32, 9e45ec) -------
  const SPACING = [
    ["letter-spacing", 0.12, "24afc2"],
    ["word-spacing", 0.16, "9e45ec"],
    ["line-height", 1.5, "78fd32"],
  ];
  const ownTextNodes = (el) => Array.from(el.childNodes).filter((n) => n.nodeType === 3 && visibleText(n));
  const lineCount = (nodes) => {
    const tops = new Set();
    for (const node of nodes) {
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) if (rect.width > 0) tops.add(Math.round(rect.top));
    }
    return tops.size;
  };
  const spacingValue = (style, property) => {
    const value = style.getPropertyValue(property);
    if (value === "normal") return property === "line-height" ? 1.2 * px(style.fontSize) : 0;
    return px(value);
  };
  const spacingStyles = () => {
    const out = [];
    const declared = Array.from(document.querySelectorAll("[style]")).filter((el) => /spacing|line-height/i.test(el.getAttribute("style")));
    if (!declared.length) return out;
    const seen = new Set();
    for (const el of document.querySelectorAll("body, body *")) {
      const nodes = ownTextNodes(el);
      if (!nodes.length) continue;
      const style = getComputedStyle(el);
      for (const [property, factor, act] of SPACING) {
        // The value comes from an important declaration in a style attribute: on the element
        // itself, or inherited unchanged from the nearest ancestor that declares one.
        let source = null;
        for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
          if (node.style && node.style.getPropertyValue(property) !== "") {
            const value = node.style.getPropertyValue(property).trim().toLowerCase();
            if (node.style.getPropertyPriority(property) === "important" && !["inherit", "unset", "revert", "revert-layer"].includes(value)) source = node;
            break;
          }
        }
        if (source === null) continue;
        if (source !== el) {
          const inherited = getComputedStyle(source).getPropertyValue(property);
          // A number line-height is inherited as the number; lengths as the same pixels.
          const numeric = property === "line-height" && /^[\d.]+$/.test(source.style.getPropertyValue(property).trim());
          if (!numeric && inherited !== style.getPropertyValue(property)) continue;
        }
        if (property === "line-height" && lineCount(nodes) < 2) continue;
        const size = px(style.fontSize);
        const value = spacingValue(style, property);
        if (size > 0 && value + 0.01 < factor * size) {
          const key = selectorOf(source) + property;
          if (seen.has(key)) continue;
          seen.add(key);
          out.push({ ...item(source), property, value: style.getPropertyValue(property), fontSize: style.fontSize, needed: +(factor * size).toFixed(2), act });
        }
      }
    }
    return out;
  };

  // --- 1.4.2 audio that plays by itself (ACT 80f0bf = 4c31df or aaa1bf) ---------------------
  const fragment = (src) => {
    const match = /#.*\bt=([\d.]*)(?:,([\d.]+))?/.exec(src || "");
    if (!match) return [0, null];
    return [parseFloat(match[1] || "0") || 0, match[2] !== undefined ? parseFloat(match[2]) : null];
  };
  const accessibleText = (el) => (el.getAttribute("aria-label") || el.getAttribute("title") || el.value || textOf(el) || "").trim();
  const CONTROLS = "button, input[type=button], input[type=submit], input[type=image], input[type=checkbox], input[type=range], [role=button], [role=switch], [role=slider], [role=checkbox]";
  const controlsNear = (media) => {
    // A visible, named, operable control next to the media (its container up to three levels up).
    let box = media.parentElement;
    for (let level = 0; box && level < 3; level++, box = box.parentElement) {
      const controls = Array.from(box.querySelectorAll(CONTROLS))
        .filter((c) => rendered(c) && !hiddenFromAll(c) && !c.disabled && accessibleText(c) !== "");
      if (controls.length) return true;
    }
    return false;
  };
  // Whether the media makes sound now: its samples, through a Web Audio analyser. A track
  // that exists but is silent is no sound; a source of another origin reads as silence (no finding).
  const audible = async (media) => {
    let context;
    try {
      context = new AudioContext();
      const source = context.createMediaElementSource(media);
      const analyser = context.createAnalyser();
      source.connect(analyser);
      analyser.connect(context.destination);
      if (context.state !== "running") await Promise.race([context.resume(), sleep(200)]);
      const samples = new Float32Array(analyser.fftSize);
      for (let round = 0; round < 10; round++) {
        await sleep(50);
        analyser.getFloatTimeDomainData(samples);
        if (samples.some((v) => Math.abs(v) > 0.001)) return true;
      }
    } catch (e) {
      return false;
    }
    return false;
  };
  own.media = async () => {
    const out = [];
    const playing = Array.from(document.querySelectorAll("audio, video")).filter((m) => m.autoplay && !m.muted);
    for (const media of playing) {
      if (media.readyState < 1) {
        await Promise.race([new Promise((resolve) => media.addEventListener("loadedmetadata", resolve, { once: true })), sleep(1500)]);
      }
      if (media.paused || media.muted || media.readyState < 1) continue;
      if (!(await audible(media))) continue;
      const [start, end] = fragment(media.currentSrc);
      const length = media.loop ? Infinity : (end !== null ? Math.min(end, media.duration) : media.duration) - start;
      if (!(length > 3)) continue;
      if (media.controls || controlsNear(media)) continue;
      out.push({ ...item(media), seconds: Number.isFinite(length) ? Math.round(length) : null, act: "80f0bf" });
    }
    return out;
  };

  // --- 2.5.3 visible label in the accessible name (ACT 2ee8b8) ----------------------------
  const NAME_FROM_CONTENT = new Set([
    "button", "checkbox", "gridcell", "link", "menuitem", "menuitemcheckbox", "menuitemradio",
    "option", "radio", "searchbox", "switch", "tab", "treeitem",
  ]);
  const roleOf = (el) => {
    const explicit = (el.getAttribute("role") || "").trim().split(/\s+/)[0];
    if (explicit && explicit !== "none" && explicit !== "presentation") return explicit;
    if ((el.localName === "a" || el.localName === "area") && el.hasAttribute("href")) return "link";
    if (el.localName === "button") return "button";
    if (el.localName === "option") return "option";
    return "";
  };
  const ICON_FONT = /icon|awesome|glyph|symbol|material/i;
  // ACT's "visible inner text": block boxes add line breaks, hidden text counts as nothing.
  const innerVisible = (node) => {
    if (node.nodeType === 3) {
      const parent = node.parentElement;
      if (!parent || !rendered(parent)) return /^\s+$/.test(node.nodeValue) && parent && parent.getClientRects().length ? " " : "";
      const rect = textRect(node);
      if (rect.width <= 1 && rect.height <= 1) return "";
      if (ICON_FONT.test(getComputedStyle(parent).fontFamily.split(",")[0])) return " ";
      return node.nodeValue.replace(/\s+/g, " ");
    }
    if (node.nodeType !== 1) return "";
    const el = node;
    if (el.localName === "br") return "\n";
    if (!el.getClientRects().length) return "";
    const style = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    // Visually hidden (a 1 pixel clip) is not part of the visible label.
    if (rect.width <= 1 && rect.height <= 1 && style.overflow !== "visible") return "";
    if (!rendered(el) && style.visibility !== "hidden") return rect.width > 0 ? " " : "";
    let text = "";
    for (const child of el.childNodes) text += innerVisible(child);
    if (/^(block|flex|grid|list-item|table|flow-root)/.test(style.display) || style.display === "table-caption") return "\n" + text + "\n";
    if (style.display === "table-cell" || style.display === "table-row") return " " + text + " ";
    return text;
  };
  const tokens = (text, keepHyphens) => {
    let s = text.replace(/\([^()]*\)/g, " ").toLowerCase().normalize("NFKD");
    if (keepHyphens) s = s.replace(/[\u002D\u00AD\u2010\u2011]/g, "");
    return s.replace(/[^\p{L}\p{N}]+/gu, " ").trim().split(/\s+/).filter(Boolean);
  };
  const contained = (label, name) => {
    if (!label.length) return true;
    outer: for (let i = 0; i + label.length <= name.length; i++) {
      for (let j = 0; j < label.length; j++) if (label[j] !== name[i + j]) continue outer;
      return true;
    }
    return false;
  };
  const nameOf = (el) => {
    const ids = (el.getAttribute("aria-labelledby") || "").trim();
    if (ids) {
      const parts = ids.split(/\s+/).map((id) => document.getElementById(id)).filter(Boolean);
      if (parts.length) return parts.map((p) => p.getAttribute("aria-label") || p.textContent || "").join(" ");
    }
    return el.getAttribute("aria-label") || "";
  };
  const labelsInName = () => {
    const out = [];
    for (const el of document.querySelectorAll("[aria-label], [aria-labelledby]")) {
      const role = roleOf(el);
      if (!NAME_FROM_CONTENT.has(role) || hiddenFromAll(el) || !rendered(el)) continue;
      const name = nameOf(el).trim();
      if (!name) continue;
      const visible = innerVisible(el);
      const label = tokens(visible);
      if (!label.length) continue;
      // One symbol (an "x" that means close) is non-text content, not a label.
      if (label.length === 1 && label[0].length === 1 && /^[x×✕✖]$/i.test(visible.trim())) continue;
      if (contained(label, tokens(name))) continue;
      // Words spelled or hyphenated differently, and abbreviations, are outside the rule.
      if (contained(tokens(visible, true), tokens(name, true))) continue;
      const abbreviated = /\b\p{L}+\./u.test(visible) && (() => {
        const words = tokens(name);
        return label.every((word) => words.some((w) => w === word || w.startsWith(word)));
      })();
      if (abbreviated) continue;
      out.push({ ...item(el), label: visible.replace(/\s+/g, " ").trim().slice(0, 120), name: name.slice(0, 120), act: "2ee8b8" });
    }
    return out;
  };

  // --- 1.3.4 orientation locked with a rotation (ACT b33eff) -------------------------------
  const ROTATING = /rotate|matrix/i;
  const orientationRules = (rules, conditional, found) => {
    for (const rule of rules) {
      if (rule.type === CSSRule.MEDIA_RULE) {
        const orientation = /orientation\s*:\s*(portrait|landscape)/i.test(rule.media.mediaText);
        orientationRules(rule.cssRules, conditional || orientation, found);
      } else if (rule.type === CSSRule.STYLE_RULE && conditional) {
        const style = rule.style;
        if (style.getPropertyValue("rotate").trim() || ROTATING.test(style.getPropertyValue("transform"))) found.add(rule.selectorText);
      } else if (rule.cssRules) {
        orientationRules(rule.cssRules, conditional, found);
      }
    }
  };
  let rotated = [];
  const angleOf = (el) => {
    const style = getComputedStyle(el);
    let angle = 0;
    const transform = style.transform;
    const values = /matrix(3d)?\(([^)]*)\)/.exec(transform || "");
    if (values) {
      const m = values[2].split(",").map(parseFloat);
      angle += (Math.atan2(m[1], m[0]) * 180) / Math.PI;
    }
    const rotate = (style.rotate || "none").trim();
    if (rotate !== "none") {
      const parts = rotate.split(/\s+/);
      const deg = parts[parts.length - 1];
      const zAxis = parts.length === 1 || parts[0] === "z" || (parts.length === 4 && px(parts[0]) === 0 && px(parts[1]) === 0);
      if (zAxis) angle += deg.endsWith("turn") ? px(deg) * 360 : deg.endsWith("rad") ? (px(deg) * 180) / Math.PI : deg.endsWith("grad") ? px(deg) * 0.9 : px(deg);
    }
    return angle;
  };
  own.orientationBefore = () => {
    const selectors = new Set();
    for (const sheet of document.styleSheets) {
      try { orientationRules(sheet.cssRules, false, selectors); } catch (e) { /* another origin's sheet cannot be read */ }
    }
    rotated = [];
    for (const selector of selectors) {
      try {
        for (const el of Array.from(document.querySelectorAll(selector)).slice(0, 20)) rotated.push({ el, angle: angleOf(el), shown: rendered(el) });
      } catch (e) { /* a selector this browser does not support */ }
    }
    return rotated.length;
  };
  own.orientationAfter = () => {
    const out = [];
    for (const { el, angle, shown } of rotated) {
      if (!shown || !rendered(el)) continue;
      const turn = (((angleOf(el) - angle) % 180) + 180) % 180;
      if (Math.abs(turn - 90) < 1) out.push({ ...item(el), act: "b33eff" });
    }
    rotated = [];
    return out;
  };

  // --- clipped text (1.4.4 at 640 by 512, ACT 59br37; 1.4.10 at 320; 1.4.12 with spacing) ----
  const CLIPS = /hidden|clip/;
  const SCROLLS = /hidden|clip|auto|scroll/;
  const tiny = (rect, style) => rect.width <= 1 || rect.height <= 1 || style.clip !== "auto" || (style.clipPath && style.clipPath !== "none");
  const paddingBox = (el, style) => {
    const rect = el.getBoundingClientRect();
    return {
      left: rect.left + px(style.borderLeftWidth), right: rect.right - px(style.borderRightWidth),
      top: rect.top + px(style.borderTopWidth), bottom: rect.bottom - px(style.borderBottomWidth),
    };
  };
  const meet = (a, b) => ({ left: Math.max(a.left, b.left), right: Math.min(a.right, b.right), top: Math.max(a.top, b.top), bottom: Math.min(a.bottom, b.bottom) });
  const empty = (box) => box.right - box.left < 1 || box.bottom - box.top < 1;
  // Where a text node is cut off: the first ancestor that hides part of it (with the ACT
  // rule's exceptions), provided some of the text stays visible on the page.
  const clipOf = (node, styleOf) => {
    const parent = node.parentElement;
    let box = textRect(node);
    if (!onPage(box)) return null;
    let clip = null;
    let escape = styleOf(parent).position;
    for (let el = parent; el && el !== document.body && el !== document.documentElement; el = el.parentElement) {
      const style = styleOf(el);
      if (el !== parent) {
        // An absolutely positioned box is clipped only by ancestors from its containing block up.
        const containing = style.position !== "static" || style.transform !== "none";
        if (escape === "absolute" && !containing) continue;
        if (escape === "fixed" && style.transform === "none") continue;
      }
      if (SCROLLS.test(style.overflowX) || SCROLLS.test(style.overflowY)) {
        const rect = el.getBoundingClientRect();
        // Visually hidden text (a box of one pixel) is meant for screen readers only.
        if (tiny(rect, style)) return null;
        const inner = paddingBox(el, style);
        if (clip === null) {
          const wide = box.left < inner.left - 1 || box.right > inner.right + 1;
          const tall = box.top < inner.top - 1 || box.bottom > inner.bottom + 1;
          const nowrap = style.whiteSpace === "nowrap" || style.whiteSpace === "pre" || style.textWrapMode === "nowrap";
          const lineHeight = style.lineHeight === "normal" ? 1.2 * px(style.fontSize) : px(style.lineHeight);
          // A box exactly a whole number of lines high cuts between lines, cleanly (ACT 59br37).
          const high = inner.bottom - inner.top - px(style.paddingTop) - px(style.paddingBottom);
          const lines = Math.round(high / lineHeight);
          const clean = lineHeight > 0 && lines >= 1 && Math.abs(high - lines * lineHeight) <= 1;
          if (CLIPS.test(style.overflowX) && wide && !(nowrap && style.textOverflow !== "clip")) clip = { el, axis: "x" };
          else if (CLIPS.test(style.overflowY) && tall && !clean) clip = { el, axis: "y" };
        }
        // What a box with overflow shows is at most its own box (a scroller shows the rest on scrolling).
        box = meet(box, inner);
        if (empty(box)) return null;
      }
      if (style.position === "fixed") {
        // A fixed box cannot be scrolled to: what lies outside the window is not visible at all.
        box = meet(box, { left: 0, top: 0, right: innerWidth, bottom: innerHeight });
        if (empty(box)) return null;
        break;
      }
      if (style.position !== "static") escape = style.position === "absolute" || style.position === "fixed" ? style.position : "";
    }
    return clip;
  };
  const clippedTexts = () => {
    const cache = new Map();
    const styleOf = (el) => {
      let style = cache.get(el);
      if (!style) { style = getComputedStyle(el); cache.set(el, style); }
      return style;
    };
    // Only boxes that hide overflow and whose content is larger than they are can cut text.
    const clippers = [];
    const all = document.body ? document.body.getElementsByTagName("*") : [];
    for (const el of all) {
      if (el.scrollWidth <= el.clientWidth + 1 && el.scrollHeight <= el.clientHeight + 1) continue;
      const style = styleOf(el);
      if (!CLIPS.test(style.overflowX) && !CLIPS.test(style.overflowY)) continue;
      if (el.closest("svg, math, [aria-hidden=true]")) continue;
      clippers.push(el);
    }
    const out = [];
    const seen = new Set();
    for (const clipper of clippers) {
      if (!rendered(clipper)) continue;
      const walker = document.createTreeWalker(clipper, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode;
        const parent = node.parentElement;
        if (!parent || !node.nodeValue.trim() || ["script", "style", "noscript", "template"].includes(parent.localName)) continue;
        if (parent.closest("svg, math, [aria-hidden=true]") || !rendered(parent)) continue;
        const clip = clipOf(node, styleOf);
        if (clip === null || seen.has(clip.el)) continue;
        // One finding per clipping box: the first text it cuts off.
        seen.add(clip.el);
        out.push({ ...item(clip.el), text: node.nodeValue.replace(/\s+/g, " ").trim().slice(0, 100), axis: clip.axis });
      }
    }
    return out;
  };
  own.clipped = async () => {
    await own.settle();
    return clippedTexts();
  };

  // The text spacing WCAG 1.4.12 names, as a user's style sheet would set it.
  own.withTextSpacing = async () => {
    const style = document.createElement("style");
    style.id = "__webredactie-spacing";
    style.textContent =
      "* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }" +
      " p { margin-bottom: 2em !important; }";
    const before = new Set(clippedTexts().map((c) => c.selector));
    (document.head || document.documentElement).appendChild(style);
    await own.settle();
    const after = clippedTexts().filter((c) => !before.has(c.selector));
    style.remove();
    await own.settle();
    return after;
  };

  // --- 1.4.10 reflow at 320 CSS pixels --------------------------------------------------
  const TWO_DIMENSIONAL = "table, pre, code, img, picture, video, canvas, svg, iframe, object, embed, map, math, [role=img], [role=application], [role=toolbar], [role=grid], [role=table]";
  own.reflow = async () => {
    await own.settle();
    const root = document.documentElement;
    const width = root.clientWidth;
    if (root.scrollWidth <= width + 1) return { scrolls: false, items: [] };
    const items = [];
    const overflows = (el) => el.getBoundingClientRect().right > width + 1;
    for (const el of document.querySelectorAll("body *")) {
      if (items.length >= 3) break;
      if (!overflows(el) || !rendered(el)) continue;
      const style = getComputedStyle(el);
      if (style.position === "fixed") continue;
      if (el.closest(TWO_DIMENSIONAL)) continue;
      // Inside a box that scrolls sideways, the box scrolls and the page does not.
      let scroller = false;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (/auto|scroll|hidden|clip/.test(getComputedStyle(a).overflowX)) { scroller = true; break; }
      }
      if (scroller) continue;
      // Report where the overflow starts: the parent still fits.
      if (el.parentElement && el.parentElement !== document.body && overflows(el.parentElement)) continue;
      items.push({ ...item(el), right: Math.round(el.getBoundingClientRect().right), width });
    }
    return { scrolls: items.length > 0, width: root.scrollWidth, items };
  };

  // --- 2.1.1 / 2.1.2 keyboard ------------------------------------------------------------
  const tracked = [];
  const indexOf = (el) => {
    if (!el) return -1;
    let i = tracked.indexOf(el);
    if (i < 0) { tracked.push(el); i = tracked.length - 1; }
    return i;
  };
  const focusable = (el) =>
    el.tabIndex >= 0 && !el.disabled && !el.closest("[inert]") && rendered(el) && el.getClientRects().length > 0;
  const WIDGETS = new Set(["button", "link", "checkbox", "radio", "switch", "slider", "spinbutton", "textbox", "combobox", "searchbox", "menuitem", "menuitemcheckbox", "menuitemradio", "tab", "option", "treeitem", "gridcell"]);
  const COMPOSITE = "[role=tablist], [role=menu], [role=menubar], [role=listbox], [role=tree], [role=treegrid], [role=grid], [role=radiogroup], [role=toolbar], [aria-activedescendant]";
  let walk = null;
  let hooked = false;
  own.walkStart = () => {
    const expected = Array.from(document.querySelectorAll("body *")).filter(focusable).filter((el) => el.localName !== "iframe");
    walk = { log: [], focusCalls: 0, prevented: 0, expected: expected.map(indexOf) };
    if (!hooked) {
      hooked = true;
      // Script that moves focus (or stops the Tab key) is what can trap a keyboard user.
      for (const proto of [HTMLElement.prototype, SVGElement.prototype]) {
        const original = proto.focus;
        proto.focus = function (...args) {
          if (walk) walk.focusCalls++;
          return original.apply(this, args);
        };
      }
      window.addEventListener("keydown", (e) => { if (walk && e.key === "Tab" && e.defaultPrevented) walk.prevented++; });
      document.addEventListener("focusin", (e) => { if (walk) walk.log.push(indexOf(e.composedPath()[0] || e.target)); }, true);
    }
    // Start at the top of the document, as a visitor who just arrived.
    if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
    const start = document.createElement("span");
    start.tabIndex = -1;
    start.id = "__webredactie-start";
    (document.body || document.documentElement).prepend(start);
    start.focus({ preventScroll: true });
    walk.focusCalls = 0;
    walk.log = [];
    leftPage = false;
    window.scrollTo(0, 0);
    return { expected: walk.expected.length };
  };
  own.walkState = () => {
    const start = document.getElementById("__webredactie-start");
    if (start) start.remove();
    return { log: walk.log.slice(), focusCalls: walk.focusCalls, prevented: walk.prevented, expected: walk.expected };
  };
  // Focus that went to the browser's own controls (past the end of the page) has escaped, even
  // when a script focuses an element afterwards: in a real browser that cannot pull it back.
  let leftPage = false;
  window.addEventListener("blur", () => { leftPage = true; });
  own.active = () => {
    const el = document.activeElement;
    const inside = el && el !== document.body && el !== document.documentElement;
    const left = leftPage;
    leftPage = false;
    return { index: inside && !left ? indexOf(el) : -1, frame: !!(el && el.localName === "iframe") };
  };
  own.focusIndex = (i) => { const el = tracked[i]; if (el) el.focus(); return document.activeElement === el; };
  // In document order, so a trap is reported at the same element whichever of its members the walk met first.
  own.describe = (indices) => indices.map((i) => tracked[i]).filter(Boolean)
    .sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))
    .map((el) => item(el, { name: accessibleText(el).slice(0, 80) }));
  // Key combinations the page tells a visitor about ("press Ctrl+M", "druk op Escape").
  own.advertisedKeys = () => {
    const text = (document.body ? document.body.innerText : "") || "";
    const keys = new Set();
    const pattern = /\b((?:(?:ctrl|control|alt|shift|meta|cmd)\s*\+\s*)+[a-z0-9]|esc(?:ape)?|f\d{1,2})\b/gi;
    for (const match of text.matchAll(pattern)) {
      const parts = match[1].split(/\s*\+\s*/).map((p) => p.toLowerCase());
      const key = parts.pop();
      const mods = parts.map((p) => ({ ctrl: "Control", control: "Control", alt: "Alt", shift: "Shift", meta: "Meta", cmd: "Meta" })[p]);
      const name = key === "esc" || key === "escape" ? "Escape" : /^f\d+$/.test(key) ? key.toUpperCase() : key.length === 1 ? key : key;
      keys.add([...mods, name].join("+"));
    }
    return Array.from(keys).slice(0, 5);
  };
  // Links or buttons in a trap that offer help ("how to leave"): their text may appear after activation.
  own.helpers = (indices) => indices.filter((i) => {
    const el = tracked[i];
    return el && /help|how|hulp|hoe|uitleg|instructi/i.test(accessibleText(el));
  });
  own.notOperable = () => {
    const out = [];
    for (const el of document.querySelectorAll("[role], [onclick]")) {
      if (out.length >= 10) break;
      const role = (el.getAttribute("role") || "").trim().split(/\s+/)[0];
      const clickable = el.hasAttribute("onclick") && !role;
      if (!(WIDGETS.has(role) || clickable)) continue;
      if (el.tabIndex >= 0 || el.hasAttribute("tabindex") || el.disabled || el.getAttribute("aria-disabled") === "true") continue;
      if (["a", "button", "input", "select", "textarea", "summary", "label", "option", "body", "html"].includes(el.localName)) continue;
      if (el.closest(COMPOSITE) || hiddenFromAll(el) || !rendered(el) || el.closest("[inert]")) continue;
      // A clickable box around a link or button is reached through that link or button.
      if (clickable && Array.from(el.querySelectorAll("*")).some(focusable)) continue;
      if (clickable && el.closest("a[href], button, label")) continue;
      out.push(item(el, { role: role || "onclick", name: accessibleText(el).slice(0, 80) }));
    }
    return out;
  };

  // --- 2.4.7 visible focus (ACT oj04fd) and 2.4.11 focus not obscured ----------------------------
  // What can be seen of a box: a property that draws nothing (an outline of style none) does not count.
  const LOOK = [
    "box-shadow", "background-color", "background-image", "color", "opacity", "transform", "filter",
    "font-weight", "text-shadow", "visibility", "width", "height", "display",
  ];
  const look = (el, pseudo) => {
    const style = getComputedStyle(el, pseudo);
    if (pseudo && (style.content === "none" || style.content === "normal")) return "";
    const parts = LOOK.map((p) => style.getPropertyValue(p));
    const outline = style.outlineStyle;
    parts.push(outline === "none" || px(style.outlineWidth) === 0 ? "none" : [outline, style.outlineWidth, style.outlineColor, style.outlineOffset].join(" "));
    for (const side of ["top", "right", "bottom", "left"]) {
      const kind = style.getPropertyValue(`border-${side}-style`);
      const width = style.getPropertyValue(`border-${side}-width`);
      parts.push(kind === "none" || kind === "hidden" || px(width) === 0 ? "none" : [kind, width, style.getPropertyValue(`border-${side}-color`)].join(" "));
    }
    const line = style.textDecorationLine;
    parts.push(line === "none" ? "none" : [line, style.textDecorationColor, style.textDecorationThickness, style.textDecorationStyle].join(" "));
    if (pseudo) parts.push(style.content);
    return parts.join("|");
  };
  const relatives = (el) => {
    const list = [el];
    for (let a = el.parentElement, n = 0; a && n < 4; a = a.parentElement, n++) list.push(a);
    for (let s = el.nextElementSibling, n = 0; s && n < 3; s = s.nextElementSibling, n++) list.push(s);
    for (let s = el.previousElementSibling, n = 0; s && n < 2; s = s.previousElementSibling, n++) list.push(s);
    list.push(...Array.from(el.querySelectorAll("*")).slice(0, 10));
    if (el.labels) list.push(...el.labels);
    return list;
  };
  const snapshot = (list) => list.map((el) => look(el) + look(el, "::before") + look(el, "::after"));
  const finishTransitions = () => {
    for (const animation of document.getAnimations ? document.getAnimations() : []) {
      if (animation.constructor && animation.constructor.name === "CSSTransition") {
        try { animation.finish(); } catch (e) { /* endless */ }
      }
    }
  };
  // The fixed or sticky box that covers the whole element (centre and corners), or null.
  const coveredBy = (el) => {
    const rect = el.getBoundingClientRect();
    if (rect.width < 1 || rect.height < 1) return null;
    const points = [[0.5, 0.5], [0.1, 0.1], [0.9, 0.1], [0.1, 0.9], [0.9, 0.9]]
      .map(([fx, fy]) => [rect.left + fx * rect.width, rect.top + fy * rect.height])
      .filter(([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight);
    if (!points.length) return null;
    let cover = null;
    for (const [x, y] of points) {
      const hit = document.elementFromPoint(x, y);
      if (!hit || hit === el || el.contains(hit) || hit.contains(el)) return null;
      let sticky = null;
      for (let a = hit; a; a = a.parentElement) {
        const position = getComputedStyle(a).position;
        if (position === "fixed" || position === "sticky") { sticky = a; break; }
      }
      if (!sticky) return null;
      cover = sticky;
    }
    return cover;
  };
  const pinned = (el) => {
    for (let a = el; a && a !== document.body; a = a.parentElement) {
      const position = getComputedStyle(a).position;
      if (position === "fixed" || position === "sticky") return true;
    }
    return false;
  };
  // Focus that arrives from below (Shift+Tab) puts the element at the top of the window, from
  // above at the bottom; the browser keeps out of the page's scroll-padding. Is it hidden there?
  const obscured = (el, bars) => {
    if (!bars || pinned(el)) return null;
    for (const block of ["start", "end"]) {
      el.scrollIntoView({ block, inline: "nearest", behavior: "instant" });
      const cover = coveredBy(el);
      if (cover) return cover;
    }
    return null;
  };
  const hasBars = () => {
    for (const el of document.body ? document.body.getElementsByTagName("*") : []) {
      const position = getComputedStyle(el).position;
      if ((position === "fixed" || position === "sticky") && rendered(el)) {
        const rect = el.getBoundingClientRect();
        if (rect.width > innerWidth / 2 && rect.height > 0) return true;
      }
    }
    return false;
  };
  own.focusCheck = async (indices) => {
    const hidden = [];
    const covered = [];
    const root = document.documentElement;
    const behaviour = root.style.getPropertyValue("scroll-behavior");
    const priority = root.style.getPropertyPriority("scroll-behavior");
    root.style.setProperty("scroll-behavior", "auto", "important");
    const bars = hasBars();
    const observer = new MutationObserver(() => {});
    observer.observe(root, { attributes: true, childList: true, subtree: true, characterData: true });
    for (const i of indices.slice(0, 200)) {
      const el = tracked[i];
      if (!el || !el.isConnected || !focusable(el)) continue;
      if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
      finishTransitions();
      observer.takeRecords();
      // Most elements change themselves (an outline); only when one does not, look around it.
      const self = () => look(el) + look(el, "::before") + look(el, "::after");
      const shown = (records) => records.some((r) => r.target.nodeType !== 1 || rendered(r.target));
      const base = self();
      el.focus({ preventScroll: true });
      if (document.activeElement !== el) continue;
      finishTransitions();
      let changed = self() !== base || shown(observer.takeRecords());
      if (!changed) {
        el.blur();
        finishTransitions();
        observer.takeRecords();
        const list = relatives(el);
        const before = snapshot(list);
        el.focus({ preventScroll: true });
        finishTransitions();
        changed = shown(observer.takeRecords()) || snapshot(list).some((value, k) => value !== before[k]);
      }
      if (!changed && rendered(el)) hidden.push(item(el, { name: accessibleText(el).slice(0, 80), act: "oj04fd" }));
      const cover = obscured(el, bars);
      if (cover) covered.push(item(el, { name: accessibleText(el).slice(0, 80), cover: selectorOf(cover) }));
    }
    observer.disconnect();
    if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
    root.style.removeProperty("scroll-behavior");
    if (behaviour) root.style.setProperty("scroll-behavior", behaviour, priority);
    window.scrollTo(0, 0);
    return { hidden: hidden.slice(0, 10), covered: covered.slice(0, 10) };
  };

  // Fewer round trips: what runs at 1280 by 1024 before the resize pass, in one call.
  own.first = async () => {
    const found = own.static();
    found.media = await own.media();
    own.orientationBefore();
    found.spacingClipped = await own.withTextSpacing();
    return found;
  };
  // At 320 by 640: reflow, text cut off there (and not already at 640), and the portrait rotation.
  own.narrow = async (zoomed) => {
    const reflow = await own.reflow();
    const known = new Set(zoomed);
    return { reflow, reflowClipped: clippedTexts().filter((c) => !known.has(c.selector)), orientation: own.orientationAfter() };
  };
  own.back = async () => {
    await own.settle();
    return own.walkStart();
  };

  own.static = () => ({
    refresh: metaRefresh(),
    spacing: spacingStyles(),
    labels: labelsInName().slice(0, 20),
    notOperable: own.notOperable(),
  });

  window.__webredactieOwn = own;
  return true;
}
