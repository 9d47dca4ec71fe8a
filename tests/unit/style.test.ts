import { describe, expect, it } from 'vitest';
import { expression, latest, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { buildStyle } from '../../src/lib/map/style.ts';
import { CATALOG, DEFAULT_VISIBLE, GROUPS, TOGGLABLE, catalogLayers } from '../../src/lib/map/catalog.ts';
import { THEME, mix } from '../../src/lib/map/theme.ts';
import { ICONS } from '../../src/lib/map/icons.ts';
import { CITY_BOUNDS } from '../../src/lib/map/view.ts';
import { readGeojson } from './helpers.ts';
import * as turf from '@turf/turf';
import { must } from '../../src/lib/must.ts';

const base = 'http://127.0.0.1:4173/';

describe('layer catalog → style', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`is a valid MapLibre style (${lang})`, () => {
      const style = buildStyle({ lang, visible: new Set(DEFAULT_VISIBLE), base });
      expect(validateStyleMin(style as never)).toEqual([]);
    });
  }

  it("names its glyphs by the page's own protocol, no sprite, and only same-origin sources", () => {
    const style = buildStyle({ lang: 'zh', visible: new Set(DEFAULT_VISIBLE), base });
    expect(style.glyphs).toBe('glyphs://{fontstack}/{range}');
    expect(style.sprite).toBeUndefined();
    for (const [id, src] of Object.entries(style.sources)) {
      if (src.type === 'geojson')
        expect(src.data, id).toEqual({ type: 'FeatureCollection', features: [] }); // annotations, drawn locally
      else expect((src as { url: string }).url.startsWith(`pmtiles://${base}tiles/`), id).toBe(true);
    }
  });

  it('follows the house rules: unique ids, every entry drawn, grouped and in the legend', () => {
    const style = buildStyle({ lang: 'zh', visible: new Set(), base });
    const ids = style.layers.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.slice(1)).toEqual(catalogLayers().map((l) => l.style.id)); // background, then the catalog in draw order
    const zs = catalogLayers().map((l) => l.z);
    expect(new Set(zs).size, 'every layer has its own place in the draw order').toBe(zs.length);
    for (const entry of CATALOG) {
      expect(GROUPS.map((g) => g.id)).toContain(entry.group);
      if (!entry.always && !entry.namesOnly) expect(entry.legend.length, entry.id).toBeGreaterThan(0);
    }
    for (const g of GROUPS)
      expect(
        TOGGLABLE.some((e) => e.group === g.id),
        g.id,
      ).toBe(true);
    const clicks = catalogLayers().flatMap((l) => (l.click === undefined ? [] : [l.click]));
    expect(new Set(clicks).size, 'click priorities are distinct').toBe(clicks.length);
    for (const l of catalogLayers()) {
      if (l.hiddenUnder)
        expect(
          CATALOG.map((e) => e.id),
          l.style.id,
        ).toContain(l.hiddenUnder);
      if (l.standsFor) expect(l.click, `${l.style.id} stands for a feature it selects`).toBeDefined();
    }
  });

  it('hides exactly the layers of the entries not visible', () => {
    const style = buildStyle({ lang: 'zh', visible: new Set(['rail']), base });
    const railIds = must(
      CATALOG.find((c) => c.id === 'rail'),
      'the rail entry',
    )
      .layers(THEME, 'zh')
      .map((l) => l.style.id);
    const alwaysIds = CATALOG.filter((c) => c.always).flatMap((c) => c.layers(THEME, 'zh').map((l) => l.style.id));
    expect(alwaysIds).toEqual(expect.arrayContaining(['city-line', 'annot-pen', 'tools-line', 'tools-label']));
    for (const l of style.layers) {
      const vis = (l.layout as { visibility?: string } | undefined)?.visibility;
      if (railIds.includes(l.id)) expect(vis).toBe('visible');
      else if (l.id === 'city-fill')
        expect(vis).toBe('visible'); // shows where the zones are off
      else if (alwaysIds.includes(l.id))
        expect(vis, l.id).toBe('visible'); // always drawn (city outline, annotations, tools)
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
    for (const l of style.layers) walk((l as { paint?: unknown }).paint);
    const themeColours = new Set<string>();
    const collect = (v: unknown) => {
      if (typeof v === 'string') themeColours.add(v.toLowerCase());
      else if (v && typeof v === 'object') Object.values(v).forEach(collect);
    };
    collect(THEME);
    // zone tints are theme colours laid over the city fill (zones-fill is opaque)
    for (const c of [...Object.values(THEME.zone), '#dddddd'])
      for (const o of [0.55, 0.9]) themeColours.add(mix(c, THEME.cityFill, o));
    // a few neutral label colours are allowed besides the theme
    const allowed = new Set([
      ...themeColours,
      '#000',
      '#ffffff',
      '#dddddd',
      '#2f6690',
      '#78716c',
      '#57534e',
      '#5b21b6',
      '#9a4d00',
    ]);
    for (const c of colours) expect(allowed.has(c), c).toBe(true);
  });

  it('asks only for icons that are defined', () => {
    const json = JSON.stringify(buildStyle({ lang: 'zh', visible: new Set(DEFAULT_VISIBLE), base }).layers);
    for (const icon of (json.match(/icon-[a-z-]+/g) ?? []).filter(
      (s) => !/^icon-(image|size|allow|offset|ignore|anchor|padding)/.test(s),
    )) {
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

describe('one shader program per layer type', () => {
  // MapLibre compiles a program per combination of property kinds (constant and zoom-only
  // → uniform; per feature → attribute; zoom and feature → interpolated attribute); each
  // costs tens of ms at start-up with software WebGL. Every layer of a type must agree.
  const kindOf = (value: unknown, spec: unknown) => {
    if (!expression.isExpression(value)) return 'constant';
    const r = expression.createPropertyExpression(value, 'paint', spec as never);
    if (r.result !== 'success') throw new Error(JSON.stringify(r.value));
    const k = (r.value as { kind: string }).kind;
    return k === 'camera' ? 'constant' : k;
  };
  const signature = (layer: Record<string, unknown>) => {
    const specs = (latest as unknown as Record<string, Record<string, { 'property-type': string }>>)[
      `paint_${layer.type}`
    ];
    const paint = { ...(layer.paint ?? {}) } as Record<string, unknown>;
    // MapLibre draws a fill's missing outline colour with its fill colour
    if (layer.type === 'fill') paint['fill-outline-color'] ??= paint['fill-color'];
    return Object.entries(specs)
      .filter(([, s]) => s['property-type'].includes('data-driven'))
      .map(([prop, s]) => `${prop}:${paint[prop] === undefined ? 'constant' : kindOf(paint[prop], s)}`)
      .join(' ');
  };

  for (const visible of [new Set(DEFAULT_VISIBLE), new Set(CATALOG.map((c) => c.id))]) {
    it(`every fill, line, circle and symbol layer of the style has its type's kinds (${visible.size} entries on)`, () => {
      const style = buildStyle({ lang: 'zh', visible, base });
      const byType = new Map<string, Map<string, string[]>>();
      for (const l of style.layers) {
        if (l.type === 'background') continue;
        // dashed lines are drawn by a shader of their own (MapLibre's lineSDF)
        const type =
          l.type === 'line' && (l.paint as Record<string, unknown>)?.['line-dasharray'] !== undefined
            ? 'line (dashed)'
            : l.type;
        const sigs = byType.get(type) ?? new Map<string, string[]>();
        const sig = signature(l as never);
        sigs.set(sig, [...(sigs.get(sig) ?? []), l.id]);
        byType.set(type, sigs);
      }
      for (const [type, sigs] of byType) expect([...sigs.values()], type).toHaveLength(1);
      expect([...byType.keys()].sort()).toEqual(['circle', 'fill', 'line', 'line (dashed)', 'symbol']);
      // and nothing was made data-driven that MapLibre would then skip: fills without an
      // outline of their own draw none
      for (const l of style.layers) {
        if (l.type !== 'fill') continue;
        const p = l.paint as Record<string, unknown>;
        expect(p['fill-antialias'] === false || p['fill-outline-color'] !== undefined, l.id).toBe(true);
      }
    });
  }

  it('keeps the values: a constant made per-feature evaluates to the same colour and width', () => {
    const style = buildStyle({ lang: 'zh', visible: new Set(DEFAULT_VISIBLE), base });
    const layer = (id: string) => style.layers.find((l) => l.id === id) as { paint: Record<string, unknown> };
    const evalAt = (value: unknown, prop: string, type: string, zoom: number) => {
      const spec = (latest as unknown as Record<string, Record<string, unknown>>)[`paint_${type}`][prop];
      const r = expression.createPropertyExpression(value, 'paint', spec as never);
      if (r.result !== 'success') throw new Error('bad expression');
      return (r.value as { evaluate: (g: object, f: object) => unknown }).evaluate(
        { zoom },
        { properties: { id: 'x' }, type: 'Polygon' },
      );
    };
    expect(String(evalAt(layer('city-fill').paint['fill-color'], 'fill-color', 'fill', 5))).toBe(
      String(evalAt(THEME.cityFill, 'fill-color', 'fill', 5)),
    );
    expect(evalAt(layer('borders').paint['line-width'], 'line-width', 'line', 4)).toBeCloseTo(1.2);
    expect(evalAt(layer('borders').paint['line-width'], 'line-width', 'line', 10)).toBeCloseTo(2.6);
    expect(evalAt(layer('units-line').paint['line-width'], 'line-width', 'line', 4)).toBeCloseTo(0.6);
  });

  it('draws the zones opaque, as their tint over the city fill, and the city fill only without them', () => {
    expect(mix('#000000', '#ffffff', 0.5)).toBe('#808080');
    expect(mix(THEME.zone['zone-lingxi'], THEME.cityFill, 1)).toBe(THEME.zone['zone-lingxi']);
    const on = buildStyle({ lang: 'zh', visible: new Set(DEFAULT_VISIBLE), base });
    const off = buildStyle({ lang: 'zh', visible: new Set(DEFAULT_VISIBLE.filter((id) => id !== 'zones')), base });
    const vis = (s: typeof on, id: string) =>
      (
        must(
          s.layers.find((l) => l.id === id),
          id,
        ).layout as { visibility?: string }
      ).visibility;
    expect(vis(on, 'city-fill')).toBe('none');
    expect(vis(on, 'zones-fill')).toBe('visible');
    expect(vis(off, 'city-fill')).toBe('visible');
    expect(vis(off, 'zones-fill')).toBe('none');
    const zones = must(
      on.layers.find((l) => l.id === 'zones-fill'),
      'zones-fill',
    ).paint as Record<string, unknown>;
    expect(JSON.stringify(zones['fill-color'])).toContain(mix(THEME.zone['zone-lingshang'], THEME.cityFill, 0.55));
    expect(JSON.stringify(zones['fill-opacity'])).not.toMatch(/0\.55/);
  });

  it('marks approximate places on the map itself: "≈" before the name, explained in the legend', () => {
    const style = buildStyle({ lang: 'zh', visible: new Set(DEFAULT_VISIBLE), base });
    for (const id of ['station-labels', 'heritage-points', 'ports-points', 'airports-points']) {
      const l = must(
        style.layers.find((x) => x.id === id),
        id,
      ) as { layout?: Record<string, unknown> };
      expect(JSON.stringify(l.layout?.['text-field']), id).toContain('["get","approximate"]');
      expect(JSON.stringify(l.layout?.['text-field']), id).toContain('≈');
    }
    for (const entry of ['rail', 'heritage', 'ports', 'airports']) {
      expect(
        JSON.stringify(
          must(
            CATALOG.find((c) => c.id === entry),
            entry,
          ).legend,
        ),
        entry,
      ).toContain('≈');
    }
  });
});

describe('label sizes for a projector', () => {
  it('scales numbers and every output of a zoom curve, data expressions included, and keeps the curve valid', async () => {
    const { scaleSize } = await import('../../src/lib/map/sizes.ts');
    expect(scaleSize(11, 1.4)).toBe(15.4);
    expect(scaleSize(['interpolate', ['linear'], ['zoom'], 4, 12, 10, 15], 1.5)).toEqual([
      'interpolate',
      ['linear'],
      ['zoom'],
      4,
      18,
      10,
      22.5,
    ]);
    const data = ['match', ['get', 'role'], 'core', 15, 14];
    expect(scaleSize(['interpolate', ['linear'], ['zoom'], 4, data, 10, 20], 2)).toEqual([
      'interpolate',
      ['linear'],
      ['zoom'],
      4,
      ['*', 2, data],
      10,
      40,
    ]);
    expect(scaleSize(['step', ['zoom'], 10, 8, 12], 2)).toEqual(['step', ['zoom'], 20, 8, 24]);
    expect(scaleSize(12, 1)).toBe(12);
    // held at a floor: numbers, each output, a data expression by max
    expect(scaleSize(11, 1.4, 20)).toBe(20);
    expect(scaleSize(['interpolate', ['linear'], ['zoom'], 4, data, 10, 20], 2, 28)).toEqual([
      'interpolate',
      ['linear'],
      ['zoom'],
      4,
      ['max', 28, ['*', 2, data]],
      10,
      40,
    ]);
  });

  it('reads the smallest size a layer can take at a zoom', async () => {
    const { smallestSize } = await import('../../src/lib/map/sizes.ts');
    const curve = ['interpolate', ['linear'], ['zoom'], 4, 12, 10, 15];
    expect(smallestSize(curve, 3)).toBe(12);
    expect(smallestSize(curve, 7)).toBeCloseTo(13.5);
    expect(smallestSize(curve, 12)).toBe(15);
    expect(smallestSize(['step', ['zoom'], 10, 8, 12], 7)).toBe(10);
    expect(smallestSize(['step', ['zoom'], 10, 8, 12], 9)).toBe(12);
    expect(smallestSize(['match', ['get', 'kind'], 'country', 18, 14], 5)).toBe(14);
    expect(smallestSize(['max', 28, ['*', 1.4, ['match', ['get', 'r'], 'a', 30, 13]]], 5)).toBe(28);
  });

  it('a briefing’s labels are read from the back of a room: structure and seats ≥ 28 px, the rest ≥ 20 px, text ≥ 4.5:1 on its halo', async () => {
    const { scaleSize, smallestSize } = await import('../../src/lib/map/sizes.ts');
    const { BRIEFING_LABELS, briefingMinPx } = await import('../../src/lib/ui/layout.ts');
    const { contrast } = await import('../../src/lib/ui/contrast.ts');
    const texts = catalogLayers().filter((l) => l.style.type === 'symbol' && l.style.layout?.['text-field']);
    expect(texts.map((l) => l.style.id)).toEqual(
      expect.arrayContaining(['seat-labels', 'structure-labels', 'station-labels']),
    );
    for (const { style } of texts) {
      if (style.type !== 'symbol') continue;
      const size = scaleSize(style.layout?.['text-size'] ?? 16, BRIEFING_LABELS.scale, briefingMinPx(style.id));
      for (let z = 3; z <= 14; z += 0.5)
        expect(smallestSize(size, z), `${style.id} at zoom ${z}`).toBeGreaterThanOrEqual(briefingMinPx(style.id));
      const paint = style.paint as Record<string, unknown>;
      const colours = Array.isArray(paint['text-color'])
        ? (paint['text-color'] as unknown[]).filter((x) => typeof x === 'string' && x.startsWith('#'))
        : [paint['text-color']];
      for (const c of colours)
        expect(
          contrast(String(c), String(paint['text-halo-color'] ?? '#ffffff'), Number(paint['text-opacity'] ?? 1)),
          `${style.id}: ${c} on its halo`,
        ).toBeGreaterThanOrEqual(4.5);
    }
  });
});
