// Runs one GenieACS extension file for the ACS: a call per line on stdin ("<id>\t<json [fn, args]>"),
// an answer per line on stdout ("<id>\t<json error or empty>\t<json result>"). What the extension prints
// goes to stderr, which the ACS logs.
"use strict";
const path = require("path");
const readline = require("readline");
const out = process.stdout;
const write = (line) => out.write(line + "\n");
for (const name of ["log", "info", "warn", "error", "debug"]) {
  console[name] = (...a) => process.stderr.write(a.map(String).join(" ") + "\n");
}
const file = process.argv[2];
let pending = new Set();
function fault(err) {
  if (!err || typeof err !== "object" || !err.name) return { name: "", message: String(err) };
  return { name: String(err.name), message: String(err.message), stack: err.stack ? String(err.stack) : "" };
}
function answer(id, err, result) {
  if (!pending.delete(id)) return;
  let json;
  try {
    json = JSON.stringify(result === undefined ? null : result);
  } catch (e) {
    err = err || e;
    json = "null";
  }
  write(id + "\t" + (err ? JSON.stringify(fault(err)) : "") + "\t" + json);
}
let ext;
try {
  ext = require(path.resolve(file));
} catch (e) {
  ext = e;
}
process.on("uncaughtException", (err) => {
  for (const id of [...pending]) answer(id, err, null);
  process.exit(1);
});
readline.createInterface({ input: process.stdin }).on("line", (line) => {
  const tab = line.indexOf("\t");
  if (tab < 0) return;
  const id = line.slice(0, tab);
  pending.add(id);
  let fn, args;
  try {
    [fn, ...args] = JSON.parse(line.slice(tab + 1));
  } catch (e) {
    return answer(id, e, null);
  }
  if (ext instanceof Error) return answer(id, ext, null);
  const f = ext[fn];
  if (typeof f !== "function") {
    const e = new Error("No function " + fn + " in " + path.basename(file));
    return answer(id, e, null);
  }
  try {
    f(args, (err, result) => answer(id, err, result));
  } catch (e) {
    answer(id, e, null);
  }
});
