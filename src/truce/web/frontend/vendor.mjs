// Copy the files the console serves from node_modules to ../static/vendor (git-ignored).
// Run by `make setup` after `npm ci`; the console then works with no network.
import {cpSync, mkdirSync, rmSync, writeFileSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const target = join(here, "..", "static", "vendor");
const files = {
  "leaflet/dist/leaflet.js": "leaflet/leaflet.js",
  "leaflet/dist/leaflet.css": "leaflet/leaflet.css",
  "leaflet/dist/images": "leaflet/images",
  "leaflet/LICENSE": "leaflet/LICENSE",
  "topojson-client/dist/topojson-client.min.js": "topojson-client/topojson-client.min.js",
  "topojson-client/LICENSE": "topojson-client/LICENSE",
  "world-atlas/countries-50m.json": "world-atlas/countries-50m.json",
  "world-atlas/LICENSE": "world-atlas/LICENSE",
};
rmSync(target, {recursive: true, force: true});
for (const [from, to] of Object.entries(files)) {
  mkdirSync(dirname(join(target, to)), {recursive: true});
  cpSync(join(here, "node_modules", from), join(target, to), {recursive: true});
}
// The folder keeps its own ignore rule, so nothing copied here is ever committed.
writeFileSync(join(target, ".gitignore"), "# Filled by `make setup` (src/truce/web/frontend: npm ci && npm run vendor).\n*\n!.gitignore\n");
console.log(`console assets copied to ${target}`);
