import {h, show, toast} from "./dom.js";
import {json, query, request} from "./api.js";

// Every device's faults: filter, details, retry (deleting a task's fault runs the task again), delete.
export async function faultsPage(params) {
  const filter = params.get("filter") || "";
  const input = h("input", {id: "filter", type: "search", value: filter, placeholder: "device = '…' AND code = 'cwmp.9002'"});
  const form = h("form", {className: "filter", role: "search"}, h("label", {for: "filter"}, "Filter"), input,
    h("button", {type: "submit"}, "Apply"));
  form.addEventListener("submit", (e) => { e.preventDefault(); location.hash = "#/faults" + query({filter: input.value.trim()}); });
  const faults = await json("GET", "/api/faults" + query({filter, limit: 1000}));
  show(h("div", {}, h("h1", {}, "Faults"), form, h("p", {}, faults.length + " faults"),
    h("div", {className: "scroll"}, h("table", {}, h("thead", {}, h("tr", {}, ["Device", "Channel", "Code", "Message",
      "Retries", "Time", ""].map((x) => h("th", {scope: "col"}, x)))),
    h("tbody", {}, faults.map((f) => h("tr", {},
      h("td", {}, h("a", {href: "#/devices/" + encodeURIComponent(f.device)}, f.device)), h("td", {}, f.channel),
      h("td", {}, f.code), h("td", {}, h("details", {}, h("summary", {}, f.message || ""),
        h("pre", {}, JSON.stringify(f.detail === undefined ? f : f.detail, null, 2)))),
      h("td", {}, f.retries), h("td", {}, f.timestamp),
      h("td", {}, h("button", {type: "button", className: "small", onclick: async () => {
        try {
          await request("DELETE", "/api/faults/" + encodeURIComponent(f._id));
          faultsPage(params);
        } catch (e) {
          toast(e.message, "error");
        }
      }}, String(f.channel).startsWith("task_") ? "Retry" : "Delete")))))))), params);
}
