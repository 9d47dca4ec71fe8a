/**
 * The plan as data (geodata/plan/plan.json, public/data/plan.json): the contract between
 * the pipeline that writes it and the app that reads it, with runtime validation from the
 * same definition (valibot).
 */
import * as v from 'valibot';

export const RESPONSIBLE_KINDS = ['bureau', 'unit_government', 'all_units', 'devzone', 'other'] as const;

/** One entry of a paragraph's 责任单位, resolved. */
export const ResponsibleSchema = v.object({
  kind: v.picklist(RESPONSIBLE_KINDS),
  /** the name as the plan writes it, expanded (e.g. "市财政局", "海拉尔区人民政府") */
  name: v.string(),
  /** feature ids this entry stands for (the 14 unit ids for "各旗市区人民政府") */
  feature_ids: v.array(v.string()),
});

export const ParagraphSchema = v.object({
  /** "t10-p2": task 10, second paragraph; "part1-p1" outside the tasks */
  id: v.string(),
  /** the paragraph's text without its 责任单位 parenthesis */
  text: v.string(),
  /** the 责任单位 as written, or null */
  responsible_raw: v.nullable(v.string()),
  responsible: v.array(ResponsibleSchema),
  /** a task paragraph's English summary (geodata/plan/en.json: a translation, not the plan) */
  summary_en: v.optional(v.string()),
});

export const PlaceMentionSchema = v.object({
  feature_id: v.string(),
  /** the words in the paragraph that name the place */
  words: v.string(),
  paragraph_id: v.string(),
});

export const TaskSchema = v.object({
  number: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(22)),
  title_zh: v.string(),
  title_en: v.string(),
  /** the group (一)–(五) of 三、重点任务 */
  group: v.string(),
  paragraphs: v.array(ParagraphSchema),
  places: v.array(PlaceMentionSchema),
});

export const GroupSchema = v.object({
  id: v.string(),
  title_zh: v.string(),
  title_en: v.string(),
  intro: v.array(ParagraphSchema),
  tasks: v.array(v.number()),
});

export const PartSchema = v.object({
  id: v.string(),
  title_zh: v.string(),
  title_en: v.string(),
  paragraphs: v.array(ParagraphSchema),
  groups: v.array(GroupSchema),
});

export const COMPARATORS = ['≥', '>', '<', '≤', '=', '≈'] as const;

export const TargetSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9-]+$/)),
  theme: v.string(),
  theme_en: v.string(),
  indicator_zh: v.string(),
  indicator_en: v.string(),
  /** comparator as the plan states it */
  comparator: v.picklist(COMPARATORS),
  value: v.union([v.number(), v.string()]),
  unit: v.string(),
  /** the year the plan gives, or null where it gives none */
  year: v.nullable(v.number()),
  /** task number, or null for 二、发展目标 */
  task: v.nullable(v.number()),
  /** the sentence the target comes from, verbatim */
  sentence: v.string(),
  /** places the target belongs to, if any */
  feature_ids: v.array(v.string()),
  /** the sentence in English, the value where the plan gives words, the unit (geodata/plan/en.json; the build adds them) */
  sentence_en: v.optional(v.string()),
  value_en: v.optional(v.nullable(v.string())),
  unit_en: v.optional(v.string()),
});

export const PlanSchema = v.object({
  title: v.string(),
  doc_number: v.string(),
  date: v.string(),
  source: v.string(),
  parts: v.array(PartSchema),
  tasks: v.array(TaskSchema),
  targets: v.array(TargetSchema),
  /** responsible bureaus, as listed in the plan (for the matrix columns) */
  bureaus: v.array(v.string()),
});

export type Responsible = v.InferOutput<typeof ResponsibleSchema>;
export type ResponsibleKind = Responsible['kind'];
export type Paragraph = v.InferOutput<typeof ParagraphSchema>;
export type PlaceMention = v.InferOutput<typeof PlaceMentionSchema>;
export type Task = v.InferOutput<typeof TaskSchema>;
export type Group = v.InferOutput<typeof GroupSchema>;
export type Part = v.InferOutput<typeof PartSchema>;
export type Target = v.InferOutput<typeof TargetSchema>;
export type Plan = v.InferOutput<typeof PlanSchema>;
