// A small element builder: h("button", {onclick: f, "aria-label": "Reboot"}, "Reboot").
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "className") el.className = v;
    else if (k === "value") el.value = v;
    else if (k === "checked") el.checked = v;
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function svg(tag, attrs, ...children) {
  const el = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, String(v));
  for (const c of children) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

let navigation = 0;

// Marks a navigation's parameters: a page rendered for an older navigation is not shown over a newer one
// (renders are asynchronous, and a slow one may finish after the user moved on).
export function startNavigation(params) {
  params.navigation = ++navigation;
  return params;
}

export function show(node, params) {
  if (params && params.navigation !== undefined && params.navigation !== navigation) return;
  const main = document.getElementById("main");
  main.replaceChildren(node);
}

let toastTimer = null;
export function toast(message, kind) {
  const t = document.getElementById("toast");
  t.textContent = message;
  t.className = "visible " + (kind || "");
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { t.className = ""; }, kind === "error" ? 10000 : 4000);
}

// A modal form: resolves with the form's values, or null when cancelled.
export function dialog(title, fields, submitLabel) {
  return new Promise((resolve) => {
    const inputs = {};
    const form = h("form", {method: "dialog", className: "dialog-form"},
      h("h2", {}, title),
      fields.map((f) => {
        const id = "f-" + f.name;
        const input = f.type === "textarea"
          ? h("textarea", {id, name: f.name, rows: f.rows || 12, spellcheck: "false"}, f.value || "")
          : f.type === "select"
            ? h("select", {id, name: f.name}, f.options.map((o) => h("option", {value: o.value, selected: o.value === f.value}, o.label)))
            : h("input", {id, name: f.name, type: f.type || "text", value: f.value ?? "", required: f.required,
              autocomplete: f.autocomplete || "off"});
        inputs[f.name] = input;
        return h("div", {className: "field"}, h("label", {for: id}, f.label), input,
          f.help ? h("small", {}, f.help) : null);
      }),
      h("div", {className: "buttons"},
        h("button", {type: "submit", value: "ok", className: "primary"}, submitLabel || "Save"),
        h("button", {type: "button", onclick: () => { d.close(); }}, "Cancel")));
    const d = h("dialog", {"aria-label": title}, form);
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const out = {};
      for (const [k, el] of Object.entries(inputs)) out[k] = el.type === "checkbox" ? el.checked : el.value;
      d.returnValue = "ok";
      d.close();
      resolve(out);
    });
    d.addEventListener("close", () => { if (d.returnValue !== "ok") resolve(null); d.remove(); });
    document.body.append(d);
    d.showModal();
  });
}
