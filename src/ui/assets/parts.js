// Pieces several pages share: citations, node chips, error boxes, pagers.

import { h } from "./dom.js";
import { errorMessage } from "./api.js";
import { docUrl, lineLabel, nodeUrl, typeLabel } from "./labels.js";

/** A link to the cited lines in the viewer: `title ・ 12–15行`, with the quote below. */
export function citation(source, titles) {
  const title = source.doc_title || (titles && titles.get(source.doc)) || source.doc;
  return h(
    "div",
    { class: "citation" },
    h(
      "a",
      { class: "cite", href: docUrl(source.doc, source.line_start, source.line_end) },
      h("span", { class: "cite-title" }, title),
      " ・ ",
      h("span", { class: "cite-lines" }, lineLabel(source.line_start, source.line_end, source.page))
    ),
    source.quote ? h("blockquote", { class: "quote" }, source.quote) : null
  );
}

/** A node as a chip linking to its page, with its type. */
export function nodeChip(node) {
  return h(
    "a",
    { class: `chip type-${node.type}`, href: nodeUrl(node.id) },
    h("span", { class: "badge" }, typeLabel(node.type)),
    " ",
    node.name
  );
}

/** A readable error box. */
export function errorBox(error) {
  return h("div", { class: "error", role: "alert" }, errorMessage(error));
}

/** Page links for `total` items, `size` a page, at 1-based `page`; `href(page)` makes links. */
export function pager(total, size, page, href) {
  const pages = Math.max(1, Math.ceil(total / size));
  if (pages <= 1) {
    return null;
  }
  const shown = new Set([1, pages, page - 2, page - 1, page, page + 1, page + 2]);
  const items = [];
  let last = 0;
  for (let p = 1; p <= pages; p += 1) {
    if (!shown.has(p)) {
      continue;
    }
    if (p - last > 1) {
      items.push(h("li", { class: "gap" }, "…"));
    }
    items.push(
      h(
        "li",
        {},
        p === page
          ? h("span", { "aria-current": "page" }, String(p))
          : h("a", { href: href(p), "data-page": p }, String(p))
      )
    );
    last = p;
  }
  return h(
    "nav",
    { class: "pager", "aria-label": "ページ" },
    page > 1 ? h("a", { href: href(page - 1), rel: "prev", "data-page": page - 1 }, "← 前へ") : null,
    h("ul", {}, items),
    page < pages ? h("a", { href: href(page + 1), rel: "next", "data-page": page + 1 }, "次へ →") : null
  );
}
