/**
 * The app's state in the URL hash, so that a reload or a shared link restores it:
 *   #v=zoom/lat/lon[/bearing/pitch]&l=layer,layer&s=feature-id&t=task&g=target&m=1&lang=en
 *   &tool=stats|compare|print|…&measure=line:lon,lat;lon,lat;…&near=<feature id | lon,lat>:<km>
 * `l` is written only when the visible layers differ from the defaults; coordinates are
 * WGS84 with at most 6 decimals.
 */
import type { Lang } from './i18n.ts';
import { hashLang } from './state/flags.ts';
import { isToolId, NEAR_KM, type LonLatPair, type Measure, type Near, type ToolId } from './tools/registry.ts';

export interface View {
  zoom: number;
  center: [number, number];
  bearing: number;
  pitch: number;
}

export interface UrlState {
  view?: View;
  visible?: string[];
  selected?: string;
  /** open task (1–22) */
  task?: number;
  /** open target id */
  target?: string;
  /** the responsibility matrix is open */
  matrix?: boolean;
  /** tour id and step (1-based) in presenter mode */
  tour?: string;
  step?: number;
  lang?: Lang;
  /** the open tool */
  tool?: ToolId;
  measure?: Pick<Measure, 'mode' | 'points'>;
  near?: Near;
}

const fixed = (n: number, d: number) => String(Number(n.toFixed(d)));
const lonLat = (p: LonLatPair) => `${fixed(p[0], 6)},${fixed(p[1], 6)}`;

function parseLonLat(s: string): LonLatPair | null {
  const n = s.split(',').map((x) => (x.trim() === '' ? Number.NaN : Number(x)));
  return n.length === 2 && n.every(Number.isFinite) && Math.abs(n[0]) <= 180 && Math.abs(n[1]) <= 90
    ? [n[0], n[1]]
    : null;
}

export function formatHash(s: UrlState, defaults: { visible: readonly string[] }): string {
  const parts: string[] = [];
  if (s.view) {
    const v = s.view;
    const seg = [fixed(v.zoom, 2), fixed(v.center[1], 4), fixed(v.center[0], 4)];
    if (Math.abs(v.bearing) > 0.05 || Math.abs(v.pitch) > 0.05) seg.push(fixed(v.bearing, 1), fixed(v.pitch, 1));
    parts.push(`v=${seg.join('/')}`);
  }
  if (s.visible) {
    const a = [...s.visible].sort().join(',');
    const b = [...defaults.visible].sort().join(',');
    if (a !== b) parts.push(`l=${s.visible.length ? s.visible.map(encodeURIComponent).join(',') : '-'}`);
  }
  if (s.selected) parts.push(`s=${encodeURIComponent(s.selected)}`);
  if (s.task) parts.push(`t=${s.task}`);
  if (s.target) parts.push(`g=${encodeURIComponent(s.target)}`);
  if (s.matrix) parts.push('m=1');
  if (s.tour) parts.push(`tour=${encodeURIComponent(s.tour)}&step=${s.step ?? 1}`);
  if (s.lang && s.lang !== 'zh') parts.push(`lang=${s.lang}`);
  if (s.tool) parts.push(`tool=${s.tool}`);
  if (s.measure?.points.length) parts.push(`measure=${s.measure.mode}:${s.measure.points.map(lonLat).join(';')}`);
  if (s.near)
    parts.push(
      `near=${typeof s.near.from === 'string' ? encodeURIComponent(s.near.from) : lonLat(s.near.from)}:${fixed(s.near.km, 1)}`,
    );
  return parts.length ? `#${parts.join('&')}` : '';
}

/** Parses a hash; anything malformed is left out rather than guessed. */
export function parseHash(hash: string, known: { layers: readonly string[] }): UrlState {
  const out: UrlState = {};
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const v = params.get('v');
  if (v) {
    const n = v.split('/').map(Number);
    const [zoom, lat, lon, bearing = 0, pitch = 0] = n;
    if (
      n.length >= 3 &&
      n.every(Number.isFinite) &&
      zoom >= 0 &&
      zoom <= 22 &&
      Math.abs(lat) <= 85 &&
      Math.abs(lon) <= 180 &&
      pitch >= 0 &&
      pitch <= 85
    ) {
      out.view = { zoom, center: [lon, lat], bearing, pitch };
    }
  }
  const l = params.get('l');
  if (l !== null) out.visible = l === '-' ? [] : l.split(',').filter((id) => known.layers.includes(id));
  const s = params.get('s');
  if (s && /^[a-z0-9-]{1,80}$/.test(s)) out.selected = s;
  const t = Number(params.get('t'));
  if (Number.isInteger(t) && t >= 1 && t <= 22) out.task = t;
  const g = params.get('g');
  if (g && /^[a-z0-9-]{1,60}$/.test(g)) out.target = g;
  if (params.get('m') === '1') out.matrix = true;
  const tour = params.get('tour');
  if (tour && /^[a-z0-9-]{1,60}$/.test(tour)) {
    out.tour = tour;
    const step = Number(params.get('step') ?? '1');
    out.step = Number.isInteger(step) && step >= 1 && step <= 200 ? step : 1;
  }
  const lang = hashLang(hash);
  if (lang) out.lang = lang;
  const tool = params.get('tool');
  if (tool && isToolId(tool)) out.tool = tool;
  const measure = /^(line|area):(.+)$/.exec(params.get('measure') ?? '');
  if (measure) {
    const points = measure[2].split(';').slice(0, 500).map(parseLonLat);
    if (points.length && points.every((p) => p !== null))
      out.measure = { mode: measure[1] as Measure['mode'], points: points as LonLatPair[] };
  }
  const near = /^(.+):([\d.]+)$/.exec(params.get('near') ?? '');
  if (near) {
    const km = Number(near[2]);
    const from = /^[a-z0-9-]{1,80}$/.test(near[1]) ? near[1] : parseLonLat(near[1]);
    if (from && Number.isFinite(km) && km >= NEAR_KM.min && km <= NEAR_KM.max) out.near = { from, km };
  }
  return out;
}
