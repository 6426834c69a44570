// `/ui/ask?q=`: a chat view over `POST /ask`. Answers show their citations (linked to the
// viewer) and follow-up suggestions as buttons; the conversation is kept for the tab, and the
// API's `conversation_id`, when it sends one, goes back with the next question.

import { h, replace, setState, snippet } from "./dom.js";
import { postJson, url } from "./api.js";
import { docUrl, lineLabel } from "./labels.js";
import { citation, errorBox, nodeChip } from "./parts.js";

const STORE = "seisaku.conversation";
const EXAMPLES = ["地域おこし協力隊の予算はいくら?", "量子暗号通信の担当はどこ?", "消防の予算はいくら?"];

function load() {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORE) || "null");
    if (saved && Array.isArray(saved.turns)) {
      return saved;
    }
  } catch {
    // A damaged record starts a new conversation.
  }
  return { id: null, turns: [] };
}

function save(conversation) {
  try {
    sessionStorage.setItem(STORE, JSON.stringify(conversation));
  } catch {
    // Storage full or disabled: the conversation stays in memory only.
  }
}

/** Renders the ask page into `main`. */
export async function askPage(main) {
  let conversation = load();
  const chat = h("ol", { class: "chat", "aria-live": "polite", "aria-label": "会話" });
  const input = h("textarea", {
    id: "question",
    name: "q",
    rows: 2,
    placeholder: "例: 地域おこし協力隊の予算はいくら?",
    "aria-label": "質問",
  });
  const send = h("button", { type: "submit" }, "送信");
  const form = h(
    "form",
    {
      class: "ask-form",
      onsubmit: (event) => {
        event.preventDefault();
        ask(input.value);
      },
    },
    input,
    send
  );
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      ask(input.value);
    }
  });
  replace(
    main,
    h(
      "div",
      { class: "ask-head" },
      h("h1", {}, "質問する"),
      h(
        "button",
        {
          type: "button",
          class: "secondary",
          onclick: () => {
            conversation = { id: null, turns: [] };
            save(conversation);
            replace(chat, examples());
            window.history.replaceState(null, "", "/ui/ask");
            input.focus();
          },
        },
        "新しい会話"
      )
    ),
    h(
      "p",
      { class: "help" },
      "予算・担当・根拠となる戦略・目標について、資料の該当箇所を示して答えます。資料で答えられないときはそう伝えます。Enter で送信、Shift+Enter で改行。"
    ),
    chat,
    form
  );

  function examples() {
    return h(
      "li",
      { class: "examples" },
      "質問の例: ",
      EXAMPLES.map((example) => h("button", { type: "button", class: "suggest", onclick: () => ask(example) }, example))
    );
  }

  for (const turn of conversation.turns) {
    chat.append(question(turn.question), answer(turn.response));
  }
  if (!conversation.turns.length) {
    chat.append(examples());
  }
  const asked = new URLSearchParams(location.search).get("q");
  const last = conversation.turns[conversation.turns.length - 1];
  if (asked && (!last || last.question !== asked)) {
    await ask(asked);
  } else {
    setState("ready");
    input.focus();
  }

  async function ask(text) {
    const q = String(text || "").trim();
    if (!q || send.disabled) {
      return;
    }
    const examplesRow = chat.querySelector(".examples");
    if (examplesRow) {
      examplesRow.remove();
    }
    input.value = "";
    send.disabled = true;
    setState("loading");
    window.history.replaceState(null, "", url("/ui/ask", { q }));
    const pending = h("li", { class: "turn answer pending", role: "status" }, "回答を作成中…");
    chat.append(question(q), pending);
    pending.scrollIntoView({ block: "nearest" });
    try {
      const body = { question: q };
      if (conversation.id) {
        body.conversation_id = conversation.id;
      }
      const response = await postJson("/ask", body);
      if (response.conversation_id) {
        conversation.id = response.conversation_id;
      }
      conversation.turns.push({ question: q, response });
      save(conversation);
      pending.replaceWith(answer(response));
      setState("ready");
    } catch (error) {
      pending.replaceWith(h("li", { class: "turn answer failed" }, errorBox(error)));
      setState("error");
    } finally {
      send.disabled = false;
      input.focus();
      chat.lastElementChild.scrollIntoView({ block: "nearest" });
    }
  }

  function answer(response) {
    const parts = [];
    if (response.supported && response.answer) {
      parts.push(h("p", { class: "answer-text" }, response.answer));
    } else {
      parts.push(
        h(
          "p",
          { class: "answer-text unsupported" },
          response.answer || "資料からは確かな答えが見つかりませんでした。関連する箇所を示します。"
        )
      );
    }
    if (response.computed) {
      parts.push(computed(response.computed));
    }
    if (response.citations && response.citations.length) {
      parts.push(
        h(
          "div",
          { class: "citations" },
          h("h2", {}, "出典"),
          h("ol", {}, response.citations.map((c) => h("li", {}, citation(c))))
        )
      );
    } else if (response.passages && response.passages.length) {
      parts.push(
        h(
          "div",
          { class: "citations" },
          h("h2", {}, "関連する箇所"),
          h(
            "ol",
            {},
            response.passages.slice(0, 3).map((hit) =>
              h(
                "li",
                {},
                h(
                  "a",
                  { class: "cite", href: docUrl(hit.doc, hit.line_start, hit.line_end) },
                  `${hit.doc_title} ・ ${lineLabel(hit.line_start, hit.line_end, hit.page)}`
                ),
                h("p", { class: "snippet" }, snippet(hit.snippet))
              )
            )
          )
        )
      );
    }
    if (response.nodes && response.nodes.length) {
      parts.push(h("p", { class: "chips" }, response.nodes.slice(0, 6).map(nodeChip)));
    }
    if (response.follow_ups && response.follow_ups.length) {
      parts.push(
        h(
          "div",
          { class: "follow-ups", role: "group", "aria-label": "続けて質問" },
          response.follow_ups.map((f) =>
            h("button", { type: "button", class: "suggest", onclick: () => ask(f.question), title: f.question }, f.label || f.question)
          )
        )
      );
    }
    return h("li", { class: `turn answer${response.supported ? "" : " not-supported"}` }, parts);
  }
}

function question(text) {
  return h("li", { class: "turn question" }, h("p", {}, text));
}

function computed(work) {
  const operands = Array.isArray(work.operands) ? work.operands.join("、") : "";
  return h(
    "p",
    { class: "computed" },
    "計算: ",
    String(work.op || ""),
    operands ? `（${operands}）` : "",
    work.result !== undefined ? ` = ${typeof work.result === "string" ? work.result : JSON.stringify(work.result)}` : ""
  );
}
