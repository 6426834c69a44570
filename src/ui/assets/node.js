// `/ui/node/{id}`: a node's properties (budget amounts exact, with year and kind), its sources
// linked to the viewer, its edges grouped by relationship, and its neighbourhood graph.

import { h, replace, setState, groupDigits } from "./dom.js";
import { getJson, documents, url } from "./api.js";
import { flagLabel, fyLabel, kindLabel, relLabel, typeLabel } from "./labels.js";
import { citation, errorBox, nodeChip } from "./parts.js";
import { drawGraph, legend } from "./graph.js";

const PROP_LABELS = {
  item: "項目",
  amount_oku_yen: "金額（億円）",
  amount_yen: "金額（円）",
  amount_text: "原文の表記",
  fy: "年度",
  fiscal_year: "西暦年度",
  kind: "種別",
  inclusive: "の内数",
  flags: "注記",
  stated_total_oku: "記載の合計（億円）",
  notes: "備考",
  abbreviation: "略称",
  goal: "目標",
  target: "目標",
  section: "節",
  strategy: "戦略",
  date: "日付",
  decided_by: "決定",
  level: "階層",
  title: "題名",
  publisher: "発行",
  role: "役割",
  numbering: "番号",
  number: "番号",
  content: "内容",
  status: "状況",
  policy: "政策",
  owner: "担当",
  decided: "決定",
  decided_on: "決定日",
  decision: "決定内容",
  revised_on: "改定日",
  english: "英語名",
  target_year: "目標年度",
  target_value: "目標値",
  target_due: "目標時期（原文）",
  baseline: "基準値",
  actuals: "実績",
  planned: "見込み・計画",
  achievement: "達成状況",
  unit: "単位",
  holder: "保有",
  operator: "運営",
  change_rate_pct: "増減率（%）",
  inclusive_of: "内数の対象",
  share_for: "内訳の対象",
  column: "列",
  file: "ファイル",
  evaluation_date: "評価日",
  theme: "テーマ",
};

/** `2026` → `2026年度（令和8年度）`; years before 令和 stay Gregorian. */
function yearLabel(year) {
  const gregorian = Number(year);
  if (!Number.isInteger(gregorian)) {
    return String(year);
  }
  return gregorian >= 2019
    ? `${gregorian}年度（令和${gregorian - 2018}年度）`
    : `${gregorian}年度`;
}

function propValue(key, value, props) {
  if (value === null || value === undefined) {
    return key.startsWith("amount") ? "事項要求（金額なし）" : "—";
  }
  switch (key) {
    case "amount_oku_yen":
    case "stated_total_oku":
      return `${groupDigits(value)}億円`;
    case "amount_yen":
      return `${groupDigits(value)}円`;
    case "fy":
      return fyLabel(value, props.fiscal_year);
    case "kind":
      return kindLabel(value);
    case "inclusive":
      return value ? "はい（より大きな額の内数）" : "いいえ";
    case "flags":
      return Array.isArray(value) && value.length ? value.map(flagLabel).join("、") : "なし";
    case "target_year":
      return typeof value === "number" ? yearLabel(value) : String(value);
    case "actuals":
    case "planned":
      return value && typeof value === "object" && !Array.isArray(value)
        ? Object.entries(value)
            .map(([year, figure]) => `${yearLabel(year)}：${figure}`)
            .join("、")
        : JSON.stringify(value);
    default:
      return typeof value === "string" ? value : JSON.stringify(value);
  }
}

/** Renders the page of node `id` into `main`. */
export async function nodePage(main, id) {
  replace(main, h("p", { class: "loading", role: "status" }, "読み込み中…"));
  setState("loading");
  let node;
  let titles;
  try {
    const [detail, docs] = await Promise.all([
      getJson(`/nodes/${encodeURIComponent(id)}`),
      documents().catch(() => []),
    ]);
    node = detail;
    titles = new Map(docs.map((d) => [d.id, d.title]));
  } catch (error) {
    replace(main, h("h1", {}, id), errorBox(error));
    setState("error");
    return;
  }
  document.title = `${node.name} — seisaku`;
  const graphBox = h("div", { class: "graph-box" });
  const depthButtons = [1, 2].map((depth) =>
    h(
      "button",
      {
        type: "button",
        class: "depth",
        "aria-pressed": depth === 1 ? "true" : "false",
        onclick: () => showGraph(depth),
      },
      `${depth}ホップ`
    )
  );
  const props = Object.entries(node.props || {}).filter(([key]) => key !== "aliases");
  const groups = new Map();
  for (const edge of node.edges || []) {
    const key = `${edge.rel}|${edge.dir}`;
    if (!groups.has(key)) {
      groups.set(key, []);
    }
    groups.get(key).push(edge);
  }
  replace(
    main,
    h(
      "p",
      { class: "crumbs" },
      h("span", { class: `badge type-${node.type}` }, typeLabel(node.type)),
      " ",
      h("code", {}, node.id)
    ),
    h("h1", {}, node.name),
    node.aliases && node.aliases.length
      ? h("p", { class: "aliases" }, "別名: ", node.aliases.join("、"))
      : null,
    h(
      "p",
      { class: "doc-actions" },
      h("a", { href: url("/ui/", { q: node.name }) }, "この名前で検索"),
      node.type !== "budget"
        ? [" ・ ", h("a", { href: url("/ui/budgets", { under: node.id }) }, "配下の予算")]
        : null,
      " ・ ",
      h("a", { href: url("/ui/browse", { node: node.id }) }, "メニューで見る"),
      " ・ ",
      h("a", { href: url("/ui/ask", { q: `${node.name}の予算はいくら?` }) }, "予算を質問")
    ),
    h(
      "div",
      { class: "node-layout" },
      h(
        "section",
        { class: "node-facts" },
        props.length
          ? [
              h("h2", {}, "属性"),
              h(
                "table",
                { class: "props" },
                h(
                  "tbody",
                  {},
                  props.map(([key, value]) =>
                    h(
                      "tr",
                      {},
                      h("th", { scope: "row" }, PROP_LABELS[key] || key),
                      h("td", { class: key.startsWith("amount") ? "amount" : null }, propValue(key, value, node.props))
                    )
                  )
                )
              ),
            ]
          : null,
        h("h2", {}, `出典（${(node.sources || []).length}）`),
        (node.sources || []).length
          ? h("ul", { class: "sources" }, node.sources.map((s) => h("li", {}, citation(s, titles))))
          : h("p", {}, "出典はありません（語彙から登録されたノード）。"),
        h("h2", {}, `関係（${(node.edges || []).length}）`),
        groups.size
          ? [...groups.entries()].map(([key, edges]) => {
              const [rel, dir] = key.split("|");
              return h(
                "section",
                { class: "edge-group" },
                h("h3", {}, `${relLabel(rel, dir)}（${edges.length}）`),
                h(
                  "ul",
                  { class: "edges-list" },
                  edges.map((edge) =>
                    h(
                      "li",
                      {},
                      nodeChip(edge.node),
                      edge.sources && edge.sources.length
                        ? h("details", {}, h("summary", {}, `出典 ${edge.sources.length}`), edge.sources.map((s) => citation(s, titles)))
                        : null
                    )
                  )
                )
              );
            })
          : h("p", {}, "関係はありません。")
      ),
      h(
        "section",
        { class: "node-graph" },
        h("h2", {}, "関係グラフ"),
        h("div", { class: "graph-tools", role: "group", "aria-label": "表示する範囲" }, depthButtons),
        graphBox
      )
    )
  );

  async function showGraph(depth) {
    depthButtons.forEach((b, i) => b.setAttribute("aria-pressed", i + 1 === depth ? "true" : "false"));
    replace(graphBox, h("p", { class: "loading", role: "status" }, "グラフを読み込み中…"));
    setState("loading");
    try {
      const subgraph = await getJson(`/nodes/${encodeURIComponent(id)}/neighbors`, {
        depth,
        limit: depth === 1 ? 80 : 150,
      });
      replace(
        graphBox,
        drawGraph(subgraph, id),
        legend(subgraph),
        h(
          "p",
          { class: "help" },
          `${subgraph.nodes.length} ノード・${subgraph.edges.length} 関係`,
          subgraph.truncated ? "（多いため一部のみ表示）" : "",
          "。ノードをクリックするとそのページへ移動します。ホイールで拡大・縮小、ドラッグで移動。"
        )
      );
      setState("ready");
    } catch (error) {
      replace(graphBox, errorBox(error));
      setState("error");
    }
  }
  await showGraph(1);
}

