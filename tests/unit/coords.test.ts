// Go to a coordinate: what the search box reads as one, and the readout's forms, against proj4.
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import {
  formatDecimal,
  formatDms,
  gkToLonLat,
  gkZone,
  lonLatToGk,
  parseCoordinate,
  projectionFor,
} from '../../src/lib/coords.ts';

const lonlat = (t: string) => {
  const p = parseCoordinate(t);
  expect(p?.kind, t).toBe('lonlat');
  return p?.kind === 'lonlat' ? p.lonlat.map((v) => Number(v.toFixed(6))) : null;
};

describe('a typed coordinate', () => {
  it('decimal degrees, longitude first or (when it cannot be a latitude) second', () => {
    expect(lonlat('119.76, 49.21')).toEqual([119.76, 49.21]);
    expect(lonlat('119.76 49.21')).toEqual([119.76, 49.21]);
    expect(lonlat('49.21，119.76')).toEqual([119.76, 49.21]);
    expect(lonlat('-70.5, -33.4')).toEqual([-70.5, -33.4]);
  });

  it('degrees, minutes and seconds, with N/E or 北纬/东经, in either order', () => {
    expect(lonlat('49°12′N 119°45′E')).toEqual([119.75, 49.2]);
    expect(lonlat('119°45′E, 49°12′N')).toEqual([119.75, 49.2]);
    expect(lonlat('N49°12\'36" E119°45\'36"')).toEqual([119.76, 49.21]);
    expect(lonlat('北纬49°12′36″ 东经119°45′36″')).toEqual([119.76, 49.21]);
    expect(lonlat('49度12分N 119度45分E')).toEqual([119.75, 49.2]);
    expect(lonlat('49.21N 119.76E')).toEqual([119.76, 49.21]);
  });

  it('Gauss–Krüger metres: the zone before the easting, as an 8-digit easting, X (northing) first, or no zone', () => {
    expect(parseCoordinate('40 500000, 5450000')).toEqual({
      kind: 'gk',
      easting: 40500000,
      northing: 5450000,
      zone: 40,
      width: 3,
    });
    expect(parseCoordinate('40500000 5450000')).toMatchObject({ easting: 40500000, northing: 5450000, zone: 40 });
    expect(parseCoordinate('X=5450000 Y=40500000')).toMatchObject({ easting: 40500000, northing: 5450000, zone: 40 });
    expect(parseCoordinate('500000, 5450000')).toMatchObject({ kind: 'gk', easting: 500000, zone: null, width: 3 });
    expect(parseCoordinate('21 500000 5450000')).toMatchObject({ kind: 'gk', zone: 21, width: 6 });
  });

  it('not a coordinate: names, tasks, a year, a period, a code, road numbers, numbers without a decimal point', () => {
    for (const t of [
      '满洲里',
      'task 2',
      '任务2',
      '2022',
      '2022年',
      'G10',
      '301国道',
      'E',
      '',
      '2021-2035',
      '150700',
      '119,76',
      '1 2',
      'S201 S301',
      'N49 E119',
      '500000 600000',
    ])
      expect(parseCoordinate(t), t).toBeNull();
  });

  it("labelled metres with spaces, and the readout's own copy pasted back", () => {
    for (const t of ['X: 5450000 Y: 40500000', 'X = 5450000, Y = 40500000', 'X 5450000.0  Y 40500000.0'])
      expect(parseCoordinate(t), t).toMatchObject({ kind: 'gk', easting: 40500000, northing: 5450000, zone: 40 });
  });

  it('a coordinate that cannot be: said at once, in both languages', () => {
    const problem = (t: string) => {
      const p = parseCoordinate(t);
      return p?.kind === 'bad' ? p.problem : null;
    };
    expect(problem('119.76, 95.2')?.zh).toMatch(/纬度须在/);
    expect(problem('200.5, 49.1')?.en).toMatch(/longitude must be between/);
    expect(problem('49°12′N 119°45′N')?.en).toMatch(/one latitude .* one longitude/);
    expect(problem('49°12′N 119°45′')?.zh).toMatch(/N\/S 或 E\/W/);
    expect(problem('24 500000 5450000')?.zh).toMatch(/带号/);
    expect(problem('X=500000 Y=600000')?.en).toMatch(/northing/);
    expect(problem('X=5450000')?.en).toMatch(/two numbers/);
    expect(problem('49°72′N 119°45′E')?.zh).toBe('分和秒须小于 60');
  });
});

describe('Gauss–Krüger conversions', () => {
  it('the zone a longitude falls in, and its EPSG codes', () => {
    expect(gkZone(119.76)).toEqual({ zone: 40, cm: 120, epsg: 4528, epsgPlain: 4549 });
    expect(gkZone(116.0)).toEqual({ zone: 39, cm: 117, epsg: 4527, epsgPlain: 4548 });
    expect(gkZone(125.9)).toMatchObject({ zone: 42, epsg: 4530 });
    expect(projectionFor(40, 3, true)?.epsg).toBe(4528);
    expect(projectionFor(40, 3, false)?.epsg).toBe(4549);
    expect(projectionFor(21, 6, true)?.epsg).toBe(4499);
  });

  it('to and from lon/lat within a centimetre of proj4 with the EPSG definition', async () => {
    const def4528 = '+proj=tmerc +lat_0=0 +lon_0=120 +k=1 +x_0=40500000 +y_0=0 +ellps=GRS80 +units=m +no_defs';
    const [e, n] = proj4('EPSG:4326', def4528, [119.76, 49.21]);
    const gk = await lonLatToGk([119.76, 49.21]);
    expect(gk?.zone).toBe(40);
    expect(gk?.epsg).toBe(4528);
    expect(Math.abs((gk?.y ?? 0) - e)).toBeLessThan(0.01);
    expect(Math.abs((gk?.x ?? 0) - n)).toBeLessThan(0.01);
    const back = await gkToLonLat(projectionFor(40, 3, true) as NonNullable<ReturnType<typeof projectionFor>>, e, n);
    expect(Math.abs(back[0] - 119.76)).toBeLessThan(1e-8);
    expect(Math.abs(back[1] - 49.21)).toBeLessThan(1e-8);
    // the central meridian's easting is 500 km (+ the zone's millions)
    expect((await lonLatToGk([120, 49.21]))?.y).toBeCloseTo(40_500_000, 3);
  });

  it('written for a person: 度分秒 to a tenth of a second, decimals to 5 places', () => {
    expect(formatDms([119.76, 49.21])).toBe('49°12′36.0″N 119°45′36.0″E');
    expect(formatDms([119.999999, -0.5])).toBe('0°30′00.0″S 120°00′00.0″E');
    expect(formatDecimal([119.76, 49.21])).toBe('119.76000, 49.21000');
  });
});
