// The neighbourhood graph as plain SVG: the node in the centre, its neighbours on rings by
// distance, labels along the radius. Every node is a link to its page, so a click (or Enter
// on the focused node) moves to it; wheel and drag zoom and pan.

import { svg, h } from "./dom.js";
import { nodeUrl, typeLabel } from "./labels.js";

const LABEL_CHARS = 16;

/** Places the nodes of a neighbourhood: `{id: {x, y, angle}}`. */
function layout(subgraph) {
  const positions = new Map();
  const byDistance = new Map();
  for (const node of subgraph.nodes) {
    if (!byDistance.has(node.distance)) {
      byDistance.set(node.distance, []);
    }
    byDistance.get(node.distance).push(node);
  }
  const neighbours = new Map();
  for (const edge of subgraph.edges) {
    for (const [a, b] of [
      [edge.from, edge.to],
      [edge.to, edge.from],
    ]) {
      if (!neighbours.has(a)) {
        neighbours.set(a, []);
      }
      neighbours.get(a).push(b);
    }
  }
  let radius = 0;
  const distances = [...byDistance.keys()].sort((a, b) => a - b);
  for (const distance of distances) {
    const ring = byDistance.get(distance);
    if (distance === 0) {
      ring.forEach((node) => positions.set(node.id, { x: 0, y: 0, angle: 0 }));
      continue;
    }
    // Order a ring by the angle of the inner node each one hangs from, then by type and name.
    const parentAngle = (node) => {
      const inner = (neighbours.get(node.id) || [])
        .map((id) => positions.get(id))
        .filter(Boolean);
      return inner.length ? inner[0].angle : 0;
    };
    ring.sort(
      (a, b) =>
        parentAngle(a) - parentAngle(b) ||
        a.type.localeCompare(b.type) ||
        a.name.localeCompare(b.name)
    );
    radius = Math.max(radius + 170, (ring.length * 16) / (2 * Math.PI));
    ring.forEach((node, i) => {
      const angle = (2 * Math.PI * i) / ring.length;
      positions.set(node.id, {
        x: radius * Math.cos(angle),
        y: radius * Math.sin(angle),
        angle,
      });
    });
  }
  return { positions, radius };
}

function shortName(name) {
  return name.length > LABEL_CHARS ? `${name.slice(0, LABEL_CHARS - 1)}…` : name;
}

/** Draws `subgraph` (from `/nodes/{id}/neighbors`) as an interactive SVG figure. */
export function drawGraph(subgraph, centreId) {
  const { positions, radius } = layout(subgraph);
  const extent = radius + 16 + LABEL_CHARS * 13;
  const view = { x: -extent, y: -extent, size: 2 * extent };
  const root = svg("svg", {
    class: "graph",
    viewBox: `${view.x} ${view.y} ${view.size} ${view.size}`,
    role: "group",
    "aria-label": "関係グラフ",
  });
  const edges = svg("g", { class: "edges" });
  const nodes = svg("g", { class: "nodes" });
  root.append(edges, nodes);
  for (const edge of subgraph.edges) {
    const a = positions.get(edge.from);
    const b = positions.get(edge.to);
    if (!a || !b) {
      continue;
    }
    edges.append(
      svg(
        "line",
        {
          x1: a.x.toFixed(1),
          y1: a.y.toFixed(1),
          x2: b.x.toFixed(1),
          y2: b.y.toFixed(1),
          class: `edge rel-${edge.rel}`,
          "data-from": edge.from,
          "data-to": edge.to,
        },
        svg("title", {}, edge.rel)
      )
    );
  }
  for (const node of subgraph.nodes) {
    const p = positions.get(node.id);
    const centre = node.id === centreId;
    const flip = Math.cos(p.angle) < 0;
    const degrees = (p.angle * 180) / Math.PI + (flip ? 180 : 0);
    const offset = centre ? 0 : flip ? -12 : 12;
    const label = svg(
      "text",
      {
        class: "label",
        x: centre ? 0 : offset,
        y: centre ? 34 : 4,
        "text-anchor": centre ? "middle" : flip ? "end" : "start",
        transform: centre ? null : `rotate(${degrees.toFixed(1)})`,
      },
      centre ? node.name : shortName(node.name)
    );
    const group = svg(
      "a",
      {
        href: nodeUrl(node.id),
        class: `gnode type-${node.type}${centre ? " centre" : ""}`,
        transform: `translate(${p.x.toFixed(1)} ${p.y.toFixed(1)})`,
        "data-id": node.id,
        "aria-label": `${typeLabel(node.type)}: ${node.name}`,
      },
      svg("title", {}, `${node.name}（${typeLabel(node.type)}）`),
      svg("circle", { r: centre ? 14 : 8 }),
      label
    );
    const mark = (on) => {
      for (const line of edges.querySelectorAll("line")) {
        if (line.dataset.from === node.id || line.dataset.to === node.id) {
          line.classList.toggle("lit", on);
        }
      }
    };
    group.addEventListener("mouseenter", () => mark(true));
    group.addEventListener("mouseleave", () => mark(false));
    group.addEventListener("focus", () => mark(true));
    group.addEventListener("blur", () => mark(false));
    nodes.append(group);
  }
  enablePanZoom(root, view);
  return root;
}

/** A legend of the node types present. */
export function legend(subgraph) {
  const types = [...new Set(subgraph.nodes.map((node) => node.type))];
  return h(
    "ul",
    { class: "legend", "aria-label": "凡例" },
    types.map((type) => h("li", { class: `type-${type}` }, h("span", { class: "dot" }), typeLabel(type)))
  );
}

function enablePanZoom(root, view) {
  const apply = () =>
    root.setAttribute("viewBox", `${view.x} ${view.y} ${view.size} ${view.size}`);
  root.addEventListener(
    "wheel",
    (event) => {
      event.preventDefault();
      const factor = event.deltaY > 0 ? 1.15 : 1 / 1.15;
      const rect = root.getBoundingClientRect();
      const fx = (event.clientX - rect.left) / rect.width;
      const fy = (event.clientY - rect.top) / rect.height;
      const size = Math.min(Math.max(view.size * factor, 100), 20000);
      view.x += (view.size - size) * fx;
      view.y += (view.size - size) * fy;
      view.size = size;
      apply();
    },
    { passive: false }
  );
  let drag = null;
  root.addEventListener("pointerdown", (event) => {
    if (event.target.closest("a")) {
      return;
    }
    drag = { x: event.clientX, y: event.clientY, vx: view.x, vy: view.y };
    root.setPointerCapture(event.pointerId);
  });
  root.addEventListener("pointermove", (event) => {
    if (!drag) {
      return;
    }
    const scale = view.size / root.getBoundingClientRect().width;
    view.x = drag.vx - (event.clientX - drag.x) * scale;
    view.y = drag.vy - (event.clientY - drag.y) * scale;
    apply();
  });
  root.addEventListener("pointerup", () => {
    drag = null;
  });
}
