// Japanese labels for the API's codes, and the links every page shares.

/** Node types, in the order facets show them. */
export const NODE_TYPES = [
  ["measure", "施策"],
  ["policy", "政策"],
  ["program", "事業"],
  ["budget", "予算"],
  ["strategy", "戦略"],
  ["agency", "組織"],
  ["fund", "基金"],
  ["indicator", "指標"],
  ["theme", "テーマ"],
  ["document", "文書"],
];

const TYPE_LABELS = Object.fromEntries(NODE_TYPES);

/** The Japanese name of a node type. */
export function typeLabel(type) {
  return TYPE_LABELS[type] || type;
}

const RELATIONS = {
  implements: ["実現する", "により実現"],
  funded_by: ["財源", "を財源とする"],
  has_budget: ["予算", "の予算"],
  responsible: ["担当", "を担当"],
  part_of: ["上位", "の構成要素"],
  based_on: ["根拠", "を根拠とする"],
  evaluated_by: ["評価", "を評価"],
  collaborates_with: ["連携先", "と連携"],
  mentions: ["言及", "から言及"],
  targets: ["目標", "を目標とする"],
};

/** A heading for edges of `rel` seen from the node (`dir` out: the node is the subject). */
export function relLabel(rel, dir) {
  const pair = RELATIONS[rel];
  if (!pair) {
    return `${rel} (${dir === "out" ? "→" : "←"})`;
  }
  return `${dir === "out" ? pair[0] : pair[1]} — ${rel} ${dir === "out" ? "→" : "←"}`;
}

/** Budget kinds. */
export const BUDGET_KINDS = [
  ["initial", "当初予算"],
  ["supplementary", "補正予算"],
  ["request", "概算要求"],
  ["fiscal_investment", "財政投融資"],
  ["other", "その他"],
];

const KIND_LABELS = Object.fromEntries(BUDGET_KINDS);

/** The Japanese name of a budget kind. */
export function kindLabel(kind) {
  return KIND_LABELS[kind] || kind;
}

const FLAG_LABELS = {
  new: "新規",
  item_request: "事項要求",
  relisted: "再掲",
  bracketed: "〔〕内の額",
};

/** The Japanese name of a budget flag. */
export function flagLabel(flag) {
  return FLAG_LABELS[flag] || flag;
}

/** `R8` as 令和8年度 (and a Gregorian year as itself). */
export function fyLabel(fy, fiscalYear) {
  const match = /^R(\d+)$/.exec(String(fy || ""));
  const reiwa = match ? `令和${match[1]}年度` : String(fy || "");
  return fiscalYear ? `${reiwa}（${fiscalYear}年度）` : reiwa;
}

/** The viewer URL of lines `start`–`end` of document `doc`. */
export function docUrl(doc, start, end) {
  const base = `/ui/doc/${encodeURIComponent(doc)}`;
  if (!start) {
    return base;
  }
  return end && end !== start ? `${base}#L${start}-${end}` : `${base}#L${start}`;
}

/** The page of node `id`. */
export function nodeUrl(id) {
  return `/ui/node/${encodeURIComponent(id)}`;
}

/** A citation's label: `12–15行` (with the page when known). */
export function lineLabel(start, end, page) {
  const lines = end && end !== start ? `${start}–${end}行` : `${start}行`;
  return page ? `p.${page} ・ ${lines}` : lines;
}
