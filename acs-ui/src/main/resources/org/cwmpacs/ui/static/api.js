// Calls to the server's /api: the session cookie goes by itself, the CSRF token with every change.
let csrf = null;

export function setCsrf(token) {
  csrf = token;
}

// Uploads a file with its metadata, telling progress(sent, total) as it goes: {status, message}.
export function uploadFile(name, file, metadata, progress) {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("PUT", "/api/files/" + encodeURIComponent(name));
    xhr.setRequestHeader("X-CSRF-Token", csrf || "");
    for (const [k, v] of Object.entries(metadata)) if (v) xhr.setRequestHeader("metadata-" + k, v);
    xhr.upload.onprogress = (e) => progress(e.loaded, e.total);
    xhr.onload = () => {
      let message = xhr.statusText;
      try {
        message = JSON.parse(xhr.responseText).error || message;
      } catch (e) {
        message = xhr.responseText || message;
      }
      resolve({status: xhr.status, message});
    };
    xhr.onerror = () => resolve({status: 0, message: "the upload was cut off: the server closed the connection"});
    xhr.send(file);
  });
}

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export async function request(method, url, body, headers) {
  const h = Object.assign({}, headers || {});
  if (body !== undefined) h["Content-Type"] = "application/json";
  if (method !== "GET" && method !== "HEAD" && csrf) h["X-CSRF-Token"] = csrf;
  const res = await fetch(url, {method, headers: h, credentials: "same-origin",
    body: body === undefined ? undefined : JSON.stringify(body)});
  if (res.status === 401 && url.startsWith("/api/")) {
    location.hash = "#/login";
    throw new ApiError(401, "Your login expired: log in again");
  }
  if (!res.ok) {
    let message = res.statusText;
    const text = await res.text();
    try {
      message = JSON.parse(text).error || text;
    } catch (e) {
      message = text || message;
    }
    throw new ApiError(res.status, message);
  }
  return res;
}

export async function json(method, url, body) {
  const res = await request(method, url, body);
  const text = await res.text();
  return text ? JSON.parse(text) : null;
}

export async function count(url) {
  const res = await request("HEAD", url);
  return Number(res.headers.get("X-Total-Count"));
}

export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") q.set(k, v);
  const s = q.toString();
  return s ? "?" + s : "";
}

// Queues tasks on a device, wakes it and waits for its session: [{_id, name, status}] and how the wake went.
export async function postTasks(deviceId, tasks) {
  const res = await request("POST", "/api/devices/" + encodeURIComponent(deviceId) + "/tasks", tasks);
  return {statuses: await res.json(), connectionRequest: res.headers.get("Connection-Request") || "OK",
    path: res.headers.get("Connection-Request-Path") || ""};
}
