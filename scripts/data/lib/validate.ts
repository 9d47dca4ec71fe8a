/**
 * Validation of the data of record. geojson-validation checks the GeoJSON structure; the
 * rest covers what it misses: ring closure and winding, self-intersections, positions
 * outside the region, NaN, precision, duplicate ids, required properties, and text that no
 * source gave us (the spam injected in the plan capture). Every problem names its file,
 * feature id and reason.
 */
import gjv from 'geojson-validation';
import * as turf from '@turf/turf';
import type { Feature, Geometry, Position } from 'geojson';
import { positions } from '../../../src/lib/geo.ts';
import { SPAM, assertQuoted } from './plan-text.ts';
import * as v from 'valibot';
import { FeaturePropsSchema } from '../../../src/contracts/feature.ts';
import { dotted, locate } from '../../../src/contracts/issues.ts';
import { must } from '../../../src/lib/must.ts';

/** The region the data may lie in: GSHHG extraction box (lon 115–127, lat 46–54). */
export const REGION_BBOX: [number, number, number, number] = [115, 46, 127, 54];

export interface Problem {
  file: string;
  feature: string;
  reason: string;
}

export class GeodataError extends Error {
  constructor(public problems: Problem[]) {
    super(
      `invalid geodata (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  ${p.file} · ${p.feature} · ${p.reason}`).join('\n'),
    );
    this.name = 'GeodataError';
  }
}

/** Text fragments that must never appear: the injected spam and its parts. */
const FORBIDDEN_TEXT = [SPAM, '365体育', '体育投注'];

/**
 * Working notes, which the public must not read in the data of record: an instruction to check
 * something ("verify before publishing", "核实后…") is done before publishing, or the thing is
 * left out. A statement of what was not checked ("seat subdistrict not verified") is not one.
 */
const WORKING_NOTES: RegExp[] = [
  /\bverify\b/i,
  /\bplaceholder\b/i,
  /\bTODO\b/,
  /\bFIXME\b/,
  /\bTBD\b/,
  /\bXXX\b/,
  /\bto be (?:confirmed|checked|verified)\b/i,
  /核实后/,
  /待核实/,
  /待确认/,
  /待补/,
];

/** The working note in a text, or null. */
export function workingNote(s: string): string | null {
  for (const re of WORKING_NOTES) {
    const m = re.exec(s);
    if (m) return m[0];
  }
  return null;
}

function decimals(v: number): number {
  const s = String(v);
  if (s.includes('e')) return 99;
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

function rings(g: Geometry): Position[][] {
  if (g.type === 'Polygon') return g.coordinates;
  if (g.type === 'MultiPolygon') return g.coordinates.flat();
  return [];
}

/** Proper crossings of a polygon's rings (a touch at a shared vertex is allowed). */
export function selfIntersections(poly: Position[][]): Position[] {
  const verts = new Set(poly.flat().map((p) => `${p[0]},${p[1]}`));
  return turf
    .kinks(turf.polygon(poly))
    .features.map((k) => k.geometry.coordinates)
    .filter((c) => !verts.has(`${c[0]},${c[1]}`));
}

export function allStrings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) allStrings(x, out);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) allStrings(x, out);
  return out;
}

export interface ValidateOptions {
  /** planning layers: every feature needs a plan_ref whose quotes stand in the plan */
  planning?: boolean;
  planText?: string;
  /** ids already used by other files (shared across a whole build) */
  seenIds?: Map<string, string>;
  bbox?: [number, number, number, number];
}

const CJK = /[\u3400-\u9fff]/;
/** Fact-bearing properties and the property that must name their source. */
const FACT_SOURCES: Record<string, string> = { pop_2020: 'pop_source', area_official_km2: 'area_official_source' };

/** Validates one FeatureCollection (parsed JSON); returns the problems found. */
export function validateCollection(file: string, data: unknown, opts: ValidateOptions = {}): Problem[] {
  const problems: Problem[] = [];
  const add = (feature: string, reason: string) => problems.push({ file, feature, reason });
  const bbox = opts.bbox ?? REGION_BBOX;
  const seen = opts.seenIds ?? new Map<string, string>();

  if (!data || typeof data !== 'object' || (data as { type?: string }).type !== 'FeatureCollection') {
    add('-', 'not a GeoJSON FeatureCollection');
    return problems;
  }
  const features = (data as { features?: unknown }).features;
  if (!Array.isArray(features)) {
    add('-', 'FeatureCollection has no features array');
    return problems;
  }
  if (features.length === 0) add('-', 'empty layer: no features');

  features.forEach((raw, index) => {
    const f = raw as Feature;
    const props = (f?.properties ?? {}) as Record<string, unknown>;
    const fid = typeof props.id === 'string' && props.id ? props.id : `#${index}`;
    const structural = gjv.valid(f, true) as string[] | boolean;
    if (Array.isArray(structural) && structural.length) {
      for (const e of structural) {
        add(
          fid,
          /first and last positions/.test(e)
            ? 'unclosed ring (first and last positions differ)'
            : `invalid GeoJSON: ${e}`,
        );
      }
      return;
    }
    if (!f.geometry) {
      add(fid, 'no geometry');
      return;
    }

    // The properties' contract (src/contracts/feature.ts), the same definition the app reads with.
    const parsed = v.safeParse(FeaturePropsSchema, props);
    if (!parsed.success) {
      for (const issue of locate(parsed.issues)) {
        const key = dotted(issue.path);
        add(
          fid,
          props[issue.path[0] as string] === undefined
            ? `missing required property "${key}"`
            : `property "${key}": ${issue.message}`,
        );
      }
    }
    if (typeof props.id === 'string' && props.id) {
      const other = seen.get(props.id);
      if (other) add(fid, `duplicate id (also in ${other})`);
      else seen.set(props.id, file);
    }
    if (f.id !== undefined && f.id !== props.id) add(fid, `feature id "${String(f.id)}" differs from properties.id`);

    // Chinese fields hold Chinese: an English note in a _zh field would show in the Chinese UI.
    for (const [key, value] of Object.entries(props)) {
      if (key.endsWith('_zh') && typeof value === 'string' && value.trim() && !CJK.test(value))
        add(fid, `property "${key}" holds no Chinese: "${value}"`);
      // …and English fields hold no Chinese names, which the English UI would show as they are.
      if (key.endsWith('_en') && typeof value === 'string' && CJK.test(value))
        add(fid, `property "${key}" holds Chinese: "${value}"`);
    }
    // A fact that is shown needs the source it comes from, next to it.
    for (const [fact, source] of Object.entries(FACT_SOURCES)) {
      const v = props[fact];
      const src = props[source];
      if (v !== undefined && v !== null && (typeof src !== 'string' || !src.trim()))
        add(fid, `property "${fact}" has no source (needs "${source}")`);
    }
    for (const s of allStrings(props)) {
      if (FORBIDDEN_TEXT.some((t) => s.includes(t)))
        add(fid, 'text not from any source (injected spam from the plan capture)');
      const note = workingNote(s);
      if (note) add(fid, `public text holds a working note ("${note}"): ${s.length > 120 ? `${s.slice(0, 117)}…` : s}`);
    }

    if (opts.planning) {
      const refs = props.plan_ref;
      if (!Array.isArray(refs) || refs.length === 0) add(fid, 'planning feature without plan_ref');
      else if (opts.planText) {
        refs.forEach((r: { task?: unknown; quote?: unknown }, i) => {
          if (r.task !== null && !(Number.isInteger(r.task) && (r.task as number) >= 1 && (r.task as number) <= 22)) {
            add(fid, `plan_ref[${i}] task ${String(r.task)} is not a task number 1–22`);
          }
          try {
            assertQuoted(
              must(opts.planText, 'the plan text to check quotes against'),
              String(r.quote ?? ''),
              `plan_ref[${i}]`,
            );
          } catch (e) {
            add(fid, (e as Error).message);
          }
        });
      }
    }

    let badPos = false;
    for (const p of positions(f.geometry)) {
      const [x, y] = p;
      if (!Number.isFinite(x) || !Number.isFinite(y)) {
        if (!badPos) add(fid, 'coordinate is NaN or not finite');
        badPos = true;
        continue;
      }
      if (x < bbox[0] || x > bbox[2] || y < bbox[1] || y > bbox[3]) {
        if (!badPos) add(fid, `coordinate ${x},${y} outside the region box ${bbox.join(',')}`);
        badPos = true;
      }
      if (decimals(x) > 6 || decimals(y) > 6) {
        if (!badPos) add(fid, `coordinate ${x},${y} has more than 6 decimals`);
        badPos = true;
      }
    }
    if (badPos) return;

    for (const ring of rings(f.geometry)) {
      const a = ring[0],
        b = ring[ring.length - 1];
      if (ring.length < 4) add(fid, `ring with ${ring.length} positions (needs ≥ 4)`);
      else if (a[0] !== b[0] || a[1] !== b[1]) add(fid, 'unclosed ring (first and last positions differ)');
    }
    if (problems.some((p) => p.feature === fid && /ring/.test(p.reason))) return;

    const polys =
      f.geometry.type === 'Polygon'
        ? [f.geometry.coordinates]
        : f.geometry.type === 'MultiPolygon'
          ? f.geometry.coordinates
          : [];
    for (const poly of polys) {
      const crossings = selfIntersections(poly);
      if (crossings.length) add(fid, `self-intersection at ${crossings[0].join(',')} (${crossings.length} in all)`);
      if (turf.booleanClockwise(poly[0]))
        add(fid, 'exterior ring is clockwise (RFC 7946 right-hand rule wants counter-clockwise)');
      for (const hole of poly.slice(1))
        if (!turf.booleanClockwise(hole)) add(fid, 'hole ring is counter-clockwise (right-hand rule wants clockwise)');
    }
  });
  return problems;
}
