// `/ui/budgets?q=&fy=&kind=&under=`: budget figures with exact amounts, subtotals by fiscal
// year and kind (with a bar chart), and what the totals leave out, with the reasons.

import { h, svg, replace, setState, groupDigits } from "./dom.js";
import { documents, getJson, url } from "./api.js";
import { BUDGET_KINDS, flagLabel, fyLabel, kindLabel, nodeUrl } from "./labels.js";
import { citation, errorBox, nodeChip, pager } from "./parts.js";

const PAGE_SIZE = 50;

function readState() {
  const params = new URLSearchParams(location.search);
  const page = Number.parseInt(params.get("page") || "1", 10);
  return {
    q: params.get("q") || "",
    fy: params.get("fy") || "",
    kind: params.get("kind") || "",
    under: params.get("under") || "",
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

function stateUrl(state) {
  return url("/ui/budgets", {
    q: state.q,
    fy: state.fy,
    kind: state.kind,
    under: state.under,
    page: state.page > 1 ? state.page : "",
  });
}

/** The name part of a node id (`program:地域おこし協力隊` → 地域おこし協力隊). */
function idName(id) {
  const colon = id.indexOf(":");
  return colon >= 0 ? id.slice(colon + 1) : id;
}

/** Renders the budgets page into `main`. */
export async function budgetsPage(main) {
  let state = readState();
  const titles = documents()
    .then((docs) => new Map(docs.map((d) => [d.id, d.title])))
    .catch(() => new Map());
  const field = (name, label, control) =>
    h("label", { class: "field" }, h("span", {}, label), control);
  const q = h("input", { type: "search", name: "q", value: state.q, placeholder: "例: 地域おこし協力隊" });
  const fy = h("input", { type: "text", name: "fy", value: state.fy, list: "fy-list", placeholder: "R8 / 2026", size: 8 });
  const kind = h(
    "select",
    { name: "kind" },
    h("option", { value: "" }, "すべて"),
    BUDGET_KINDS.map(([value, label]) => h("option", { value, selected: state.kind === value }, label))
  );
  const under = h("input", { type: "text", name: "under", value: state.under, placeholder: "ノードID（例: theme:Beyond5G）" });
  const status = h("p", { class: "status", role: "status", "aria-live": "polite" });
  const scope = h("p", { class: "scope" });
  const out = h("div", { class: "budget-results" });
  const form = h(
    "form",
    {
      class: "filters",
      onsubmit: (event) => {
        event.preventDefault();
        state = { q: q.value.trim(), fy: fy.value.trim(), kind: kind.value, under: under.value.trim(), page: 1 };
        window.history.pushState(null, "", stateUrl(state));
        run();
      },
    },
    field("q", "項目名", q),
    field("fy", "年度", fy),
    h(
      "datalist",
      { id: "fy-list" },
      ["R5", "R6", "R7", "R8"].map((value) => h("option", { value }))
    ),
    field("kind", "種別", kind),
    field("under", "配下（ノード）", under),
    h("button", { type: "submit" }, "表示")
  );
  kind.addEventListener("change", () => form.requestSubmit());
  replace(
    main,
    h("h1", {}, "予算"),
    h(
      "p",
      { class: "help" },
      "金額は資料に書かれたとおりの正確な値です。合計は年度と種別ごとに示し、の内数・事項要求・再掲などは二重に数えないよう除いて、その理由を示します。"
    ),
    form,
    scope,
    status,
    out
  );
  window.addEventListener("popstate", () => {
    state = readState();
    q.value = state.q;
    fy.value = state.fy;
    kind.value = state.kind;
    under.value = state.under;
    run();
  });
  out.addEventListener("click", (event) => {
    const link = event.target.closest("a[data-page]");
    if (link && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
      event.preventDefault();
      state.page = Number(link.dataset.page);
      window.history.pushState(null, "", stateUrl(state));
      run();
    }
  });

  async function showScope() {
    replace(scope);
    if (!state.under) {
      return;
    }
    try {
      const node = await getJson(`/nodes/${encodeURIComponent(state.under)}`);
      replace(scope, "配下: ", nodeChip(node), " の予算");
    } catch {
      // An unknown node is reported by the listing itself.
    }
  }

  async function run() {
    showScope();
    setState("loading");
    replace(status, "読み込み中…");
    out.classList.add("stale");
    try {
      const [body, names] = await Promise.all([
        getJson("/budgets", {
          q: state.q,
          fy: state.fy,
          kind: state.kind,
          under: state.under,
          limit: PAGE_SIZE,
          offset: (state.page - 1) * PAGE_SIZE,
        }),
        titles,
      ]);
      replace(status, `${body.count} 件`);
      replace(out, ...render(body, names));
      setState("ready");
    } catch (error) {
      replace(status);
      replace(out, errorBox(error));
      setState("error");
    } finally {
      out.classList.remove("stale");
    }
  }

  function render(body, docTitles) {
    const names = new Map(body.items.map((item) => [item.id, item.item]));
    return [
      h("h2", {}, "年度・種別ごとの合計"),
      body.subtotals.length
        ? [chart(body.subtotals), subtotalTable(body.subtotals)]
        : h("p", {}, "合計に数える金額はありません。"),
      h("h2", {}, `金額の一覧（${body.count} 件）`),
      body.items.length ? itemTable(body.items, docTitles) : h("p", {}, "該当する予算はありません。"),
      pager(body.count, PAGE_SIZE, state.page, (page) => stateUrl({ ...state, page })),
      body.excluded.length
        ? h(
            "details",
            { class: "excluded" },
            h("summary", {}, `合計から除いた金額（${body.excluded.length} 件）とその理由`),
            h(
              "ul",
              {},
              body.excluded.map((ex) =>
                h(
                  "li",
                  {},
                  h("a", { href: nodeUrl(ex.id) }, names.get(ex.id) || idName(ex.id)),
                  " — ",
                  h("span", { class: "reason" }, ex.reason)
                )
              )
            )
          )
        : null,
    ];
  }
  await run();
}

function subtotalTable(subtotals) {
  return h(
    "div",
    { class: "table-wrap" },
    h(
      "table",
      { class: "subtotals" },
      h(
        "thead",
        {},
        h("tr", {}, h("th", {}, "年度"), h("th", {}, "種別"), h("th", {}, "件数"), h("th", {}, "合計（億円）"), h("th", {}, "合計（円）"))
      ),
      h(
        "tbody",
        {},
        subtotals.map((s) =>
          h(
            "tr",
            {},
            h("td", {}, fyLabel(s.fy)),
            h("td", {}, kindLabel(s.kind)),
            h("td", { class: "num" }, String(s.count)),
            h("td", { class: "num amount" }, groupDigits(s.total_oku_yen)),
            h("td", { class: "num" }, groupDigits(s.total_yen))
          )
        )
      )
    )
  );
}

/** A horizontal bar per subtotal; the labels show the exact amounts. */
function chart(subtotals) {
  const values = subtotals.map((s) => Math.max(0, Number(s.total_oku_yen)));
  const max = Math.max(...values, 1);
  const rowHeight = 28;
  const labelWidth = 190;
  const barWidth = 420;
  const height = subtotals.length * rowHeight + 8;
  return h(
    "figure",
    { class: "chart" },
    svg(
      "svg",
      {
        viewBox: `0 0 ${labelWidth + barWidth + 150} ${height}`,
        role: "img",
        "aria-label": "年度・種別ごとの合計の棒グラフ",
      },
      subtotals.map((s, i) => {
        const y = i * rowHeight + 4;
        const width = (values[i] / max) * barWidth;
        return svg(
          "g",
          { class: `bar kind-${s.kind}` },
          svg("text", { x: labelWidth - 8, y: y + 17, "text-anchor": "end", class: "bar-label" }, `${fyLabel(s.fy)} ${kindLabel(s.kind)}`),
          svg("rect", { x: labelWidth, y, width: Math.max(width, 1).toFixed(1), height: rowHeight - 8, rx: 3 }),
          svg("text", { x: labelWidth + width + 6, y: y + 17, class: "bar-value" }, `${groupDigits(s.total_oku_yen)}億円`)
        );
      })
    ),
    h("figcaption", {}, "合計（億円）。年度や種別をまたいで足すと性質の異なる額が混ざるため、別々に示します。")
  );
}

function itemTable(items, docTitles) {
  return h(
    "div",
    { class: "table-wrap" },
    h(
      "table",
      { class: "budget-items" },
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", {}, "項目"),
          h("th", {}, "金額（億円）"),
          h("th", {}, "金額（円）"),
          h("th", {}, "年度"),
          h("th", {}, "種別"),
          h("th", {}, "注記"),
          h("th", {}, "出典")
        )
      ),
      h(
        "tbody",
        {},
        items.map((item) =>
          h(
            "tr",
            {},
            h(
              "td",
              {},
              h("a", { href: nodeUrl(item.id) }, item.item),
              item.owners.length
                ? h(
                    "div",
                    { class: "owners" },
                    item.owners.map((owner, i) => [i ? "、" : "", h("a", { href: nodeUrl(owner) }, idName(owner))])
                  )
                : null
            ),
            h("td", { class: "num amount" }, item.amount_oku_yen === null ? "事項要求" : groupDigits(item.amount_oku_yen)),
            h("td", { class: "num" }, item.amount_yen === null ? "—" : groupDigits(item.amount_yen)),
            h("td", {}, fyLabel(item.fy)),
            h("td", {}, kindLabel(item.kind)),
            h(
              "td",
              {},
              [item.inclusive ? "の内数" : null, ...item.flags.map(flagLabel)].filter(Boolean).join("、")
            ),
            h("td", { class: "sources-cell" }, item.sources.slice(0, 2).map((s) => citation({ ...s, quote: "" }, docTitles)))
          )
        )
      )
    )
  );
}
