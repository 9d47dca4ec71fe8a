/**
 * Points and the lines around them. A point must lie inside the unit it names, out of the
 * lakes, on China's side of the national border and at least BORDER_MARGIN_M inside it.
 *
 * A point with a published position (precision_m: the precision its source states or implies)
 * is never moved: where it breaks one of these tests the sources disagree, and the build fails
 * naming both (the point's source and the line's). A point with no published position (no
 * precision_m: a marker only, approximate) is moved the shortest way to the right side, and
 * says how far and why in the feature. The same tests, run on the result, are the build's check.
 */
import * as turf from '@turf/turf';
import type { Feature, LineString, MultiLineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { RecordFeature } from './lib/types.ts';
import type { Problem } from './lib/validate.ts';
import { type DataLayerName, layersWith } from '../../src/contracts/layers.ts';

type Poly = Polygon | MultiPolygon;
type Lines = Feature<LineString | MultiLineString>;

export interface Ground {
  units: RecordFeature<Poly>[];
  seats: RecordFeature<Point>[];
  borders: RecordFeature<LineString | MultiLineString>[];
  lakes: RecordFeature<Poly>[];
}

/** A point nearer than this to the national border is refused (m): the lines are not drawn finer. */
export const BORDER_MARGIN_M = 100;
/** How far past a line a moved point is put, so that rounding cannot put it back (m). */
const MARGIN_M = 150;
const round6 = (v: number) => Math.round(v * 1e6) / 1e6;
const outline = (f: RecordFeature<Poly>): Lines[] => {
  const l = turf.polygonToLine(f);
  return l.type === 'FeatureCollection' ? (l.features as Lines[]) : [l as Lines];
};

/** The crossings of the straight way from `p` to `toward` with `lines`. */
function crossings(p: Position, toward: Position, lines: Lines[]): Position[] {
  const way = turf.lineString([p, toward]);
  return lines.flatMap((l) => turf.lineIntersect(way, l).features.map((f) => f.geometry.coordinates));
}

/** `p` moved past `at` (a point on the line), in the direction from `p` to `at`, plus the margin. */
function past(p: Position, at: Position, toward: Position): Position {
  // On the line already: step towards the seat.
  const bearing = turf.distance(p, at) > 1e-6 ? turf.bearing(p, at) : turf.bearing(at, toward);
  const moved = turf.destination(at, MARGIN_M / 1000, bearing).geometry.coordinates;
  return [round6(moved[0]), round6(moved[1])];
}

/**
 * Candidate positions for `p` on the other side of `lines`: first across the nearest point of
 * the nearest line (the shortest move), then past the crossing nearest to `p` on the way to
 * `toward` (where the shortest move lands on a wrong side again).
 */
function candidates(p: Position, toward: Position, lines: Lines[]): Position[] {
  const out: Position[] = [];
  const nearest = lines
    .map((l) => turf.nearestPointOnLine(l, p).geometry.coordinates)
    .reduce<Position | null>((a, b) => (!a || turf.distance(p, b) < turf.distance(p, a) ? b : a), null);
  if (nearest) out.push(past(p, nearest, toward));
  const hits = crossings(p, toward, lines);
  if (hits.length)
    out.push(
      past(
        p,
        hits.reduce((a, b) => (turf.distance(p, a) <= turf.distance(p, b) ? a : b)),
        toward,
      ),
    );
  return out;
}

/** The unit a point names (unit_zh), else the one it lies in, else none (outside the city). */
export function unitOf(f: RecordFeature<Point>, g: Ground): RecordFeature<Poly> | null {
  const name = f.properties.unit_zh;
  if (typeof name === 'string') return g.units.find((u) => name.startsWith(u.properties.name_zh)) ?? null;
  return g.units.find((u) => turf.booleanPointInPolygon(f, u)) ?? null;
}

/** The ground points are placed on, from the built layers. */
export function groundOf(layer: (name: DataLayerName) => RecordFeature[]): Ground {
  return {
    units: layer('units') as RecordFeature<Poly>[],
    seats: (layer('structure_points') as RecordFeature<Point>[]).filter((s) => s.properties.kind === 'seat'),
    borders: layer('borders') as RecordFeature<LineString | MultiLineString>[],
    lakes: layer('lakes') as RecordFeature<Poly>[],
  };
}

/** The point layers whose positions are checked against the lines around them. */
export const PLACED_LAYERS = layersWith('placed');

const seatOf = (u: RecordFeature<Poly>, g: Ground) => g.seats.find((s) => s.properties.unit_id === u.properties.id);

/** A published position: one with a stated precision (reference/*.csv precision_m). */
export const published = (f: RecordFeature<Point>) => typeof f.properties.precision_m === 'number';

/** The national border's line nearest to `f`, and how far it is (m). */
function nearestBorder(f: RecordFeature<Point>, g: Ground): { line: RecordFeature; m: number } | null {
  return g.borders
    .map((line) => ({ line: line as RecordFeature, m: turf.pointToLineDistance(f, line as never) * 1000 }))
    .reduce<{ line: RecordFeature; m: number } | null>((a, b) => (!a || b.m < a.m ? b : a), null);
}

interface Rule {
  /** the lines to be on the right side of */
  lines: (f: RecordFeature<Point>, u: RecordFeature<Poly>, g: Ground) => Lines[];
  /** what is wrong with the point, or null */
  wrong: (f: RecordFeature<Point>, u: RecordFeature<Poly>, g: Ground, seat: Position) => string | null;
  /** the source of the line it is wrong against */
  lineSource: (f: RecordFeature<Point>, u: RecordFeature<Poly>, g: Ground) => string;
  zh: (u: RecordFeature<Poly>) => string;
  en: (u: RecordFeature<Poly>) => string;
}

const lakeOf = (f: RecordFeature<Point>, g: Ground) => g.lakes.find((l) => turf.booleanPointInPolygon(f, l));

const RULES: Rule[] = [
  {
    lines: (_f, u) => outline(u),
    wrong: (f, u) => (turf.booleanPointInPolygon(f, u) ? null : `outside ${u.properties.name_en} as drawn`),
    lineSource: (_f, u) => u.properties.source,
    zh: (u) => `移入${u.properties.name_zh}边界内`,
    en: (u) => `into ${u.properties.name_en} as drawn`,
  },
  {
    lines: (f, _u, g) => g.lakes.filter((l) => turf.booleanPointInPolygon(f, l)).flatMap(outline),
    wrong: (f, _u, g) => {
      const lake = lakeOf(f, g);
      return lake ? `in the lake ${lake.properties.name_zh} (${lake.properties.id})` : null;
    },
    lineSource: (f, _u, g) => lakeOf(f, g)?.properties.source ?? '',
    zh: () => '移出湖面',
    en: () => 'out of the lake',
  },
  {
    lines: (_f, _u, g) => g.borders,
    wrong: (f, _u, g, seat) => {
      if (crossings(f.geometry.coordinates, seat, g.borders).length % 2 === 1)
        return 'on the far side of the national border';
      const near = nearestBorder(f, g);
      return near && near.m < BORDER_MARGIN_M
        ? `${Math.round(near.m)} m from the national border (less than ${BORDER_MARGIN_M} m)`
        : null;
    },
    lineSource: (f, _u, g) => nearestBorder(f, g)?.line.properties.source ?? '',
    zh: () => `移至国界中国一侧、距国界至少${BORDER_MARGIN_M}米处`,
    en: () => `to China's side of the national border, at least ${BORDER_MARGIN_M} m from it`,
  },
];

/**
 * Moves the points with no published position that are on the wrong side of a line (in place),
 * recording how far and why; returns the moves as [old position, new position] so that lines
 * through them follow. A point with a published position is never moved.
 */
export function placePoints(points: RecordFeature<Point>[], g: Ground): [Position, Position][] {
  const moves: [Position, Position][] = [];
  for (const f of points) {
    if (f.properties.outside_city || published(f)) continue;
    const u = unitOf(f, g);
    const seat = u && seatOf(u, g)?.geometry.coordinates;
    if (!u || !seat) continue;
    const start = f.geometry.coordinates;
    const why: { zh: string[]; en: string[] } = { zh: [], en: [] };
    for (const rule of RULES) {
      if (!rule.wrong(f, u, g, seat)) continue;
      const here = f.geometry.coordinates;
      // The first candidate that puts the point on the right side of this rule's lines.
      const to = candidates(here, seat, rule.lines(f, u, g)).find((c) => {
        f.geometry.coordinates = c;
        return !rule.wrong(f, u, g, seat);
      });
      f.geometry.coordinates = to ?? here;
      if (!to) continue;
      why.zh.push(rule.zh(u));
      why.en.push(rule.en(u));
    }
    if (!why.zh.length) continue;
    const m = Math.round(turf.distance(start, f.geometry.coordinates) * 1000);
    f.properties.placement_note_zh = `位置未见公布，此点仅为示意：已${why.zh.join('、')}，移动${m}米。`;
    f.properties.placement_note_en = `No published position: a marker only, moved ${m} m ${why.en.join(' and ')}.`;
    f.properties.approximate = true;
    moves.push([start, f.geometry.coordinates]);
  }
  return moves;
}

/**
 * The build's check: every point inside the unit it names, out of the lakes, on its seat's side
 * of the border and clear of it. A published position that fails names both sources.
 */
export function checkPlacement(file: string, points: RecordFeature<Point>[], g: Ground): Problem[] {
  const problems: Problem[] = [];
  for (const f of points) {
    if (f.properties.outside_city) continue;
    const u = unitOf(f, g);
    const seat = u && seatOf(u, g)?.geometry.coordinates;
    if (!u || !seat) {
      if (typeof f.properties.unit_zh === 'string')
        problems.push({
          file,
          feature: f.properties.id,
          reason: `names unit "${f.properties.unit_zh}", which has no seat here, yet does not say outside_city`,
        });
      continue;
    }
    for (const rule of RULES) {
      const what = rule.wrong(f, u, g, seat);
      if (!what) continue;
      const line = rule.lineSource(f, u, g);
      problems.push({
        file,
        feature: f.properties.id,
        reason: published(f)
          ? `${what}: the sources disagree. Point: ${f.properties.source} (precision ${f.properties.precision_m} m). Line: ${line}`
          : `${what}, and no move puts it clear (no published position). Point: ${f.properties.source}. Line: ${line}`,
      });
    }
  }
  return problems;
}

/** A row's published position (reference/*.csv), by feature id. */
export interface PublishedPosition {
  at: Position;
  precision_m: number;
  source: string;
}

/** The build's check: each point with a published position lies within its precision of it. */
export function precisionProblems(
  file: string,
  points: RecordFeature<Point>[],
  positions: Map<string, PublishedPosition>,
): Problem[] {
  const out: Problem[] = [];
  for (const f of points) {
    const p = positions.get(f.properties.id);
    if (!p) continue;
    const m = turf.distance(f.geometry.coordinates, p.at) * 1000;
    if (m > p.precision_m)
      out.push({
        file,
        feature: f.properties.id,
        reason: `drawn ${Math.round(m)} m from its published position (${p.source}), more than its precision ${p.precision_m} m`,
      });
    if (f.properties.precision_m !== p.precision_m)
      out.push({
        file,
        feature: f.properties.id,
        reason: `says precision ${String(f.properties.precision_m)} m, its source row ${p.precision_m} m`,
      });
  }
  return out;
}
