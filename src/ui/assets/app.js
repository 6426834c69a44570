// Picks the page from the URL and renders it. Every page is a plain URL that can be
// bookmarked and shared; the data comes from the same JSON API other clients use.

import { h, replace, setState } from "./dom.js";
import { searchPage } from "./search.js";
import { docPage } from "./doc.js";
import { nodePage } from "./node.js";
import { budgetsPage } from "./budgets.js";
import { askPage } from "./ask.js";
import { browsePage } from "./browse.js";
import { documentsPage } from "./documents.js";

const ROUTES = [
  [/^\/ui\/?$/, "search", (main) => searchPage(main)],
  [/^\/ui\/doc\/(.+)$/, "documents", (main, id) => docPage(main, id)],
  [/^\/ui\/node\/(.+)$/, "browse", (main, id) => nodePage(main, id)],
  [/^\/ui\/budgets\/?$/, "budgets", (main) => budgetsPage(main)],
  [/^\/ui\/ask\/?$/, "ask", (main) => askPage(main)],
  [/^\/ui\/browse\/?$/, "browse", (main) => browsePage(main)],
  [/^\/ui\/documents\/?$/, "documents", (main) => documentsPage(main)],
];

function start() {
  const main = document.getElementById("main");
  for (const [pattern, nav, render] of ROUTES) {
    const match = pattern.exec(location.pathname);
    if (!match) {
      continue;
    }
    for (const link of document.querySelectorAll("[data-nav]")) {
      if (link.dataset.nav === nav) {
        link.setAttribute("aria-current", "page");
      }
    }
    let id = null;
    if (match[1]) {
      try {
        id = decodeURIComponent(match[1]);
      } catch {
        id = match[1];
      }
    }
    return render(main, id);
  }
  replace(
    main,
    h("h1", {}, "ページが見つかりません"),
    h("p", {}, h("a", { href: "/ui/" }, "検索ページへ"))
  );
  setState("ready");
  return null;
}

start();
