/** Builds the search index (public/data/search.json) from the layers and the plan. */
import { pinyin } from 'pinyin-pro';
import type { SearchEntry } from '../../src/contracts/search.ts';
import type { Plan } from '../../src/contracts/plan.ts';
import { type SearchableLayer, layersWith } from '../../src/contracts/layers.ts';
import type { LayerOutput } from './lib/types.ts';
import { foldLatin, mongolianKey } from '../../src/lib/search.ts';

const GENERIC = new Set(['国界', '主要河流', '较大河流', '河流', '小河', '湖泊']);
const SEARCHABLE = new Set<string>(layersWith('searchable'));
const isSearchable = (name: string): name is SearchableLayer => SEARCHABLE.has(name);

function py(zh: string) {
  const han = zh.replace(/[^\u3400-\u9fff]/g, '');
  return {
    py: pinyin(han, { toneType: 'none', type: 'array' }).join(''),
    pyTone: pinyin(han, { type: 'array' }).join('').normalize('NFC'),
    pyNum: pinyin(han, { toneType: 'num', type: 'array' }).join(''),
    initials: pinyin(han, { pattern: 'first', toneType: 'none', type: 'array' }).join(''),
  };
}

/** Every searchable layer of the registry has a rank and a hint (TypeScript refuses a missing one). */
const RANK: Record<SearchableLayer, number> = {
  units: 12,
  city: 11,
  structure_areas: 9,
  zones: 9,
  structure_points: 8,
  heritage: 6,
  ports: 6,
  rail_lines: 6,
  lakes: 4,
  context_labels: 3,
  rail_stations: 1,
};

const LAYER_HINT: Record<SearchableLayer, [string, string]> = {
  city: ['地级市', 'city'],
  units: ['旗市区', 'county-level unit'],
  zones: ['规划分区', 'plan zone'],
  structure_areas: ['一核两极', 'core / pole'],
  structure_points: ['城镇', 'town'],
  rail_lines: ['铁路', 'railway'],
  rail_stations: ['车站', 'station'],
  heritage: ['历史文化', 'heritage'],
  ports: ['口岸与开放平台', 'port'],
  lakes: ['湖泊', 'lake'],
  context_labels: ['邻区', 'neighbour'],
};

export function buildSearchIndex(layers: LayerOutput[], plan: Plan): SearchEntry[] {
  const out: SearchEntry[] = [];
  const seen = new Set<string>();
  for (const layer of layers) {
    const name = layer.name;
    if (!isSearchable(name)) continue;
    for (const f of layer.features) {
      const p = f.properties;
      // label points stand for a feature that is indexed itself (zones, lakes)
      if (GENERIC.has(p.name_zh) || p.id.startsWith('label-zone-') || p.id.startsWith('label-lake-')) continue;
      // A seat is found by its town name too, and leads to its unit.
      const ref = layer.name === 'structure_points' && p.kind === 'seat' ? String(p.unit_id) : p.id;
      const key = `${p.name_zh}|${ref}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const [hz, he] = p.kind === 'river' ? ['河流', 'river'] : LAYER_HINT[name];
      const unit = typeof p.unit_zh === 'string' ? ` · ${p.unit_zh}` : '';
      out.push({
        kind: 'place',
        ref,
        zh: p.name_zh,
        en: p.name_en,
        ...py(p.name_zh),
        rank: RANK[name],
        hint_zh: `${hz}${unit}`,
        hint_en: he,
        ...(typeof p.name_mn === 'string' && typeof p.name_mn_latin === 'string'
          ? { mn: mongolianKey(p.name_mn), mnLatin: foldLatin(p.name_mn_latin) }
          : {}),
      });
    }
  }
  for (const t of plan.tasks) {
    out.push({
      kind: 'task',
      ref: `task-${t.number}`,
      zh: t.title_zh,
      en: t.title_en,
      ...py(t.title_zh),
      rank: 0,
      hint_zh: `任务${t.number}`,
      hint_en: `Task ${t.number}`,
    });
    for (const p of t.paragraphs) {
      out.push({
        kind: 'paragraph',
        ref: p.id,
        zh: '',
        en: '',
        py: '',
        pyTone: '',
        pyNum: '',
        initials: '',
        rank: 0,
        text: p.text,
        hint_zh: `任务${t.number} ${t.title_zh}`,
        hint_en: `Task ${t.number}: ${t.title_en}`,
      });
    }
  }
  for (const target of plan.targets) {
    out.push({
      kind: 'target',
      ref: target.id,
      zh: target.indicator_zh,
      en: target.indicator_en,
      ...py(target.indicator_zh),
      rank: 0,
      hint_zh: `2025目标 · ${target.theme}`,
      hint_en: `Target · ${target.theme_en}`,
    });
  }
  return out;
}
