/**
 * The responsibility matrix (tasks × units, the development zone and every bureau) and its
 * CSV: loaded with the matrix panel, not with the first view.
 */
import type { Plan, Task } from '../../contracts/plan.ts';
import { UNITS, unitId } from '../../contracts/vocab.ts';
import { responsibleName } from '../../contracts/glossary.ts';
import { csvText } from '../ui/csv.ts';

export type Cell = { named: boolean; responsible: boolean; all: boolean };

export interface Matrix {
  columns: { id: string; zh: string; en: string; kind: 'unit' | 'devzone' | 'bureau' }[];
  rows: { task: Task; cells: Cell[] }[];
}

/** Tasks × the 14 units, the development zone and the bureaus most often responsible. */
/**
 * The matrix: a row per task; a column per unit, the development zone, and every bureau the
 * plan makes responsible — most tasks first, ties in the order of their Chinese names' code
 * points, so the columns are the same in every language and browser locale.
 */
export function buildMatrix(plan: Plan): Matrix {
  const freq = new Map<string, number>();
  for (const t of plan.tasks) {
    const names = new Set(
      t.paragraphs.flatMap((p) => p.responsible.filter((r) => r.kind === 'bureau').map((r) => r.name)),
    );
    for (const n of names) freq.set(n, (freq.get(n) ?? 0) + 1);
  }
  const bureaus = [...freq.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([n]) => n);
  const columns: Matrix['columns'] = [
    ...UNITS.map((u) => ({ id: unitId(u.code), zh: u.zh, en: u.short_en, kind: 'unit' as const })),
    { id: 'devzone-hulunbuir', zh: '经开区管委会', en: 'Dev. zone', kind: 'devzone' },
    ...bureaus.map((b) => ({ id: b, zh: b, en: responsibleName(b, 'en'), kind: 'bureau' as const })),
  ];
  const rows = plan.tasks.map((task) => {
    const resp = task.paragraphs.flatMap((p) => p.responsible);
    const cells = columns.map((c): Cell => {
      if (c.kind === 'bureau') return { named: false, responsible: resp.some((r) => r.name === c.id), all: false };
      return {
        named: task.places.some((p) => p.feature_id === c.id),
        responsible: resp.some((r) => r.kind !== 'all_units' && r.feature_ids.includes(c.id)),
        all: c.kind === 'unit' && resp.some((r) => r.kind === 'all_units'),
      };
    });
    return { task, cells };
  });
  return { columns, rows };
}

/** The text of a cell, in the CSV and the table's accessible name. */
export function cellText(c: Cell, lang: 'zh' | 'en'): string {
  const parts: string[] = [];
  if (c.named) parts.push(lang === 'zh' ? '提及' : 'named');
  if (c.responsible) parts.push(lang === 'zh' ? '责任' : 'responsible');
  else if (c.all) parts.push(lang === 'zh' ? '各旗市区' : 'all units');
  return parts.join('+');
}

/** The matrix as CSV (UTF-8 with BOM so that spreadsheet programs read the Chinese). */
export function matrixCsv(m: Matrix, lang: 'zh' | 'en'): string {
  const head = [
    lang === 'zh' ? '任务' : 'Task',
    lang === 'zh' ? '标题' : 'Title',
    ...m.columns.map((c) => (lang === 'zh' ? c.zh : c.en)),
  ];
  const lines = [
    head,
    ...m.rows.map((r) => [
      String(r.task.number),
      lang === 'zh' ? r.task.title_zh : r.task.title_en,
      ...r.cells.map((c) => cellText(c, lang)),
    ]),
  ];
  return csvText(lines);
}
