import {h, show, toast, dialog} from "./dom.js";
import {json, count, query, request} from "./api.js";
import {uiConfig, list, text, smartQuery, deviceValue, tags} from "./config.js";
import {runOnDevices, describeOutcome, chooseDownload} from "./tasks.js";

// The device list: filter, configured columns, sort, paging, bulk actions on the selection.
export async function devicesPage(params) {
  const config = await uiConfig();
  const columns = list(config.index);
  const filters = list(config.filters);
  const pageSize = Number(text(config.pageSize)) || 10;
  const filterText = params.get("filter") || "";
  let sort = params.get("sort") ? JSON.parse(params.get("sort")) : {};
  let shown = 0;
  let filter;
  const selected = new Set();
  const outcomes = new Map();

  const input = h("input", {id: "filter", type: "search", value: filterText, placeholder: filters.length
    ? filters.map((f) => text(f.label) + ": …").join("   ") : "an expression, such as DeviceID.ProductClass = 'HG8245'",
  "aria-describedby": "filter-help"});
  const form = h("form", {className: "filter", role: "search"},
    h("label", {for: "filter"}, "Filter"), input, h("button", {type: "submit"}, "Apply"),
    h("small", {id: "filter-help"}, "\"Label: value\" with a label of " + (filters.map((f) => text(f.label)).join(", ") || "none")
      + ", or an expression."));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    location.hash = "#/devices" + query({filter: input.value.trim(), sort: Object.keys(sort).length ? JSON.stringify(sort) : ""});
  });
  const total = h("p", {className: "total", "aria-live": "polite"});
  const body = h("tbody");
  const more = h("button", {type: "button", onclick: () => load(false)}, "Show more");
  const csvColumns = {};
  for (const c of columns) if (c.parameter && text(c.parameter)) csvColumns[text(c.label) || text(c.parameter)] = text(c.parameter);
  const exportLink = h("a", {className: "export", download: "devices.csv"}, "Export CSV");
  // only what the columns show: a page of whole devices would weigh megabytes
  const projection = ["Tags"].concat(columns.flatMap((c) => {
    const p = c.parameter;
    if (!p) return [];
    if (p.param) return [p.param];
    const d = /^DATE_STRING\(\s*([A-Za-z0-9_.-]+)\s*\)$/.exec(p.expression || "");
    return d ? [d[1]] : [];
  })).join(",");
  const headRow = h("tr", {}, h("th", {scope: "col"}, h("input", {type: "checkbox", "aria-label": "Select all shown",
    onchange: (e) => { for (const box of body.querySelectorAll("input[type=checkbox]")) { box.checked = e.target.checked; box.dispatchEvent(new Event("change")); } }})),
  columns.map((c) => {
    const p = c.parameter && c.parameter.param;
    const label = text(c.label);
    if (!p || text(c.unsortable) === "true" || c.unsortable === true) return h("th", {scope: "col"}, label);
    const dir = sort[p];
    return h("th", {scope: "col", "aria-sort": dir === 1 ? "ascending" : dir === -1 ? "descending" : "none"},
      h("button", {type: "button", className: "link", onclick: () => {
        sort = {[p]: dir === 1 ? -1 : 1};
        location.hash = "#/devices" + query({filter: filterText, sort: JSON.stringify(sort)});
      }}, label + (dir === 1 ? " ▲" : dir === -1 ? " ▼" : "")));
  }), h("th", {scope: "col"}, "Outcome"));
  const table = h("table", {className: "devices"}, h("thead", {}, headRow), body);
  const actions = h("div", {className: "actions", role: "toolbar", "aria-label": "Actions on the selected devices"},
    action("Reboot", () => ({name: "reboot"})),
    action("Reset", () => ({name: "factoryReset"}), "Factory reset the selected devices? Their settings are lost."),
    h("button", {type: "button", onclick: async () => {
      const task = await chooseDownload();
      if (task) bulk(() => [task]);
    }}, "Push file"),
    h("button", {type: "button", onclick: setParameter}, "Set parameter"),
    h("button", {type: "button", onclick: () => tagSelected(true)}, "Tag"),
    h("button", {type: "button", onclick: () => tagSelected(false)}, "Untag"),
    h("button", {type: "button", className: "danger", onclick: deleteSelected}, "Delete"));

  show(h("div", {}, h("h1", {}, "Devices"), form, total, actions, h("div", {className: "scroll"}, table), more,
    " ", exportLink), params);

  try {
    filter = smartQuery(filterText, filters);
  } catch (e) {
    total.textContent = e.message;
    return;
  }
  exportLink.href = "/api/devices.csv" + query({filter, columns: JSON.stringify(csvColumns)});
  await load(true);

  async function load(first) {
    const url = "/api/devices" + query({filter, sort: Object.keys(sort).length ? JSON.stringify(sort) : "",
      skip: first ? 0 : shown, limit: pageSize, projection});
    let res;
    try {
      res = await request("GET", url);
    } catch (e) {
      total.textContent = e.message;
      total.className = "total error";
      more.hidden = true;
      return;
    }
    const n = Number(res.headers.get("X-Total-Count"));
    const devices = await res.json();
    if (first) body.replaceChildren();
    for (const d of devices) body.append(row(d));
    shown += devices.length;
    total.textContent = n + (n === 1 ? " device" : " devices") + (filter ? " match" : "") + "; " + shown + " shown";
    more.hidden = shown >= n;
  }

  function row(d) {
    const id = d["DeviceID.ID"].value[0];
    const outcome = h("td", {className: "outcome", "aria-live": "polite"}, outcomes.get(id) || "");
    const box = h("input", {type: "checkbox", "aria-label": "Select " + id, onchange: (e) => {
      if (e.target.checked) selected.add(id); else selected.delete(id);
    }});
    return h("tr", {"data-id": id}, h("td", {}, box), columns.map((c) => {
      const type = text(c.type);
      if (type === "tags") return h("td", {}, tags(d).map((t) => h("span", {className: "tag"}, t)));
      const value = deviceValue(d, c.parameter);
      if (type === "device-link") return h("td", {}, h("a", {href: "#/devices/" + encodeURIComponent(id)}, value || id));
      return h("td", {}, value);
    }), outcome);
  }

  function action(label, make, confirmText) {
    return h("button", {type: "button", onclick: () => {
      if (confirmText && !confirm(confirmText)) return;
      bulk(() => [make()]);
    }}, label);
  }

  function selection() {
    if (!selected.size) toast("Select devices first", "error");
    return [...selected];
  }

  function outcomeCell(id) {
    return body.querySelector(`tr[data-id="${CSS.escape(id)}"] td.outcome`);
  }

  async function bulk(makeTasks) {
    const ids = selection();
    for (const id of ids) outcomeCell(id).textContent = "Working…";
    await runOnDevices(ids, makeTasks, (id, summary, why) => {
      const text = describeOutcome(summary, why);
      outcomes.set(id, text);
      const cell = outcomeCell(id);
      if (cell) { cell.textContent = text; cell.className = "outcome " + summary; }
    });
  }

  async function setParameter() {
    if (!selection().length) return;
    const form = await dialog("Set a parameter on the selected devices", [
      {name: "path", label: "Parameter", required: true, help: "e.g. InternetGatewayDevice.Time.NTPServer1"},
      {name: "value", label: "Value"},
      {name: "type", label: "Type", type: "select", value: "xsd:string", options: ["xsd:string", "xsd:boolean",
        "xsd:int", "xsd:unsignedInt", "xsd:long", "xsd:unsignedLong", "xsd:dateTime", "xsd:base64"]
        .map((t) => ({value: t, label: t}))}], "Set");
    if (!form || !form.path.trim()) return;
    let value = form.value;
    if (form.type === "xsd:boolean") value = /^(true|1)$/i.test(value.trim());
    else if (/xsd:(int|unsignedInt|long|unsignedLong)/.test(form.type) && value.trim() !== "" && !isNaN(Number(value))) value = Number(value);
    bulk(() => [{name: "setParameterValues", parameterValues: [[form.path.trim(), value, form.type]]}]);
  }

  async function tagSelected(on) {
    const ids = selection();
    if (!ids.length) return;
    const form = await dialog(on ? "Tag the selected devices" : "Untag the selected devices",
      [{name: "tag", label: "Tag", required: true}], on ? "Tag" : "Untag");
    if (!form || !form.tag.trim()) return;
    for (const id of ids) {
      try {
        await request("POST", "/api/devices/" + encodeURIComponent(id) + "/tags", {[form.tag.trim()]: on});
      } catch (e) {
        toast(id + ": " + e.message, "error");
        return;
      }
    }
    toast((on ? "Tagged " : "Untagged ") + ids.length + " devices");
    devicesPage(params);
  }

  async function deleteSelected() {
    const ids = selection();
    if (!ids.length || !confirm("Delete " + ids.length + " devices with their tasks and faults?")) return;
    for (const id of ids) {
      try {
        await request("DELETE", "/api/devices/" + encodeURIComponent(id));
      } catch (e) {
        toast(id + ": " + e.message, "error");
        return;
      }
    }
    toast("Deleted " + ids.length + " devices");
    devicesPage(params);
  }
}
