/**
 * A guided tour (geodata/stories/*.json), written by planners without code. The build
 * validates each file with this schema (errors name the step and the field), then checks
 * what only the data can tell (layer and feature ids exist, quotes are in the plan).
 */
import * as v from 'valibot';

const slug = v.pipe(v.string('a string'), v.regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and "-" only'));
const nonEmpty = v.pipe(v.string('a string'), v.trim(), v.minLength(1, 'must not be empty'));
export const TourTextSchema = v.object({ zh: nonEmpty, en: nonEmpty }, 'needs non-empty "zh" and "en"');
export type TourText = v.InferOutput<typeof TourTextSchema>;

const num = (min: number, max: number) =>
  v.pipe(
    v.number(`a number ${min}–${max}`),
    v.finite(),
    v.minValue(min, `a number ${min}–${max}`),
    v.maxValue(max, `a number ${min}–${max}`),
  );
const turn = { bearing: v.optional(num(-360, 360)), pitch: v.optional(num(0, 85)) };

export const TourCameraSchema = v.union(
  [
    v.strictObject({
      fit: v.pipe(v.array(v.string()), v.minLength(1, 'a list of feature ids')),
      padding: v.optional(num(0, 400)),
      ...turn,
    }),
    v.strictObject({ center: v.tuple([num(-180, 180), num(-85, 85)], '[lon, lat]'), zoom: num(0, 22), ...turn }),
  ],
  'either { fit: [feature ids] } or { center: [lon, lat], zoom }',
);
export type TourCamera = v.InferOutput<typeof TourCameraSchema>;

const layerList = v.array(v.string(), 'a list of layer ids');

export const TourStepSchema = v.object({
  id: slug,
  title: TourTextSchema,
  camera: TourCameraSchema,
  /** catalog entry ids shown in this step */
  layers: layerList,
  /** feature ids highlighted */
  highlight: v.array(v.string(), 'a list of feature ids'),
  /** short Markdown: paragraphs and **bold** */
  caption: TourTextSchema,
  notes: TourTextSchema,
  plan_ref: v.optional(
    v.array(
      v.object({
        task: v.nullable(
          v.pipe(v.number(), v.integer(), v.minValue(1, '1–22 or null'), v.maxValue(22, '1–22 or null')),
        ),
        quote: nonEmpty,
        /** the quote in English (geodata/plan/en.json; the build adds it) */
        quote_en: v.optional(v.string()),
      }),
    ),
  ),
  /** optional swipe between two layer sets: left of the divider and right of it */
  swipe: v.optional(
    v.object({ left: layerList, right: layerList, label_left: TourTextSchema, label_right: TourTextSchema }),
  ),
});
export type TourStep = v.InferOutput<typeof TourStepSchema>;

/** A quote of a step, by the step's id and its place in `plan_ref`: how a presenter's edited quotes are named. */
export const quoteKey = (stepId: string, index: number) => `${stepId}/${index}`;

export const TourSchema = v.object({
  id: slug,
  title: TourTextSchema,
  steps: v.pipe(v.array(TourStepSchema), v.minLength(1, 'needs at least one step')),
});
export type Tour = v.InferOutput<typeof TourSchema>;
export const ToursFileSchema = v.array(TourSchema);

/** The schema's own words above, in Chinese (a presenter's file refused in the browser says them so). */
export const TOUR_WORDS_ZH: Readonly<Record<string, string>> = {
  'a string': '应为文字',
  'lower-case letters, digits and "-" only': '只能用小写字母、数字和“-”',
  'must not be empty': '不能为空',
  'needs non-empty "zh" and "en"': '需要非空的 "zh" 和 "en"',
  'a list of feature ids': '应为要素 id 的列表',
  'either { fit: [feature ids] } or { center: [lon, lat], zoom }':
    '应为 { fit: [要素 id] } 或 { center: [经度, 纬度], zoom }',
  '[lon, lat]': '应为 [经度, 纬度]',
  'a list of layer ids': '应为图层 id 的列表',
  '1–22 or null': '应为 1–22 或 null',
  'needs at least one step': '至少要有一步',
};
