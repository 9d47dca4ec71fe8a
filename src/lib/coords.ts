/**
 * Coordinates as planners write them: decimal degrees, degrees–minutes–seconds (with N/E or
 * 北纬/东经), and CGCS2000 Gauss–Krüger metres (X northing, Y easting, with or without the
 * zone number before the easting). Read here for "go to a coordinate" (the search box) and
 * written here for the readout. The projected systems are the import's (import/options.ts
 * PROJECTIONS: one home); converting them needs proj4, loaded when used (gkToLonLat, lonLatToGk).
 */
import { PROJECTIONS, type Projection } from './import/options.ts';
import type { Text } from '../contracts/vocab.ts';

export type LonLat = [number, number];

/** What a typed text is as a coordinate: a point, Gauss–Krüger metres (zone known or not), or a problem. */
export type Parsed =
  | { kind: 'lonlat'; lonlat: LonLat }
  | { kind: 'gk'; easting: number; northing: number; zone: number | null; width: 3 | 6 }
  | { kind: 'bad'; problem: Text };

const bad = (zh: string, en: string): Parsed => ({ kind: 'bad', problem: { zh, en } });

/** Full-width digits and marks, Chinese words for degrees and hemispheres, to one plain form. */
function normalize(s: string): string {
  return s
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[，、；;]/g, ',')
    .replace(/．/g, '.')
    .replace(/[－−]/g, '-')
    .replace(/北纬/g, 'N')
    .replace(/南纬/g, 'S')
    .replace(/东经/g, 'E')
    .replace(/西经/g, 'W')
    .replace(/[度º˚]/g, '°')
    .replace(/[分′’']/g, "'")
    .replace(/[秒″”"]|''/g, '"')
    .trim();
}

/** One angle: degrees with optional minutes and seconds, a hemisphere letter before or after. */
const ANGLE =
  /([NSEW])?\s*(\d+(?:\.\d+)?)\s*(?:°\s*(?:(\d+(?:\.\d+)?)\s*'\s*)?(?:(\d+(?:\.\d+)?)\s*"\s*)?)?\s*([NSEW])?/giy;

interface Angle {
  value: number;
  hemi: string | null;
  /** written with ° (or with a decimal point): an angle, not just a number */
  marked: boolean;
}

/** The angles of a text, null when it is not a list of angles, 'minutes' when minutes or seconds reach 60. */
function angles(s: string): Angle[] | 'minutes' | null {
  const out: Angle[] = [];
  let i = 0;
  while (i < s.length) {
    while (i < s.length && /[\s,]/.test(s[i])) i++;
    if (i >= s.length) break;
    const sign = s[i] === '-' ? -1 : 1;
    if (sign < 0) i++;
    ANGLE.lastIndex = i;
    const m = ANGLE.exec(s);
    if (!m || m[0].trim() === '' || m.index !== i) return null;
    const [, h1, d, mi, se] = m;
    // "N49° E119°": a letter after the first angle that had one before it is the second's
    let h2: string | undefined = m[5];
    let end = ANGLE.lastIndex;
    if (h1 && h2) [h2, end] = [undefined, end - 1];
    const minutes = mi ? Number(mi) : 0;
    const seconds = se ? Number(se) : 0;
    if (minutes >= 60 || seconds >= 60) return 'minutes';
    out.push({
      value: sign * (Number(d) + minutes / 60 + seconds / 3600),
      hemi: (h1 ?? h2 ?? '').toUpperCase() || null,
      marked: m[0].includes('°') || d.includes('.'),
    });
    i = end;
  }
  return out;
}

/** "X=", "Y:", "X " before a number: the labels of surveyed metres (the readout's own copy writes "X … Y …"). */
const LABEL = /(^|[\s,])[XY]\s*[=:：]?\s*(?=-?\d)/gi;

/**
 * Reads a typed coordinate, or null when the text is not one (a place name, a task, a year, a
 * period, a code): "119.76, 49.21", "49°12′N 119°45′E", "北纬49°12′ 东经119°45′", "40 500000,
 * 5450000", "40500000 5450000", "X=5450000 Y=40500000", "500000 5450000" (zone not given:
 * asked). What is plainly meant as a coordinate but cannot be one is a problem, said.
 */
export function parseCoordinate(text: string): Parsed | null {
  const s = normalize(text);
  if (!/\d/.test(s) || /[^\d\s.,°'"NSEWXYnsewxy=:：+-]/.test(s)) return null;
  const labelled = LABEL.test(s);
  const plain = s.replace(LABEL, '$1');
  // metres: two or three numbers, one of them a northing's size (7 digits)
  const nums = plain
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((p) => (/^-?\d+(?:\.\d+)?$/.test(p) ? Number(p) : Number.NaN));
  if (nums.every(Number.isFinite) && nums.some((n) => Math.abs(n) >= 100_000)) {
    const northing = nums.filter((v) => v >= 1e6 && v < 1e7).length;
    // a lone number (a code, a population), or numbers of which none is a northing: not a coordinate unless labelled
    if (!labelled && (nums.length < 2 || nums.length > 3 || northing === 0)) return null;
    if (nums.length === 3) {
      const [zone, e, n] = nums;
      if (!Number.isInteger(zone) || zone < 13 || zone > 45 || e >= 1e6)
        return bad(
          '三个数应为：带号、横坐标（东）、纵坐标（北），如 40 500000, 5450000',
          'Three numbers are read as zone, easting, northing, e.g. 40 500000, 5450000',
        );
      return gk(e + zone * 1e6, n);
    }
    if (nums.length !== 2)
      return bad('高斯–克吕格坐标需要两个数（X 和 Y）', 'Gauss–Krüger coordinates need two numbers (X and Y)');
    // the northing is the one of 7 digits; the easting has 6, or 8 with its zone
    const [a, b] = nums;
    const isNorthing = (v: number) => v >= 1e6 && v < 1e7;
    if (isNorthing(a) && !isNorthing(b)) return gk(b, a);
    if (isNorthing(b) && !isNorthing(a)) return gk(a, b);
    return bad(
      '无法分辨纵坐标（北，7 位数）与横坐标（东，6 位数，带号在前为 8 位）',
      'Cannot tell the northing (7 digits) from the easting (6 digits, or 8 with the zone before it)',
    );
  }
  if (labelled) return null;
  const a = angles(s);
  if (a === 'minutes') return bad('分和秒须小于 60', 'Minutes and seconds must be under 60');
  // two angles, each written as one (with ° or a decimal point): "2021-2035", "S201 S301", "1 2" are not coordinates
  if (a?.length !== 2 || !a.every((x) => x.marked)) return null;
  const [p, q] = a;
  const hemis = [p.hemi, q.hemi];
  let lat: number, lon: number;
  if (hemis.some((h) => h) && a.some((x) => x.value < 0))
    return bad('写了 N/S/E/W 时不要再写负号', 'With N/S/E/W, write no minus sign');
  if (hemis.every((h) => h)) {
    const latI = hemis.findIndex((h) => h === 'N' || h === 'S');
    const lonI = hemis.findIndex((h) => h === 'E' || h === 'W');
    if (latI < 0 || lonI < 0 || latI === lonI)
      return bad('需要一个纬度（N/S）和一个经度（E/W）', 'Give one latitude (N/S) and one longitude (E/W)');
    lat = a[latI].value * (a[latI].hemi === 'S' ? -1 : 1);
    lon = a[lonI].value * (a[lonI].hemi === 'W' ? -1 : 1);
  } else if (hemis.some((h) => h)) {
    return bad('请为两个数都写上 N/S 或 E/W，或都不写', 'Mark both numbers with N/S and E/W, or neither');
  } else {
    // plain numbers: longitude first, as GeoJSON and most GIS write it; a first number over 90 cannot be a latitude anyway
    [lon, lat] = Math.abs(p.value) <= 90 && Math.abs(q.value) > 90 ? [q.value, p.value] : [p.value, q.value];
  }
  if (Math.abs(lat) > 90) return bad('纬度须在 -90° 到 90° 之间', 'The latitude must be between -90° and 90°');
  if (Math.abs(lon) > 180) return bad('经度须在 -180° 到 180° 之间', 'The longitude must be between -180° and 180°');
  return { kind: 'lonlat', lonlat: [lon, lat] };
}

function gk(easting: number, northing: number): Parsed {
  if (northing < 1e6 || northing >= 1e7)
    return bad('纵坐标（北）应为 7 位数的米数', 'The northing must be a number of metres with 7 digits');
  const zone = easting >= 1e6 ? Math.floor(easting / 1e6) : null;
  if (zone !== null && (zone < 13 || zone > 45))
    return bad(
      `带号 ${zone} 不是中国的高斯–克吕格带（3° 带 25–45，6° 带 13–23）`,
      `Zone ${zone} is not a Gauss–Krüger zone of China (3°: 25–45, 6°: 13–23)`,
    );
  if (zone !== null && zone > 23 && zone < 25)
    return bad(
      `带号 ${zone} 不是中国的高斯–克吕格带（3° 带 25–45，6° 带 13–23）`,
      `Zone ${zone} is not a Gauss–Krüger zone of China (3°: 25–45, 6°: 13–23)`,
    );
  return { kind: 'gk', easting, northing, zone, width: zone !== null && zone <= 23 ? 6 : 3 };
}

/** The 3° Gauss–Krüger zone a longitude falls in: its number, central meridian and EPSG codes (with and without the zone in the easting). */
export function gkZone(lon: number): { zone: number; cm: number; epsg: number; epsgPlain: number } {
  const zone = Math.round(lon / 3);
  return { zone, cm: zone * 3, epsg: 4513 + zone - 25, epsgPlain: 4534 + (zone * 3 - 75) / 3 };
}

/** The projection of PROJECTIONS for a zone (3° or 6°, with the zone in the easting or without), or null outside the list. */
export function projectionFor(zone: number, width: 3 | 6, zoned: boolean): Projection | null {
  const cm = width === 3 ? zone * 3 : zone * 6 - 3;
  const epsg =
    width === 3 ? (zoned ? 4513 + zone - 25 : 4534 + (cm - 75) / 3) : zoned ? 4491 + zone - 13 : 4502 + (cm - 75) / 6;
  return PROJECTIONS.find((p) => p.epsg === epsg) ?? null;
}

/** The 3° zones of PROJECTIONS (over Hulunbuir): the candidates when metres come without a zone. */
export const GK3_ZONES = PROJECTIONS.filter((p) => p.epsg >= 4527 && p.epsg <= 4530).map((p) => p.epsg - 4513 + 25);

type Convert = (from: string, to: string, p: LonLat) => LonLat;
let proj: Promise<Convert> | null = null;
const proj4 = () =>
  (proj ??= import('proj4').then(
    (m) => (from: string, to: string, p: LonLat) => m.default(from, to).forward(p) as LonLat,
  ));

/** Gauss–Krüger metres to lon/lat (CGCS2000 taken as WGS84: centimetres apart). */
export async function gkToLonLat(p: Projection, easting: number, northing: number): Promise<LonLat> {
  const [lon, lat] = (await proj4())(p.def, 'EPSG:4326', [easting, northing]);
  return [lon, lat];
}

/** A converter that writes lon/lat as Gauss–Krüger metres at once (the readout follows the pointer): proj4 loaded first. */
export async function gkWriter(): Promise<
  (lonlat: LonLat) => { zone: number; epsg: number; x: number; y: number } | null
> {
  const convert = await proj4();
  return (lonlat) => {
    const z = gkZone(lonlat[0]);
    const p = projectionFor(z.zone, 3, true);
    if (!p) return null;
    const [e, n] = convert('EPSG:4326', p.def, lonlat);
    return { zone: z.zone, epsg: p.epsg, x: n, y: e };
  };
}

/** Lon/lat to Gauss–Krüger metres in the 3° zone the point falls in (the zone number in the easting). */
export async function lonLatToGk(lonlat: LonLat): Promise<{ zone: number; epsg: number; x: number; y: number } | null> {
  const z = gkZone(lonlat[0]);
  const p = projectionFor(z.zone, 3, true);
  if (!p) return null;
  const [e, n] = (await proj4())('EPSG:4326', p.def, lonlat);
  return { zone: z.zone, epsg: p.epsg, x: n, y: e };
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

/** 49°12′36.0″N 119°45′36.0″E — seconds to a tenth (≈ 3 m). */
export function formatDms([lon, lat]: LonLat): string {
  const one = (v: number, pos: string, neg: string) => {
    const a = Math.abs(v);
    let d = Math.floor(a);
    let m = Math.floor((a - d) * 60);
    let s = Math.round(((a - d) * 60 - m) * 600) / 10;
    if (s >= 60) [s, m] = [0, m + 1];
    if (m >= 60) [m, d] = [0, d + 1];
    return `${d}°${pad(m, 2)}′${s.toFixed(1).padStart(4, '0')}″${v < 0 ? neg : pos}`;
  };
  return `${one(lat, 'N', 'S')} ${one(lon, 'E', 'W')}`;
}

/** 119.76000, 49.21000 (lon, lat; 5 decimals ≈ 1 m). */
export const formatDecimal = ([lon, lat]: LonLat) => `${lon.toFixed(5)}, ${lat.toFixed(5)}`;

/** Metres grouped by thousands with a thin space: 5 450 000.0 */
export const formatMetres = (v: number) => v.toFixed(1).replace(/\B(?=(\d{3})+(?!\d))/g, '\u2009');
