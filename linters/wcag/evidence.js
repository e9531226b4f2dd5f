// Runs once in each page of the yearly sample (Playwright `page.evaluate`), before axe-core.
// Gathers what an auditor needs to answer the manual questions, so the report can
// show it beside the question: images with their text alternative, the heading
// outline and landmarks, the title, the languages, link texts read out of
// context, form fields with their labels, and media with their tracks.
// The theme's navigation repeats on every page: links are taken from the page
// content only, so a link text is judged where an editor wrote it.
() => {
  const CONTENT = ".md-content__inner, main article, [role=main] article";
  const text = (el) => (el ? (el.innerText || el.textContent || "").replace(/\s+/g, " ").trim() : "");
  const clip = (value, n) => (value || "").slice(0, n);
  const byIds = (ids) =>
    (ids || "").split(/\s+/).map((id) => document.getElementById(id)).filter(Boolean).map(text).join(" ");
  const nameOf = (el) => {
    const labelled = byIds(el.getAttribute("aria-labelledby"));
    if (labelled) return labelled;
    const aria = el.getAttribute("aria-label");
    if (aria) return aria.trim();
    const own = text(el);
    if (own) return own;
    const img = el.querySelector("img[alt]");
    return img ? img.getAttribute("alt") : (el.getAttribute("title") || "");
  };
  const hidden = (el) => {
    const style = getComputedStyle(el);
    return style.display === "none" || style.visibility === "hidden" || el.closest("[hidden],[aria-hidden=true]") !== null;
  };
  const content = document.querySelector(CONTENT) || document.body;
  const images = Array.from(document.querySelectorAll("img, svg[role=img], [role=img]:not(svg)"))
    .filter((el) => !hidden(el))
    .slice(0, 100)
    .map((el) => ({
      src: clip(el.getAttribute("src") || el.localName, 200),
      alt: el.hasAttribute("alt") ? el.getAttribute("alt") : (el.getAttribute("aria-label") || null),
      role: el.getAttribute("role") || "",
      inhoud: el.closest(CONTENT) !== null,
    }));
  const headings = Array.from(document.querySelectorAll("h1, h2, h3, h4, h5, h6, [role=heading]"))
    .filter((el) => !hidden(el))
    .slice(0, 80)
    .map((el) => ({
      niveau: Number(el.getAttribute("aria-level") || el.localName.slice(1)) || 2,
      tekst: clip(text(el), 160),
    }));
  const LANDMARKS = "header, nav, main, aside, footer, form[aria-label], form[aria-labelledby], [role=banner], " +
    "[role=navigation], [role=main], [role=complementary], [role=contentinfo], [role=search], [role=region]";
  const ROLES = { header: "banner", nav: "navigation", main: "main", aside: "complementary", footer: "contentinfo", form: "form" };
  const landmarks = Array.from(document.querySelectorAll(LANDMARKS))
    .filter((el) => !hidden(el))
    .filter((el) => !(["header", "footer"].includes(el.localName) && el.closest("article, aside, main, nav, section")))
    .slice(0, 40)
    .map((el) => ({
      rol: el.getAttribute("role") || ROLES[el.localName] || el.localName,
      naam: clip(byIds(el.getAttribute("aria-labelledby")) || el.getAttribute("aria-label") || "", 120),
    }));
  const seen = new Set();
  const links = [];
  for (const a of content.querySelectorAll("a[href]")) {
    if (hidden(a) || a.classList.contains("headerlink")) continue;
    const name = clip(nameOf(a), 160);
    const key = name + "\u0000" + a.getAttribute("href");
    if (seen.has(key)) continue;
    seen.add(key);
    links.push({ tekst: name, doel: clip(a.getAttribute("href"), 200) });
    if (links.length >= 150) break;
  }
  const fields = Array.from(document.querySelectorAll("input, select, textarea"))
    .filter((el) => el.type !== "hidden" && !hidden(el))
    .slice(0, 60)
    .map((el) => {
      const labels = el.labels ? Array.from(el.labels).map(text).join(" ") : "";
      return {
        soort: el.localName === "input" ? (el.type || "text") : el.localName,
        label: clip(byIds(el.getAttribute("aria-labelledby")) || el.getAttribute("aria-label") || labels, 160),
        verplicht: el.required || el.getAttribute("aria-required") === "true",
        autocomplete: el.getAttribute("autocomplete") || "",
        uitleg: clip(byIds(el.getAttribute("aria-describedby")), 160),
        placeholder: clip(el.getAttribute("placeholder") || "", 80),
      };
    });
  const parts = Array.from(document.querySelectorAll("body [lang]"))
    .filter((el) => !hidden(el))
    .slice(0, 40)
    .map((el) => ({ taal: el.getAttribute("lang"), tekst: clip(text(el), 120) }));
  const media = Array.from(document.querySelectorAll("video, audio")).map((el) => ({
    soort: el.localName,
    bron: clip(el.currentSrc || el.getAttribute("src") || "", 200),
    sporen: Array.from(el.querySelectorAll("track")).map((t) => `${t.kind || "subtitles"} (${t.srclang || "?"})`),
    automatisch: el.autoplay,
  }));
  return {
    titel: document.title,
    taal: document.documentElement.getAttribute("lang") || "",
    afbeeldingen: images,
    koppen: headings,
    landmarks,
    links,
    velden: fields,
    taaldelen: parts,
    media,
  };
}
