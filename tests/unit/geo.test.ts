import { readFileSync } from 'node:fs';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { insidePolygon } from '../../src/lib/geo.ts';

describe('insidePolygon (the map click test)', () => {
  it('agrees with turf on 2,000 points over the 14 units and the zones (holes and multipolygons included)', () => {
    const layers = ['units', 'zones'].map(
      (n) => JSON.parse(readFileSync(`geodata/${n}.geojson`, 'utf8')) as FeatureCollection<Polygon | MultiPolygon>,
    );
    let seed = 7;
    const rnd = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    let inside = 0;
    for (let i = 0; i < 2000; i++) {
      const p: [number, number] = [115.3 + rnd() * 11, 47 + rnd() * 6];
      for (const f of layers.flatMap((l) => l.features)) {
        const ours = insidePolygon(p, f.geometry);
        expect(ours, `${f.properties?.id} at ${p}`).toBe(booleanPointInPolygon(p, f.geometry));
        if (ours) inside++;
      }
    }
    expect(inside).toBeGreaterThan(1000);
  });
});
