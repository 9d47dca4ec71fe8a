/**
 * The layer catalog: what the map shows, grouped as a planner reads it. Each entry is the
 * one place that says everything about a layer: its titles, legend and plan tasks, and
 * for each MapLibre layer it draws, its draw order, whether it responds to clicks (and
 * before what), whether it is drawn only while something of it is lit, and which feature
 * it stands for. The style, the layer panel, the legend, clicks and highlights, and the
 * properties the tile archive carries (tilePropsOf) are all derived from this list.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import type { Lang, Text } from '../../contracts/vocab.ts';
import type { DataLayerName } from '../../contracts/layers.ts';
import { THEME, mix, type Theme } from './theme.ts';
import { MARKER_BOX, MONGOLIAN_ICON, MONGOLIAN_LABEL, type IconId } from './icons.ts';

export type GroupId = 'structure' | 'zones' | 'transport' | 'heritage' | 'ports' | 'base';

export const GROUPS: { id: GroupId; title: Text }[] = [
  { id: 'structure', title: { zh: '规划结构', en: 'Spatial structure' } },
  { id: 'zones', title: { zh: '分区', en: 'Zones' } },
  { id: 'transport', title: { zh: '交通', en: 'Transport' } },
  { id: 'heritage', title: { zh: '历史文化', en: 'Heritage' } },
  { id: 'ports', title: { zh: '口岸与开放平台', en: 'Ports & opening platforms' } },
  { id: 'base', title: { zh: '底图', en: 'Base map' } },
];

export type LegendSwatch =
  | { type: 'fill'; color: string; outline?: string; opacity?: number }
  | { type: 'line'; color: string; width: number; dash?: number[]; casing?: string }
  | { type: 'circle'; color: string; radius: number; stroke?: string }
  | { type: 'icon'; icon: IconId };

export interface LegendEntry {
  swatch: LegendSwatch;
  label: Text;
  note?: Text;
}

/** The source of the tile archive (every data layer); user overlays have sources of their own. */
export const ARCHIVE_SOURCE = 'plan';
/** A style layer's source and source-layer: a data layer of the registry, in the tile archive. */
const tiles = (layer: DataLayerName) => ({ source: ARCHIVE_SOURCE, 'source-layer': layer });

/** One MapLibre layer of an entry, with what the app needs to know about it. */
export interface CatalogLayer {
  style: LayerSpecification;
  /** draw order across the whole map, bottom to top */
  z: number;
  /** responds to clicks; the lowest number wins where layers overlap (points over lines over areas) */
  click?: number;
  /**
   * drawn only while a feature of its source-layer is selected or highlighted (a transparent
   * layer still costs a full draw every frame); a clickable one is hit-tested in the tiles
   */
  litOnly?: boolean;
  /** a property holding the id of the feature this one stands for: a click selects that one, and this lights with it */
  standsFor?: string;
  /** hidden while this entry is visible (the city fill under the opaque zones) */
  hiddenUnder?: string;
}

export interface CatalogEntry {
  id: string;
  group: GroupId;
  title: Text;
  /** shown when the map opens */
  defaultVisible: boolean;
  /** always drawn: not in the layer panel, the legend or the URL */
  always?: boolean;
  /** draws names only: nothing a legend needs to explain */
  namesOnly?: boolean;
  /**
   * how places are named, not what the map shows: a tour step's or a compared set's list of
   * layers leaves it as the viewer set it (`withViewerChoice`)
   */
  viewerChoice?: boolean;
  /** the plan's task numbers behind it (empty for context) */
  tasks: number[];
  legend: LegendEntry[];
  /** the layers it draws; ids must be unique across the catalog */
  layers: (t: Theme, lang: Lang) => CatalogLayer[];
}

const name = (lang: Lang): ExpressionSpecification => [
  'coalesce',
  ['get', lang === 'zh' ? 'name_zh' : 'name_en'],
  ['get', 'name_zh'],
];

/**
 * A name's last places round its point, tried after the sides: ports and historic districts lie
 * a few kilometres apart (满洲里's road and rail ports and its trade zone), their names beside one
 * another at a step's zoom found no room on the four sides.
 */
const CORNERS = ['top-right', 'top-left', 'bottom-right', 'bottom-left'] as const;

/** The suffix of the layers that name highlighted places below the zoom their own labels start at. */
export const LIT_LABELS = '-lit-labels';
/**
 * Names for the places a task or a tour step highlights, at zooms where their layer shows no
 * labels (e.g. step 8's historic districts at the city view). Its filter is set to the
 * highlighted ids (selection.svelte.ts → MapCore.setLitLabels); it names nothing else.
 */
function litLabels(
  z: number,
  id: string,
  sourceLayer: DataLayerName,
  t: Theme,
  lang: Lang,
  color: string,
  maxzoom: number,
): CatalogLayer {
  return {
    z,
    litOnly: true,
    style: {
      id: `${id}${LIT_LABELS}`,
      type: 'symbol',
      ...tiles(sourceLayer),
      maxzoom,
      filter: ['in', ['get', 'id'], ['literal', []]],
      layout: {
        'text-field': name(lang),
        'text-font': FONT,
        'text-size': 12,
        'text-variable-anchor': ['top', 'bottom', 'right', 'left', ...CORNERS],
        'text-radial-offset': 1.1,
        'text-max-width': 8,
      },
      paint: { ...halo(t), 'text-color': color },
    },
  };
}
/** The labels' fontstack: its glyphs are built ahead for every character the catalog's labels show (map/glyphs.ts). */
export const FONT = ['Noto Sans CJK SC'];
/**
 * Imported layers' labels: the same font, drawn by a worker for whatever characters the user's
 * data has (map/glyphs.ts). A fontstack of its own, and one a canvas can draw in should MapLibre
 * draw a cluster of it itself (its name is then the CSS family).
 */
export const IMPORT_FONT = ['Noto Sans CJK SC', 'sans-serif'];
/** The Mongolian names' layer: an entry and its one style layer (their images: icons.ts, map-options.ts; a PDF's text: print/render.ts). */
export const MONGOLIAN_NAMES = 'mongolian-names';
/** The labels' font as CSS, for what draws them on a canvas (the imported labels' glyphs, the print's text). */
export const FONT_STACK = "'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";
/** A place's name, marked "≈" where its position is approximate (a proxy or an estimate says so on the map). */
const placeName = (lang: Lang): ExpressionSpecification => [
  'case',
  ['==', ['get', 'approximate'], true],
  ['concat', '≈', name(lang)],
  name(lang),
];
/** A place's name shown only from a zoom on: no hidden glyphs to lay out, draw and collide below it. */
const labelFrom = (zoom: number, lang: Lang): ExpressionSpecification => ['step', ['zoom'], '', zoom, placeName(lang)];
/** The legend's word for "≈" (on the first entry of each layer whose labels use it). */
const APPROX_NOTE = {
  zh: '名称前“≈”：位置示意，非测绘位置',
  en: '"≈" before a name: approximate position, not surveyed',
};
/** True when the feature is selected or highlighted (feature-state). */
const sel: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];
const hl: ExpressionSpecification = ['boolean', ['feature-state', 'hl'], false];
const lit: ExpressionSpecification = ['any', sel, hl];
/** A soft disc under a point symbol that shows when the point is selected or highlighted. */
const pointHalo = (
  id: string,
  sourceLayer: DataLayerName,
  t: Theme,
  filter?: ExpressionSpecification,
): LayerSpecification => ({
  id,
  type: 'circle',
  ...tiles(sourceLayer),
  ...(filter ? { filter } : {}),
  paint: {
    'circle-radius': 16,
    'circle-color': t.highlight,
    'circle-opacity': ['case', lit, 0.75, 0],
    'circle-stroke-color': t.text,
    'circle-stroke-width': ['case', lit, 1.5, 0],
    'circle-stroke-opacity': ['case', lit, 1, 0],
  },
});
/** Each zone's colour laid over the city fill at an opacity, as a colour (see zones-fill). */
const zoneTint = (t: Theme, opacity: number): ExpressionSpecification =>
  [
    'match',
    ['get', 'id'],
    ...Object.entries(t.zone).flatMap(([id, c]) => [id, mix(c, t.cityFill, opacity)]),
    mix('#dddddd', t.cityFill, opacity),
  ] as unknown as ExpressionSpecification;
const halo = (t: Theme) => ({
  'text-color': t.text,
  'text-halo-color': t.halo,
  'text-halo-width': 1.6,
  'text-halo-blur': 0.3,
});

/**
 * A unit's English name as the city view's labels say it: without the pinyin in brackets and
 * without "Autonomous" ("Evenk (Ewenki) Autonomous Banner" → "Evenk Banner"); the card keeps
 * the whole name. A MapLibre expression: no regex there, so index-of and slice.
 */
function shortEnglish(name: ExpressionSpecification): ExpressionSpecification {
  const cut = (input: ExpressionSpecification, from: string, to: string | null): ExpressionSpecification => [
    'let',
    's',
    input,
    [
      'let',
      'i',
      ['index-of', from, ['var', 's']],
      [
        'case',
        ['<', ['var', 'i'], 0],
        ['var', 's'],
        [
          'concat',
          ['slice', ['var', 's'], 0, ['var', 'i']],
          [
            'slice',
            ['var', 's'],
            to === null ? ['+', ['var', 'i'], from.length] : ['+', ['index-of', to, ['var', 's']], to.length],
          ],
        ],
      ],
    ],
  ];
  return cut(cut(name, ' (', ')'), ' Autonomous', null);
}

export const CATALOG: CatalogEntry[] = [
  // ------------------------------------------------------------------ 底图
  {
    id: 'context-water',
    group: 'base',
    defaultVisible: true,
    tasks: [],
    title: { zh: '水系', en: 'Rivers & lakes' },
    legend: [
      { swatch: { type: 'fill', color: THEME.water }, label: { zh: '湖泊', en: 'Lake' } },
      {
        swatch: { type: 'line', color: THEME.waterLine, width: 2 },
        label: { zh: '河流（GSHHG 1–4级）', en: 'River (GSHHG levels 1–4)' },
      },
    ],
    layers: (t, lang) => [
      {
        z: 30,
        style: {
          id: 'rivers',
          type: 'line',
          ...tiles('rivers'),
          paint: {
            'line-color': t.waterLine,
            'line-width': [
              'interpolate',
              ['linear'],
              ['zoom'],
              4,
              ['match', ['get', 'level'], 1, 1.2, 2, 0.9, 0.5],
              10,
              ['match', ['get', 'level'], 1, 3, 2, 2.2, 1.2],
            ],
          },
          layout: { 'line-join': 'round', 'line-cap': 'round' },
        },
      },
      { z: 32, click: 9, style: { id: 'lakes', type: 'fill', ...tiles('lakes'), paint: { 'fill-color': t.water } } },
      {
        z: 34,
        style: {
          id: 'water-labels',
          type: 'symbol',
          ...tiles('context_labels'),
          filter: ['==', ['get', 'kind'], 'river'],
          minzoom: 7,
          layout: { 'text-field': name(lang), 'text-font': FONT, 'text-size': 12, 'text-letter-spacing': 0.1 },
          paint: { 'text-color': '#2f6690', 'text-halo-color': t.halo, 'text-halo-width': 1.2 },
        },
      },
      {
        z: 36,
        style: {
          id: 'lake-labels',
          type: 'symbol',
          ...tiles('context_labels'),
          filter: ['==', ['get', 'kind'], 'lake'],
          minzoom: 6.5,
          layout: { 'text-field': name(lang), 'text-font': FONT, 'text-size': 12 },
          paint: { 'text-color': '#2f6690', 'text-halo-color': t.halo, 'text-halo-width': 1.2 },
        },
      },
    ],
  },
  {
    id: 'context-borders',
    group: 'base',
    defaultVisible: true,
    tasks: [],
    title: { zh: '国界与邻区', en: 'Borders & neighbours' },
    legend: [
      {
        swatch: { type: 'line', color: THEME.border, width: 2, dash: [4, 1.5, 1, 1.5] },
        label: { zh: '国界（沿市界；市外为 GSHHG）', en: 'International boundary (the city outline; GSHHG beyond it)' },
      },
    ],
    layers: (t, lang) => [
      {
        z: 60,
        style: {
          id: 'borders',
          type: 'line',
          ...tiles('borders'),
          paint: {
            'line-color': t.border,
            'line-width': ['interpolate', ['linear'], ['zoom'], 4, 1.2, 10, 2.6],
            'line-dasharray': [4, 1.5, 1, 1.5],
          },
        },
      },
      {
        z: 62,
        style: {
          id: 'country-labels',
          type: 'symbol',
          ...tiles('context_labels'),
          filter: ['!', ['in', ['get', 'kind'], ['literal', ['river', 'lake']]]],
          layout: {
            'text-field': name(lang),
            'text-font': FONT,
            'text-size': ['match', ['get', 'kind'], 'country', 18, 14],
            'text-letter-spacing': 0.3,
          },
          paint: { 'text-color': '#57534e', 'text-halo-color': t.background, 'text-halo-width': 1.5 },
        },
      },
    ],
  },
  {
    id: 'units',
    group: 'base',
    defaultVisible: true,
    tasks: [],
    title: { zh: '行政区划（14个旗市区）', en: 'Administrative units (14)' },
    legend: [
      {
        swatch: { type: 'fill', color: THEME.cityFill, outline: THEME.cityLine },
        label: { zh: '呼伦贝尔市界', en: 'City boundary' },
      },
      {
        swatch: { type: 'line', color: THEME.unitLine, width: 1 },
        label: { zh: '旗市区界', en: 'Banner / city / district boundary' },
      },
    ],
    layers: (t) => [
      {
        z: 22,
        click: 10,
        litOnly: true,
        style: {
          id: 'units-fill',
          type: 'fill',
          ...tiles('units'),
          paint: { 'fill-color': t.highlight, 'fill-opacity': ['case', sel, 0.4, hl, 0.32, 0] },
        },
      },
      {
        z: 40,
        style: {
          id: 'units-line',
          type: 'line',
          ...tiles('units'),
          paint: {
            'line-color': ['case', lit, t.text, t.unitLine],
            'line-width': ['interpolate', ['linear'], ['zoom'], 4, ['case', lit, 2.2, 0.6], 10, ['case', lit, 4, 1.6]],
          },
        },
      },
    ],
  },
  // The units' names at their seats, for a map without the plan's towns (the compare map's
  // "today" side); off on the main map, whose seat labels already say them.
  {
    id: 'unit-names',
    group: 'base',
    defaultVisible: false,
    tasks: [],
    title: { zh: '旗市区名称（标于驻地）', en: 'Unit names (at their seats)' },
    namesOnly: true,
    legend: [],
    layers: (t, lang) => [
      {
        z: 95,
        style: {
          id: 'unit-names',
          type: 'symbol',
          ...tiles('structure_points'),
          filter: ['==', ['get', 'kind'], 'seat'],
          layout: {
            'text-field': ['coalesce', ['get', lang === 'zh' ? 'unit_zh' : 'unit_en'], ['get', 'unit_zh']],
            'text-font': FONT,
            'text-size': ['interpolate', ['linear'], ['zoom'], 4, 12, 10, 15],
            'text-max-width': 8,
          },
          paint: { ...halo(t), 'text-color': t.text },
        },
      },
    ],
  },
  // The units' names in Mongolian script, beside their seats, as Inner Mongolia writes public
  // names in both scripts: each an image of the name written vertically (MapLibre cannot shape
  // the script: icons.ts draws it with the browser's shaper, in the names' font). Placed after
  // the units' Chinese names (seat and structure labels), before the stations', ports' and
  // heritage's: a Mongolian name gives way to the Chinese, not to lesser labels.
  {
    id: MONGOLIAN_NAMES,
    group: 'base',
    defaultVisible: true,
    tasks: [],
    title: { zh: '蒙古文地名', en: 'Names in Mongolian' },
    namesOnly: true,
    viewerChoice: true,
    legend: [],
    layers: (t) => [
      {
        z: 93,
        style: {
          id: MONGOLIAN_NAMES,
          type: 'symbol',
          ...tiles('structure_points'),
          filter: ['all', ['==', ['get', 'kind'], 'seat'], ['has', 'unit_mn']],
          layout: {
            'icon-image': ['concat', MONGOLIAN_ICON, ['get', 'unit_mn']],
            // above and to the left of the seat (the Chinese names mostly sit below it), as the
            // rule puts Mongolian before Chinese; drawn at the Chinese labels' size (icons.ts) — in a
            // briefing at least 20 px of type, every label's floor, where the seats' Chinese take 28
            // (map-options labelSizes; a name runs down as far as 7 em)
            'icon-anchor': 'bottom-right',
            'icon-offset': [...MONGOLIAN_LABEL.offset],
            'icon-size': ['interpolate', ['linear'], ['zoom'], 4, 0.85, 10, 1.05],
            'icon-padding': 2,
          },
          // no text: the colour only keeps every symbol layer on one shader program (style.ts)
          paint: { 'text-color': t.text },
        },
      },
    ],
  },
  // ------------------------------------------------------------------ 分区
  {
    id: 'zones',
    group: 'zones',
    defaultVisible: true,
    tasks: [3],
    title: { zh: '岭西、岭上分区', en: 'Lingxi & Lingshang zones' },
    legend: [
      {
        swatch: { type: 'fill', color: THEME.zone['zone-lingxi'], opacity: 0.55 },
        label: { zh: '岭西地区：牧业现代化示范区', en: 'Lingxi: model zone of modern herding' },
        note: {
          zh: '含鄂温克族自治旗其他镇；旗府巴彦托海镇属一核（镇界示意）',
          en: "The Evenk banner's other towns; its seat town is in the core (schematic)",
        },
      },
      {
        swatch: { type: 'fill', color: THEME.zone['zone-lingshang'], opacity: 0.55 },
        label: { zh: '岭上地区：人与自然和谐共生典范区', en: 'Lingshang: model of harmony with nature' },
      },
      {
        swatch: { type: 'fill', color: THEME.zone['zone-rest'], opacity: 0.55 },
        label: { zh: '岭西、岭上以外（方案未单列分区）', en: 'Outside Lingxi and Lingshang (not a zone of the plan)' },
        note: { zh: '一核与两极见“一核两极”图层', en: 'The core and the poles: see "Core and two poles"' },
      },
    ],
    layers: (t, lang) => [
      // Opaque, with the zone tint already laid over the city's fill (55 %, 90 % when lit): the
      // zones cover the city, so the city fill underneath is not drawn while they show.
      {
        z: 20,
        click: 12,
        style: {
          id: 'zones-fill',
          type: 'fill',
          ...tiles('zones'),
          paint: { 'fill-color': ['case', lit, zoneTint(t, 0.9), zoneTint(t, 0.55)] },
        },
      },
      {
        z: 24,
        litOnly: true,
        style: {
          id: 'zones-line',
          type: 'line',
          ...tiles('zones'),
          paint: { 'line-color': t.text, 'line-width': 3, 'line-opacity': ['case', lit, 0.9, 0] },
        },
      },
      {
        z: 26,
        style: {
          id: 'zone-labels',
          type: 'symbol',
          ...tiles('zone_labels'),
          filter: ['==', ['get', 'named_in_plan'], true],
          maxzoom: 8,
          layout: {
            'text-field': name(lang),
            'text-font': FONT,
            'text-size': ['interpolate', ['linear'], ['zoom'], 4, 15, 7, 22],
            'text-letter-spacing': 0.3,
            'text-padding': 4,
            'text-variable-anchor': ['center', 'bottom', 'top'],
            'text-radial-offset': 1,
          },
          paint: {
            'text-color': '#57534e',
            'text-opacity': 0.8,
            'text-halo-color': 'rgba(255,255,255,0.6)',
            'text-halo-width': 1.5,
          },
        },
      },
    ],
  },
  // ------------------------------------------------------------------ 规划结构
  {
    id: 'structure-areas',
    group: 'structure',
    defaultVisible: true,
    tasks: [1, 2],
    title: { zh: '一核两极', en: 'Core and two poles' },
    legend: [
      {
        swatch: { type: 'line', color: THEME.core, width: 3.5 },
        label: {
          zh: '一核：呼伦贝尔中心城区（海拉尔区＋巴彦托海镇，镇界示意）',
          en: 'Core: central city (Hailar + Bayantuohai Town, its extent schematic)',
        },
      },
      {
        swatch: { type: 'line', color: THEME.pole, width: 3 },
        label: { zh: '两极：满洲里市；扎兰屯市—阿荣旗', en: 'Two poles: Manzhouli; Zalantun–Arun' },
      },
    ],
    layers: (t) => [
      {
        z: 50,
        click: 11,
        style: {
          id: 'structure-fill',
          type: 'fill',
          ...tiles('structure_areas'),
          paint: {
            'fill-color': ['match', ['get', 'role'], 'core', t.core, t.pole],
            'fill-opacity': ['case', lit, 0.32, 0.12],
          },
        },
      },
      {
        z: 52,
        style: {
          id: 'structure-line',
          type: 'line',
          ...tiles('structure_areas'),
          paint: {
            'line-color': ['match', ['get', 'role'], 'core', t.core, t.pole],
            'line-width': ['match', ['get', 'role'], 'core', 3.5, 3],
            'line-opacity': 0.9,
          },
          layout: { 'line-join': 'round' },
        },
      },
    ],
  },
  {
    id: 'structure-points',
    group: 'structure',
    defaultVisible: true,
    tasks: [1, 2, 3],
    title: { zh: '城镇节点（多点）', en: 'Towns (the many points)' },
    legend: [
      { swatch: { type: 'circle', color: THEME.core, radius: 8, stroke: '#fff' }, label: { zh: '一核', en: 'Core' } },
      {
        swatch: { type: 'circle', color: THEME.pole, radius: 7, stroke: '#fff' },
        label: { zh: '发展极', en: 'Growth pole' },
      },
      {
        swatch: { type: 'circle', color: THEME.poleLinked, radius: 5.5, stroke: '#fff' },
        label: { zh: '发展极带动（扎赉诺尔区、莫力达瓦城镇带）', en: 'Linked to a pole' },
      },
      {
        swatch: { type: 'circle', color: THEME.point, radius: 4.5, stroke: '#fff' },
        label: { zh: '多点：旗市区中心城镇', en: 'Point: banner / city seat' },
      },
      {
        swatch: { type: 'icon', icon: 'icon-devzone' },
        label: { zh: '呼伦贝尔经济技术开发区（位置示意）', en: 'Economic & technological development zone (approx.)' },
      },
    ],
    layers: (t, lang) => [
      {
        z: 90,
        click: 1,
        standsFor: 'unit_id',
        style: {
          id: 'seats',
          type: 'circle',
          ...tiles('structure_points'),
          filter: ['==', ['get', 'kind'], 'seat'],
          paint: {
            'circle-color': [
              'match',
              ['get', 'role'],
              'core',
              t.core,
              'pole',
              t.pole,
              'pole_linked',
              t.poleLinked,
              t.point,
            ],
            'circle-radius': [
              'interpolate',
              ['linear'],
              ['zoom'],
              4,
              ['match', ['get', 'role'], 'core', 7, 'pole', 6, 'pole_linked', 4.5, 3.5],
              10,
              ['match', ['get', 'role'], 'core', 12, 'pole', 10, 'pole_linked', 8, 6],
            ],
            'circle-stroke-color': ['case', lit, t.highlight, '#ffffff'],
            'circle-stroke-width': ['case', lit, 4, 1.5],
          },
        },
      },
      {
        z: 92,
        litOnly: true,
        style: pointHalo('devzone-halo', 'structure_points', t, ['==', ['get', 'kind'], 'development_zone']),
      },
      {
        z: 94,
        click: 2,
        style: {
          id: 'devzone',
          type: 'symbol',
          ...tiles('structure_points'),
          filter: ['==', ['get', 'kind'], 'development_zone'],
          minzoom: 8,
          layout: {
            'icon-image': 'icon-devzone',
            'icon-size': 0.5,
            'text-field': name(lang),
            'text-font': FONT,
            'text-size': 11,
            'text-offset': [0, 1.1],
            'text-anchor': 'top',
            'text-optional': true,
          },
          paint: halo(t),
        },
      },
      {
        z: 96,
        style: {
          id: 'seat-labels',
          type: 'symbol',
          ...tiles('structure_points'),
          filter: [
            'all',
            ['==', ['get', 'kind'], 'seat'],
            ['!', ['in', ['get', 'role'], ['literal', ['core', 'pole']]]],
          ],
          layout: {
            'text-field': ['coalesce', ['get', lang === 'zh' ? 'unit_zh' : 'unit_en'], ['get', 'unit_zh']],
            'text-font': FONT,
            'text-size': ['interpolate', ['linear'], ['zoom'], 4, 12, 10, 15],
            'text-variable-anchor': ['top', 'bottom', 'left', 'right'],
            'text-radial-offset': 0.9,
            'text-justify': 'auto',
            'text-max-width': 8,
            'symbol-sort-key': ['match', ['get', 'role'], 'pole_linked', 2, 3],
          },
          paint: { ...halo(t), 'text-color': t.text },
        },
      },
      // The structure's own labels (core and poles): placed first (the top symbol layer), each
      // with its marker's box in the collision index (an empty icon the marker's size), so no
      // label of the five covers another's text or marker, nor does any other label; each tries
      // its sides in order (鄂温克 above or beside 海拉尔; 扎兰屯 to the lower left of 阿荣旗), the
      // most constrained first (symbol-sort-key). The sizes test holds all five at the city view.
      {
        z: 98,
        style: {
          id: 'structure-labels',
          type: 'symbol',
          ...tiles('structure_points'),
          filter: ['all', ['==', ['get', 'kind'], 'seat'], ['in', ['get', 'role'], ['literal', ['core', 'pole']]]],
          layout: {
            'text-field':
              lang === 'zh' ? ['get', 'unit_zh'] : shortEnglish(['coalesce', ['get', 'unit_en'], ['get', 'unit_zh']]),
            'text-font': FONT,
            'text-size': [
              'interpolate',
              ['linear'],
              ['zoom'],
              4,
              ['match', ['get', 'role'], 'core', 13.5, 13],
              10,
              ['match', ['get', 'role'], 'core', 20, 18],
            ],
            'icon-image': MARKER_BOX,
            'icon-size': ['interpolate', ['linear'], ['zoom'], 4, 0.9, 10, 1.5],
            'icon-allow-overlap': true,
            'text-variable-anchor-offset': [
              'match',
              ['get', 'unit_id'],
              // 鄂温克 under 海拉尔 (the core's two parts named together), else beside it
              'unit-150724',
              [
                'literal',
                [
                  'top',
                  [0, 2.1],
                  'top-left',
                  [0.3, 2.1],
                  'top-right',
                  [-0.3, 2.1],
                  'bottom',
                  [0, -0.8],
                  'bottom-left',
                  [0.6, -0.6],
                  'right',
                  [-0.9, 0.4],
                  'left',
                  [0.9, 0],
                ],
              ],
              'unit-150783',
              ['literal', ['top-right', [-0.3, 0.5], 'right', [-0.9, 0], 'top', [0, 0.8]]],
              // 阿荣旗 above its marker: to its right it ran off a phone's screen
              'unit-150721',
              ['literal', ['bottom', [0, -0.8], 'left', [0.8, 0], 'top-left', [0.5, 0.5]]],
              'unit-150781',
              ['literal', ['top', [0, 0.8], 'bottom', [0, -0.8], 'top-right', [-0.3, 0.6]]],
              ['literal', ['top', [0, 0.8], 'top-left', [0.3, 0.6], 'top-right', [-0.3, 0.6]]],
            ],
            'symbol-sort-key': [
              'match',
              ['get', 'unit_id'],
              'unit-150702',
              0,
              'unit-150781',
              1,
              'unit-150783',
              2,
              'unit-150721',
              3,
              4,
            ],
            'text-justify': 'auto',
            'text-max-width': 9,
            'text-padding': 0,
          },
          paint: { ...halo(t), 'text-color': ['match', ['get', 'role'], 'core', t.core, '#9a4d00'] },
        },
      },
    ],
  },
  // ------------------------------------------------------------------ 交通
  {
    id: 'rail',
    group: 'transport',
    defaultVisible: true,
    tasks: [10],
    title: { zh: '铁路（示意）', en: 'Railways (schematic)' },
    legend: [
      {
        swatch: { type: 'line', color: THEME.rail.existing, width: 3, casing: THEME.rail.casing },
        label: { zh: '既有铁路', en: 'Existing railway' },
        note: APPROX_NOTE,
      },
      {
        swatch: { type: 'line', color: THEME.rail.upgrade, width: 3.5 },
        label: { zh: '升级改造：乌兰浩特—阿尔山—海拉尔', en: 'Upgrade: Ulanhot–Arxan–Hailar' },
      },
      {
        swatch: { type: 'line', color: THEME.rail.planned, width: 3.5, dash: [2, 1.2] },
        label: { zh: '规划：“齐海满”高铁', en: 'Planned: Qiqihar–Hailar–Manzhouli HSR' },
      },
      {
        swatch: { type: 'circle', color: '#ffffff', radius: 5, stroke: THEME.rail.planned },
        label: {
          zh: '规划：伊尔施至满洲里铁路（走向未知，只标起讫点）',
          en: "Planned: Yi'ershi–Manzhouli (route unknown: ends only)",
        },
      },
      {
        swatch: { type: 'line', color: THEME.rail.uncertain, width: 2, dash: [1, 1] },
        label: { zh: '状态未核实', en: 'Status unverified' },
      },
    ],
    layers: (t, lang) => [
      {
        z: 70,
        click: 8,
        style: {
          id: 'rail-casing',
          type: 'line',
          ...tiles('rail_lines'),
          filter: ['==', ['get', 'status'], 'existing'],
          paint: { 'line-color': t.rail.existing, 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 2.5, 10, 5] },
          layout: { 'line-join': 'round' },
        },
      },
      // All statuses in one layer (colour, width and dashes per feature): one draw per tile, not four.
      {
        z: 72,
        click: 7,
        style: {
          id: 'rail',
          type: 'line',
          ...tiles('rail_lines'),
          paint: {
            'line-color': [
              'match',
              ['get', 'status'],
              'existing',
              t.rail.casing,
              'upgrade',
              t.rail.upgrade,
              'planned',
              t.rail.planned,
              t.rail.uncertain,
            ],
            'line-width': [
              'interpolate',
              ['linear'],
              ['zoom'],
              4,
              ['match', ['get', 'status'], 'existing', 1, 'uncertain', 2, ['case', lit, 6, 2.5]],
              10,
              ['match', ['get', 'status'], 'existing', 2.5, 'uncertain', 2, ['case', lit, 9, 5]],
            ],
            'line-dasharray': [
              'match',
              ['get', 'status'],
              'existing',
              ['literal', [3, 3]],
              'planned',
              ['literal', [2, 1.2]],
              'uncertain',
              ['literal', [1, 1]],
              ['literal', [1, 0]],
            ],
          },
        },
      },
      // A planned line whose route no source gives: its two ends, as rings in the planned colour.
      {
        z: 73,
        click: 5.5,
        style: {
          id: 'rail-ends',
          type: 'circle',
          ...tiles('rail_lines'),
          filter: ['==', ['get', 'alignment'], 'unknown'],
          paint: {
            'circle-radius': ['interpolate', ['linear'], ['zoom'], 4, ['case', lit, 7, 4.5], 10, ['case', lit, 10, 7]],
            'circle-color': '#ffffff',
            'circle-stroke-color': t.rail.planned,
            'circle-stroke-width': ['case', lit, 4, 2.5],
          },
        },
      },
      {
        z: 74,
        click: 6,
        style: {
          id: 'stations',
          type: 'circle',
          ...tiles('rail_stations'),
          minzoom: 7,
          filter: ['==', ['get', 'kind'], 'station'],
          paint: {
            'circle-radius': 3.5,
            'circle-color': '#ffffff',
            'circle-stroke-color': [
              'match',
              ['get', 'status'],
              'planned',
              t.rail.planned,
              'upgrade',
              t.rail.upgrade,
              t.rail.existing,
            ],
            'circle-stroke-width': 1.8,
          },
        },
      },
      {
        z: 76,
        style: {
          id: 'station-labels',
          type: 'symbol',
          ...tiles('rail_stations'),
          minzoom: 8,
          filter: ['==', ['get', 'kind'], 'station'],
          layout: {
            'text-field': placeName(lang),
            'text-font': FONT,
            'text-size': 11,
            'text-offset': [0, 0.9],
            'text-anchor': 'top',
            'text-optional': true,
          },
          paint: { ...halo(t), 'text-color': t.textMuted },
        },
      },
    ],
  },
  // ------------------------------------------------------------------ 历史文化
  {
    id: 'heritage',
    group: 'heritage',
    defaultVisible: true,
    tasks: [13],
    title: { zh: '历史文化街区与名镇', en: 'Historic districts & towns' },
    legend: [
      {
        swatch: { type: 'icon', icon: 'icon-heritage-district' },
        label: { zh: '历史文化街区（5处）', en: 'Historic district (5)' },
        note: APPROX_NOTE,
      },
      {
        swatch: { type: 'icon', icon: 'icon-heritage-town' },
        label: { zh: '历史文化名镇名村（博克图、呼和诺尔、奇乾）', en: 'Historic town / village' },
      },
      {
        swatch: { type: 'icon', icon: 'icon-historic-city' },
        label: { zh: '扎兰屯市申报历史文化名城', en: 'Zalantun: applying as historic city' },
      },
    ],
    layers: (t, lang) => [
      { z: 86, litOnly: true, style: pointHalo('heritage-halo', 'heritage', t) },
      {
        z: 88,
        click: 3,
        style: {
          id: 'heritage-points',
          type: 'symbol',
          ...tiles('heritage'),
          layout: {
            'icon-image': [
              'match',
              ['get', 'kind'],
              'historic_district',
              'icon-heritage-district',
              'historic_town',
              'icon-heritage-town',
              'icon-historic-city',
            ],
            'icon-size': ['interpolate', ['linear'], ['zoom'], 4, 0.45, 10, 0.75],
            'icon-allow-overlap': true,
            'icon-offset': [
              'match',
              ['get', 'kind'],
              'historic_city_candidate',
              ['literal', [22, -22]],
              ['literal', [0, 0]],
            ],
            'text-field': labelFrom(8, lang),
            'text-font': FONT,
            'text-size': 11,
            'text-optional': true,
            'text-variable-anchor': ['right', 'left', 'top', 'bottom', ...CORNERS],
            'text-radial-offset': 1.1,
            'text-max-width': 9,
            'symbol-sort-key': 5,
          },
          paint: { ...halo(t), 'text-color': '#5b21b6' },
        },
      },
      litLabels(97, 'heritage', 'heritage', t, lang, '#5b21b6', 8),
    ],
  },
  // ------------------------------------------------------------------ 口岸与开放平台
  {
    id: 'ports',
    group: 'ports',
    defaultVisible: true,
    tasks: [2, 3, 10],
    title: { zh: '口岸与互市贸易区', en: 'Land ports & border trade zone' },
    legend: [
      { swatch: { type: 'icon', icon: 'icon-port' }, label: { zh: '陆路口岸', en: 'Land port' }, note: APPROX_NOTE },
      {
        swatch: { type: 'icon', icon: 'icon-trade-zone' },
        label: { zh: '中俄互市贸易区', en: 'Sino-Russian border trade zone' },
      },
    ],
    layers: (t, lang) => [
      { z: 80, litOnly: true, style: pointHalo('ports-halo', 'ports', t, ['!=', ['get', 'kind'], 'airport']) },
      {
        z: 82,
        click: 4,
        style: {
          id: 'ports-points',
          type: 'symbol',
          ...tiles('ports'),
          filter: ['!=', ['get', 'kind'], 'airport'],
          layout: {
            'icon-image': ['match', ['get', 'kind'], 'trade_zone', 'icon-trade-zone', 'icon-port'],
            'icon-size': ['interpolate', ['linear'], ['zoom'], 4, 0.4, 10, 0.65],
            'icon-allow-overlap': true,
            'text-field': labelFrom(7, lang),
            'text-font': FONT,
            'text-size': 11,
            'text-optional': true,
            'text-variable-anchor': ['left', 'right', 'top', 'bottom', ...CORNERS],
            'text-radial-offset': 1,
            'text-max-width': 8,
          },
          paint: { ...halo(t), 'text-color': t.port },
        },
      },
      litLabels(97.5, 'ports', 'ports', t, lang, t.port, 7),
    ],
  },
  {
    id: 'airports',
    group: 'ports',
    defaultVisible: true,
    tasks: [],
    title: { zh: '机场', en: 'Airports' },
    legend: [
      { swatch: { type: 'icon', icon: 'icon-airport' }, label: { zh: '机场', en: 'Airport' }, note: APPROX_NOTE },
    ],
    layers: (t, lang) => [
      {
        z: 84,
        click: 5,
        style: {
          id: 'airports-points',
          type: 'symbol',
          ...tiles('ports'),
          filter: ['==', ['get', 'kind'], 'airport'],
          layout: {
            'icon-image': 'icon-airport',
            'icon-size': ['interpolate', ['linear'], ['zoom'], 4, 0.4, 10, 0.65],
            'icon-allow-overlap': false,
            'text-field': labelFrom(8, lang),
            'text-font': FONT,
            'text-size': 11,
            'text-optional': true,
            'text-anchor': 'top',
            'text-offset': [0, 1.1],
            'text-max-width': 8,
          },
          paint: { ...halo(t), 'text-color': t.airport },
        },
      },
    ],
  },
  // ------------------------------------------------------------------ always drawn
  {
    id: 'city',
    group: 'base',
    defaultVisible: true,
    always: true,
    tasks: [],
    title: { zh: '呼伦贝尔市', en: 'Hulunbuir City' },
    legend: [],
    layers: (t) => [
      // Under the zones, which are opaque and cover the city: drawn only without them.
      {
        z: 10,
        hiddenUnder: 'zones',
        style: { id: 'city-fill', type: 'fill', ...tiles('city'), paint: { 'fill-color': t.cityFill } },
      },
      // The city outline stays on top of the tints and the unit lines.
      {
        z: 42,
        style: {
          id: 'city-line',
          type: 'line',
          ...tiles('city'),
          paint: { 'line-color': t.cityLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 1.6, 10, 3.5] },
        },
      },
    ],
  },
  {
    id: 'annotations',
    group: 'base',
    defaultVisible: true,
    always: true,
    tasks: [],
    title: { zh: '导览标注', en: 'Tour annotations' },
    legend: [],
    // Drawn in a tour (pen, arrow, highlighter): on top of everything, empty until someone draws.
    layers: (t) => [
      {
        z: 100,
        style: {
          id: 'annot-highlight',
          type: 'line',
          source: 'annotations',
          filter: ['==', ['get', 'tool'], 'highlight'],
          paint: { 'line-color': t.highlight, 'line-width': 18, 'line-opacity': 0.55 },
          layout: { 'line-cap': 'round', 'line-join': 'round' },
        },
      },
      {
        z: 102,
        style: {
          id: 'annot-pen',
          type: 'line',
          source: 'annotations',
          filter: ['!=', ['get', 'tool'], 'highlight'],
          paint: { 'line-color': t.core, 'line-width': 4 },
          layout: { 'line-cap': 'round', 'line-join': 'round' },
        },
      },
    ],
  },
  {
    id: 'tools',
    group: 'base',
    defaultVisible: true,
    always: true,
    tasks: [],
    title: { zh: '量测与查询', en: 'Measurements and queries' },
    legend: [],
    // The planners' tools (lib/tools): measured paths and areas, buffers, their labels. On top.
    layers: (t) => {
      const role = (...roles: string[]): ExpressionSpecification => ['in', ['get', 'role'], ['literal', roles]];
      return [
        {
          z: 110,
          style: {
            id: 'tools-fill',
            type: 'fill',
            source: 'tools',
            filter: role('buffer', 'measure-area'),
            paint: { 'fill-color': t.tool, 'fill-opacity': 0.12 },
          },
        },
        {
          z: 111,
          style: {
            id: 'tools-buffer-line',
            type: 'line',
            source: 'tools',
            filter: role('buffer'),
            paint: { 'line-color': t.tool, 'line-width': 2, 'line-dasharray': [3, 2] },
          },
        },
        {
          z: 112,
          style: {
            id: 'tools-line',
            type: 'line',
            source: 'tools',
            filter: role('measure-line', 'measure-area', 'preview'),
            paint: { 'line-color': t.tool, 'line-width': 3 },
            layout: { 'line-cap': 'round', 'line-join': 'round' },
          },
        },
        {
          z: 113,
          style: {
            id: 'tools-point',
            type: 'circle',
            source: 'tools',
            filter: role('vertex', 'origin'),
            paint: {
              'circle-radius': ['match', ['get', 'role'], 'origin', 7, 5],
              'circle-color': '#ffffff',
              'circle-stroke-color': t.tool,
              'circle-stroke-width': 2.5,
            },
          },
        },
        {
          z: 114,
          style: {
            id: 'tools-label',
            type: 'symbol',
            source: 'tools',
            filter: ['has', 'label'],
            layout: {
              'text-field': ['get', 'label'],
              'text-font': FONT,
              'text-size': 13,
              'text-allow-overlap': true,
              'text-ignore-placement': true,
              'text-anchor': ['match', ['geometry-type'], 'Point', 'bottom', 'center'],
              'text-offset': [0, -0.6],
              'symbol-placement': 'point',
            },
            paint: { 'text-color': t.tool, 'text-halo-color': '#ffffff', 'text-halo-width': 2 },
          },
        },
      ];
    },
  },
];

/** Entries a user can switch (the layer panel, the URL's `l=`, tours). */
export const TOGGLABLE = CATALOG.filter((c) => !c.always);
export const DEFAULT_VISIBLE = TOGGLABLE.filter((c) => c.defaultVisible).map((c) => c.id);

/** A set of layers to show (a tour step's, a compared side's), with the viewer's choices among `visible` kept. */
export function withViewerChoice(layers: readonly string[], visible: readonly string[]): string[] {
  const kept = TOGGLABLE.filter((c) => c.viewerChoice && visible.includes(c.id) && !layers.includes(c.id));
  return [...layers, ...kept.map((c) => c.id)];
}

/** The title of a source-layer of the archive: the titles of the entries that draw it ("Ports · Airports"). */
export function layerTitle(sourceLayer: string): Text {
  const entries = CATALOG.filter((e) => e.layers(THEME, 'zh').some((l) => sourceLayerOf(l.style) === sourceLayer));
  const zh = [...new Set(entries.map((e) => e.title.zh))].join('、');
  const en = [...new Set(entries.map((e) => e.title.en))].join(' · ');
  return { zh: zh || sourceLayer, en: en || sourceLayer };
}

/** Every layer of the catalog with its entry, in draw order (bottom to top). */
export function catalogLayers(t: Theme = THEME, lang: Lang = 'zh'): (CatalogLayer & { entry: CatalogEntry })[] {
  return CATALOG.flatMap((entry) => entry.layers(t, lang).map((l) => ({ ...l, entry }))).sort((a, b) => a.z - b.z);
}

/**
 * Layers the app adds while it runs, placed in the catalog's draw order like its own: the
 * join's colouring of the units (over their fill and the water, under their lines) and the
 * planner's imported layers (over the plan, under the tools' drawings).
 */
export const RUNTIME_Z = { choropleth: 39, imported: 100 } as const;

/** The id of the catalog layer a layer drawn at `z` goes under (the lowest above it in the map), or undefined: on top. */
export function beforeLayerAt(z: number, has: (id: string) => boolean): string | undefined {
  return catalogLayers().find((l) => l.z > z && has(l.style.id))?.style.id;
}

/** Whether a layer is drawn for the visible entries, given whether a feature of its source-layer is lit. */
export function layerVisible(
  l: CatalogLayer & { entry: CatalogEntry },
  visible: ReadonlySet<string>,
  lit = false,
): boolean {
  if (!l.entry.always && !visible.has(l.entry.id)) return false;
  if (l.hiddenUnder && visible.has(l.hiddenUnder)) return false;
  return l.litOnly ? lit : true;
}

/** The source-layer of a layer drawn from the tile archive, or null. */
export const sourceLayerOf = (s: LayerSpecification): string | null =>
  'source' in s && s.source === ARCHIVE_SOURCE && 'source-layer' in s && typeof s['source-layer'] === 'string'
    ? s['source-layer']
    : null;

/** Feature properties an expression reads (`get` and `has` with a literal name). */
function propsRead(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    if ((value[0] === 'get' || value[0] === 'has') && typeof value[1] === 'string' && value.length === 2)
      out.add(value[1]);
    for (const v of value) propsRead(v, out);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) propsRead(v, out);
  }
  return out;
}

/**
 * The tile archive's contract: for each source-layer the catalog draws, the properties its
 * tiles must carry — `id` (feature state and cards), every property a layer of it reads in
 * either language, and the property a feature stands for. The pipeline writes exactly these.
 */
export function tilePropsOf(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const lang of ['zh', 'en'] as const) {
    for (const l of catalogLayers(THEME, lang)) {
      const sl = sourceLayerOf(l.style);
      if (!sl) continue;
      const props = out.get(sl) ?? new Set(['id']);
      const s = l.style as { filter?: unknown; layout?: unknown; paint?: unknown };
      propsRead([s.filter, s.layout, s.paint], props);
      if (l.standsFor) props.add(l.standsFor);
      out.set(sl, props);
    }
  }
  return out;
}

/**
 * What the catalog's labels can show, for the glyphs built ahead (scripts/data/glyphs.ts): for
 * each source-layer, the properties its text fields read (either language), and every string
 * the text fields hold themselves ("≈", separators). The `tools` labels (lengths, areas) are the
 * build's to add: they come from the app's own formatting, not from the tiles.
 */
export function labelTextOf(): { props: Map<string, Set<string>>; literals: string } {
  const props = new Map<string, Set<string>>();
  let literals = '';
  for (const lang of ['zh', 'en'] as const) {
    for (const l of catalogLayers(THEME, lang)) {
      const field = (l.style as { layout?: Record<string, unknown> }).layout?.['text-field'];
      if (field === undefined) continue;
      literals += JSON.stringify(field);
      const sl = sourceLayerOf(l.style);
      if (!sl) continue;
      props.set(sl, propsRead(field, props.get(sl)));
    }
  }
  return { props, literals };
}
