import {h, show, svg} from "./dom.js";
import {count, query} from "./api.js";
import {uiConfig, list, text} from "./config.js";

// The charts of ui.overview (groups of pie charts, each slice a device filter), and the totals.
export async function overviewPage(params) {
  const config = await uiConfig();
  const overview = config.overview || {};
  const charts = overview.charts || {};
  const groups = overview.groups || {};
  const sections = [];
  const totals = h("dl", {className: "totals"});
  sections.push(h("section", {"aria-label": "Totals"}, h("h2", {}, "Totals"), totals));
  const groupNames = Object.keys(groups).length ? Object.keys(groups) : [null];
  for (const g of groupNames) {
    const names = g === null ? Object.keys(charts) : list(groups[g].charts).map(text);
    const row = h("div", {className: "charts"});
    for (const name of names) {
      if (charts[name]) row.append(await chart(name, charts[name]));
    }
    const label = g === null ? "" : text(groups[g].label);
    sections.push(h("section", {"aria-label": label || "Charts"}, label ? h("h2", {}, label) : null, row));
  }
  show(h("div", {}, h("h1", {}, "Overview"), sections), params);
  const [devices, faults, tasks] = await Promise.all(["/api/devices", "/api/faults", "/api/tasks"].map((u) =>
    count(u).catch(() => null)));
  for (const [label, n, href] of [["Devices", devices, "#/devices"], ["Faults", faults, "#/faults"],
    ["Queued tasks", tasks, null]]) {
    if (n === null) continue;
    totals.append(h("div", {}, h("dt", {}, label), h("dd", {}, href ? h("a", {href}, String(n)) : String(n))));
  }
}

async function chart(name, c) {
  const slices = Object.keys(c.slices || {}).sort().map((k) => c.slices[k]);
  const counts = await Promise.all(slices.map((s) =>
    count("/api/devices" + query({filter: text(s.filter)})).catch(() => 0)));
  const total = counts.reduce((a, b) => a + b, 0);
  const pie = svg("svg", {viewBox: "-1 -1 2 2", width: 160, height: 160, role: "img",
    "aria-label": text(c.label) + ": " + slices.map((s, i) => text(s.label) + " " + counts[i]).join(", ")});
  let angle = -Math.PI / 2;
  slices.forEach((s, i) => {
    if (!counts[i]) return;
    const share = counts[i] / total;
    const link = svg("a", {href: "#/devices" + query({filter: text(s.filter)})});
    if (share >= 0.9999) {
      link.append(svg("circle", {cx: 0, cy: 0, r: 1, fill: text(s.color) || "#888"}));
    } else {
      const end = angle + share * 2 * Math.PI;
      const large = share > 0.5 ? 1 : 0;
      const d = `M 0 0 L ${Math.cos(angle)} ${Math.sin(angle)} A 1 1 0 ${large} 1 ${Math.cos(end)} ${Math.sin(end)} Z`;
      link.append(svg("path", {d, fill: text(s.color) || "#888"}));
      angle = end;
    }
    link.append(svg("title", {}, text(s.label) + ": " + counts[i]));
    pie.append(link);
  });
  if (!total) pie.append(svg("circle", {cx: 0, cy: 0, r: 1, fill: "#eee"}));
  const legend = h("ul", {className: "legend"}, slices.map((s, i) => h("li", {},
    h("span", {className: "swatch", "data-color": text(s.color)}),
    h("a", {href: "#/devices" + query({filter: text(s.filter)})}, text(s.label) + ": " + counts[i]))));
  // colours through the CSSOM: the page's CSP allows no inline style attributes
  for (const sw of legend.querySelectorAll(".swatch")) sw.style.background = sw.dataset.color;
  return h("figure", {className: "chart"}, h("figcaption", {}, text(c.label) + " (" + total + ")"), pie, legend);
}
