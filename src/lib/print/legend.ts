/** The legend of what is shown: the catalog entries visible, each with its legend lines. */
import type { Text } from '../../contracts/vocab.ts';
import { CATALOG, type LegendEntry, type LegendSwatch } from '../map/catalog.ts';
import { type Legend, SIZE_RANGE } from '../import/table.ts';

export interface LegendGroup {
  title: Text;
  items: LegendEntry[];
}

/** A planner's imported layer as the legend needs it (the import's ImportedMeta has these). */
export interface OwnLayer {
  name: string;
  colour: string;
  count: number;
  kinds: { points: number; lines: number; polygons: number };
  /** drawn by a filter: how many features meet it */
  filter?: readonly unknown[];
  matched?: number;
  /** coloured by a field (the attribute table's style): its legend */
  legend?: Legend | null;
  /** points sized by a number field, and its range */
  sizeBy?: { field: string; min: number; max: number } | null;
}

/** A colouring of the map by the planner's data (the join's choropleth): its title and colours. */
export interface Colouring {
  title: Text;
  stops: { colour: string; label: Text }[];
}

/** The plan's layers shown, then the user's own (said to be theirs, not the plan's) and their colourings. */
export const legendFor = (
  visible: readonly string[],
  own: readonly OwnLayer[] = [],
  colourings: readonly Colouring[] = [],
): LegendGroup[] => [
  ...CATALOG.filter((e) => !e.always && visible.includes(e.id) && e.legend.length).map((e) => ({
    title: e.title,
    items: e.legend,
  })),
  ...(own.length ? [{ title: OWN_TITLE, items: own.map(ownEntry) }] : []),
  // a layer coloured by a field: its classes or categories, in the layer's kind of swatch
  ...own
    .filter((l) => l.legend)
    .map((l) => ({
      title: { zh: `${l.name}：${l.legend?.title.zh}`, en: `${l.name}: ${l.legend?.title.en}` },
      items: (l.legend?.entries ?? []).map((e) => ({
        swatch: swatchOf(l, e.colour),
        label: {
          zh: `${e.label.zh}（${e.count.toLocaleString('zh-CN')}）`,
          en: `${e.label.en} (${e.count.toLocaleString('en')})`,
        },
      })),
    })),
  // points sized by a number: the smallest and the largest
  ...own
    .filter((l) => l.sizeBy)
    .map((l) => {
      const s = l.sizeBy as NonNullable<OwnLayer['sizeBy']>;
      const dot = (radius: number, v: number): LegendEntry => ({
        swatch: { type: 'circle', color: l.colour, radius, stroke: '#ffffff' },
        label: { zh: v.toLocaleString('zh-CN'), en: v.toLocaleString('en') },
      });
      return {
        title: { zh: `${l.name}：点大小按${s.field}`, en: `${l.name}: point size by ${s.field}` },
        items: [dot(SIZE_RANGE[0], s.min), dot(SIZE_RANGE[1], s.max)],
      };
    }),
  ...colourings.map((c) => ({
    title: c.title,
    items: c.stops.map((s) => ({ swatch: { type: 'fill' as const, color: s.colour, opacity: 0.65 }, label: s.label })),
  })),
];

export const OWN_TITLE = {
  zh: '我的数据（用户导入，非规划内容）',
  en: 'My data (imported by the user, not part of the plan)',
};

/** A swatch of the layer's kind (its most common geometry) in a colour. */
function swatchOf(l: OwnLayer, colour: string): LegendSwatch {
  const k = l.kinds;
  return k.polygons >= Math.max(k.points, k.lines)
    ? { type: 'fill', color: colour, opacity: 0.5, outline: colour }
    : k.lines >= k.points
      ? { type: 'line', color: colour, width: 2 }
      : { type: 'circle', color: colour, radius: 5, stroke: '#ffffff' };
}

function ownEntry(l: OwnLayer): LegendEntry {
  // filtered: the count drawn, of the count there is
  const n = (x: number, loc: string) => x.toLocaleString(loc);
  const count = l.filter?.length
    ? {
        zh: `${n(l.matched ?? 0, 'zh-CN')} / ${n(l.count, 'zh-CN')}，已筛选`,
        en: `${n(l.matched ?? 0, 'en')} of ${n(l.count, 'en')}, filtered`,
      }
    : { zh: n(l.count, 'zh-CN'), en: n(l.count, 'en') };
  return {
    swatch: swatchOf(l, l.colour),
    label: { zh: `${l.name}（${count.zh}）`, en: `${l.name} (${count.en})` },
  };
}
