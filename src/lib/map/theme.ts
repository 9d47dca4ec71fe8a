/**
 * The map's palette: one object, so the legend and the style cannot disagree.
 * Hierarchy of 一核两极多点 by weight: core strongest (deep red), poles next (orange),
 * points smallest (dark slate). Zones are quiet area tints; context (water, borders) is
 * underneath and grey-blue.
 */
import type { ZoneId } from '../../contracts/vocab.ts';

export interface Theme {
  background: string;
  land: string;
  cityFill: string;
  cityLine: string;
  unitLine: string;
  zone: Record<ZoneId, string>;
  core: string;
  pole: string;
  point: string;
  poleLinked: string;
  rail: { existing: string; upgrade: string; planned: string; uncertain: string; casing: string };
  heritage: string;
  port: string;
  airport: string;
  tradeZone: string;
  water: string;
  waterLine: string;
  border: string;
  text: string;
  textMuted: string;
  halo: string;
  highlight: string;
  /** measurements and within-distance buffers: a blue no layer of the plan uses */
  tool: string;
}

export const THEME: Theme = {
  background: '#e9e6df',
  land: '#e9e6df',
  cityFill: '#fbfaf6',
  cityLine: '#5b5548',
  unitLine: '#8c8577',
  zone: {
    'zone-lingxi': '#e3d58f',
    'zone-lingshang': '#9fc79a',
    'zone-rest': '#f0d2b4',
  },
  core: '#b3261e',
  pole: '#e07b00',
  point: '#334155',
  poleLinked: '#b45309',
  rail: { existing: '#3f3f46', upgrade: '#6d28d9', planned: '#db2777', uncertain: '#a1a1aa', casing: '#ffffff' },
  heritage: '#7c3aed',
  port: '#0e7490',
  airport: '#1d4ed8',
  tradeZone: '#0f766e',
  water: '#a9cde8',
  waterLine: '#6aa5d3',
  border: '#6b4f7a',
  text: '#1f2937',
  textMuted: '#57534e',
  halo: '#ffffff',
  tool: '#0b63ce',
  highlight: '#facc15',
};

/** `top` at `opacity` over `base` (both #rrggbb), as one opaque #rrggbb. */
export function mix(top: string, base: string, opacity: number): string {
  const rgb = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
  const [a, b] = [rgb(top), rgb(base)];
  return `#${a
    .map((v, i) =>
      Math.round(v * opacity + b[i] * (1 - opacity))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}
