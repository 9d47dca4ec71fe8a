/** The legend of what is shown: the catalog entries visible, each with its legend lines. */
import type { Text } from '../../contracts/vocab.ts';
import { CATALOG, type LegendEntry } from '../map/catalog.ts';

export interface LegendGroup {
  title: Text;
  items: LegendEntry[];
}

export const legendFor = (visible: readonly string[]): LegendGroup[] =>
  CATALOG.filter((e) => !e.always && visible.includes(e.id) && e.legend.length).map((e) => ({ title: e.title, items: e.legend }));

/** Whether anything shown is drawn schematically (the page then says 示意). */
export const showsSchematic = (visible: readonly string[]) => visible.includes('rail');
