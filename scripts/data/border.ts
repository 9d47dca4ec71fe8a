/**
 * The national border along the city (issue 24). GSHHG's border and its Argun run up to ~5 km
 * off the published positions of the border villages and ports (室韦 village and the Manzhouli
 * road port fall in Russia on it), while the city outline puts every one of them on its side:
 * so along the city the border is the run of the city outline that follows the national
 * border, and GSHHG is kept only beyond the city, joined to that run where they meet. The
 * build checks the chosen line against reference/border_check_points.csv (borderCheckProblems).
 */
import * as turf from '@turf/turf';
import type { LineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { Problem } from './lib/validate.ts';

/** An outline vertex this near a GSHHG border lies on the national border (km). */
export const NEAR_KM = 5;
/** Gaps shorter than this between such runs of the outline are bridged (km): GSHHG strays up to ~5 km. */
export const GAP_KM = 10;
/** At its ends, the run is cut back to the last vertex this near GSHHG (km): beyond it the outline turns inland. */
export const END_KM = 1.5;

const RAD = Math.PI / 180;
/** km per degree of latitude (mean) and of longitude at the equator: a local plane, for thresholds only. */
const KY = 111.2;
const KX = 111.32;

/** The planar distance (km) from p to the segment a–b, in a plane tangent at p's latitude. */
function segmentKm(p: Position, a: Position, b: Position): number {
  const k = Math.cos(p[1] * RAD) * KX;
  const ax = (a[0] - p[0]) * k,
    ay = (a[1] - p[1]) * KY,
    bx = (b[0] - p[0]) * k,
    by = (b[1] - p[1]) * KY;
  const dx = bx - ax,
    dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2)) : 0;
  return Math.hypot(ax + t * dx, ay + t * dy);
}

/** Lines' segments in a grid of 0.1° cells: the distance from a point to the nearest, within a range. */
export function segmentIndex(lines: Position[][]): (p: Position, withinKm: number) => number {
  const CELL = 0.1;
  const cells = new Map<string, [Position, Position][]>();
  for (const line of lines)
    for (let i = 1; i < line.length; i++) {
      const a = line[i - 1],
        b = line[i];
      for (let x = Math.floor(Math.min(a[0], b[0]) / CELL); x <= Math.floor(Math.max(a[0], b[0]) / CELL); x++)
        for (let y = Math.floor(Math.min(a[1], b[1]) / CELL); y <= Math.floor(Math.max(a[1], b[1]) / CELL); y++) {
          const key = `${x},${y}`;
          const list = cells.get(key) ?? [];
          list.push([a, b]);
          cells.set(key, list);
        }
    }
  return (p, withinKm) => {
    const dy = withinKm / KY,
      dx = withinKm / (KX * Math.cos(p[1] * RAD));
    let best = Number.POSITIVE_INFINITY;
    for (let x = Math.floor((p[0] - dx) / CELL); x <= Math.floor((p[0] + dx) / CELL); x++)
      for (let y = Math.floor((p[1] - dy) / CELL); y <= Math.floor((p[1] + dy) / CELL); y++)
        for (const [a, b] of cells.get(`${x},${y}`) ?? []) best = Math.min(best, segmentKm(p, a, b));
    return best <= withinKm ? best : Number.POSITIVE_INFINITY;
  };
}

const km = (a: Position, b: Position) => turf.distance(a, b);

/** The outer ring of the city's largest part, open (no repeated last vertex). */
export function outerRing(city: Polygon | MultiPolygon): Position[] {
  const parts = city.type === 'Polygon' ? [city.coordinates] : city.coordinates;
  const ring = parts.map((p) => p[0]).reduce((a, b) => (b.length > a.length ? b : a));
  return ring.slice(0, -1);
}

/**
 * The run of the city's outer ring that follows GSHHG's national border: the vertices within
 * NEAR_KM of it, gaps under GAP_KM bridged, the ends cut back to the last vertex within END_KM.
 * Throws unless that is one run (the city meets the national border in one stretch).
 */
export function borderRun(ring: Position[], gshhg: Position[][]): Position[] {
  const near = segmentIndex(gshhg);
  const n = ring.length;
  const d = ring.map((p) => near(p, NEAR_KM));
  const on = d.map((x) => x < NEAR_KM);
  const start = on.indexOf(false);
  if (start < 0) throw new Error('the city outline lies along the national border all round');
  // Runs of vertices on the border, walking the ring from a vertex off it; [first, last] as ring offsets from start.
  const runs: [number, number][] = [];
  for (let k = 0; k < n; k++) {
    if (!on[(start + k) % n]) continue;
    const last = runs[runs.length - 1];
    if (last && last[1] === k - 1) last[1] = k;
    else runs.push([k, k]);
  }
  const at = (k: number) => ring[(start + k) % n];
  const along = (from: number, to: number) => {
    let s = 0;
    for (let k = from; k < to; k++) s += km(at(k), at(k + 1));
    return s;
  };
  const merged: [number, number][] = [];
  for (const r of runs) {
    const last = merged[merged.length - 1];
    if (last && along(last[1], r[0]) < GAP_KM) last[1] = r[1];
    else merged.push([...r]);
  }
  const long = merged.filter(([a, b]) => along(a, b) > GAP_KM);
  if (long.length !== 1)
    throw new Error(
      `the city outline follows the national border in ${long.length} stretches, not one (GSHHG within ${NEAR_KM} km)`,
    );
  let [a, b] = long[0];
  while (a < b && d[(start + a) % n] > END_KM) a++;
  while (b > a && d[(start + b) % n] > END_KM) b--;
  const out: Position[] = [];
  for (let k = a; k <= b; k++) out.push(at(k));
  return out;
}

/** The index of the vertex of `line` nearest to `p`. */
const nearestVertex = (line: Position[], p: Position) =>
  line.reduce((best, q, i) => (km(q, p) < km(line[best], p) ? i : best), 0);

/**
 * GSHHG's border lines beyond the city: each line is cut at its vertex nearest each junction
 * (the ends of the city's run and the tripoint on it) within NEAR_KM, the pieces that lie along
 * the run (most of their vertices within NEAR_KM of it) are dropped, and a kept piece's cut end
 * is joined to its junction by a straight segment. Returns the kept pieces, with the length of
 * each joining segment (m).
 */
export function gshhgBeyond(
  gshhg: Position[][],
  run: Position[],
  junctions: Position[],
): { line: Position[]; joins_m: number[] }[] {
  const nearRun = segmentIndex([run]);
  let pieces: { line: Position[]; head: Position | null; tail: Position | null }[] = gshhg.map((line) => ({
    line,
    head: null,
    tail: null,
  }));
  for (const j of junctions) {
    pieces = pieces.flatMap((piece) => {
      const i = nearestVertex(piece.line, j);
      if (km(piece.line[i], j) > NEAR_KM) return [piece];
      return [
        { line: piece.line.slice(0, i + 1), head: piece.head, tail: j },
        { line: piece.line.slice(i), head: j, tail: piece.tail },
      ].filter((p) => p.line.length > 1);
    });
  }
  return pieces
    .filter((p) => p.line.filter((q) => nearRun(q, NEAR_KM) < NEAR_KM).length <= p.line.length / 2)
    .map((p) => {
      const joins_m: number[] = [];
      const line = [...p.line];
      if (p.head) {
        joins_m.push(Math.round(km(p.head, line[0]) * 1000));
        line.unshift(p.head);
      }
      if (p.tail) {
        joins_m.push(Math.round(km(p.tail, line[line.length - 1]) * 1000));
        line.push(p.tail);
      }
      return { line, joins_m };
    });
}

/** A published position on one side of the border, or on it (reference/border_check_points.csv). */
export interface CheckPoint {
  name: string;
  at: Position;
  /** CN, a foreign country's code, or "on the line" */
  must_be: string;
  source: string;
}

export function readCheckPoints(rows: Record<string, string>[]): CheckPoint[] {
  return rows.map((r) => {
    const at = [Number(r.lon), Number(r.lat)];
    if (!at.every(Number.isFinite)) throw new Error(`reference/border_check_points.csv ${r.name}: no position`);
    return { name: r.name, at, must_be: r.must_be, source: r.source };
  });
}

/** How far the tripoint of record may lie from the drawn line (m). */
export const ON_LINE_M = 250;

type Lines = { geometry: LineString; properties: { source: string } };

/** Crossings of the straight way from `a` to `b` with the lines. */
export function crossingsOf(a: Position, b: Position, lines: Lines[]): number {
  const way = turf.lineString([a, b]);
  return lines.reduce((n, l) => n + turf.lineIntersect(way, turf.feature(l.geometry)).features.length, 0);
}

/**
 * The build's check of the drawn border against published positions: a Chinese position inside
 * the city and on China's side of the line (as seen from `inChina`, a seat); a foreign one outside
 * the city and across the line; the tripoint within ON_LINE_M of the line. Each problem names
 * the position's source and the line's.
 */
export function borderCheckProblems(
  file: string,
  points: CheckPoint[],
  city: Polygon | MultiPolygon,
  lines: Lines[],
  inChina: Position,
): Problem[] {
  const out: Problem[] = [];
  const nearest = (p: Position) =>
    lines
      .map((l) => ({ l, m: turf.pointToLineDistance(p, turf.feature(l.geometry)) * 1000 }))
      .reduce((a, b) => (b.m < a.m ? b : a));
  for (const c of points) {
    const { l, m } = nearest(c.at);
    const line = `the border as drawn (${l.properties.source})`;
    if (c.must_be === 'on the line') {
      if (m > ON_LINE_M)
        out.push({
          file,
          feature: c.name,
          reason: `${Math.round(m)} m from ${line}, more than ${ON_LINE_M} m; position: ${c.source}`,
        });
      continue;
    }
    const chinese = crossingsOf(c.at, inChina, lines) % 2 === 0;
    const inCity = turf.booleanPointInPolygon(c.at, city);
    const wantChina = c.must_be === 'CN';
    if (chinese !== wantChina || inCity !== wantChina)
      out.push({
        file,
        feature: c.name,
        reason: `must be in ${wantChina ? 'China' : c.must_be}, but ${line} puts it ${chinese ? 'in China' : 'abroad'}${inCity === chinese ? '' : ` and the city outline ${inCity ? 'in the city' : 'outside it'}`}, ${Math.round(m)} m from the line; position: ${c.source}`,
      });
  }
  return out;
}
