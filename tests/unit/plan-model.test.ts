import { csvParseRows } from 'd3-dsv';
import { RESPONSIBLE_EN } from '../../src/contracts/glossary.ts';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPlan, parsePlan, parseResponsible } from '../../scripts/data/plan-model.ts';
import { ALL_UNIT_IDS } from '../../src/contracts/vocab.ts';
import { loadTargets } from '../../scripts/data/plan-targets.ts';
import { readEnglish } from '../../scripts/data/english.ts';
import { SPAM } from '../../scripts/data/lib/plan-text.ts';
import { tasksNaming, tasksResponsible, taskFeatureIds } from '../../src/lib/plan/data.ts';
import { buildMatrix, matrixCsv } from '../../src/lib/plan/matrix.ts';
import { search, type SearchEntry } from '../../src/lib/search.ts';
import type { Plan } from '../../src/contracts/plan.ts';
import { must } from '../../src/lib/must.ts';

const text = readFileSync('geodata/plan/plan.txt', 'utf8');
const english = readEnglish();
const plan: Plan = { ...parsePlan(text, english), targets: loadTargets() };
english.plan(plan);
const committed = JSON.parse(readFileSync('geodata/plan/plan.json', 'utf8')) as Plan;
const featureIds = new Set(Object.keys(JSON.parse(readFileSync('public/data/features.json', 'utf8'))));

describe('the plan as data', () => {
  it('has the four parts, the five groups and the 22 tasks in order, and passes its own check', () => {
    expect(plan.parts.map((p) => p.title_zh)).toEqual([
      '印发通知与前言',
      '一、总体要求',
      '二、发展目标',
      '三、重点任务',
      '四、保障措施',
    ]);
    expect(plan.parts[3].groups.map((g) => g.id)).toEqual([
      'group-(一)',
      'group-(二)',
      'group-(三)',
      'group-(四)',
      'group-(五)',
    ]);
    expect(plan.tasks.map((t) => t.number)).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
    expect(plan.tasks[9].title_zh).toBe('推进城乡基础设施建设');
    expect(plan.tasks[9].paragraphs).toHaveLength(5);
    expect(() => checkPlan(plan, text)).not.toThrow();
    expect(committed).toEqual(JSON.parse(JSON.stringify(plan)));
  });

  it('resolves every 责任单位 to known units and the development zone', () => {
    for (const t of plan.tasks) {
      for (const p of t.paragraphs)
        for (const r of p.responsible)
          for (const id of r.feature_ids) expect(featureIds.has(id), `${p.id} ${r.name}`).toBe(true);
    }
    const t1 = plan.tasks[0].paragraphs[0].responsible;
    expect(t1.map((r) => r.name)).toEqual([
      '海拉尔区人民政府',
      '鄂温克族自治旗人民政府',
      '呼伦贝尔经济技术开发区管委会',
    ]);
    expect(t1.flatMap((r) => r.feature_ids)).toEqual(['unit-150702', 'unit-150724', 'devzone-hulunbuir']);
    const all = parseResponsible('市公安局,各旗市区人民政府', 'x');
    expect(all[1]).toEqual({ kind: 'all_units', name: '各旗市区人民政府', feature_ids: ALL_UNIT_IDS });
    expect(parseResponsible('市工业和信息化局、市场监督管理局', 'x').map((r) => r.name)).toEqual([
      '市工业和信息化局',
      '市市场监督管理局',
    ]);
    expect(parseResponsible('市委组织部、统战部,市财政局', 'x').map((r) => r.name)).toEqual([
      '市委组织部',
      '市委统战部',
      '市财政局',
    ]);
    expect(() => parseResponsible('北京市人民政府', 'x')).toThrow(/not one of the 14 units/);
    // the one paragraph whose closing parenthesis the plan omits
    expect(plan.tasks[9].paragraphs[3].responsible.map((r) => r.kind)).toEqual([
      'bureau',
      'other',
      'other',
      'other',
      'other',
    ]);
  });

  it('links the places each task names to features of the map', () => {
    for (const t of plan.tasks)
      for (const m of t.places) expect(featureIds.has(m.feature_id), `${t.number} ${m.feature_id}`).toBe(true);
    expect(tasksNaming(plan, 'unit-150781').map((n) => n.task.number)).toEqual(expect.arrayContaining([2, 10, 13]));
    expect(tasksResponsible(plan, 'unit-150781').map((t) => t.number)).toEqual([2]);
    expect(taskFeatureIds(plan.tasks[1])).toEqual(expect.arrayContaining(['unit-150781', 'unit-150783']));
    expect(taskFeatureIds(plan.tasks[9])).toEqual(
      expect.arrayContaining(['rail-qihaiman-hsr', 'rail-ulanhot-arxan-hailar', 'rail-yiershi-manzhouli']),
    );
    expect(tasksNaming(plan, 'heritage-qiqian').map((n) => n.task.number)).toEqual([13]);
  });

  it('gives every target a sentence found in its task (or the goals), and invents no baseline', () => {
    expect(plan.targets.length).toBeGreaterThanOrEqual(25);
    for (const t of plan.targets) {
      expect(text.replace(/\s/g, '')).toContain(t.sentence.replace(/\s/g, ''));
      expect(Object.keys(t)).not.toContain('baseline');
    }
    const rate = must(
      plan.targets.find((t) => t.id === 'urbanization-rate'),
      'target urbanization-rate',
    );
    expect([rate.comparator, rate.value, rate.unit, rate.year, rate.task]).toEqual(['≥', 74, '%', 2025, null]);
    expect(
      must(
        plan.targets.find((t) => t.id === 'preschool-counties'),
        'target preschool-counties',
      ).feature_ids,
    ).toEqual(['unit-150727', 'unit-150724']);
  });

  it('rejects an invented target sentence', () => {
    const bad: Plan = {
      ...plan,
      targets: [{ ...plan.targets[0], id: 'x', sentence: '全市常住人口城镇化率达到80%以上' }],
    };
    expect(() => checkPlan(bad, text)).toThrow(/quote not found in the plan/);
  });

  it('contains no spam string anywhere', () => {
    expect(JSON.stringify(plan)).not.toContain(SPAM);
    for (const f of ['geodata/plan/plan.json', 'public/data/plan.json', 'public/data/search.json'])
      expect(readFileSync(f, 'utf8')).not.toContain(SPAM);
  });

  it('makes a matrix of 22 tasks with a CSV of 22 rows plus a header', () => {
    const m = buildMatrix(plan);
    expect(m.rows).toHaveLength(22);
    expect(m.columns.filter((c) => c.kind === 'unit')).toHaveLength(14);
    const csv = matrixCsv(m, 'zh');
    const lines = csv.split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(23);
    expect(lines[0].startsWith('\ufeff任务,标题,海拉尔区')).toBe(true);
    expect(lines[2]).toMatch(/^2,满洲里市、扎兰屯—阿荣旗两极驱动,/);
    const mzl = m.columns.findIndex((c) => c.id === 'unit-150781');
    expect(m.rows[1].cells[mzl]).toEqual({ named: true, responsible: true, all: false });
  });
});

describe('the matrix in both languages', () => {
  it('has every responsible bureau as a column, in the same order whatever the locale, and the same columns in zh and en', () => {
    const bureaus = new Set(
      plan.tasks.flatMap((t) =>
        t.paragraphs.flatMap((p) => p.responsible.filter((r) => r.kind === 'bureau').map((r) => r.name)),
      ),
    );
    const m = buildMatrix(plan);
    const cols = m.columns.filter((c) => c.kind === 'bureau');
    expect(new Set(cols.map((c) => c.id))).toEqual(bureaus);
    expect(cols[0].zh).toBe('市住房和城乡建设局'); // the most tasks (15)
    // ties are ordered by code point, not by the browser's collation
    const saved = String.prototype.localeCompare;
    String.prototype.localeCompare = function (this: string, o: string) {
      return -saved.call(this, o);
    };
    try {
      expect(buildMatrix(plan).columns.map((c) => c.id)).toEqual(m.columns.map((c) => c.id));
    } finally {
      String.prototype.localeCompare = saved;
    }
    const zh = csvParseRows(matrixCsv(m, 'zh').slice(1));
    const en = csvParseRows(matrixCsv(m, 'en').slice(1));
    expect(en[0]).toHaveLength(zh[0].length);
    expect(en).toHaveLength(zh.length);
    expect(en[0].slice(-cols.length)).toEqual(cols.map((c) => c.en)); // every bureau, by its English name
  });

  it('names every responsible body in English (the glossary is complete), and the English CSV header has no Chinese', () => {
    const names = new Set(plan.tasks.flatMap((t) => t.paragraphs.flatMap((p) => p.responsible.map((r) => r.name))));
    for (const n of names) expect(RESPONSIBLE_EN[n], n).toMatch(/^[\x20-\x7e]+$/);
    const header = matrixCsv(buildMatrix(plan), 'en').slice(1).split('\r\n')[0];
    expect(header).not.toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('search', () => {
  const index = JSON.parse(readFileSync('public/data/search.json', 'utf8')) as SearchEntry[];
  const top = (q: string) => search(index, q)[0]?.entry;

  it('finds places by Chinese, pinyin with or without tones, initials and English', () => {
    expect(top('扎兰屯')?.ref).toBe('unit-150783');
    expect(top('zlt')?.ref).toBe('unit-150783');
    expect(top('zhalantun')?.ref).toBe('unit-150783');
    expect(top('zhā lán tún')?.ref).toBe('unit-150783');
    expect(top('zha1lan2tun2')?.ref).toBe('unit-150783');
    expect(top('Manzhouli')?.ref).toBe('unit-150781');
    expect(top('hlbe')?.zh).toMatch(/^呼伦贝尔/);
  });

  it('finds tasks, targets and the words of the plan', () => {
    expect(top('齐海满')?.kind).toBeDefined();
    const hits = search(index, '齐海满');
    expect(hits.some((h) => h.entry.kind === 'paragraph' && h.entry.ref === 't10-p1')).toBe(true);
    expect(search(index, '公路总里程').some((h) => h.entry.kind === 'target' && h.entry.ref === 'highway-length')).toBe(
      true,
    );
    expect(search(index, '数字城市')[0].entry.ref).toBe('task-15');
  });

  it('answers nothing for empty or one-letter queries', () => {
    expect(search(index, '')).toEqual([]);
    expect(search(index, 'z')).toEqual([]);
  });
});

describe('search results', () => {
  const index = JSON.parse(readFileSync('public/data/search.json', 'utf8')) as SearchEntry[];
  it('lead to each destination once', () => {
    for (const q of ['zlt', '扎兰屯', 'hailaer', '满洲里', 'lx']) {
      const keys = search(index, q).map((h) => `${h.entry.kind}:${h.entry.ref}`);
      expect(new Set(keys).size, q).toBe(keys.length);
    }
  });

  it('list a lake once, as the lake (not its label point as a neighbour)', () => {
    const hits = search(index, '呼伦湖').filter((h) => h.entry.kind === 'place');
    expect(hits.map((h) => h.entry.ref)).toEqual(['lake-17']);
    expect(index.some((e) => e.ref.startsWith('label-lake-'))).toBe(false);
    expect(index.find((e) => e.zh === '海拉尔河')?.hint_zh).toBe('河流');
    expect(index.find((e) => e.zh === '俄罗斯')?.hint_zh).toBe('邻区');
  });
});
