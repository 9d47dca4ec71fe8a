/** Messages between the app and the import worker (import.worker.ts). */
import type { Format, Problem } from './formats.ts';
import type { Datum, DbfEncoding } from './options.ts';
import type { JoinRow } from './join.ts';
import type { Text } from '../../contracts/vocab.ts';
import type { Condition, Legend, RowsQuery, StyleSpec } from './table.ts';

/** Where imported layers are kept (IndexedDB), one record per layer: { meta, features }. */
export const IMPORT_DB = 'hlbe-plan-map-imports';
export const IMPORT_STORE = 'layers';

export interface ImportedMeta {
  id: string;
  name: string;
  format: Format;
  datum: Datum;
  count: number;
  /** how many features were skipped, and the first reasons */
  skippedCount: number;
  skipped: Problem[];
  notes: Text[];
  kinds: { points: number; lines: number; polygons: number };
  bbox: [number, number, number, number];
  bytes: number;
  colour: string;
  visible: boolean;
  join: JoinRow[];
  /** the file named no coordinate system: the datum it was read in is to be confirmed (or changed) by the user */
  datumOpen?: boolean;
  /** another datum fits the plan's boundaries and places much better: which, and the median metres off as read and in it */
  hint?: { datum: Datum; off: number; fits: number } | null;
  /** the filter drawn by (the table's conditions, with and): only the features meeting it are on the map */
  filter?: Condition[];
  /** how many features meet the filter (the count when there is none) */
  matched?: number;
  /** styled by a field: the spec, and the legend it gave */
  style?: StyleSpec | null;
  legend?: Legend | null;
  /** points sized by a number field (its range, for the legend), and features labelled by a field */
  sizeBy?: { field: string; min: number; max: number } | null;
  labelBy?: string | null;
}

export type ToWorker =
  | { type: 'init'; base: string }
  | {
      type: 'read';
      job: number;
      file: File;
      datum: Datum;
      dbfEncoding: DbfEncoding;
      swap?: boolean;
      lon?: string;
      lat?: string;
      epsg?: number;
      colour: string;
    }
  | { type: 'cancel'; job: number }
  | { type: 'tile'; req: number; layer: string; z: number; x: number; y: number }
  | { type: 'feature'; req: number; layer: string; index: number }
  | { type: 'restore'; req: number }
  | { type: 'update'; layer: string; colour?: string; visible?: boolean; datumOpen?: false }
  | { type: 'remove'; layer: string }
  /** the layer as GeoJSON text; `styled`: with its style as attributes (style_colour, style_class, style_size) */
  | { type: 'geojson'; req: number; layer: string; styled?: 'zh' | 'en' }
  | { type: 'redatum'; req: number; layer: string; datum: Datum }
  | { type: 'search'; req: number; q: string; limit: number }
  /** a page of the layer's table (reply: RowsPage) */
  | { type: 'rows'; req: number; layer: string; query: RowsQuery }
  /** draw the layer by a filter and a style (reply: the layer's meta, with its legend) */
  | {
      type: 'restyle';
      req: number;
      layer: string;
      filter: Condition[];
      style: StyleSpec | null;
      sizeBy: string | null;
      labelBy: string | null;
    }
  /** where a feature is among the table's rows in that order (reply: its position, −1 if not there) */
  | { type: 'row-of'; req: number; layer: string; query: Omit<RowsQuery, 'offset' | 'limit'>; index: number }
  /** where a feature is (reply: its bbox) */
  | { type: 'bbox'; req: number; layer: string; index: number };

/** An imported feature found by its name: its layer, number, name and box (search). */
export interface ImportHit {
  layer: string;
  index: number;
  label: string;
  bbox: [number, number, number, number];
}

export type FromWorker =
  | {
      type: 'progress';
      job: number;
      phase: 'reading' | 'parsing' | 'indexing' | 'joining' | 'saving';
      bytes: number;
      total: number;
      features?: number;
    }
  | { type: 'done'; job: number; meta: ImportedMeta }
  | { type: 'joined'; layer: string; join: ImportedMeta['join']; hint: ImportedMeta['hint'] }
  | { type: 'failed'; job: number; reason: Text }
  | { type: 'question'; job: number; columns?: string[]; swapped?: boolean; projection?: { guess: number | null } }
  | { type: 'cancelled'; job: number }
  | { type: 'reply'; req: number; data: unknown }
  /** the Content-Security-Policy stopped something in the worker (said on the page's console) */
  | { type: 'violation'; text: string }
  /** a write to IndexedDB was refused (private mode, storage full): the layer lives for this visit only */
  | { type: 'not-kept'; problem: 'unavailable' | 'full' };
