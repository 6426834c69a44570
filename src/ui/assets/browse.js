// `/ui/browse` and `/ui/browse?node=…`: the scenario menu as cards, with breadcrumbs and
// ready questions.

import { h, replace, setState } from "./dom.js";
import { getJson, url } from "./api.js";
import { nodeUrl, typeLabel } from "./labels.js";
import { errorBox } from "./parts.js";

/** Renders the scenario menu into `main`. */
export async function browsePage(main) {
  const node = new URLSearchParams(location.search).get("node");
  replace(main, h("h1", {}, "テーマから探す"), h("p", { class: "loading", role: "status" }, "読み込み中…"));
  setState("loading");
  let menu;
  try {
    menu = await getJson(node ? `/browse/${encodeURIComponent(node)}` : "/browse");
  } catch (error) {
    replace(main, h("h1", {}, "テーマから探す"), errorBox(error));
    setState("error");
    return;
  }
  const title = menu.node ? menu.node.name : "テーマから探す";
  document.title = `${title} — seisaku`;
  replace(
    main,
    h(
      "nav",
      { class: "crumbs", "aria-label": "階層" },
      h("a", { href: "/ui/browse" }, "テーマ一覧"),
      (menu.breadcrumbs || []).map((crumb) => [
        " › ",
        h("a", { href: url("/ui/browse", { node: crumb.id }) }, crumb.name),
      ])
    ),
    h("h1", {}, title),
    menu.node
      ? h(
          "p",
          { class: "doc-actions" },
          h("span", { class: `badge type-${menu.node.type}` }, typeLabel(menu.node.type)),
          " ",
          h("a", { href: nodeUrl(menu.node.id) }, "詳細と関係グラフ"),
          " ・ ",
          h("a", { href: url("/ui/budgets", { under: menu.node.id }) }, "予算の一覧")
        )
      : h("p", { class: "help" }, "テーマを選ぶと、その下の政策・施策・事業をたどれます。"),
    menu.questions && menu.questions.length
      ? h(
          "div",
          { class: "follow-ups", role: "group", "aria-label": "すぐに聞ける質問" },
          menu.questions.map((q) => h("a", { class: "suggest", href: url("/ui/ask", { q }) }, q))
        )
      : null,
    menu.entries.length
      ? h(
          "ul",
          { class: "cards" },
          menu.entries.map((entry) =>
            h(
              "li",
              {},
              h(
                "a",
                {
                  class: `card type-${entry.type}`,
                  href: entry.children ? url("/ui/browse", { node: entry.id }) : nodeUrl(entry.id),
                },
                h("span", { class: "badge" }, typeLabel(entry.type)),
                h("strong", {}, entry.name),
                h("span", { class: "count" }, entry.children ? `${entry.children} 項目` : "詳細を見る")
              )
            )
          )
        )
      : h("p", {}, "この下にはメニューがありません。"),
    menu.total > menu.entries.length
      ? h("p", { class: "help" }, `ほか ${menu.total - menu.entries.length} 件`)
      : null
  );
  setState("ready");
}
