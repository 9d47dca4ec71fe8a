#!/usr/bin/env bash
# Extracts context geometry (international borders, rivers by level, lakes) for the
# Hulunbuir region from GSHHG 2.3.7 full resolution, via Debian's gmt + gmt-gshhg-high.
# Its GeoJSON output is committed next to this script, so the data build never needs gmt.
#   apt-get install -y gmt gmt-gshhg-high && bash geodata/sources/gshhg/extract.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
R=-R115/127/46/54
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
gmt --version > "$tmp/version"
# GSHHG cuts features at its tile (bin) edges: join the pieces (gmt connect).
gmt coast $R -Df -M -N1 | gmt connect -T0.001 > "$tmp/borders.txt"
for level in 1 2 3 4; do
  gmt coast $R -Df -M -I$level | gmt connect -T0.001 > "$tmp/rivers$level.txt"
done
# Lakes are GSHHG shoreline level 2; -A0/2/2 keeps only that level, of any area.
gmt coast $R -Df -M -W -A0/2/2 | gmt connect -T0.001 > "$tmp/lakes.txt"
node "$here/gmt-to-geojson.mjs" "$tmp" "$here"
