import {h, show, toast, dialog, startNavigation} from "./dom.js";
import {json, setCsrf, request} from "./api.js";
import {forgetConfig} from "./config.js";
import {overviewPage} from "./overview.js";
import {devicesPage} from "./devices.js";
import {devicePage} from "./device.js";
import {faultsPage} from "./faults.js";
import {adminPage} from "./admin.js";

const routes = [
  [/^\/overview$/, overviewPage],
  [/^\/devices$/, devicesPage],
  [/^\/devices\/(.+)$/, devicePage],
  [/^\/faults$/, faultsPage],
  [/^\/admin\/([A-Za-z]+)$/, adminPage],
];

function parseHash() {
  const raw = location.hash.replace(/^#!?/, "") || "/overview";
  const q = raw.indexOf("?");
  const path = q < 0 ? raw : raw.slice(0, q);
  const params = new URLSearchParams(q < 0 ? "" : raw.slice(q + 1));
  return {path, params};
}

async function render() {
  // this navigation's mark, taken before any wait, so that a later navigation's page wins
  const {path, params} = parseHash();
  startNavigation(params);
  let status;
  try {
    status = await json("GET", "/status");
  } catch (e) {
    show(h("p", {className: "error"}, "The server does not answer: " + e.message));
    return;
  }
  setCsrf(status.csrf);
  if (!status.users) {
    nav(null);
    setupPage();
    return;
  }
  if (!status.username) {
    nav(null);
    loginPage();
    return;
  }
  if (path === "/login") {
    location.hash = "#/overview";
    return;
  }
  nav(status.username, path);
  for (const [pattern, page] of routes) {
    const m = pattern.exec(path);
    if (m) {
      try {
        await page(params, ...m.slice(1).map(decodeURIComponent));
      } catch (e) {
        show(h("p", {className: "error", role: "alert"}, e.message));
      }
      document.getElementById("main").focus({preventScroll: true});
      return;
    }
  }
  show(h("p", {}, "No such page. ", h("a", {href: "#/overview"}, "Go to the overview")));
}

function nav(username, path) {
  const top = document.getElementById("top");
  if (!username) {
    top.replaceChildren(h("span", {className: "brand"}, "CWMP ACS"));
    return;
  }
  const link = (href, label) => h("a", {href: "#" + href, "aria-current": path && path.startsWith(href) ? "page" : null}, label);
  top.replaceChildren(
    h("span", {className: "brand"}, "CWMP ACS"),
    h("nav", {"aria-label": "Main"},
      link("/overview", "Overview"), link("/devices", "Devices"), link("/faults", "Faults"),
      link("/admin/presets", "Presets"), link("/admin/provisions", "Provisions"),
      link("/admin/virtualParameters", "Virtual parameters"), link("/admin/files", "Files"),
      link("/admin/config", "Config"), link("/admin/users", "Users"), link("/admin/permissions", "Permissions")),
    h("span", {className: "user"}, username,
      h("button", {type: "button", onclick: () => changePassword(username)}, "Password"),
      h("button", {type: "button", id: "logout", onclick: logout}, "Log out")));
}

async function changePassword(username) {
  const form = await dialog("Change your password", [
    {name: "authPassword", label: "Current password", type: "password", autocomplete: "current-password", required: true},
    {name: "newPassword", label: "New password (at least 8 characters)", type: "password", autocomplete: "new-password", required: true}],
  "Change");
  if (!form) return;
  try {
    await request("PUT", "/api/users/" + encodeURIComponent(username) + "/password", form);
    toast("Password changed; your other sessions have ended");
  } catch (e) {
    toast(e.message, "error");
  }
}

async function logout() {
  try {
    await json("POST", "/logout");
  } catch (e) {
    toast(e.message, "error");
  }
  forgetConfig();
  go("#/login");
}

// To a page: a new hash renders it (hashchange), the same one is rendered again; never both, as two renders
// of one page could finish after the next page's and show the wrong one.
function go(hash) {
  if (location.hash === hash) {
    render();
  } else {
    location.hash = hash;
  }
}

function loginPage() {
  const error = h("p", {className: "error", role: "alert"});
  const form = h("form", {className: "card narrow", "aria-label": "Log in"},
    h("h1", {}, "Log in"),
    h("div", {className: "field"}, h("label", {for: "username"}, "Username"),
      h("input", {id: "username", name: "username", autocomplete: "username", required: true})),
    h("div", {className: "field"}, h("label", {for: "password"}, "Password"),
      h("input", {id: "password", name: "password", type: "password", autocomplete: "current-password", required: true})),
    error,
    h("button", {type: "submit", className: "primary"}, "Log in"));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    try {
      const r = await json("POST", "/login", {username: form.username.value, password: form.password.value});
      setCsrf(r.csrf);
      forgetConfig();
      go(!location.hash || location.hash === "#/login" ? "#/overview" : location.hash);
    } catch (err) {
      error.textContent = err.message;
    }
  });
  show(form);
  form.username.focus();
}

function setupPage() {
  const error = h("p", {className: "error", role: "alert"});
  const form = h("form", {className: "card narrow", "aria-label": "First-run setup"},
    h("h1", {}, "Create the first administrator"),
    h("p", {}, "No users exist yet. The setup token is in the server's log, in the line \"UI: no users yet\"."),
    h("div", {className: "field"}, h("label", {for: "token"}, "Setup token"),
      h("input", {id: "token", name: "token", autocomplete: "off", required: true})),
    h("div", {className: "field"}, h("label", {for: "username"}, "Username"),
      h("input", {id: "username", name: "username", autocomplete: "username", required: true})),
    h("div", {className: "field"}, h("label", {for: "password"}, "Password (at least 8 characters)"),
      h("input", {id: "password", name: "password", type: "password", autocomplete: "new-password", minlength: 8, required: true})),
    h("div", {className: "field checkbox"},
      h("input", {id: "seed", name: "seed", type: "checkbox", checked: true}),
      h("label", {for: "seed"}, "Store GenieACS's defaults: page layout, and the presets bootstrap, default and inform")),
    error,
    h("button", {type: "submit", className: "primary"}, "Create"));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    try {
      await json("POST", "/init", {token: form.token.value.trim(), username: form.username.value,
        password: form.password.value, seed: form.seed.checked});
      const r = await json("POST", "/login", {username: form.username.value, password: form.password.value});
      setCsrf(r.csrf);
      go("#/overview");
    } catch (err) {
      error.textContent = err.message;
    }
  });
  show(form);
  form.token.focus();
}

window.addEventListener("hashchange", render);
render();
