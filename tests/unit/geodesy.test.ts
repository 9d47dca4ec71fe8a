// Areas of record are ellipsoidal (WGS84): checked against GeographicLib's own published test values.
import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import geographiclib from 'geographiclib-geodesic';
import {
  areaKm2,
  destination,
  distanceM,
  distanceToPathM,
  formatArea,
  formatLength,
  geodesicCircle,
  pathM,
  polygonM,
} from '../../src/lib/geodesy.ts';
import { readGeojson } from './helpers.ts';

describe('ellipsoidal area', () => {
  it("matches GeographicLib's Planimeter test values (to 1 m²)", () => {
    // geodesictest.js "Planimeter0": the diamond (0,-1) (-1,0) (0,1) (1,0) [lat, lon]: 24 619 419 146 m²
    const diamond = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [-1, 0],
          [0, -1],
          [1, 0],
          [0, 1],
          [-1, 0],
        ],
      ],
    };
    expect(areaKm2(diamond) * 1e6).toBeCloseTo(24619419146, -1);
    // the octant (90,0) (0,0) (0,90): 63 758 202 715 511 m²
    const octant = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [0, 90],
          [0, 0],
          [90, 0],
          [0, 90],
        ],
      ],
    };
    expect(Math.abs(areaKm2(octant) * 1e6 - 63758202715511)).toBeLessThan(1);
  });

  it('subtracts holes, and does not depend on winding', () => {
    const outer = [
      [119, 49],
      [120, 49],
      [120, 50],
      [119, 50],
      [119, 49],
    ];
    const hole = [
      [119.2, 49.2],
      [119.2, 49.4],
      [119.4, 49.4],
      [119.4, 49.2],
      [119.2, 49.2],
    ];
    const full = areaKm2({ type: 'Polygon', coordinates: [outer] });
    expect(areaKm2({ type: 'Polygon', coordinates: [[...outer].reverse()] })).toBeCloseTo(full, 9);
    expect(areaKm2({ type: 'Polygon', coordinates: [outer, hole] })).toBeCloseTo(
      full - areaKm2({ type: 'Polygon', coordinates: [hole] }),
      9,
    );
  });

  it("is the area of record of every unit: ellipsoidal, about 0.3 % above Turf's sphere", () => {
    for (const u of readGeojson('units').features) {
      const ell = areaKm2(u.geometry);
      expect(u.properties.area_drawn_km2, u.properties.id).toBeCloseTo(ell, 0);
      const ratio = ell / (turf.area(u) / 1e6);
      expect(ratio, u.properties.id).toBeGreaterThan(1.001);
      expect(ratio, u.properties.id).toBeLessThan(1.006);
    }
  });
});

// GeographicLib's own test set (geodesictest.js): lat1, lon1, azi1, lat2, lon2, azi2, s12.
const GEOD_TEST = [
  [35.60777, -139.44815, 111.09874842956033, -11.17491, -69.95921, 129.28927088970877, 8935244.56048183],
  [55.52454, 106.05087, 22.0200598809828, 77.03196, 197.18234, 109.11204111067151, 4105086.171392441],
  [-21.97856, 142.59065, -32.44456876433189, 41.84138, 98.56635, -41.84359951440466, 8394328.894657671],
  [-66.99028, 112.2363, 173.73491240878403, -12.70631, 285.90344, 2.512956620913668, 11150344.231208025],
];

describe("the measuring tools' geodesy", () => {
  it("measures distances as GeographicLib's test set, to 1 mm", () => {
    for (const [lat1, lon1, azi1, lat2, lon2, , s12] of GEOD_TEST) {
      expect(Math.abs(distanceM([lon1, lat1], [lon2, lat2]) - s12)).toBeLessThan(1e-3);
      const [lon, lat] = destination([lon1, lat1], azi1, s12);
      // The far point, to 1e-9° (≈ 0.1 mm); longitudes compared modulo 360.
      expect(Math.abs(lat - lat2)).toBeLessThan(1e-9);
      expect(Math.abs(((lon - lon2 + 540) % 360) - 180)).toBeLessThan(1e-9);
    }
  });

  it("measures areas and perimeters as GeographicLib's Planimeter test, to 0.01 %", () => {
    const diamond = polygonM([
      [-1, 0],
      [0, -1],
      [1, 0],
      [0, 1],
    ]);
    expect(Math.abs(diamond.area / 24619419146 - 1)).toBeLessThan(1e-4);
    expect(Math.abs(diamond.perimeter - 627598.2731)).toBeLessThan(1e-3);
    const octant = polygonM([
      [0, 90],
      [0, 0],
      [90, 0],
    ]);
    expect(Math.abs(octant.area / 63758202715511 - 1)).toBeLessThan(1e-4);
    expect(Math.abs(octant.perimeter - 30022685)).toBeLessThan(1);
    // The path through the octant's corners, not closed: 20 020 719 m.
    expect(
      Math.abs(
        pathM([
          [0, 90],
          [0, 0],
          [90, 0],
        ]).total - 20020719,
      ),
    ).toBeLessThan(1);
  });

  it("Hailar seat to Manzhouli seat: geodesic, and Turf's sphere is off by more than the tools allow", () => {
    const hailar = [119.7288, 49.2103],
      manzhouli = [117.3785, 49.5977];
    const m = distanceM(hailar, manzhouli);
    expect(m).toBeGreaterThan(170_000);
    expect(m).toBeLessThan(180_000);
    const sphere = turf.distance(hailar, manzhouli, { units: 'meters' });
    expect(Math.abs(sphere / m - 1)).toBeGreaterThan(1e-3);
  });

  it('draws geodesic circles whose every vertex is at the radius', () => {
    const c = [119.7288, 49.2103];
    const ring = geodesicCircle(c, 50_000, 64);
    expect(ring).toHaveLength(65);
    expect(ring[0]).toEqual(ring[64]);
    for (const p of ring) expect(Math.abs(distanceM(c, p) - 50_000)).toBeLessThan(1e-3);
  });

  it('finds the distance to a path along its geodesics, to a metre', () => {
    const path = [
      [119, 49],
      [121, 49],
    ];
    // A point north of the middle of the leg: the nearest point is on the leg, not a vertex.
    const { m, at } = distanceToPathM([120, 49.3], path);
    expect(m).toBeLessThan(distanceM([120, 49.3], [119, 49]));
    expect(Math.abs(m - distanceM([120, 49.3], at))).toBeLessThan(1e-6);
    // Brute force along the leg's geodesic, every 10 m: never nearer than what was found.
    const line = geographiclib.Geodesic.WGS84.InverseLine(49, 119, 49, 121);
    let brute = Number.POSITIVE_INFINITY;
    for (let d = 0; d <= line.s13; d += 10) {
      const q = line.Position(d);
      brute = Math.min(brute, distanceM([120, 49.3], [q.lon2 ?? 0, q.lat2 ?? 0]));
    }
    expect(m).toBeLessThanOrEqual(brute + 0.01);
    expect(brute - m).toBeLessThan(1);
  });

  it('formats lengths and areas as the tools show them', () => {
    expect(formatLength(640.4, 'zh')).toBe('640 米');
    expect(formatLength(176_543, 'en')).toBe('176.5 km');
    expect(formatLength(12_345, 'zh')).toBe('12.35 公里');
    expect(formatArea(420_000, 'en')).toBe('42 ha');
    expect(formatArea(1_308_780_000, 'zh')).toBe('1,308.8 平方公里');
  });
});
