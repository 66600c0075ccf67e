import {json} from "./api.js";

let cached = null;

// The pages' layout (the config collection's ui.* keys), read once per page load.
export async function uiConfig() {
  if (!cached) cached = await json("GET", "/api/ui-config");
  return cached;
}

export function forgetConfig() {
  cached = null;
}

// A config object whose keys are 0, 1, 2…, as a list in that order.
export function list(node) {
  if (!node || typeof node !== "object") return [];
  return Object.keys(node).filter((k) => /^\d+$/.test(k)).sort((a, b) => a - b).map((k) => node[k]);
}

// A constant's text; a parameter's or an expression's source.
export function text(v) {
  if (v === null || v === undefined) return "";
  if (typeof v !== "object") return String(v);
  return v.param || v.expression || "";
}

// An expression's literal for a string.
export function quote(s) {
  return "'" + String(s).replace(/'/g, "''") + "'";
}

// What a device list filter box means: "Label: value" for a configured filter, else an expression.
export function smartQuery(input, filters) {
  const trimmed = input.trim();
  if (!trimmed) return "";
  const m = /^([^:]+):\s*(.*)$/.exec(trimmed);
  if (m) {
    const f = filters.find((x) => text(x.label).toLowerCase() === m[1].trim().toLowerCase());
    if (f) return filterExpression(f, m[2].trim());
  }
  return trimmed;
}

function filterExpression(f, value) {
  const type = text(f.type) || "string";
  const p = text(f.parameter);
  const like = (s) => s.replace(/[\\%_]/g, (c) => "\\" + c);
  switch (type) {
    case "tag":
      return "Tags." + encodeTag(value) + " IS NOT NULL";
    case "number": {
      const n = /^(<=|>=|<>|<|>|=)?\s*(-?[\d.]+)$/.exec(value);
      if (!n) throw new Error(text(f.label) + ": a number, optionally after < <= > >= =");
      return p + " " + (n[1] || "=") + " " + n[2];
    }
    case "timestamp": {
      const t = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
      if (isNaN(t)) throw new Error(text(f.label) + ": a date such as 2026-12-01T10:00:00Z");
      return p + " = " + t;
    }
    case "mac": {
      const hex = value.replace(/[^0-9a-fA-F]/g, "").toUpperCase();
      const pattern = hex.match(/.{1,2}/g)?.join(":") || "";
      return "UPPER(" + p + ") LIKE " + quote("%" + like(pattern) + "%") + " ESCAPE '\\'";
    }
    case "string-casesensitive":
      return p + " LIKE " + quote("%" + like(value) + "%") + " ESCAPE '\\'";
    case "string-monocase":
      return "LOWER(" + p + ") LIKE " + quote(like(value.toLowerCase()) + "%") + " ESCAPE '\\'";
    default:
      return "LOWER(" + p + ") LIKE " + quote("%" + like(value.toLowerCase()) + "%") + " ESCAPE '\\'";
  }
}

// A device's value of a column or field: parameters, DATE_STRING(parameter), Tags.
export function deviceValue(device, v) {
  if (v === null || v === undefined) return "";
  if (typeof v !== "object") return String(v);
  if (v.param) {
    if (v.param === "Tags") return tags(device).join(", ");
    const p = device[v.param];
    return p && p.value ? formatValue(p.value[0], p.value[1]) : "";
  }
  const d = /^DATE_STRING\(\s*([A-Za-z0-9_.-]+)\s*\)$/.exec(v.expression || "");
  if (d) {
    const p = device[d[1]];
    return p && p.value && p.value[0] ? new Date(p.value[0]).toLocaleString() : "";
  }
  return "";
}

export function formatValue(value, type) {
  if (value === null || value === undefined) return "";
  if (type === "xsd:dateTime" && typeof value === "number") return new Date(value).toISOString();
  return String(value);
}

export function tags(device) {
  return Object.keys(device).filter((k) => k.startsWith("Tags.")).map((k) => decodeTag(k.slice(5)));
}

// A tag as a parameter name, encoded as GenieACS encodes it ("my tag" is Tags.my0x20tag).
export function encodeTag(t) {
  return encodeURIComponent(t)
    .replace(/[!~*'().]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase())
    .replace(/0x(?=[0-9A-Z]{2})/g, "0%78").replace(/%/g, "0x");
}

function decodeTag(t) {
  try {
    return decodeURIComponent(t.replace(/0x([0-9A-F]{2})/g, "%$1"));
  } catch (e) {
    return t;
  }
}
