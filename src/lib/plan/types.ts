/** The plan as data (geodata/plan/plan.json), shared by the build and the app. */

export type ResponsibleKind = 'bureau' | 'unit_government' | 'all_units' | 'devzone' | 'other';

/** One entry of a paragraph's 责任单位, resolved. */
export interface Responsible {
  kind: ResponsibleKind;
  /** the name as the plan writes it, expanded (e.g. "市财政局", "海拉尔区人民政府") */
  name: string;
  /** feature ids this entry stands for (the 14 unit ids for "各旗市区人民政府") */
  feature_ids: string[];
}

export interface Paragraph {
  /** "t10-p2": task 10, second paragraph; "part1-p1" outside the tasks */
  id: string;
  /** the paragraph's text without its 责任单位 parenthesis */
  text: string;
  /** the 责任单位 as written, or null */
  responsible_raw: string | null;
  responsible: Responsible[];
}

export interface PlaceMention {
  feature_id: string;
  /** the words in the paragraph that name the place */
  words: string;
  paragraph_id: string;
}

export interface Task {
  number: number;
  title_zh: string;
  title_en: string;
  /** the group (一)–(五) of 三、重点任务 */
  group: string;
  paragraphs: Paragraph[];
  places: PlaceMention[];
}

export interface Group {
  id: string;
  title_zh: string;
  title_en: string;
  intro: Paragraph[];
  tasks: number[];
}

export interface Part {
  id: string;
  title_zh: string;
  title_en: string;
  paragraphs: Paragraph[];
  groups: Group[];
}

export interface Target {
  id: string;
  theme: string;
  theme_en: string;
  indicator_zh: string;
  indicator_en: string;
  /** comparator as the plan states it */
  comparator: '≥' | '>' | '<' | '≤' | '=' | '≈';
  value: number | string;
  unit: string;
  /** the year the plan gives, or null where it gives none */
  year: number | null;
  /** task number, or null for 二、发展目标 */
  task: number | null;
  /** the sentence the target comes from, verbatim */
  sentence: string;
  /** places the target belongs to, if any */
  feature_ids: string[];
}

export interface Plan {
  title: string;
  doc_number: string;
  date: string;
  source: string;
  parts: Part[];
  tasks: Task[];
  targets: Target[];
  /** responsible bureaus, as listed in the plan (for the matrix columns) */
  bureaus: string[];
}
