import type { Feature, FeatureCollection, Geometry } from 'geojson';

export type Confidence = 'high' | 'medium' | 'low';

/** A reference to the plan: its task number (null for the parts before the tasks) and the quoted words. */
export interface PlanRef {
  task: number | null;
  part: string;
  quote: string;
}

/** Properties every feature of record carries. */
export interface BaseProps {
  id: string;
  name_zh: string;
  name_en: string;
  source: string;
  confidence: Confidence;
  approximate?: boolean;
  schematic?: boolean;
  plan_ref?: PlanRef[];
  [key: string]: unknown;
}

export type RecordFeature<G extends Geometry = Geometry> = Feature<G, BaseProps>;
export type RecordCollection<G extends Geometry = Geometry> = FeatureCollection<G, BaseProps>;

/** One output layer of record: a file under geodata/ and its tile settings. */
export interface LayerOutput {
  /** file name under geodata/ without extension; also the vector tile layer name */
  name: string;
  /** planning layers must carry plan_ref on every feature */
  planning: boolean;
  /** properties kept in the tiles (the rest is looked up from the data on click) */
  tileProps: string[];
  features: RecordFeature[];
}
