/**
 * The plan text of record → the plan as data: parts, groups, the 22 tasks with their
 * paragraphs, each paragraph's 责任单位 resolved to units and bureaus, the places each task
 * names (linked to feature ids), and the 2025 targets. Everything quoted is checked against
 * the text: a quote that is not in the plan fails the build.
 */
import type {
  Group,
  Paragraph,
  Part,
  Plan,
  PlaceMention,
  Responsible,
  Target,
  Task,
} from '../../src/contracts/plan.ts';
import { assertQuoted } from './lib/plan-text.ts';
import { readEnglish, type English } from './english.ts';
import { ALL_UNIT_IDS, UNIT_ID_BY_NAME } from '../../src/contracts/vocab.ts';

const GROUP_EN: Record<string, string> = {
  '(一)': 'Build the overall pattern of urbanization; coordinated regional development',
  '(二)': 'Basic public services; better quality of becoming urban residents',
  '(三)': 'Urban renewal; the carrying capacity of towns',
  '(四)': 'Reform of management; urban governance',
  '(五)': 'Orderly flow of factors; faster urban–rural integration',
};

const PART_EN: Record<string, string> = {
  preamble: 'Notice and preamble',
  一: 'General requirements',
  二: 'Development goals',
  三: 'Key tasks',
  四: 'Safeguards',
};

/** Words that name a place of the map, most specific first within each place. */
export const PLACE_ALIASES: { feature_id: string; words: string[] }[] = [
  ...Object.entries(UNIT_ID_BY_NAME).map(([name, id]) => ({
    feature_id: id,
    words: [
      name,
      ...((
        {
          满洲里市: ['满洲里'],
          扎兰屯市: ['扎兰屯'],
          海拉尔区: ['海拉尔'],
          鄂温克族自治旗: ['鄂温克'],
          扎赉诺尔区: ['扎赉诺尔'],
          莫力达瓦达斡尔族自治旗: ['莫力达瓦'],
          牙克石市: ['牙克石'],
          额尔古纳市: ['额尔古纳'],
          根河市: ['根河'],
          鄂伦春自治旗: ['鄂伦春'],
          陈巴尔虎旗: ['陈巴尔虎'],
        } as Record<string, string[]>
      )[name] ?? []),
    ],
  })),
  { feature_id: 'structure-core', words: ['呼伦贝尔中心城区', '中心城区'] },
  { feature_id: 'devzone-hulunbuir', words: ['呼伦贝尔经济技术开发区'] },
  { feature_id: 'zone-lingxi', words: ['岭西地区'] },
  { feature_id: 'zone-lingshang', words: ['岭上地区'] },
  { feature_id: 'rail-qihaiman-hsr', words: ['“齐海满”高速铁路'] },
  { feature_id: 'rail-ulanhot-arxan-hailar', words: ['乌兰浩特—阿尔山—海拉尔铁路'] },
  { feature_id: 'rail-yiershi-manzhouli', words: ['伊尔施至满洲里铁路'] },
  { feature_id: 'heritage-hulunbuir-league-office', words: ['呼伦贝尔盟署历史文化街区'] },
  { feature_id: 'heritage-manzhouli-first-station', words: ['满洲里市中东铁路第一站历史文化街区'] },
  { feature_id: 'heritage-zalantun-cer-style', words: ['扎兰屯市中东铁路风情历史文化街区'] },
  { feature_id: 'heritage-zalantun-cer-industrial', words: ['扎兰屯市中东铁路工业遗产历史文化街区'] },
  { feature_id: 'heritage-zalantun-historic-city', words: ['推动扎兰屯市申报国家、自治区历史文化名城'] },
  { feature_id: 'heritage-bugt', words: ['博克图'] },
  { feature_id: 'heritage-hohnuur', words: ['呼和诺尔'] },
  { feature_id: 'heritage-qiqian', words: ['奇乾'] },
  { feature_id: 'zone-manzhouli-border-trade', words: ['中俄边民互市贸易区'] },
];

/** Splits the 责任单位 text into resolved entries. */
export function parseResponsible(raw: string, where: string): Responsible[] {
  const out: Responsible[] = [];
  for (const group of raw
    .split(',')
    .map((g) => g.trim())
    .filter(Boolean)) {
    const items = group
      .split('、')
      .map((s) => s.trim())
      .filter(Boolean);
    if (group === '各旗市区人民政府') {
      out.push({ kind: 'all_units', name: group, feature_ids: [...ALL_UNIT_IDS] });
      continue;
    }
    if (group === '呼伦贝尔经济技术开发区管委会') {
      out.push({ kind: 'devzone', name: group, feature_ids: ['devzone-hulunbuir'] });
      continue;
    }
    if (group.endsWith('人民政府') && !group.startsWith('各')) {
      // "满洲里市、扎兰屯市、…、扎赉诺尔区人民政府": the suffix belongs to every item.
      items[items.length - 1] = items[items.length - 1].replace(/人民政府$/, '');
      for (const name of items) {
        const id = UNIT_ID_BY_NAME[name];
        if (!id) throw new Error(`${where}: 责任单位 "${name}人民政府" is not one of the 14 units`);
        out.push({ kind: 'unit_government', name: `${name}人民政府`, feature_ids: [id] });
      }
      continue;
    }
    if (group.startsWith('市')) {
      // "市工业和信息化局、市场监督管理局、商务局": the leading 市 (or 市委) belongs to every item.
      const prefix = group.startsWith('市委') ? '市委' : '市';
      items.forEach((item, i) => {
        // Companies and central-government branches in the same list keep their own names.
        if (/^(呼伦贝尔|中国|国网|人民银行)/.test(item)) {
          out.push({ kind: 'other', name: item, feature_ids: [] });
          return;
        }
        const base = i === 0 ? item.slice(prefix.length) : item;
        out.push({ kind: 'bureau', name: `${prefix}${base}`, feature_ids: [] });
      });
      continue;
    }
    for (const name of items) out.push({ kind: 'other', name, feature_ids: [] });
  }
  return out;
}

/** Splits "…。(责任单位:…)" into the text and the raw 责任单位 (the plan once omits the ")"). */
function splitResponsible(line: string): { text: string; raw: string | null } {
  const i = line.lastIndexOf('(责任单位:');
  if (i < 0) return { text: line, raw: null };
  return {
    text: line.slice(0, i).trim(),
    raw: line
      .slice(i + '(责任单位:'.length)
      .replace(/\)\s*$/, '')
      .trim(),
  };
}

function paragraph(id: string, line: string): Paragraph {
  const { text, raw } = splitResponsible(line);
  return { id, text, responsible_raw: raw, responsible: raw ? parseResponsible(raw, id) : [] };
}

function mentions(paragraphs: Paragraph[]): PlaceMention[] {
  const out: PlaceMention[] = [];
  for (const place of PLACE_ALIASES) {
    for (const p of paragraphs) {
      const words = place.words.find((w) => p.text.includes(w));
      if (words) {
        out.push({ feature_id: place.feature_id, words, paragraph_id: p.id });
        break;
      }
    }
  }
  return out;
}

const PART_RE = /^([一二三四])、(.+)$/;
const GROUP_RE = /^(\([一二三四五]\))(.+)$/;
const TASK_RE = /^(\d{1,2})\.(.+)$/;

export function parsePlan(text: string, english: English = readEnglish()): Omit<Plan, 'targets'> {
  const lines = text.split('\n').filter(Boolean);
  const parts: Part[] = [
    { id: 'preamble', title_zh: '印发通知与前言', title_en: PART_EN.preamble, paragraphs: [], groups: [] },
  ];
  const tasks: Task[] = [];
  let part = parts[0];
  let group: Group | null = null;
  let task: Task | null = null;
  for (const line of lines) {
    const pm = PART_RE.exec(line);
    if (pm && line.length < 12) {
      part = { id: `part-${pm[1]}`, title_zh: line, title_en: PART_EN[pm[1]], paragraphs: [], groups: [] };
      parts.push(part);
      group = null;
      task = null;
      continue;
    }
    const gm = GROUP_RE.exec(line);
    if (gm && part.id === 'part-三') {
      group = { id: `group-${gm[1]}`, title_zh: gm[2], title_en: GROUP_EN[gm[1]], intro: [], tasks: [] };
      part.groups.push(group);
      task = null;
      continue;
    }
    const tm = TASK_RE.exec(line);
    if (tm && part.id === 'part-三' && group) {
      const number = Number(tm[1]);
      const rest = tm[2];
      const stop = rest.indexOf('。');
      const title = stop < 0 ? rest : rest.slice(0, stop);
      task = {
        number,
        title_zh: title,
        title_en: english.taskTitle(number),
        group: group.id,
        paragraphs: [],
        places: [],
      };
      tasks.push(task);
      group.tasks.push(number);
      const body = stop < 0 ? '' : rest.slice(stop + 1);
      if (body) task.paragraphs.push(paragraph(`t${number}-p1`, body));
      continue;
    }
    if (task) task.paragraphs.push(paragraph(`t${task.number}-p${task.paragraphs.length + 1}`, line));
    else if (group) group.intro.push(paragraph(`${group.id}-p${group.intro.length + 1}`, line));
    else if (part.id === 'part-四' && part.paragraphs.length && !/^\([一二三四五]\)/.test(line)) {
      // a paragraph broken by the page: join it to the one before
      const prev = part.paragraphs[part.paragraphs.length - 1];
      prev.text += line;
    } else part.paragraphs.push(paragraph(`${part.id}-p${part.paragraphs.length + 1}`, line));
  }
  for (const t of tasks) t.places = mentions(t.paragraphs);
  const bureaus = [
    ...new Set(
      tasks.flatMap((t) =>
        t.paragraphs.flatMap((p) => p.responsible.filter((r) => r.kind === 'bureau').map((r) => r.name)),
      ),
    ),
  ];
  return {
    title: '呼伦贝尔市加快推进新型城镇化和城乡融合发展实施方案',
    doc_number: '呼政办发〔2022〕54号',
    date: '2022-08-18',
    source: '呼伦贝尔市人民政府办公室, 政府公报 2022年第16期 (2022-08-31); text: geodata/plan/plan.txt',
    parts,
    tasks,
    bureaus,
  };
}

/** Checks the model against the text: 22 tasks in order, every quote and target sentence verbatim. */
export function checkPlan(plan: Plan, text: string): void {
  const numbers = plan.tasks.map((t) => t.number);
  if (numbers.length !== 22 || numbers.some((n, i) => n !== i + 1))
    throw new Error(`plan: expected tasks 1–22 in order, found ${numbers.join(',')}`);
  for (const t of plan.tasks) {
    if (!t.paragraphs.length) throw new Error(`plan: task ${t.number} has no paragraph`);
    if (!t.paragraphs.some((p) => p.responsible.length)) throw new Error(`plan: task ${t.number} names no 责任单位`);
    for (const p of t.paragraphs) assertQuoted(text, p.text, `plan ${p.id}`);
    for (const m of t.places) assertQuoted(text, m.words, `plan task ${t.number} place ${m.feature_id}`);
  }
  for (const target of plan.targets) {
    assertQuoted(text, target.sentence, `plan target ${target.id}`);
    if (target.task !== null) {
      const t = plan.tasks[target.task - 1];
      if (!t.paragraphs.some((p) => p.text.includes(target.sentence)))
        throw new Error(`plan target ${target.id}: sentence not in task ${target.task}`);
    }
  }
}

export type { Target };
