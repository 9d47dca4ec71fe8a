/**
 * The planners' tools: their ids (as the URL's `tool=` writes them), names and the state
 * each keeps in the URL. One list: the Tools menu, the URL and the panels derive from it.
 */
import type { Text } from '../../contracts/vocab.ts';
import { withViewerChoice } from '../map/catalog.ts';

export const TOOLS = [
  { id: 'measure', name: { zh: '测距', en: 'Measure distance' } },
  { id: 'area', name: { zh: '测面积', en: 'Measure area' } },
  { id: 'near', name: { zh: '周边查询', en: 'Within distance' } },
  { id: 'stats', name: { zh: '分区统计', en: 'Zone statistics' } },
  { id: 'compare', name: { zh: '卷帘对比', en: 'Compare' } },
  { id: 'print', name: { zh: '打印导出', en: 'Print & export' } },
  { id: 'download', name: { zh: '下载数据', en: 'Download data' } },
  { id: 'import', name: { zh: '导入数据', en: 'Import data' } },
  { id: 'table', name: { zh: '属性表', en: 'Attribute table' } },
  { id: 'author', name: { zh: '编排导览', en: 'Make a tour' } },
] as const satisfies readonly { id: string; name: Text }[];
export type ToolId = (typeof TOOLS)[number]['id'];
export const TOOL_IDS: readonly string[] = TOOLS.map((t) => t.id);
export const isToolId = (s: string): s is ToolId => TOOL_IDS.includes(s);

export type LonLatPair = [number, number];

/** A measurement: a path (line) or a polygon (area), in WGS84 lon/lat. */
export interface Measure {
  mode: 'line' | 'area';
  points: LonLatPair[];
  /** the names of the places points snapped to (same order; null where none) */
  snaps?: (Text | null)[];
  /** finished (double-click, Enter, Finish); a new click then starts a new one */
  done: boolean;
}

/** A within-distance query: around a feature (by id) or a point, within km. */
export interface Near {
  from: string | LonLatPair;
  km: number;
}
export const NEAR_KM = { min: 5, max: 200, default: 50 } as const;

/** Layer sets to compare (swipe): left and right of the divider. */
export const COMPARE_SETS = [
  {
    id: 'today',
    name: { zh: '现状：行政区划与底图', en: 'Today: units and context' },
    layers: ['context-water', 'context-borders', 'units', 'unit-names', 'heritage', 'airports'],
  },
  {
    id: 'plan',
    name: { zh: '规划：一核两极多点', en: 'The plan: core, poles and points' },
    layers: ['context-borders', 'zones', 'structure-areas', 'structure-points', 'rail', 'ports'],
  },
  {
    id: 'zones',
    name: { zh: '规划分区', en: "The plan's zones" },
    layers: ['context-water', 'context-borders', 'zones', 'structure-points'],
  },
  {
    id: 'transport',
    name: { zh: '交通与口岸', en: 'Transport and ports' },
    layers: ['context-water', 'context-borders', 'units', 'rail', 'ports', 'airports'],
  },
] as const satisfies readonly { id: string; name: Text; layers: readonly string[] }[];
export type CompareSetId = (typeof COMPARE_SETS)[number]['id'];
export const compareSet = (id: string) => COMPARE_SETS.find((s) => s.id === id) ?? COMPARE_SETS[0];

/** The layers the main map shows: while comparing, the right-hand set with the viewer's choice of names; else the viewer's. */
export function mainLayers(app: {
  tool: string | null;
  compare: { right: string };
  visible: readonly string[];
}): readonly string[] {
  return app.tool === 'compare' ? withViewerChoice(compareSet(app.compare.right).layers, app.visible) : app.visible;
}
