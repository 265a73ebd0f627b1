// The map and timeline: an offline Natural Earth basemap (world-atlas, drawn with Leaflet) or the
// mission's tiles, agreement areas and lines of contact, incidents coloured by verdict; the list
// and the timeline show the same incidents. Filters live in the URL.
"use strict";

const COLOURS = {violation: "#c0392b", possible_violation: "#e67e22", not_a_violation: "#2e86c1",
                 out_of_scope: "#7f8c8d", unjudged: "#aab7b8"};

function el(tag, attrs, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

async function getJSON(url) {
  const response = await fetch(url, {credentials: "same-origin", headers: {Accept: "application/json"}});
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

async function basemap(map, tiles) {
  if (tiles) {
    L.tileLayer(tiles, {maxZoom: 18, attribution: "mission tiles"}).addTo(map);
    return;
  }
  const world = await getJSON("/static/vendor/world-atlas/countries-50m.json");
  const countries = topojson.feature(world, world.objects.countries);
  L.geoJSON(countries, {style: {color: "#8a8a8a", weight: 0.7, fillColor: "#f3efe6", fillOpacity: 1},
                        interactive: false}).addTo(map);
  map.attributionControl.addAttribution("Natural Earth (world-atlas)");
}

function popup(p) {
  const box = el("div", {class: "popup"});
  const link = el("a", {href: `/incidents/${encodeURIComponent(p.id)}`}, `${p.type}${p.mode ? "/" + p.mode : ""}`);
  box.append(link, el("div", {}, `${p.place || "?"} · ${(p.start || "?").slice(0, 16)}`),
             el("div", {}, `${p.standing.replace(/_/g, " ")} · ${p.review_status.replace(/_/g, " ")}`));
  return box;
}

function listRow(p) {
  const row = el("tr", {"data-incident": p.id});
  const what = el("td");
  what.append(el("a", {href: `/incidents/${encodeURIComponent(p.id)}`}, `${p.type}${p.mode ? "/" + p.mode : ""}`));
  const standing = el("td");
  standing.append(el("span", {class: `badge standing-${p.standing}`}, p.standing.replace(/_/g, " ")));
  row.append(el("td", {}, (p.start || "?").slice(0, 16)), what, el("td", {}, p.place || "?"), standing,
             el("td", {}, p.review_status.replace(/_/g, " ")));
  return row;
}

function timeline(box, features) {
  // Incidents per day, stacked by verdict; a click filters to that day.
  const days = new Map();
  for (const f of features) {
    const day = (f.properties.start || "").slice(0, 10);
    if (!day) continue;
    const counts = days.get(day) || {};
    counts[f.properties.standing] = (counts[f.properties.standing] || 0) + 1;
    days.set(day, counts);
  }
  box.replaceChildren();
  const sorted = [...days.keys()].sort();
  if (!sorted.length) return;
  const max = Math.max(...sorted.map((d) => Object.values(days.get(d)).reduce((a, b) => a + b, 0)));
  const chart = el("div", {class: "bars"});
  for (const day of sorted) {
    const column = el("a", {class: "bar", href: `?${withParams({start: day, end: day})}`, title: day});
    for (const standing of Object.keys(COLOURS)) {
      const n = days.get(day)[standing] || 0;
      if (!n) continue;
      const part = el("span", {class: `part standing-${standing}`});
      part.style.height = `${(80 * n) / max}px`;
      column.append(part);
    }
    column.append(el("span", {class: "day"}, day.slice(5)));
    chart.append(column);
  }
  box.append(chart);
}

function withParams(changes) {
  const params = new URLSearchParams(window.location.search);
  for (const [k, v] of Object.entries(changes)) v ? params.set(k, v) : params.delete(k);
  return params.toString();
}

async function main() {
  const box = document.getElementById("map");
  if (!box) return;
  if (!box.dataset.vendor || typeof L === "undefined") {
    box.textContent = "The map's libraries are missing: run `make setup` (it installs them from npm).";
  }
  const query = box.dataset.query;
  const [incidents, agreements] = await Promise.all([
    getJSON(`/api/incidents.geojson${query ? "?" + query : ""}`), getJSON("/api/agreements")]);
  const tbody = document.querySelector("#incident-list tbody");
  tbody.replaceChildren(...incidents.features.map((f) => listRow(f.properties)));
  document.getElementById("list-more").textContent = incidents.next ? "More incidents match: narrow the filters." : "";
  timeline(document.getElementById("timeline"), incidents.features);
  if (typeof L === "undefined") return;
  const map = L.map(box, {preferCanvas: false, worldCopyJump: true});
  map.setView([40, 45], 5);
  await basemap(map, box.dataset.tiles).catch(() => null);
  L.geoJSON(agreements.geometry, {
    style: (f) => f.properties.kind === "area"
      ? {color: "#6c3483", weight: 1.5, dashArray: "4 3", fillOpacity: 0.06}
      : {color: "#922b21", weight: 2.5},
    onEachFeature: (f, layer) => layer.bindTooltip(f.properties.name),
  }).addTo(map);
  const markers = L.geoJSON(incidents, {
    pointToLayer: (f, latlng) => L.circleMarker(latlng, {
      radius: f.properties.standing === "violation" ? 9 : 7, color: "#222", weight: 1,
      fillColor: COLOURS[f.properties.standing] || COLOURS.unjudged, fillOpacity: 0.9,
      className: `incident-marker standing-${f.properties.standing}`}),
    onEachFeature: (f, layer) => layer.bindPopup(() => popup(f.properties)),
  }).addTo(map);
  if (incidents.features.length) map.fitBounds(markers.getBounds().pad(0.3), {maxZoom: 10});
  box.dataset.markers = String(incidents.features.length);
  map.on("moveend", () => {
    const b = map.getBounds();
    const field = document.querySelector('#filters input[name="bbox"]');
    if (field && field.dataset.follow) field.value = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]
      .map((n) => n.toFixed(3)).join(",");
  });
}

main().catch((error) => {
  const box = document.getElementById("map");
  if (box) box.dataset.error = String(error);
});
