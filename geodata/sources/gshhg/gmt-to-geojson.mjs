// Turns gmt multi-segment text (lon<TAB>lat rows, segments headed by ">") into GeoJSON
// files: borders.geojson (LineString), rivers.geojson (LineString with level 1-4),
// lakes.geojson (Polygon, closed rings only). Coordinates rounded to 6 decimals (RFC 7946).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [tmp, out] = process.argv.slice(2);
const version = readFileSync(join(tmp, 'version'), 'utf8').trim();
const round = (v) => Math.round(v * 1e6) / 1e6;

function segments(file) {
  const segs = [];
  let cur = null;
  for (const line of readFileSync(join(tmp, file), 'utf8').split('\n')) {
    if (line.startsWith('>')) {
      cur = [];
      segs.push(cur);
    } else if (line.trim()) {
      const [x, y] = line.trim().split(/\s+/).map(Number);
      if (!cur) segs.push((cur = []));
      const p = [round(x), round(y)];
      const last = cur[cur.length - 1];
      if (!last || last[0] !== p[0] || last[1] !== p[1]) cur.push(p);
    }
  }
  return segs.filter((s) => s.length >= 2);
}

const source = `GSHHG 2.3.7 full resolution (Debian gmt-gshhg-high, LGPL-3.0), extracted with gmt ${version} coast -R115/127/46/54 -Df, joined with gmt connect -T0.001`;
const fc = (features) => ({ type: 'FeatureCollection', features });
const write = (name, features) => {
  writeFileSync(join(out, name), JSON.stringify(fc(features)) + '\n');
  console.log(`${name}: ${features.length} features`);
};

write('borders.geojson', segments('borders.txt').map((coordinates, i) => ({
  type: 'Feature',
  properties: { gshhg_kind: 'border', gshhg_level: 1, source: `${source} -N1` },
  geometry: { type: 'LineString', coordinates },
  id: i,
})));

const rivers = [];
for (const level of [1, 2, 3, 4]) {
  for (const coordinates of segments(`rivers${level}.txt`)) {
    rivers.push({
      type: 'Feature',
      properties: { gshhg_kind: 'river', gshhg_level: level, source: `${source} -I${level}` },
      geometry: { type: 'LineString', coordinates },
    });
  }
}
write('rivers.geojson', rivers);

const lakes = [];
let open = 0;
for (const ring of segments('lakes.txt')) {
  const a = ring[0], b = ring[ring.length - 1];
  const closed = Math.abs(a[0] - b[0]) < 1e-5 && Math.abs(a[1] - b[1]) < 1e-5;
  if (!closed) { open++; continue; }
  ring[ring.length - 1] = [a[0], a[1]];
  if (ring.length < 4) continue;
  lakes.push({
    type: 'Feature',
    properties: { gshhg_kind: 'lake', gshhg_level: 2, source: `${source} -W -A0/2/2` },
    geometry: { type: 'Polygon', coordinates: [ring] },
  });
}
if (open) console.log(`lakes: ${open} ring(s) cut by the region box left out (not closed)`);
write('lakes.geojson', lakes);
