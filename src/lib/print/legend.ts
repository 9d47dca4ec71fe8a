/** The legend of what is shown: the catalog entries visible, each with its legend lines. */
import type { Text } from '../../contracts/vocab.ts';
import { CATALOG, type LegendEntry, type LegendSwatch } from '../map/catalog.ts';

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
  ...colourings.map((c) => ({
    title: c.title,
    items: c.stops.map((s) => ({ swatch: { type: 'fill' as const, color: s.colour, opacity: 0.65 }, label: s.label })),
  })),
];

export const OWN_TITLE = {
  zh: '我的数据（用户导入，非规划内容）',
  en: 'My data (imported by the user, not part of the plan)',
};

function ownEntry(l: OwnLayer): LegendEntry {
  const k = l.kinds;
  const swatch: LegendSwatch =
    k.polygons >= Math.max(k.points, k.lines)
      ? { type: 'fill', color: l.colour, opacity: 0.5, outline: l.colour }
      : k.lines >= k.points
        ? { type: 'line', color: l.colour, width: 2 }
        : { type: 'circle', color: l.colour, radius: 5, stroke: '#ffffff' };
  return {
    swatch,
    label: { zh: `${l.name}（${l.count.toLocaleString('zh-CN')}）`, en: `${l.name} (${l.count.toLocaleString('en')})` },
  };
}
