import {dialog, toast} from "./dom.js";
import {json, postTasks, query} from "./api.js";

// Runs tasks on devices one after another, telling how each went (done, fault, pending and why).
export async function runOnDevices(ids, makeTasks, onOutcome) {
  for (const id of ids) {
    try {
      const r = await postTasks(id, makeTasks(id));
      const states = r.statuses.map((s) => s.status);
      const summary = states.every((s) => s === "done") ? "done"
        : states.includes("fault") ? "fault" : "pending";
      onOutcome(id, summary, r.connectionRequest === "OK" ? "" : r.connectionRequest);
    } catch (e) {
      onOutcome(id, "error", e.message);
    }
  }
}

export function describeOutcome(summary, why) {
  switch (summary) {
    case "done": return "Done";
    case "fault": return "Fault: see the device's faults";
    case "pending": return "Queued for the next session" + (why ? " (" + why + ")" : "");
    default: return "Not queued: " + why;
  }
}

// Asks which stored file to push: the Download task, or null.
export async function chooseDownload() {
  const files = await json("GET", "/api/files" + query({limit: 1000}));
  if (!files.length) {
    toast("No files are stored: upload one under Files first", "error");
    return null;
  }
  const form = await dialog("Push a file", [{name: "file", label: "File", type: "select",
    options: files.map((f) => ({value: f._id, label: f._id + (f["metadata.fileType"] ? " (" + f["metadata.fileType"] + ")" : "")})),
    value: files[0]._id}], "Push");
  if (!form) return null;
  const file = files.find((f) => f._id === form.file);
  return {name: "download", file: file._id, fileType: file["metadata.fileType"] || "1 Firmware Upgrade Image"};
}
