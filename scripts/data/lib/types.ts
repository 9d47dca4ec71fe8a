import type { DataLayerName } from '../../../src/contracts/layers.ts';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { FeatureProps } from '../../../src/contracts/feature.ts';

export type { Confidence } from '../../../src/contracts/vocab.ts';
export type { PlanRef } from '../../../src/contracts/feature.ts';

/** Properties every feature of record carries (the contract in src/contracts/feature.ts). */
export type BaseProps = FeatureProps;

export type RecordFeature<G extends Geometry = Geometry> = Feature<G, BaseProps>;
export type RecordCollection<G extends Geometry = Geometry> = FeatureCollection<G, BaseProps>;

/**
 * One output layer of record: a file under geodata/ and a source-layer of the tile archive.
 * Which properties its tiles carry is not said here: the map's layer catalog says what the
 * style reads (src/lib/map/catalog.ts, tilePropsOf).
 */
export interface LayerOutput {
  /** file name under geodata/ without extension; also the vector tile layer name */
  name: DataLayerName;
  /** planning layers must carry plan_ref on every feature */
  planning: boolean;
  features: RecordFeature[];
}
