// The JSON API, as every other client calls it, with errors turned into readable messages.

/** An error answered by the API (or a failed connection, with status 0). */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

const MESSAGES = {
  empty_query: "検索語を入力してください。",
  nothing_searchable: "検索できる語がありません。文字か数字を含めてください。",
  query_too_long: "検索語が長すぎます（1,000 バイトまで）。",
  question_too_long: "質問が長すぎます（1,000 バイトまで）。",
  empty_question: "質問を入力してください。",
  bad_paging: "ページの指定が範囲外です。",
  out_of_range: "指定が範囲外です。",
  not_found: "見つかりませんでした。",
  unknown_type: "種類の指定が正しくありません。",
  bad_fy: "年度は R6 や 2024 のように指定してください。",
  bad_kind: "種別の指定が正しくありません。",
  bad_parameters: "指定が正しくありません。",
  unauthorized: "管理者トークンが正しくありません。",
  forbidden: "このサーバーでは書き込みが有効になっていません。",
  writes_disabled: "このサーバーでは書き込みが有効になっていません（管理者トークンを設定して起動してください）。",
  document_too_large: "ファイルが大きすぎます。",
  duplicate_document: "同じ内容の文書がすでに登録されています。",
  seed_document: "組み込みの文書は削除できません。",
  bad_range: "行の指定が範囲外です。",
  unavailable: "サーバーが一時的に応答できません。しばらくしてからお試しください。",
  internal: "サーバーで問題が発生しました。",
  network: "サーバーに接続できませんでした。",
};

const STATUS_MESSAGES = {
  400: "指定が正しくありません。",
  401: "管理者トークンが正しくありません。",
  403: "このサーバーでは書き込みが有効になっていません。",
  404: "見つかりませんでした。",
  408: "時間がかかりすぎたため中断しました。",
  409: "すでに登録されているか、変更できません。",
  413: "大きすぎます。",
  415: "この形式には対応していません。",
  422: "内容を読み取れませんでした。",
};

/** A readable Japanese message for an error, keeping the server's own words as detail. */
export function errorMessage(error) {
  if (error instanceof ApiError) {
    const summary = MESSAGES[error.code] || STATUS_MESSAGES[error.status] || "エラーが発生しました。";
    return error.message && error.code !== "network" ? `${summary}（${error.message}）` : summary;
  }
  return `エラーが発生しました（${error && error.message ? error.message : error}）`;
}

/** `path` with the non-empty `params` as a query string. */
export function url(path, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value !== null && value !== undefined && value !== "") {
      query.set(key, String(value));
    }
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** Sends a request and returns the parsed JSON body, or throws an `ApiError`. */
export async function request(path, options) {
  let response;
  try {
    response = await fetch(path, {
      ...options,
      headers: { accept: "application/json", ...((options && options.headers) || {}) },
    });
  } catch (error) {
    if (error && error.name === "AbortError") {
      throw error;
    }
    throw new ApiError(0, "network", String(error && error.message));
  }
  let body = null;
  const text = await response.text();
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  if (!response.ok) {
    const detail = body && body.error;
    throw new ApiError(
      response.status,
      (detail && detail.code) || `http_${response.status}`,
      (detail && detail.message) || response.statusText
    );
  }
  return body;
}

/** GET `path` with query `params`. */
export function getJson(path, params, signal) {
  return request(url(path, params), { signal });
}

/** POST a JSON body. */
export function postJson(path, body, signal) {
  return request(path, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json" },
    signal,
  });
}

/** The corpus documents (seeds and, where supported, added ones), each with an `id`. */
export async function documents() {
  const body = await getJson("/documents");
  const list = Array.isArray(body) ? body : (body && body.documents) || [];
  return list.map((doc) => ({ ...doc, id: doc.id || doc.file }));
}
