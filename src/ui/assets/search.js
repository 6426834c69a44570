// `/ui/?q=&doc=&type=&page=`: search as you type, with highlighted hits, citations, vocabulary
// expansions, facets by document and node type, and paging.

import { h, replace, snippet, setState, debounce } from "./dom.js";
import { getJson, documents, url } from "./api.js";
import { NODE_TYPES, docUrl, lineLabel, nodeUrl, typeLabel } from "./labels.js";
import { errorBox, nodeChip, pager } from "./parts.js";

const PAGE_SIZE = 10;
const EXAMPLES = ["量子暗号通信", "6G", "地域おこし協力隊 予算", "オール光ネットワーク", "消防 広域化"];

function readState() {
  const params = new URLSearchParams(location.search);
  const page = Number.parseInt(params.get("page") || "1", 10);
  return {
    q: params.get("q") || "",
    doc: params.get("doc") || "",
    type: (params.get("type") || "").split(",").filter(Boolean),
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

function stateUrl(state) {
  return url("/ui/", {
    q: state.q,
    doc: state.doc,
    type: state.type.join(","),
    page: state.page > 1 ? state.page : "",
  });
}

/** Renders the search page into `main`. */
export async function searchPage(main) {
  let state = readState();
  let controller = null;
  const input = h("input", {
    id: "q",
    type: "search",
    name: "q",
    value: state.q,
    placeholder: "例: 量子暗号通信 テストベッド / 地域おこし協力隊の予算",
    autocomplete: "off",
    "aria-describedby": "search-help",
  });
  const status = h("p", { class: "status", role: "status", "aria-live": "polite" });
  const expansions = h("div", { class: "expansions" });
  const results = h("section", { class: "results", "aria-label": "検索結果" });
  const docFacet = h("fieldset", { class: "facet" }, h("legend", {}, "文書"));
  const typeFacet = h(
    "fieldset",
    { class: "facet" },
    h("legend", {}, "グラフのノードも検索"),
    NODE_TYPES.map(([type, label]) =>
      h(
        "label",
        { class: "check" },
        h("input", {
          type: "checkbox",
          name: "type",
          value: type,
          checked: state.type.includes(type),
          onchange: () => {
            state.type = [...typeFacet.querySelectorAll("input:checked")].map((i) => i.value);
            state.page = 1;
            run("push");
          },
        }),
        ` ${label}`
      )
    )
  );
  const form = h(
    "form",
    {
      class: "searchbox",
      role: "search",
      onsubmit: (event) => {
        event.preventDefault();
        typed.cancel();
        state.q = input.value;
        state.page = 1;
        run("push");
      },
    },
    h("label", { for: "q", class: "visually-hidden" }, "検索語"),
    input,
    h("button", { type: "submit" }, "検索"),
    h(
      "p",
      { id: "search-help", class: "help" },
      "入力すると検索します。「…」や \"…\" で囲むと語句として検索します。/ キーで検索欄へ移動。"
    )
  );
  replace(
    main,
    h("h1", { class: "visually-hidden" }, "検索"),
    form,
    status,
    expansions,
    h(
      "div",
      { class: "with-facets" },
      h("aside", { class: "facets", "aria-label": "絞り込み" }, docFacet, typeFacet),
      results
    )
  );

  const typed = debounce(() => {
    state.q = input.value;
    state.page = 1;
    run("replace");
  }, 300);
  input.addEventListener("input", typed);
  document.addEventListener("keydown", (event) => {
    if (event.key === "/" && document.activeElement !== input && !isTyping(event.target)) {
      event.preventDefault();
      input.focus();
    }
  });
  window.addEventListener("popstate", () => {
    state = readState();
    input.value = state.q;
    syncFacets();
    run(null);
  });
  results.addEventListener("click", (event) => {
    const link = event.target.closest("a[data-page]");
    if (link && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
      event.preventDefault();
      state.page = Number(link.dataset.page);
      run("push");
      main.scrollIntoView({ block: "start" });
    }
  });

  function syncFacets() {
    for (const box of typeFacet.querySelectorAll("input")) {
      box.checked = state.type.includes(box.value);
    }
    for (const radio of docFacet.querySelectorAll("input")) {
      radio.checked = radio.value === state.doc;
    }
  }

  function docRadio(value, label) {
    return h(
      "label",
      { class: "check" },
      h("input", {
        type: "radio",
        name: "doc",
        value,
        checked: state.doc === value,
        onchange: () => {
          state.doc = value;
          state.page = 1;
          run("push");
        },
      }),
      " ",
      label
    );
  }

  documents()
    .then((docs) => {
      docFacet.append(docRadio("", "すべての文書"), ...docs.map((d) => docRadio(d.id, d.title)));
    })
    .catch((error) => docFacet.append(errorBox(error)));

  async function run(history) {
    const target = stateUrl(state);
    if (history === "push" && target !== location.pathname + location.search) {
      window.history.pushState(null, "", target);
    } else if (history === "replace") {
      window.history.replaceState(null, "", target);
    }
    document.title = state.q ? `${state.q} — seisaku 検索` : "seisaku — 政策文書検索";
    if (controller) {
      controller.abort();
    }
    if (!state.q.trim()) {
      replace(status);
      replace(expansions);
      replace(results, intro());
      setState("ready");
      return;
    }
    if (!/[\p{L}\p{N}]/u.test(state.q)) {
      replace(status, "文字か数字を含む語を入力してください。");
      replace(expansions);
      replace(results);
      setState("ready");
      return;
    }
    controller = new AbortController();
    const mine = controller;
    setState("loading");
    replace(status, "検索中…");
    results.classList.add("stale");
    try {
      const body = await getJson(
        "/search",
        {
          q: state.q,
          limit: PAGE_SIZE,
          offset: (state.page - 1) * PAGE_SIZE,
          doc: state.doc,
          type: state.type.join(","),
        },
        mine.signal
      );
      if (mine !== controller) {
        return;
      }
      render(body);
      setState("ready");
    } catch (error) {
      if (error && error.name === "AbortError") {
        return;
      }
      replace(status);
      replace(expansions);
      replace(results, errorBox(error));
      setState("error");
    } finally {
      if (mine === controller) {
        results.classList.remove("stale");
      }
    }
  }

  function render(body) {
    const first = (state.page - 1) * PAGE_SIZE + 1;
    const last = first + body.hits.length - 1;
    replace(
      status,
      body.total === 0
        ? `「${body.query}」に一致する箇所はありませんでした。`
        : `${body.total} 件中 ${first}–${last} 件目（${body.took_ms} ms）`
    );
    replace(
      expansions,
      body.expansions.map((expansion) => {
        const also = [expansion.canonical, ...expansion.terms].filter(
          (term, i, all) => term !== expansion.matched && all.indexOf(term) === i
        );
        return h(
          "p",
          { class: "expansion" },
          h("a", { href: nodeUrl(expansion.node_id) }, expansion.matched),
          " → ",
          also.slice(0, 5).join("、"),
          also.length > 5 ? ` ほか${also.length - 5}語` : "",
          " も検索"
        );
      })
    );
    replace(
      results,
      h(
        "ol",
        { class: "hits", start: first },
        body.hits.map((hit) => (hit.kind === "node" ? nodeHit(hit) : passageHit(hit)))
      ),
      pager(body.total, PAGE_SIZE, state.page, (page) => stateUrl({ ...state, page }))
    );
  }

  function intro() {
    return h(
      "div",
      { class: "intro" },
      h("h2", {}, "政策文書を検索"),
      h(
        "p",
        {},
        "総務省の予算・重点施策・政策評価などの文書を全文検索します。結果は文書名・見出し・行番号つきで示され、クリックすると該当行を表示します。"
      ),
      h(
        "p",
        {},
        "例: ",
        EXAMPLES.map((example, i) => [
          i ? "、" : "",
          h("a", { href: url("/ui/", { q: example }) }, example),
        ])
      )
    );
  }
  await run(null);
}

function isTyping(target) {
  return target && (target.isContentEditable || /^(input|textarea|select)$/i.test(target.tagName));
}

function passageHit(hit) {
  return h(
    "li",
    { class: "hit" },
    h(
      "div",
      { class: "hit-head" },
      h("a", { class: "hit-title", href: docUrl(hit.doc, hit.line_start, hit.line_end) }, hit.doc_title),
      " ",
      h(
        "a",
        { class: "cite", href: docUrl(hit.doc, hit.line_start, hit.line_end) },
        lineLabel(hit.line_start, hit.line_end, hit.page)
      )
    ),
    hit.heading && hit.heading.length
      ? h("p", { class: "heading-path" }, hit.heading.join(" › "))
      : null,
    h("p", { class: "snippet" }, snippet(hit.snippet)),
    hit.nodes && hit.nodes.length
      ? h("p", { class: "chips" }, hit.nodes.slice(0, 8).map(nodeChip))
      : null
  );
}

function nodeHit(hit) {
  return h(
    "li",
    { class: "hit node-hit" },
    h(
      "div",
      { class: "hit-head" },
      h("span", { class: `badge type-${hit.node_type}` }, typeLabel(hit.node_type)),
      " ",
      h("a", { class: "hit-title", href: nodeUrl(hit.id) }, nodeName(hit)),
      hit.doc
        ? [
            " ",
            h(
              "a",
              { class: "cite", href: docUrl(hit.doc, hit.line_start, hit.line_end) },
              `${hit.doc_title} ・ ${lineLabel(hit.line_start, hit.line_end, hit.page)}`
            ),
          ]
        : null
    ),
    h("p", { class: "snippet" }, snippet(hit.snippet))
  );
}

function nodeName(hit) {
  const own = (hit.nodes || []).find((node) => node.id === hit.id);
  return own ? own.name : hit.text.split("\n")[0];
}
