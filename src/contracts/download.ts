/**
 * The contract of a layer download (data/layers/<name>.geojson, written by
 * scripts/data/downloads.ts): an RFC 7946 FeatureCollection with a `metadata` member.
 */
import * as v from 'valibot';

const TextSchema = v.object({ zh: v.string(), en: v.string() });

export const LayerMetadataSchema = v.object({
  layer: v.string(),
  title: TextSchema,
  features: v.number(),
  plan: TextSchema,
  datum: TextSchema,
  licences: TextSchema,
  attribution: v.string(),
  /** every distinct source named by a feature of the layer */
  sources: v.array(v.string()),
  /** present when the geometry is schematic */
  schematic: v.optional(TextSchema),
});
export type LayerMetadata = v.InferOutput<typeof LayerMetadataSchema>;

export const LayerDownloadSchema = v.object({
  type: v.literal('FeatureCollection'),
  metadata: LayerMetadataSchema,
  features: v.array(
    v.object({
      type: v.literal('Feature'),
      properties: v.looseObject({ id: v.string() }),
      geometry: v.looseObject({ type: v.string(), coordinates: v.array(v.union([v.number(), v.array(v.unknown())])) }),
    }),
  ),
});
export type LayerDownload = v.InferOutput<typeof LayerDownloadSchema>;
