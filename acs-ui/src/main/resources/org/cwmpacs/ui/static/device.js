import {h, show, toast, dialog} from "./dom.js";
import {json, query, request, postTasks} from "./api.js";
import {uiConfig, list, text, deviceValue, formatValue, tags} from "./config.js";
import {describeOutcome, chooseDownload} from "./tasks.js";

const SHOWN_PARAMETERS = 200;

// One device: the components of ui.device, its task queue, and every action on it.
export async function devicePage(params, id) {
  const config = await uiConfig();
  const url = "/api/devices/" + encodeURIComponent(id);
  const device = await json("GET", url);
  const status = h("p", {className: "status", role: "status", "aria-live": "polite"});
  const reload = () => devicePage(params, id);

  async function run(tasks, what) {
    status.textContent = what + "…";
    status.className = "status";
    try {
      const r = await postTasks(id, tasks);
      const states = r.statuses.map((s) => s.status);
      const summary = states.every((s) => s === "done") ? "done" : states.includes("fault") ? "fault" : "pending";
      const message = what + ": " + describeOutcome(summary, r.connectionRequest === "OK" ? "" : r.connectionRequest)
        + (r.path && r.path !== "HTTP" ? " (woken over " + r.path + ")" : "");
      await reload();
      const after = document.querySelector("#main p.status");
      if (after) { after.textContent = message; after.className = "status " + summary; }
    } catch (e) {
      status.textContent = what + ": " + e.message;
      status.className = "status error";
    }
  }

  const ctx = {device, id, run, reload, config};
  const components = list(config.device).map((c) => component(c, ctx));
  show(h("div", {className: "device"}, h("h1", {}, id), status, components,
    await taskQueue(id, reload), h("section", {"aria-label": "Actions"}, h("h2", {}, "Actions"), actions(ctx)),
    await transcripts(id)), params);
}

// The first element of a SOAP body: the RPC a message carries.
function rpcName(xml) {
  if (!xml) return "(empty)";
  const m = /<(?:[\w-]+:)?Body\b[^>]*>\s*<(?:[\w-]+:)?([A-Za-z]+)/.exec(xml);
  return m ? m[1] : "(not SOAP)";
}

// The device's last CWMP sessions, message by message, as this server recorded them.
async function transcripts(id) {
  const section = h("section", {"aria-label": "Last CWMP sessions"}, h("h2", {}, "Last CWMP sessions"));
  let sessions;
  try {
    sessions = await json("GET", "/api/devices/" + encodeURIComponent(id) + "/sessions");
  } catch (e) {
    section.append(h("p", {className: "muted"}, e.message));
    return section;
  }
  if (!sessions.length) {
    section.append(h("p", {className: "muted"}, "None recorded by this server since it started (or forgotten to make room)."));
    return section;
  }
  for (const s of sessions.slice().reverse()) {
    const items = [];
    for (const x of s.exchanges) {
      const time = new Date(x.time).toLocaleTimeString();
      items.push(message(time + " CPE → ACS: " + rpcName(x.cpe), x.cpe, x.cpeLength));
      items.push(message(time + " ACS → CPE (" + x.status + "): " + (x.status === 204 ? "end of session" : rpcName(x.acs)),
        x.acs, x.acsLength));
    }
    section.append(h("details", {className: "transcript"},
      h("summary", {}, "Session of " + new Date(s.started).toLocaleString() + ": " + s.exchanges.length + " exchanges"
        + (s.dropped ? " (" + s.dropped + " more not kept)" : "")),
      h("ol", {}, items)));
  }
  return section;
}

function message(label, text, length) {
  const cut = text && length > text.length ? "\n… (" + (length - text.length) + " more bytes not kept)" : "";
  return h("li", {}, h("details", {}, h("summary", {}, label), h("pre", {}, (text || "") + cut)));
}

function component(c, ctx) {
  const type = text(c.type);
  switch (type) {
    case "tags": return tagEditor(ctx);
    case "parameter-list": return h("section", {"aria-label": "Summary"}, h("dl", {className: "summary"},
      list(c.parameters).map((p) => h("div", {}, h("dt", {}, text(p.label)),
        h("dd", {}, text(p.type) === "container" ? containerValue(p, ctx) : valueWithEdit(ctx, p.parameter))))));
    case "parameter-table": return parameterTable(c, ctx);
    case "container": {
      const tag = (text(c.element) || "div").split(".")[0];
      const safe = ["div", "span", "h2", "h3", "h4", "p", "section"].includes(tag) ? tag : "div";
      return h(safe === "h3" ? "h2" : safe, {}, list(c.components).map((x) =>
        typeof x === "object" && x !== null && !x.param && !x.expression ? component(x, ctx) : text(x)));
    }
    case "device-faults": return faults(ctx);
    case "all-parameters": return allParameters(ctx);
    case "device-actions": return null; // the actions are always at the end
    case "summon-button": return summon(c, ctx);
    case "ping": return pingButton(ctx);
    case "overview-dot": return null;
    case "parameter": return null;
    default: return h("p", {className: "muted"}, "(component \"" + type + "\" is not shown by this UI)");
  }
}

// The device's address, from its connection request URL, pinged from the server.
function pingButton(ctx) {
  const url = ["InternetGatewayDevice", "Device"].map((r) => ctx.device[r + ".ManagementServer.ConnectionRequestURL"])
    .find((p) => p && p.value && p.value[0]);
  let host = "";
  try {
    host = url ? new URL(url.value[0]).hostname.replace(/^\[|\]$/g, "") : "";
  } catch (e) {
    host = "";
  }
  if (!host) return null;
  const out = h("pre", {className: "ping", "aria-live": "polite"});
  return h("section", {"aria-label": "Ping"}, h("button", {type: "button", onclick: async () => {
    out.textContent = "Pinging " + host + "…";
    try {
      const r = await fetch("/api/ping/" + encodeURIComponent(host), {credentials: "same-origin"});
      out.textContent = (await r.text()) || (r.ok ? "" : "no answer");
    } catch (e) {
      out.textContent = e.message;
    }
  }}, "Ping " + host), out);
}

function containerValue(p, ctx) {
  return h("span", {}, deviceValue(ctx.device, p.parameter) + " ",
    list(p.components).filter((x) => text(x.type) === "summon-button").map((x) => summon(x, ctx)));
}

function valueWithEdit(ctx, parameter) {
  const value = deviceValue(ctx.device, parameter);
  const path = parameter && parameter.param;
  const p = path && ctx.device[path];
  if (!p || !p.writable || p.object) return value;
  return h("span", {}, value + " ", editButton(ctx, path, p));
}

function summon(c, ctx) {
  return h("button", {type: "button", onclick: () => {
    const wanted = list(c.parameters).map(text);
    const names = Object.keys(ctx.device).filter((k) => !ctx.device[k].object && ctx.device[k].value
      && wanted.some((w) => new RegExp("^" + w.split(".").map((s) => s === "*" ? "[^.]+" : s.replace(/[^\w]/g, "\\$&")).join("\\.") + "$").test(k)));
    ctx.run([{name: "getParameterValues", parameterNames: names.length ? names : [rootOf(ctx.device) + ".DeviceInfo.SoftwareVersion"]}], "Summon");
  }}, "Summon");
}

function rootOf(device) {
  return Object.keys(device).some((k) => k.startsWith("InternetGatewayDevice.")) ? "InternetGatewayDevice" : "Device";
}

function editButton(ctx, path, p) {
  return h("button", {type: "button", className: "small", "aria-label": "Edit " + path, onclick: async () => {
    const type = p.value ? p.value[1] : "xsd:string";
    const current = p.value ? formatValue(p.value[0], type) : "";
    const form = await dialog("Set " + path, [type === "xsd:boolean"
      ? {name: "value", label: "Value", type: "select", value: current,
        options: [{value: "true", label: "true"}, {value: "false", label: "false"}]}
      : {name: "value", label: "Value (" + type + ")", value: current}], "Set");
    if (!form) return;
    let value = form.value;
    if (type === "xsd:boolean") value = value === "true";
    else if (/xsd:(int|unsignedInt|long|unsignedLong)/.test(type) && value.trim() !== "" && !isNaN(Number(value))) value = Number(value);
    ctx.run([{name: "setParameterValues", parameterValues: [[path, value, type]]}], "Set " + path);
  }}, "Edit");
}

function tagEditor(ctx) {
  const current = tags(ctx.device);
  const input = h("input", {id: "new-tag", "aria-label": "New tag"});
  const form = h("form", {className: "inline"}, input, h("button", {type: "submit"}, "Add tag"));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (!input.value.trim()) return;
    await changeTag(ctx, input.value.trim(), true);
  });
  return h("section", {"aria-label": "Tags"}, h("h2", {}, "Tags"), h("ul", {className: "tags"},
    current.map((t) => h("li", {}, h("span", {className: "tag"}, t),
      h("button", {type: "button", className: "small", "aria-label": "Remove tag " + t, onclick: () => changeTag(ctx, t, false)}, "×")))),
  form);
}

async function changeTag(ctx, tag, on) {
  try {
    await request("POST", "/api/devices/" + encodeURIComponent(ctx.id) + "/tags", {[tag]: on});
    ctx.reload();
  } catch (e) {
    toast(e.message, "error");
  }
}

function parameterTable(c, ctx) {
  const base = text(c.parameter);
  const children = list(c.childParameters);
  const prefix = base + ".";
  const instances = Object.keys(ctx.device).filter((k) => k.startsWith(prefix) && /^\d+$/.test(k.slice(prefix.length)));
  return h("section", {"aria-label": text(c.label) || base}, h("h2", {}, text(c.label) || base),
    h("table", {}, h("thead", {}, h("tr", {}, children.map((ch) => h("th", {scope: "col"}, text(ch.label))),
      h("th", {scope: "col"}, h("span", {className: "visually-hidden"}, "Actions")))),
    h("tbody", {}, instances.map((i) => h("tr", {}, children.map((ch) => {
      const path = i + "." + text(ch.parameter);
      const p = ctx.device[path];
      return h("td", {}, p && p.value ? formatValue(p.value[0], p.value[1]) : "");
    }), h("td", {}, ctx.device[i].writable ? h("button", {type: "button", className: "small",
      onclick: () => confirm("Delete " + i + "?") && ctx.run([{name: "deleteObject", objectName: i}], "Delete " + i)}, "Delete") : null))))),
    ctx.device[base] && ctx.device[base].writable ? h("button", {type: "button", onclick: () =>
      ctx.run([{name: "addObject", objectName: base}], "Add an instance to " + base)}, "Add instance") : null);
}

function faults(ctx) {
  const section = h("section", {"aria-label": "Faults"}, h("h2", {}, "Faults"));
  json("GET", "/api/faults" + query({filter: "device = '" + ctx.id.replace(/'/g, "''") + "'"})).then((list) => {
    if (!list.length) { section.append(h("p", {className: "muted"}, "No faults.")); return; }
    section.append(h("table", {}, h("thead", {}, h("tr", {}, ["Channel", "Code", "Message", "Retries", "Time", ""].map((x) => h("th", {scope: "col"}, x)))),
      h("tbody", {}, list.map((f) => h("tr", {}, h("td", {}, f.channel), h("td", {}, f.code), h("td", {}, f.message),
        h("td", {}, f.retries), h("td", {}, f.timestamp), h("td", {}, h("button", {type: "button", className: "small",
          onclick: async () => { await request("DELETE", "/api/faults/" + encodeURIComponent(f._id)); ctx.reload(); }}, "Delete")))))));
  }).catch((e) => section.append(h("p", {className: "error"}, e.message)));
  return section;
}

async function taskQueue(id, reload) {
  const section = h("section", {"aria-label": "Queued tasks"}, h("h2", {}, "Queued tasks"));
  let tasks;
  try {
    tasks = await json("GET", "/api/devices/" + encodeURIComponent(id) + "/tasks");
  } catch (e) {
    section.append(h("p", {className: "muted"}, e.message));
    return section;
  }
  if (!tasks.length) {
    section.append(h("p", {className: "muted"}, "None: every task has run."));
    return section;
  }
  // while tasks wait, look again every 5 s: the queue shows what the device did meanwhile
  const shownAt = location.hash;
  setTimeout(async () => {
    if (location.hash !== shownAt || !section.isConnected) return;
    section.replaceWith(await taskQueue(id, reload));
  }, 5000);
  section.append(h("table", {}, h("thead", {}, h("tr", {}, ["Task", "Queued", "Status", ""].map((x) => h("th", {scope: "col"}, x)))),
    h("tbody", {}, tasks.map((t) => {
      const fault = t.fault;
      return h("tr", {}, h("td", {}, t.name), h("td", {}, t.timestamp), h("td", {}, fault ? "fault" : "queued"),
        h("td", {}, fault ? h("button", {type: "button", className: "small", onclick: async () => {
          await request("DELETE", "/api/faults/" + encodeURIComponent(id + ":task_" + t._id)).catch((e) => toast(e.message, "error"));
          reload();
        }}, "Retry") : null, h("button", {type: "button", className: "small", onclick: async () => {
          await request("DELETE", "/api/devices/" + encodeURIComponent(id) + "/tasks/" + encodeURIComponent(t._id))
            .catch((e) => toast(e.message, "error"));
          reload();
        }}, "Delete")));
    }))));
  return section;
}

function allParameters(ctx) {
  const paths = Object.keys(ctx.device).filter((k) => !k.startsWith("Events.") && !k.startsWith("DeviceID.")
    && !k.startsWith("Tags")).sort();
  const search = h("input", {id: "parameter-search", type: "search", placeholder: "part of a name or value",
    "aria-describedby": "parameter-count"});
  const countLine = h("p", {id: "parameter-count", "aria-live": "polite"});
  const body = h("tbody");
  let all = false;
  const more = h("button", {type: "button", onclick: () => { all = true; draw(); }}, "Show all matches");
  function draw() {
    const q = search.value.trim().toLowerCase();
    const matches = q ? paths.filter((p) => p.toLowerCase().includes(q)
      || String(ctx.device[p].value ? ctx.device[p].value[0] : "").toLowerCase().includes(q)) : paths;
    const shown = all ? matches : matches.slice(0, SHOWN_PARAMETERS);
    body.replaceChildren(...shown.map((p) => {
      const node = ctx.device[p];
      const value = node.value ? formatValue(node.value[0], node.value[1]) : "";
      const buttons = [];
      if (node.object) {
        buttons.push(h("button", {type: "button", className: "small", "aria-label": "Refresh " + p,
          onclick: () => ctx.run([{name: "refreshObject", objectName: p}], "Refresh " + p)}, "Refresh"));
        if (node.writable && !/\.\d+$/.test(p)) {
          buttons.push(h("button", {type: "button", className: "small", "aria-label": "Add an instance to " + p,
            onclick: () => ctx.run([{name: "addObject", objectName: p}], "Add an instance to " + p)}, "Add"));
        }
        if (node.writable && /\.\d+$/.test(p)) {
          buttons.push(h("button", {type: "button", className: "small", "aria-label": "Delete " + p,
            onclick: () => confirm("Delete " + p + "?") && ctx.run([{name: "deleteObject", objectName: p}], "Delete " + p)}, "Delete"));
        }
      } else if (node.writable) {
        buttons.push(editButton(ctx, p, node));
      }
      return h("tr", {}, h("td", {className: "path"}, p), h("td", {}, value), h("td", {}, buttons));
    }));
    countLine.textContent = matches.length + " of " + paths.length + " parameters" + (shown.length < matches.length ? ", " + shown.length + " shown" : "");
    more.hidden = shown.length >= matches.length;
  }
  let timer = null;
  search.addEventListener("input", () => { clearTimeout(timer); all = false; timer = setTimeout(draw, 120); });
  draw();
  return h("section", {"aria-label": "All parameters"}, h("h2", {}, "All parameters"),
    h("a", {href: "/api/devices/" + encodeURIComponent(ctx.id) + ".csv", download: ctx.id + ".csv"}, "Download as CSV"),
    h("div", {className: "field"}, h("label", {for: "parameter-search"}, "Search parameters"), search), countLine,
    h("div", {className: "scroll"}, h("table", {className: "parameters"}, h("thead", {}, h("tr", {},
      h("th", {scope: "col"}, "Parameter"), h("th", {scope: "col"}, "Value"), h("th", {scope: "col"}, h("span", {className: "visually-hidden"}, "Actions")))), body)),
    more);
}

function actions(ctx) {
  return h("div", {className: "actions", role: "toolbar", "aria-label": "Device actions"},
    h("button", {type: "button", onclick: () => ctx.run([{name: "reboot"}], "Reboot")}, "Reboot"),
    h("button", {type: "button", onclick: () => confirm("Factory reset " + ctx.id + "? Its settings are lost.")
      && ctx.run([{name: "factoryReset"}], "Factory reset")}, "Reset"),
    h("button", {type: "button", onclick: async () => {
      const task = await chooseDownload();
      if (task) ctx.run([task], "Push " + task.file);
    }}, "Push file"),
    h("button", {type: "button", className: "danger", onclick: async () => {
      if (!confirm("Delete " + ctx.id + " with its tasks and faults?")) return;
      try {
        await request("DELETE", "/api/devices/" + encodeURIComponent(ctx.id));
        location.hash = "#/devices";
      } catch (e) {
        toast(e.message, "error");
      }
    }}, "Delete"));
}
