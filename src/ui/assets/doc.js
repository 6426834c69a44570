// `/ui/doc/{id}#L{n}` and `#L{from}-{to}`: a document's lines with line numbers (and page
// numbers for PDFs), the cited span highlighted and scrolled into view.

import { h, replace, setState } from "./dom.js";
import { getJson, documents, url } from "./api.js";
import { docUrl } from "./labels.js";
import { errorBox } from "./parts.js";

/** Lines fetched per request (the endpoint's limit). */
const CHUNK = 500;

/** The cited span in the URL fragment, or null. */
export function parseSpan(hash) {
  const match = /^#L(\d+)(?:-L?(\d+))?$/.exec(hash || "");
  if (!match) {
    return null;
  }
  const from = Number(match[1]);
  const to = match[2] ? Number(match[2]) : from;
  return { from: Math.min(from, to), to: Math.max(from, to) };
}

/** Renders the viewer of document `id` into `main`. */
export async function docPage(main, id) {
  const heading = h("h1", {}, id);
  const meta = h("p", { class: "doc-meta" });
  const status = h("p", { class: "status", role: "status", "aria-live": "polite" }, "本文を読み込み中…");
  const list = h("ol", { class: "lines", "aria-label": "本文" });
  replace(
    main,
    heading,
    meta,
    h(
      "p",
      { class: "doc-actions" },
      h("a", { href: url("/ui/", { doc: id }) }, "この文書内を検索"),
      " ・ ",
      h("a", { href: "/ui/documents" }, "文書の一覧")
    ),
    status,
    list
  );
  setState("loading");
  documents()
    .then((docs) => {
      const doc = docs.find((d) => d.id === id);
      if (!doc) {
        return;
      }
      replace(heading, doc.title);
      document.title = `${doc.title} — seisaku`;
      replace(meta, [doc.publisher, doc.date, doc.kind].filter(Boolean).join(" ・ "));
      if (doc.source === "library") {
        meta.append(
          " ・ ",
          h("a", { href: `/documents/${encodeURIComponent(id)}/original` }, "元のファイル")
        );
      }
    })
    .catch(() => {});

  list.addEventListener("click", (event) => {
    const number = event.target.closest("a.ln");
    if (!number || !event.shiftKey) {
      return;
    }
    // Shift-click extends the highlighted span, as in code viewers.
    event.preventDefault();
    const span = parseSpan(location.hash);
    const line = Number(number.dataset.line);
    const from = span ? Math.min(span.from, line) : line;
    const to = span ? Math.max(span.to, line) : line;
    window.history.replaceState(null, "", docUrl(id, from, to));
    highlight(false);
  });
  window.addEventListener("hashchange", () => highlight(true));

  let total = 0;
  let page = null;
  let scrolled = false;
  try {
    for (let from = 1; ; from += CHUNK) {
      const body = await getJson(`/documents/${encodeURIComponent(id)}/lines`, {
        from,
        to: from + CHUNK - 1,
      });
      const fragment = document.createDocumentFragment();
      for (const line of body.lines) {
        if (line.page !== null && line.page !== undefined && line.page !== page) {
          page = line.page;
          list.classList.add("paged");
          fragment.append(h("li", { class: "page-break", "aria-hidden": "true" }, `p.${page}`));
        }
        fragment.append(
          h(
            "li",
            { class: "line", id: `L${line.line}`, value: line.line },
            h("a", { class: "ln", href: `#L${line.line}`, "data-line": line.line }, String(line.line)),
            line.page !== null && line.page !== undefined
              ? h("span", { class: "pg", title: `${line.page}ページ` }, String(line.page))
              : null,
            h("span", { class: "text" }, line.text === "" ? "\u00a0" : line.text)
          )
        );
      }
      list.append(fragment);
      total += body.lines.length;
      const span = parseSpan(location.hash);
      if (!scrolled && span && total >= span.from) {
        scrolled = highlight(true);
      }
      // `total_lines`, when the server gives it, saves asking past the end.
      const known = Number.isInteger(body.total_lines) ? body.total_lines : null;
      if (body.lines.length < CHUNK || (known !== null && from + CHUNK > known)) {
        break;
      }
    }
    replace(status, `${total} 行`);
    if (!scrolled) {
      highlight(true);
    }
    setState("ready");
  } catch (error) {
    replace(status, errorBox(error));
    setState("error");
  }

  function highlight(scroll) {
    for (const old of list.querySelectorAll(".hl")) {
      old.classList.remove("hl", "hl-first", "hl-last");
    }
    const span = parseSpan(location.hash);
    if (!span) {
      return false;
    }
    let first = null;
    for (let n = span.from; n <= span.to; n += 1) {
      const row = document.getElementById(`L${n}`);
      if (!row) {
        continue;
      }
      row.classList.add("hl");
      if (!first) {
        first = row;
        row.classList.add("hl-first");
      }
      if (n === span.to) {
        row.classList.add("hl-last");
      }
    }
    if (first && scroll) {
      first.setAttribute("tabindex", "-1");
      first.focus({ preventScroll: true });
      first.scrollIntoView({ block: "center" });
    }
    return Boolean(first);
  }
}
