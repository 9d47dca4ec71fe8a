/**
 * The attribute columns of a layer as the table formats (Shapefile, GeoPackage, CSV, DXF
 * extended data) need them: every property name in order of first appearance, each typed from
 * its values — integers, reals, yes/no, else text (a column of mixed kinds is text) — and each
 * value as the text a cell shows (lists and objects as JSON; the plan's quotes as "task n: …").
 */
import type { Feature, Geometry } from 'geojson';

export type FieldType = 'int' | 'real' | 'bool' | 'text';
export interface Field {
  name: string;
  type: FieldType;
}

export function fieldsOf(features: Feature<Geometry | null>[]): Field[] {
  const seen = new Map<string, Set<string>>();
  for (const f of features)
    for (const [k, v] of Object.entries(f.properties ?? {})) {
      const kinds = seen.get(k) ?? new Set<string>();
      seen.set(k, kinds);
      if (v === null || v === undefined || v === '') continue;
      kinds.add(
        typeof v === 'number' && Number.isFinite(v)
          ? Number.isInteger(v) && Math.abs(v) < 2 ** 53
            ? 'int'
            : 'real'
          : typeof v === 'boolean'
            ? 'bool'
            : 'text',
      );
    }
  return [...seen].map(([name, kinds]) => {
    const only = [...kinds];
    const type: FieldType =
      only.length === 0
        ? 'text'
        : only.every((k) => k === 'int')
          ? 'int'
          : only.every((k) => k === 'int' || k === 'real')
            ? 'real'
            : only.length === 1 && only[0] === 'bool'
              ? 'bool'
              : 'text';
    return { name, type };
  });
}

/** A value as the text of a cell ('' for none). */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v) && v.every((x) => x && typeof x === 'object' && 'quote' in x)) {
    return v.map((x) => `${x.task ? `task ${x.task}` : 'plan'}: ${x.quote}`).join(' | ');
  }
  return JSON.stringify(v);
}
