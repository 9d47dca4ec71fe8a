/**
 * Imported data meets the plan: how much of it falls in each unit (points counted, lines'
 * length and areas' area inside it, on the WGS84 ellipsoid), summed over the plan's zones,
 * the core and the poles with the statistics' member lists (data/stats.json).
 */
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { intersect } from '@turf/intersect';
import type { Text } from '../../contracts/vocab.ts';
import type { StatsRow } from '../../contracts/stats.ts';
import { areaKm2, distanceM } from '../geodesy.ts';

export interface Unit {
  id: string;
  name: Text;
  geometry: Polygon | MultiPolygon;
  bbox: [number, number, number, number];
}

export interface JoinRow {
  id: string;
  kind: StatsRow['kind'];
  name: Text;
  points: number;
  length_km: number;
  area_km2: number;
}

const bboxOf = (pts: Position[]): [number, number, number, number] => {
  let a = Number.POSITIVE_INFINITY, b = a, c = Number.NEGATIVE_INFINITY, d = c;
  for (const [x, y] of pts) { if (x < a) a = x; if (y < b) b = y; if (x > c) c = x; if (y > d) d = y; }
  return [a, b, c, d];
};

export function unitsFrom(features: { properties: Record<string, unknown>; geometry: unknown }[]): Unit[] {
  return features.map((f) => {
    const g = f.geometry as Polygon | MultiPolygon;
    const pts = g.type === 'Polygon' ? g.coordinates.flat() : g.coordinates.flat(2);
    return { id: String(f.properties.id), name: { zh: String(f.properties.name_zh), en: String(f.properties.name_en) }, geometry: g, bbox: bboxOf(pts) };
  });
}

const inBox = (p: Position, b: number[]) => p[0] >= b[0] && p[0] <= b[2] && p[1] >= b[1] && p[1] <= b[3];
const unitAt = (p: Position, units: Unit[]) => units.find((u) => inBox(p, u.bbox) && booleanPointInPolygon(p, u.geometry));

/** Per unit: points inside, km of lines inside (each piece of ≤ 1 km at its midpoint), km² of areas inside. */
export function joinToUnits(features: Feature[], units: Unit[]): Map<string, { points: number; length_km: number; area_km2: number }> {
  const out = new Map(units.map((u) => [u.id, { points: 0, length_km: 0, area_km2: 0 }]));
  const lines = (coords: Position[]) => {
    for (let i = 1; i < coords.length; i++) {
      const a = coords[i - 1], b = coords[i];
      const m = distanceM(a, b);
      const n = Math.max(1, Math.ceil(m / 1000));
      for (let k = 0; k < n; k++) {
        const t = (k + 0.5) / n;
        const u = unitAt([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t], units);
        const row = u && out.get(u.id);
        if (row) row.length_km += m / n / 1000;
      }
    }
  };
  const areas = (g: Polygon | MultiPolygon) => {
    const box = bboxOf(g.type === 'Polygon' ? g.coordinates.flat() : g.coordinates.flat(2));
    for (const u of units) {
      if (box[0] > u.bbox[2] || box[2] < u.bbox[0] || box[1] > u.bbox[3] || box[3] < u.bbox[1]) continue;
      const part = intersect({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: g }, { type: 'Feature', properties: {}, geometry: u.geometry }] });
      const row = out.get(u.id);
      if (part && row) row.area_km2 += areaKm2(part.geometry);
    }
  };
  const visit = (g: Feature['geometry']) => {
    if (!g) return;
    switch (g.type) {
      case 'Point': { const u = unitAt(g.coordinates, units); const row = u && out.get(u.id); if (row) row.points++; break; }
      case 'MultiPoint': for (const p of g.coordinates) visit({ type: 'Point', coordinates: p }); break;
      case 'LineString': lines(g.coordinates); break;
      case 'MultiLineString': for (const l of g.coordinates) lines(l); break;
      case 'Polygon': case 'MultiPolygon': areas(g); break;
      case 'GeometryCollection': for (const x of g.geometries) visit(x); break;
    }
  };
  for (const f of features) visit(f.geometry);
  return out;
}

/** The join as the statistics' rows: the city, the zones, the core, the poles, the units. */
export function joinRows(perUnit: Map<string, { points: number; length_km: number; area_km2: number }>, stats: readonly StatsRow[]): JoinRow[] {
  return stats.map((r) => {
    const members = r.member_ids.map((id) => perUnit.get(id) ?? { points: 0, length_km: 0, area_km2: 0 });
    const sum = (k: 'points' | 'length_km' | 'area_km2') => members.reduce((s, m) => s + m[k], 0);
    return { id: r.id, kind: r.kind, name: r.name, points: sum('points'), length_km: Math.round(sum('length_km') * 10) / 10, area_km2: Math.round(sum('area_km2') * 100) / 100 };
  });
}
