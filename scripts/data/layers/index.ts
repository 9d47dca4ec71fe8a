/**
 * Sources → layers of record. The registry (src/contracts/layers.ts) says which layers there
 * are and what each is; BUILDERS gives each its builder (TypeScript refuses a layer without
 * one, or a builder without a layer). Each builder reads its inputs under geodata/sources/
 * and returns features in WGS84 with the properties every layer needs (lib/types.ts).
 */
import type { Geometry, LineString, MultiPoint, Point, Position } from 'geojson';
import { DATA_LAYERS, DATA_LAYER_NAMES, type DataLayerName, layersWith } from '../../../src/contracts/layers.ts';
import { parseCsv } from '../lib/csv.ts';
import type { LayerOutput, RecordFeature } from '../lib/types.ts';
import { groundOf, placePoints } from '../placement.ts';
import { city } from './city.ts';
import { type BuildContext, type Builder, type Inputs, inputsAt } from './common.ts';
import { borders, contextLabels, lakes, rivers } from './context.ts';
import { heritage } from './heritage.ts';
import { ports } from './ports.ts';
import { railLines, railStations } from './rail.ts';
import { structureAreas } from './structure-areas.ts';
import { structurePoints } from './structure-points.ts';
import { units } from './units.ts';
import { zoneLabels } from './zone-labels.ts';
import { zones } from './zones.ts';

export { inputsAt, type Inputs };

export const BUILDERS: Record<DataLayerName, Builder> = {
  city,
  units,
  zones,
  zone_labels: zoneLabels,
  structure_areas: structureAreas,
  structure_points: structurePoints,
  rail_lines: railLines,
  rail_stations: railStations,
  heritage,
  ports,
  borders,
  rivers,
  lakes,
  context_labels: contextLabels,
};

export interface BuildResult {
  layers: LayerOutput[];
  report: { repairs: number; unplaced: string[] };
}

export function buildLayers(inp: Inputs): BuildResult {
  const built = new Map<DataLayerName, RecordFeature[]>();
  const building: DataLayerName[] = [];
  const shared = new Map<string, unknown>();
  const ctx: BuildContext = {
    inp,
    places: parseCsv(inp.read('reference/places.csv'), 'reference/places.csv'),
    layer<G extends Geometry>(name: DataLayerName) {
      if (!built.has(name)) {
        if (building.includes(name))
          throw new Error(`layer builders depend on each other in a circle: ${[...building, name].join(' → ')}`);
        building.push(name);
        built.set(name, BUILDERS[name](ctx));
        building.pop();
      }
      return built.get(name) as RecordFeature<G>[];
    },
    once<T>(key: string, make: () => T): T {
      if (!shared.has(key)) shared.set(key, make());
      return shared.get(key) as T;
    },
    report: { repairs: 0, unplaced: [] },
  };
  const layers = DATA_LAYER_NAMES.map(
    (name): LayerOutput => ({ name, planning: DATA_LAYERS[name].planning, features: ctx.layer(name) }),
  );
  // Points coarser than the lines they touch go to the right side; lines through them follow.
  const ground = groundOf((name) => ctx.layer(name));
  const moves = layersWith('placed').flatMap((name) => placePoints(ctx.layer<Point>(name), ground));
  const key = (p: Position) => p.join(',');
  const to = new Map(moves.map(([a, b]) => [key(a), b]));
  for (const line of ctx.layer<LineString | MultiPoint>('rail_lines'))
    line.geometry.coordinates = line.geometry.coordinates.map((p) => to.get(key(p)) ?? p);
  return { layers, report: ctx.report };
}
