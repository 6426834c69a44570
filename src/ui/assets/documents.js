// `/ui/documents`: the corpus, and — where the server accepts added documents — a form to add
// one (with the admin token) or remove an added one.

import { h, replace, setState } from "./dom.js";
import { getJson, documents, errorMessage, request, url } from "./api.js";
import { docUrl } from "./labels.js";
import { errorBox } from "./parts.js";

const KIND_NAMES = {
  budget_overview: "予算の概要",
  budget_request: "概算要求・重点施策",
  policy_evaluation: "政策評価書",
  strategy_excerpts: "戦略の抜粋",
  plan_status: "計画の対応状況",
  other: "その他",
};

const TYPES_BY_EXTENSION = {
  pdf: "application/pdf",
  html: "text/html",
  htm: "text/html",
  md: "text/markdown",
  markdown: "text/markdown",
  txt: "text/plain",
  csv: "text/csv",
  tsv: "text/tab-separated-values",
};

/** What a document holds, as far as the server says. */
function counts(doc) {
  const parts = [];
  if (Number.isInteger(doc.pages)) {
    parts.push(`${doc.pages}ページ`);
  }
  if (Number.isInteger(doc.lines)) {
    parts.push(`${doc.lines}行`);
  }
  if (Number.isInteger(doc.passages)) {
    parts.push(`${doc.passages}節`);
  }
  if (Number.isInteger(doc.nodes)) {
    parts.push(`ノード${doc.nodes}`);
  }
  if (Number.isInteger(doc.budgets)) {
    parts.push(`予算${doc.budgets}件`);
  }
  return parts.join("・");
}

/** Renders the documents page into `main`. */
export async function documentsPage(main) {
  const list = h("div", { class: "doc-list" }, h("p", { class: "loading", role: "status" }, "読み込み中…"));
  const token = h("input", { type: "password", name: "token", autocomplete: "off", required: true });
  const writes = h("section", { class: "upload", hidden: true });
  replace(main, h("h1", {}, "文書"), list, writes);
  setState("loading");
  let canWrite = false;
  try {
    const openapi = await getJson("/openapi.json");
    const paths = (openapi && openapi.paths) || {};
    canWrite = Boolean(paths["/documents"] && paths["/documents"].post);
  } catch {
    canWrite = false;
  }
  await refresh();
  if (canWrite) {
    writes.hidden = false;
    replace(writes, ...uploadForm());
  }

  async function refresh() {
    try {
      const docs = await documents();
      replace(list, table(docs));
      setState("ready");
    } catch (error) {
      replace(list, errorBox(error));
      setState("error");
    }
  }

  function table(docs) {
    return h(
      "div",
      { class: "table-wrap" },
      h(
        "table",
        { class: "documents" },
        h(
          "thead",
          {},
          h(
            "tr",
            {},
            h("th", {}, "題名"),
            h("th", {}, "発行"),
            h("th", {}, "日付"),
            h("th", {}, "種類"),
            h("th", {}, "内容"),
            h("th", {}, "ファイル"),
            h("th", {}, "")
          )
        ),
        h(
          "tbody",
          {},
          docs.map((doc) =>
            h(
              "tr",
              {},
              h("td", {}, h("a", { href: docUrl(doc.id) }, doc.title)),
              h("td", {}, doc.publisher),
              h("td", {}, doc.date),
              h("td", {}, KIND_NAMES[doc.kind] || doc.kind),
              h("td", { class: "counts" }, counts(doc)),
              h("td", {}, h("code", {}, doc.file || doc.id), doc.source === "library" ? " （追加）" : ""),
              h(
                "td",
                {},
                h("a", { href: url("/ui/", { doc: doc.id }) }, "検索"),
                canWrite && doc.source === "library"
                  ? [" ", h("button", { type: "button", class: "secondary", onclick: () => remove(doc) }, "削除")]
                  : null
              )
            )
          )
        )
      )
    );
  }

  function uploadForm() {
    const file = h("input", { type: "file", name: "file", required: true, accept: ".pdf,.html,.htm,.md,.txt,.csv,.tsv" });
    const title = h("input", { type: "text", name: "title" });
    const publisher = h("input", { type: "text", name: "publisher" });
    const date = h("input", { type: "text", name: "date", placeholder: "2026-01" });
    const result = h("div", { class: "upload-result", role: "status", "aria-live": "polite" });
    const field = (label, control) => h("label", { class: "field" }, h("span", {}, label), control);
    const form = h(
      "form",
      {
        class: "filters",
        onsubmit: async (event) => {
          event.preventDefault();
          const chosen = file.files && file.files[0];
          if (!chosen) {
            return;
          }
          const extension = (chosen.name.split(".").pop() || "").toLowerCase();
          replace(result, "送信中…");
          try {
            const body = await request(
              url("/documents", {
                filename: chosen.name,
                title: title.value.trim(),
                publisher: publisher.value.trim(),
                date: date.value.trim(),
              }),
              {
                method: "POST",
                body: chosen,
                headers: {
                  "content-type": chosen.type || TYPES_BY_EXTENSION[extension] || "application/octet-stream",
                  authorization: `Bearer ${token.value}`,
                },
              }
            );
            const doc = (body && body.document) || {};
            replace(
              result,
              h("p", { class: "ok" }, "追加しました: ", h("a", { href: docUrl(doc.id || chosen.name) }, doc.title || chosen.name))
            );
            // The token stays, so that the new document can be removed again at once.
            for (const input of [file, title, publisher, date]) {
              input.value = "";
            }
            await refresh();
          } catch (error) {
            replace(result, errorBox(error));
          }
        },
      },
      field("ファイル（PDF・HTML・Markdown・テキスト）", file),
      field("題名（省略時は本文から）", title),
      field("発行者（省略可）", publisher),
      field("日付（省略可）", date),
      field("管理者トークン", token),
      h("button", { type: "submit" }, "追加")
    );
    return [
      h("h2", {}, "文書を追加"),
      h(
        "p",
        { class: "help" },
        "サーバーに管理者トークンが設定されているときだけ追加・削除できます。トークンはこの画面の中だけで使い、保存しません。"
      ),
      form,
      result,
    ];
  }

  async function remove(doc) {
    if (!token.value) {
      window.alert("削除するには、下の欄に管理者トークンを入力してください。");
      token.focus();
      return;
    }
    if (!window.confirm(`「${doc.title}」を削除しますか?`)) {
      return;
    }
    try {
      await request(`/documents/${encodeURIComponent(doc.id)}`, {
        method: "DELETE",
        headers: { authorization: `Bearer ${token.value}` },
      });
      await refresh();
    } catch (error) {
      window.alert(errorMessage(error));
    }
  }
}
