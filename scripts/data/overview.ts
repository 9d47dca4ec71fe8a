/**
 * A light overview of the plan drawn at build time as SVG (Web Mercator, like the map):
 * zones, units, the core and the poles, rail, seats with names. index.html carries it inline,
 * so it is on screen before any script runs; the live map replaces it once idle. Browsers
 * without WebGL keep it, with a note and the list of places.
 *
 * In the page (`html`) the drawing is one `<image>` (a data: address) under the names in both
 * languages (overview.css shows the page's): an image is what a browser counts as the page's
 * largest paint, shapes are not — with the shapes inline, a phone's largest paint waited for
 * the app's own text, seconds later (issue 29). The drawing paints one frame after the names
 * (overview.css): rasterised in the first frame it held the page's first paint back ≈ 250 ms.
 * `svg` is all of it as shapes, for the link preview image.
 */
import { SPLIT_UNITS } from './units.ts';
import type { DataLayerName } from '../../src/contracts/layers.ts';
import * as turf from '@turf/turf';
import type { Feature, LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { LayerOutput, RecordFeature } from './lib/types.ts';
import { must } from '../../src/lib/must.ts';
import { ROLE_LABELS } from '../../src/contracts/vocab.ts';
import { THEME } from '../../src/lib/map/theme.ts';

const W = 1000;

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function buildOverview(layers: LayerOutput[]): { svg: string; html: string; placesHtml: string } {
  const get = (name: DataLayerName) =>
    must(
      layers.find((l) => l.name === name),
      `layer ${name}`,
    ).features;
  const city = get('city')[0] as Feature<Polygon | MultiPolygon>;
  const [minX, minY, maxX, maxY] = turf.bbox(city);
  const mx = (lon: number) => (lon * Math.PI) / 180;
  const my = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  const sx = W / (mx(maxX) - mx(minX));
  const H = Math.round((my(maxY) - my(minY)) * sx);
  const pad = 20;
  const px = (p: Position) =>
    `${((mx(p[0]) - mx(minX)) * sx + pad).toFixed(1)},${((my(maxY) - my(p[1])) * sx + pad).toFixed(1)}`;
  const ring = (r: Position[]) => `M${r.map(px).join('L')}Z`;
  const poly = (f: Feature<Polygon | MultiPolygon>) => {
    const s = turf.simplify(f, { tolerance: 0.02, highQuality: false }) as Feature<Polygon | MultiPolygon>;
    const polys = s.geometry.type === 'Polygon' ? [s.geometry.coordinates] : s.geometry.coordinates;
    return polys.map((p) => p.map(ring).join('')).join('');
  };
  const out: string[] = [];
  const names: string[] = [];
  out.push(`<path d="${poly(city)}" fill="${THEME.cityFill}"/>`);
  for (const z of get('zones') as RecordFeature<Polygon | MultiPolygon>[]) {
    const colour = THEME.zone[z.properties.id as keyof typeof THEME.zone] ?? '#ddd';
    out.push(`<path d="${poly(z)}" fill="${colour}" fill-opacity="0.55"/>`);
  }
  for (const u of get('units') as RecordFeature<Polygon | MultiPolygon>[])
    out.push(`<path d="${poly(u)}" fill="none" stroke="${THEME.unitLine}" stroke-width="0.8"/>`);
  for (const a of get('structure_areas') as RecordFeature<Polygon | MultiPolygon>[]) {
    const core = a.properties.role === 'core';
    out.push(
      `<path d="${poly(a)}" fill="${core ? THEME.core : THEME.pole}" fill-opacity="0.12" stroke="${core ? THEME.core : THEME.pole}" stroke-width="${core ? 3 : 2.5}"/>`,
    );
  }
  out.push(`<path d="${poly(city)}" fill="none" stroke="${THEME.cityLine}" stroke-width="2"/>`);
  for (const l of get('rail_lines') as RecordFeature<LineString>[]) {
    const st = l.properties.status as string;
    const colour =
      st === 'planned'
        ? THEME.rail.planned
        : st === 'upgrade'
          ? THEME.rail.upgrade
          : st === 'existing'
            ? THEME.rail.existing
            : THEME.rail.uncertain;
    out.push(
      `<path d="M${l.geometry.coordinates.map(px).join('L')}" fill="none" stroke="${colour}" stroke-width="2"${st === 'planned' ? ' stroke-dasharray="8 5"' : ''}/>`,
    );
  }
  const seats = (get('structure_points') as RecordFeature<Point>[]).filter((s) => s.properties.kind === 'seat');
  const R: Record<string, [number, string]> = {
    core: [8, THEME.core],
    pole: [7, THEME.pole],
    pole_linked: [5.5, THEME.poleLinked],
    point: [4.5, THEME.point],
  };
  for (const s of seats) {
    const [r, c] = R[s.properties.role as string];
    const [x, y] = px(s.geometry.coordinates).split(',');
    out.push(`<circle cx="${x}" cy="${y}" r="${r}" fill="${c}" stroke="#fff" stroke-width="1.5"/>`);
    // Both languages; overview.css shows the page's (main.ts sets <html lang> from the address).
    for (const lang of ['zh', 'en'] as const) {
      const name = String(lang === 'zh' ? s.properties.unit_zh : s.properties.unit_en);
      names.push(
        `<text class="${lang}" x="${x}" y="${(+y + r + 15).toFixed(1)}" text-anchor="middle" font-size="${s.properties.role === 'point' ? 13 : 15}" fill="${THEME.text}" stroke="#fff" stroke-width="3" paint-order="stroke">${escapeHtml(name)}</text>`,
      );
    }
  }
  const box = `viewBox="0 0 ${W + 2 * pad} ${H + 2 * pad}"`;
  const titles = `<title id="overview-title-zh" class="zh" lang="zh-CN">呼伦贝尔市“一核两极多点”规划总览</title><title id="overview-title-en" class="en" lang="en">Overview of the plan: one core, two poles, many points</title>`;
  const open = `<svg xmlns="http://www.w3.org/2000/svg" ${box}`;
  const svg = `${open} role="img" aria-labelledby="overview-title-zh overview-title-en">${titles}${out.join('')}${names.join('')}</svg>`;
  const drawing = `${open} width="${W + 2 * pad}" height="${H + 2 * pad}">${out.join('')}</svg>`;
  const html = `${open} role="img" aria-labelledby="overview-title-zh overview-title-en">${titles}<image class="overview-drawing" href="${svgDataUri(drawing)}" width="${W + 2 * pad}" height="${H + 2 * pad}"/>${names.join('')}</svg>`;

  const units = get('units');
  const items = units.map((u) => {
    const p = u.properties;
    const zone = get('zones').find((z) => z.properties.id === p.zone)?.properties;
    const role = p.role ? ROLE_LABELS[p.role] : null;
    // A unit the plan splits says which part is where (鄂温克族自治旗: its seat town in the core).
    const split = SPLIT_UNITS[String(p.admin_code)];
    const roleZh = split ? `${role?.zh ?? ''}（${split.town_zh.replace(p.name_zh, '')}）` : (role?.zh ?? '');
    const roleEn = split ? `${role?.en ?? ''} (${split.town_en})` : (role?.en ?? '');
    const zoneZh = split ? `${zone?.name_zh ?? ''}（其他镇）` : (zone?.name_zh ?? '');
    const zoneEn = split ? `${zone?.name_en ?? ''} (the other towns)` : (zone?.name_en ?? '');
    return (
      `<li><span class="zh" lang="zh-CN"><strong>${escapeHtml(p.name_zh)}</strong> · ${escapeHtml(roleZh)} · ${escapeHtml(zoneZh)}</span>` +
      `<span class="en" lang="en"><strong>${escapeHtml(p.name_en)}</strong> · ${escapeHtml(roleEn)} · ${escapeHtml(zoneEn)}</span></li>`
    );
  });
  return { svg, html, placesHtml: `<ul>${items.join('')}</ul>` };
}

/**
 * An SVG as a data: address for an HTML attribute in double quotes: only what a URL or the
 * attribute cannot carry is escaped (% # " ' and the brackets), not every character as
 * encodeURIComponent would (today's drawing: 30 KB against 36). Whitespace runs become one
 * space: for shapes, not text.
 */
export function svgDataUri(svg: string): string {
  const body = svg
    .replace(/\s+/g, ' ')
    .replace(/[%#"'<>&{}]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `data:image/svg+xml,${body}`;
}
