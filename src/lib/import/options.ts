/**
 * (Read by the import worker too: nothing here may import the page's state or runes.)
 *
 * The choices an import is read with — the datum, a Shapefile's .dbf encoding, the projected
 * system of metre coordinates — as the app's state and panel need them, without the parsers
 * (formats.ts, in the import worker).
 */
import type { Text } from '../../contracts/vocab.ts';
import type { FromWorker } from './protocol.ts';

export type Datum = 'wgs84' | 'gcj02' | 'bd09';
export const DATUMS: readonly Datum[] = ['wgs84', 'gcj02', 'bd09'];
export type DbfEncoding = 'auto' | 'utf-8' | 'gbk';
export const DBF_ENCODINGS: readonly DbfEncoding[] = ['auto', 'gbk', 'utf-8'];

/**
 * The projected systems metre coordinates around Hulunbuir come in, converted with proj4:
 * Web Mercator, and CGCS2000 Gauss–Krüger 3° and 6° zones over 115°–127°E, with and without
 * the zone number before the easting. CGCS2000 is taken as WGS84 (they differ by centimetres).
 */
export interface Projection {
  epsg: number;
  name: Text;
  def: string;
}
const gk = (cm: number, x0: number) =>
  `+proj=tmerc +lat_0=0 +lon_0=${cm} +k=1 +x_0=${x0} +y_0=0 +ellps=GRS80 +units=m +no_defs`;
const gk3 = (cm: number, zoned: boolean): Projection => {
  const zone = cm / 3,
    epsg = zoned ? 4513 + zone - 25 : 4534 + (cm - 75) / 3;
  return {
    epsg,
    def: gk(cm, zoned ? zone * 1e6 + 5e5 : 5e5),
    name: zoned
      ? { zh: `CGCS2000 3°带 第 ${zone} 带（EPSG:${epsg}）`, en: `CGCS2000 3° GK zone ${zone} (EPSG:${epsg})` }
      : { zh: `CGCS2000 3°带 ${cm}°E（EPSG:${epsg}）`, en: `CGCS2000 3° GK CM ${cm}°E (EPSG:${epsg})` },
  };
};
const gk6 = (cm: number, zoned: boolean): Projection => {
  const zone = (cm + 3) / 6,
    epsg = zoned ? 4491 + zone - 13 : 4502 + (cm - 75) / 6;
  return {
    epsg,
    def: gk(cm, zoned ? zone * 1e6 + 5e5 : 5e5),
    name: zoned
      ? { zh: `CGCS2000 6°带 第 ${zone} 带（EPSG:${epsg}）`, en: `CGCS2000 6° GK zone ${zone} (EPSG:${epsg})` }
      : { zh: `CGCS2000 6°带 ${cm}°E（EPSG:${epsg}）`, en: `CGCS2000 6° GK CM ${cm}°E (EPSG:${epsg})` },
  };
};
export const PROJECTIONS: readonly Projection[] = [
  { epsg: 3857, name: { zh: 'Web 墨卡托（EPSG:3857）', en: 'Web Mercator (EPSG:3857)' }, def: 'EPSG:3857' },
  ...[117, 120, 123, 126].map((cm) => gk3(cm, false)),
  ...[117, 120, 123, 126].map((cm) => gk3(cm, true)),
  ...[117, 123].map((cm) => gk6(cm, false)),
  ...[117, 123].map((cm) => gk6(cm, true)),
];

/** The import settings (datum, .dbf encoding), kept in this browser like the layers. */
export const OPTIONS_KEY = 'hlbe-plan-map:import-options';
export interface ImportOptions {
  datum: Datum;
  dbfEncoding: DbfEncoding;
}

export function keptOptions(): ImportOptions {
  const fallback: ImportOptions = { datum: 'wgs84', dbfEncoding: 'auto' };
  try {
    const o = JSON.parse(localStorage.getItem(OPTIONS_KEY) ?? '{}') as Partial<ImportOptions>;
    return {
      datum: DATUMS.includes(o.datum as Datum) ? (o.datum as Datum) : fallback.datum,
      dbfEncoding: DBF_ENCODINGS.includes(o.dbfEncoding as DbfEncoding)
        ? (o.dbfEncoding as DbfEncoding)
        : fallback.dbfEncoding,
    };
  } catch {
    return fallback;
  }
}

/** A file being read: its progress, the worker's question, the answers given so far. */
export interface Job {
  id: number;
  file: File;
  datum: Datum;
  dbfEncoding: DbfEncoding;
  phase: string;
  bytes: number;
  total: number;
  features?: number;
  /** the worker asks: which CSV columns, or swap lat/lon? */
  question?: {
    columns?: string[];
    swapped?: boolean;
    lon?: string;
    lat?: string;
    projection?: { guess: number | null };
    epsg?: number;
  };
  /** the answers given so far (CSV columns, a swap, a projected system), kept for the next question */
  answers?: { lon?: string; lat?: string; swap?: boolean; epsg?: number };
  error?: Text;
  /** Cancel was pressed: whatever the worker finishes for this job is dropped */
  cancelling?: boolean;
}

/** A job's state after the worker's progress, question or failure. */
export function updateJob(job: Job, m: Extract<FromWorker, { type: 'progress' | 'question' | 'failed' }>): void {
  if (m.type === 'progress') {
    if (!performance.getEntriesByName('import:progress').length) performance.mark('import:progress');
    Object.assign(job, { phase: m.phase, bytes: m.bytes, total: m.total, features: m.features });
  } else if (m.type === 'question') {
    const [lon, lat] = [m.columns?.[0], m.columns?.[1] ?? m.columns?.[0]];
    job.question = {
      columns: m.columns,
      swapped: m.swapped,
      lon,
      lat,
      projection: m.projection,
      epsg: m.projection?.guess ?? undefined,
    };
  } else {
    job.error = m.reason;
    job.phase = 'failed';
  }
}
