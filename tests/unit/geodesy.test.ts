// Areas of record are ellipsoidal (WGS84): checked against GeographicLib's own published test values.
import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import { areaKm2 } from '../../scripts/data/lib/geodesy.ts';
import { readGeojson } from './helpers.ts';

describe('ellipsoidal area', () => {
  it('matches GeographicLib\'s Planimeter test values (to 1 m²)', () => {
    // geodesictest.js "Planimeter0": the diamond (0,-1) (-1,0) (0,1) (1,0) [lat, lon]: 24 619 419 146 m²
    const diamond = { type: 'Polygon' as const, coordinates: [[[-1, 0], [0, -1], [1, 0], [0, 1], [-1, 0]]] };
    expect(areaKm2(diamond) * 1e6).toBeCloseTo(24619419146, -1);
    // the octant (90,0) (0,0) (0,90): 63 758 202 715 511 m²
    const octant = { type: 'Polygon' as const, coordinates: [[[0, 90], [0, 0], [90, 0], [0, 90]]] };
    expect(Math.abs(areaKm2(octant) * 1e6 - 63758202715511)).toBeLessThan(1);
  });

  it('subtracts holes, and does not depend on winding', () => {
    const outer = [[119, 49], [120, 49], [120, 50], [119, 50], [119, 49]];
    const hole = [[119.2, 49.2], [119.2, 49.4], [119.4, 49.4], [119.4, 49.2], [119.2, 49.2]];
    const full = areaKm2({ type: 'Polygon', coordinates: [outer] });
    expect(areaKm2({ type: 'Polygon', coordinates: [[...outer].reverse()] })).toBeCloseTo(full, 9);
    expect(areaKm2({ type: 'Polygon', coordinates: [outer, hole] })).toBeCloseTo(full - areaKm2({ type: 'Polygon', coordinates: [hole] }), 9);
  });

  it('is the area of record of every unit: ellipsoidal, about 0.3 % above Turf\'s sphere', () => {
    for (const u of readGeojson('units').features) {
      const ell = areaKm2(u.geometry);
      expect(u.properties.area_drawn_km2, u.properties.id).toBeCloseTo(ell, 0);
      const ratio = ell / (turf.area(u) / 1e6);
      expect(ratio, u.properties.id).toBeGreaterThan(1.001);
      expect(ratio, u.properties.id).toBeLessThan(1.006);
    }
  });
});
