import {h, show, toast, dialog} from "./dom.js";
import {json, query, request, uploadFile} from "./api.js";
import {forgetConfig} from "./config.js";

// Each resource's columns and the form that edits one.
const RESOURCES = {
  presets: {title: "Presets", columns: ["_id", "channel", "weight", "events", "precondition", "provision", "provisionArgs"],
    fields: (d) => [
      {name: "channel", label: "Channel", value: d.channel || "default"},
      {name: "weight", label: "Weight", type: "number", value: d.weight ?? 0},
      {name: "schedule", label: "Schedule", value: d.schedule || ""},
      {name: "events", label: "Events", value: d.events || "", help: "e.g. 0 BOOTSTRAP, 1 BOOT; a leading - means: not"},
      {name: "precondition", label: "Precondition", value: d.precondition || "", help: "an expression, e.g. DeviceID.ProductClass = 'HG8245'"},
      {name: "provision", label: "Provision", value: d.provision || "", required: true},
      {name: "provisionArgs", label: "Provision arguments", value: d.provisionArgs || "", help: "expressions separated by commas"}]},
  provisions: {title: "Provisions", columns: ["_id", "script"], script: true},
  virtualParameters: {title: "Virtual parameters", columns: ["_id", "script"], script: true},
  files: {title: "Files", columns: ["_id", "length", "uploadDate", "metadata.fileType", "metadata.oui", "metadata.productClass",
    "metadata.version"], readOnly: true},
  config: {title: "Config", columns: ["_id", "value"],
    fields: (d) => [{name: "value", label: "Value (an expression)", value: d.value ?? "", required: true}]},
  users: {title: "Users", columns: ["_id", "roles"],
    fields: (d) => [{name: "roles", label: "Roles (comma-separated)", value: d.roles || "", required: true},
      {name: "password", label: d._id ? "New password (empty: unchanged)" : "Password", type: "password", autocomplete: "new-password"}]},
  permissions: {title: "Permissions", columns: ["_id", "role", "resource", "access", "filter", "validate"],
    fields: (d) => [{name: "role", label: "Role", value: d.role || "", required: true},
      {name: "resource", label: "Resource", type: "select", value: d.resource || "devices", options: ["devices", "faults",
        "files", "presets", "provisions", "virtualParameters", "config", "permissions", "users"].map((r) => ({value: r, label: r}))},
      {name: "access", label: "Access", type: "select", value: String(d.access || 2), options: [
        {value: "1", label: "1: count"}, {value: "2", label: "2: read"}, {value: "3", label: "3: write"}]},
      {name: "filter", label: "Filter", value: d.filter || "", help: "which of them, as an expression; empty: all"},
      {name: "validate", label: "Validate", value: d.validate || "", help: "for write access: which changes are allowed; empty: none"}]},
};

export async function adminPage(params, resource) {
  const def = RESOURCES[resource];
  if (!def) throw new Error("No such page: " + resource);
  const filter = params.get("filter") || "";
  const input = h("input", {id: "filter", type: "search", value: filter, placeholder: "an expression, e.g. _id LIKE 'a%'"});
  const form = h("form", {className: "filter", role: "search"}, h("label", {for: "filter"}, "Filter"), input,
    h("button", {type: "submit"}, "Apply"));
  form.addEventListener("submit", (e) => { e.preventDefault(); location.hash = "#/admin/" + resource + query({filter: input.value.trim()}); });
  const docs = await json("GET", "/api/" + resource + query({filter, limit: 1000}));
  const reload = () => adminPage(params, resource);
  show(h("div", {}, h("h1", {}, def.title), form,
    resource === "files" ? uploadForm(reload) : null,
    def.readOnly ? null : h("button", {type: "button", className: "primary", onclick: () => edit(resource, def, null, reload)}, "New"),
    h("p", {}, docs.length + " shown"),
    h("div", {className: "scroll"}, h("table", {}, h("thead", {}, h("tr", {}, def.columns.map((c) => h("th", {scope: "col"}, c === "_id" ? "Name" : c)),
      h("th", {scope: "col"}, h("span", {className: "visually-hidden"}, "Actions")))),
    h("tbody", {}, docs.map((d) => h("tr", {}, def.columns.map((c) => h("td", {}, cell(d[c], c))),
      h("td", {}, def.readOnly ? null : h("button", {type: "button", className: "small", "aria-label": "Edit " + d._id,
        onclick: () => edit(resource, def, d, reload)}, "Edit"),
      resource === "files" ? h("a", {className: "small", href: "/api/blob/files/" + encodeURIComponent(d._id),
        download: d._id, "aria-label": "Download " + d._id}, "Download") : null,
      h("button", {type: "button", className: "small danger", "aria-label": "Delete " + d._id, onclick: async () => {
        if (!confirm("Delete " + d._id + "?")) return;
        try {
          await request("DELETE", "/api/" + resource + "/" + encodeURIComponent(d._id));
          if (resource === "config") forgetConfig();
          reload();
        } catch (e) {
          toast(e.message, "error");
        }
      }}, "Delete")))))))), params);
}

const FILE_TYPES = ["1 Firmware Upgrade Image", "2 Web Content", "3 Vendor Configuration File", "4 Tone File",
  "5 Ringer File"];

// Upload with GenieACS's metadata, and its progress.
function uploadForm(reload) {
  const file = h("input", {id: "upload-file", type: "file", required: true});
  const type = h("input", {id: "upload-type", list: "file-types", value: FILE_TYPES[0]});
  const types = h("datalist", {id: "file-types"}, FILE_TYPES.map((t) => h("option", {value: t})));
  const oui = h("input", {id: "upload-oui"});
  const productClass = h("input", {id: "upload-product-class"});
  const version = h("input", {id: "upload-version"});
  const bar = h("progress", {id: "upload-progress", max: 100, value: 0, hidden: true, "aria-label": "Upload progress"});
  const status = h("span", {role: "status", "aria-live": "polite"});
  const form = h("form", {className: "card upload", "aria-label": "Upload a file"},
    h("h2", {}, "Upload a file"),
    h("div", {className: "field"}, h("label", {for: "upload-file"}, "File"), file),
    h("div", {className: "field"}, h("label", {for: "upload-type"}, "File type"), type, types),
    h("div", {className: "field"}, h("label", {for: "upload-oui"}, "OUI"), oui),
    h("div", {className: "field"}, h("label", {for: "upload-product-class"}, "Product class"), productClass),
    h("div", {className: "field"}, h("label", {for: "upload-version"}, "Version"), version),
    h("button", {type: "submit", className: "primary"}, "Upload"), " ", bar, " ", status);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const f = file.files[0];
    if (!f) return;
    bar.hidden = false;
    status.textContent = "Uploading " + f.name + "…";
    const r = await uploadFile(f.name, f, {fileType: type.value.trim(), oui: oui.value.trim(),
      productClass: productClass.value.trim(), version: version.value.trim()}, (sent, total) => {
      bar.value = total ? Math.round(sent * 100 / total) : 0;
      status.textContent = "Uploading " + f.name + ": " + bar.value + " %";
    });
    if (r.status === 201) {
      toast("Stored " + f.name);
      reload();
    } else {
      status.textContent = "Not stored: " + r.message;
      status.className = "error";
    }
  });
  return form;
}

function cell(v, column) {
  if (v === null || v === undefined) return "";
  const s = typeof v === "object" ? JSON.stringify(v) : String(v);
  if (column === "script") return h("code", {}, s.length > 80 ? s.slice(0, 80) + "…" : s);
  return s;
}

async function edit(resource, def, doc, reload) {
  const d = doc || {};
  // a permission's name is made of what it grants, as GenieACS names them
  const named = doc || resource === "permissions";
  const fields = (named ? [] : [{name: "_id", label: "Name", required: true}])
    .concat(def.script ? [{name: "script", label: "Script (JavaScript)", type: "textarea", rows: 18, value: d.script || ""}] : def.fields(d));
  const form = await dialog((doc ? "Edit " + doc._id : "New " + def.title.toLowerCase().replace(/s$/, "")), fields);
  if (!form) return;
  const id = doc ? doc._id : resource === "permissions" ? form.role.trim() + ":" + form.resource + ":" + form.access
    : form._id.trim();
  const body = Object.assign({}, form);
  delete body._id;
  if (resource === "permissions") {
    body.access = Number(body.access);
  }
  if (resource === "users" && !body.password) delete body.password;
  try {
    await request("PUT", "/api/" + resource + "/" + encodeURIComponent(id), body);
    if (resource === "config") forgetConfig();
    toast("Saved " + id);
    reload();
  } catch (e) {
    toast(e.message, "error");
    edit(resource, def, doc ? Object.assign({}, doc, body) : null, reload);
  }
}
