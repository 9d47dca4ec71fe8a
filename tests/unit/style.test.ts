import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { buildStyle } from '../../src/lib/map/style.ts';
import { CATALOG, DEFAULT_VISIBLE, GROUPS, drawOrder } from '../../src/lib/map/catalog.ts';
import { THEME } from '../../src/lib/map/theme.ts';
import { ICONS } from '../../src/lib/map/icons.ts';
import { CITY_BOUNDS } from '../../src/lib/map/view.ts';
import { readGeojson } from './helpers.ts';
import * as turf from '@turf/turf';

const base = 'http://127.0.0.1:4173/';

describe('layer catalog → style', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`is a valid MapLibre style (${lang})`, () => {
      const style = buildStyle({ lang, visible: new Set(DEFAULT_VISIBLE), base });
      expect(validateStyleMin(style as never)).toEqual([]);
    });
  }

  it('has no glyphs or sprite URL and only same-origin sources', () => {
    const style = buildStyle({ lang: 'zh', visible: new Set(DEFAULT_VISIBLE), base });
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    for (const [id, src] of Object.entries(style.sources)) {
      if (src.type === 'geojson') expect(src.data, id).toEqual({ type: 'FeatureCollection', features: [] }); // annotations, drawn locally
      else expect((src as { url: string }).url.startsWith(`pmtiles://${base}tiles/`), id).toBe(true);
    }
  });

  it('follows the house rules: unique ids, every entry drawn, grouped and in the legend', () => {
    const style = buildStyle({ lang: 'zh', visible: new Set(), base });
    const ids = style.layers.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(drawOrder().map((e) => e.id).sort()).toEqual(CATALOG.map((e) => e.id).sort());
    for (const entry of CATALOG) {
      expect(GROUPS.map((g) => g.id)).toContain(entry.group);
      expect(entry.legend.length, entry.id).toBeGreaterThan(0);
      for (const l of entry.interactive) expect(ids, `${entry.id}.${l}`).toContain(l);
    }
    for (const g of GROUPS) expect(CATALOG.some((e) => e.group === g.id), g.id).toBe(true);
  });

  it('hides exactly the layers of the entries not visible', () => {
    const style = buildStyle({ lang: 'zh', visible: new Set(['rail']), base });
    const railIds = CATALOG.find((c) => c.id === 'rail')!.layers(THEME, 'zh').map((l) => l.id);
    for (const l of style.layers) {
      const vis = (l.layout as { visibility?: string } | undefined)?.visibility;
      if (railIds.includes(l.id)) expect(vis).toBe('visible');
      else if (vis !== undefined) expect(vis, l.id).toBe('none');
    }
  });

  it('draws colours from the theme only', () => {
    const colours = new Set<string>();
    const walk = (v: unknown) => {
      if (typeof v === 'string' && /^#[0-9a-f]{3,8}$/i.test(v)) colours.add(v.toLowerCase());
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    const style = buildStyle({ lang: 'zh', visible: new Set(DEFAULT_VISIBLE), base });
    style.layers.forEach((l) => walk((l as { paint?: unknown }).paint));
    const themeColours = new Set<string>();
    const collect = (v: unknown) => {
      if (typeof v === 'string') themeColours.add(v.toLowerCase());
      else if (v && typeof v === 'object') Object.values(v).forEach(collect);
    };
    collect(THEME);
    // a few neutral label colours are allowed besides the theme
    const allowed = new Set([...themeColours, '#000', '#ffffff', '#dddddd', '#2f6690', '#78716c', '#57534e', '#5b21b6', '#9a4d00']);
    for (const c of colours) expect(allowed.has(c), c).toBe(true);
  });

  it('asks only for icons that are defined', () => {
    const json = JSON.stringify(buildStyle({ lang: 'zh', visible: new Set(DEFAULT_VISIBLE), base }).layers);
    for (const icon of json.match(/icon-[a-z-]+/g)!.filter((s) => !/^icon-(image|size|allow|offset|ignore|anchor)/.test(s))) {
      expect(Object.keys(ICONS), icon).toContain(icon);
    }
  });

  it('fits the city: CITY_BOUNDS matches geodata/city.geojson', () => {
    const b = turf.bbox(readGeojson('city'));
    expect(CITY_BOUNDS[0][0]).toBeCloseTo(b[0], 1);
    expect(CITY_BOUNDS[0][1]).toBeCloseTo(b[1], 1);
    expect(CITY_BOUNDS[1][0]).toBeCloseTo(b[2], 1);
    expect(CITY_BOUNDS[1][1]).toBeCloseTo(b[3], 1);
  });
});
