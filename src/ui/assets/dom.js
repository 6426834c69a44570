// DOM helpers. Text from documents, names and questions is only ever inserted as text nodes;
// the one exception, the server's escaped search snippets, goes through `snippet()`, which
// keeps `<mark>` and nothing else.

/**
 * Creates an element. `attrs` values are set as attributes (`class`, `href`, `aria-*` …)
 * or, for `on*` keys, as event listeners; children are nodes or strings (inserted as text).
 */
export function h(tag, attrs, ...children) {
  const element = document.createElement(tag);
  setAttrs(element, attrs);
  append(element, children);
  return element;
}

/** Creates an SVG element, like `h`. */
export function svg(tag, attrs, ...children) {
  const element = document.createElementNS("http://www.w3.org/2000/svg", tag);
  setAttrs(element, attrs);
  append(element, children);
  return element;
}

function setAttrs(element, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (key.startsWith("on") && typeof value === "function") {
      element.addEventListener(key.slice(2), value);
    } else if (key === "href") {
      element.setAttribute("href", safeHref(value));
    } else {
      element.setAttribute(key, value === true ? "" : String(value));
    }
  }
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Only same-site paths and fragments are ever used as link targets. */
export function safeHref(value) {
  const text = String(value);
  return text.startsWith("/") || text.startsWith("#") || text.startsWith("?") ? text : "#";
}

/** Removes every child of `element` and appends `children`. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

const ENTITIES = { lt: "<", gt: ">", amp: "&", quot: '"', "#39": "'", "#x27": "'", apos: "'" };

/**
 * The server's HTML-escaped snippet as nodes: `<mark>…</mark>` become `mark` elements, the rest
 * is text (entities decoded once, any other tag shown literally).
 */
export function snippet(html) {
  const fragment = document.createDocumentFragment();
  let mark = null;
  for (const part of String(html || "").split(/(<mark>|<\/mark>)/)) {
    if (part === "<mark>") {
      mark = mark || document.createElement("mark");
    } else if (part === "</mark>") {
      if (mark) {
        fragment.append(mark);
        mark = null;
      }
    } else if (part) {
      const text = part.replace(/&(lt|gt|amp|quot|#39|#x27|apos);/g, (_, name) => ENTITIES[name]);
      (mark || fragment).append(document.createTextNode(text));
    }
  }
  if (mark) {
    fragment.append(mark);
  }
  return fragment;
}

/** A status line shown while something loads. */
export function loading(text) {
  return h("p", { class: "loading", role: "status" }, text || "読み込み中…");
}

/** Marks the page as loading, ready or failed (also read by tests and assistive tools). */
export function setState(state) {
  document.body.dataset.state = state;
  document.getElementById("main").setAttribute("aria-busy", state === "loading" ? "true" : "false");
}

/** Thousands separators on an exact decimal string, without going through floating point. */
export function groupDigits(decimal) {
  const text = String(decimal);
  const match = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (!match) {
    return text;
  }
  return match[1] + match[2].replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (match[3] || "");
}

/** Debounces `fn` by `ms` milliseconds. */
export function debounce(fn, ms) {
  let timer = null;
  const debounced = (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  debounced.cancel = () => clearTimeout(timer);
  return debounced;
}
