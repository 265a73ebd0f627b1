// Truce console: forms post JSON to the API with the session's CSRF token; errors show in the
// form in the API's one error shape. Nothing here writes untrusted text as HTML.
"use strict";

const csrf = () => (document.querySelector('meta[name="csrf-token"]') || {}).content || "";

async function api(method, url, body) {
  const response = await fetch(url, {
    method,
    credentials: "same-origin",
    headers: {"Content-Type": "application/json", "X-CSRF-Token": csrf(), "Accept": "application/json"},
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await response.json().catch(() => ({ok: false, error: "the server's answer was not JSON"}));
  if (!response.ok) {
    const error = new Error(data.error || response.statusText);
    error.data = data;
    throw error;
  }
  return data;
}

function localTime(value) {
  // A datetime-local value has no zone: send it with the device's UTC offset.
  if (!value) return undefined;
  const moment = new Date(value);
  const offset = -moment.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  const pad = (n) => String(Math.floor(Math.abs(n))).padStart(2, "0");
  return `${value.length === 16 ? value + ":00" : value}${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

function formBody(form) {
  const body = {};
  for (const field of form.elements) {
    if (!field.name || field.disabled) continue;
    let value = field.value;
    if (value === "" ) continue;
    if (field.dataset.type === "number") value = Number(value);
    if (field.dataset.type === "local-time") value = localTime(value);
    const path = field.name.split(".");
    let target = body;
    for (const key of path.slice(0, -1)) target = target[key] = target[key] || {};
    target[path[path.length - 1]] = value;
  }
  // "actor or deaths": deaths are a number.
  if (body.field === "deaths" && typeof body.value === "string") body.value = Number(body.value);
  return body;
}

function showError(form, error) {
  const box = form.querySelector(".error");
  if (!box) return;
  const data = error.data || {};
  box.textContent = `${data.code ? "[" + data.code + "] " : ""}${error.message}${data.hint ? " — " + data.hint : ""}`;
}

document.addEventListener("submit", async (event) => {
  const form = event.target;
  if (form.id === "login-form") {
    event.preventDefault();
    try {
      await api("POST", "/api/login", {username: form.username.value, password: form.password.value});
      window.location.assign(form.dataset.next || "/");
    } catch (error) { showError(form, error); }
    return;
  }
  if (!form.dataset.api) return;
  event.preventDefault();
  const button = form.querySelector('button[type="submit"]');
  if (button) button.disabled = true;
  try {
    const data = await api("POST", form.dataset.api, formBody(form));
    if (form.dataset.reset) {
      form.reset();
      const done = form.querySelector(".done");
      if (done) done.textContent = `Stored (${data.report_id}). It joins the incidents at the next run.`;
      if (button) button.disabled = false;
      return;
    }
    const moved = (data.incidents || []).find((i) => i.id !== form.closest("[data-incident]")?.dataset.incident);
    const here = form.closest("[data-incident]")?.dataset.incident;
    const survivor = (data.incidents || []).some((i) => i.id === here);
    window.location.assign(!survivor && moved ? `/incidents/${moved.id}` : window.location.pathname);
  } catch (error) {
    showError(form, error);
    if (button) button.disabled = false;
  }
});

document.addEventListener("click", async (event) => {
  if (event.target.id === "logout") {
    await api("POST", "/api/logout").catch(() => null);
    window.location.assign("/");
  }
  if (event.target.id === "locate" && navigator.geolocation) {
    navigator.geolocation.getCurrentPosition((pos) => {
      const form = event.target.closest("form");
      form.lat.value = pos.coords.latitude.toFixed(5);
      form.lon.value = pos.coords.longitude.toFixed(5);
    });
  }
});

window.truce = {api};
