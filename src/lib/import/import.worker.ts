/**
 * The import worker: reads, parses, validates, converts, indexes and joins a planner's file
 * off the main thread (the map stays pannable), keeps each imported layer as vector tiles
 * (geojson-vt; served to MapLibre through the `imported://` protocol, so no large object
 * crosses to the main thread), answers for a clicked feature's full properties, and keeps
 * every layer in IndexedDB so a reload loses nothing.
 */
import geojsonvt from 'geojson-vt';
import vtpbf from 'vt-pbf';
import { createStore, del, entries, get, set } from 'idb-keyval';
import type { Feature } from 'geojson';
import { ColumnsQuestion, ImportError, ProjectionQuestion, readFile } from './formats.ts';
import { bboxOf, positions } from '../geo.ts';
import { joinRows, joinToUnits, unitsFrom, type Unit } from './join.ts';
import { IMPORT_DB, IMPORT_STORE, type FromWorker, type ImportedMeta, type ToWorker } from './protocol.ts';
import type { StatsRow } from '../../contracts/stats.ts';

const store = createStore(IMPORT_DB, IMPORT_STORE);
interface Stored { meta: ImportedMeta; features: Feature[] }
const layers = new Map<string, { meta: ImportedMeta; features: Feature[]; index: InstanceType<typeof geojsonvt> }>();
const cancelled = new Set<number>();
let base = '';
let ground: Promise<{ units: Unit[]; stats: StatsRow[] }> | null = null;

const post = (m: FromWorker, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);

function loadGround() {
  ground ??= Promise.all([
    fetch(new URL('data/layers/units.geojson', base)).then((r) => r.json()),
    fetch(new URL('data/stats.json', base)).then((r) => r.json()),
  ]).then(([u, s]) => ({ units: unitsFrom(u.features), stats: s.rows as StatsRow[] }));
  ground.catch(() => { ground = null; });
  return ground;
}

/** The name a feature shows: the first of the usual name fields, else its number. */
function labelOf(p: Record<string, unknown>, i: number): string {
  for (const k of ['name', 'Name', 'NAME', '名称', '名字', 'title', 'label', '村名', 'name_zh']) {
    if (typeof p[k] === 'string' || typeof p[k] === 'number') return String(p[k]).slice(0, 80);
  }
  return `#${i + 1}`;
}

function indexOf(features: Feature[]) {
  // The tiles carry a feature's number and a short label; the card asks for the rest.
  const slim = features.map((f, i) => ({ type: 'Feature' as const, properties: { __i: i, label: labelOf(f.properties ?? {}, i) }, geometry: f.geometry }));
  return new geojsonvt({ type: 'FeatureCollection', features: slim }, { maxZoom: 14, indexMaxZoom: 5, tolerance: 3, buffer: 64 });
}

async function readAll(job: number, file: File): Promise<Uint8Array> {
  const out = new Uint8Array(file.size);
  const reader = file.stream().getReader();
  let at = 0, last = 0;
  for (;;) {
    if (cancelled.has(job)) { await reader.cancel(); throw new Error('cancelled'); }
    const { done, value } = await reader.read();
    if (done) break;
    out.set(value, at);
    at += value.length;
    if (at - last > 1 << 20 || at === file.size) { post({ type: 'progress', job, phase: 'reading', bytes: at, total: file.size }); last = at; }
  }
  return out.subarray(0, at);
}

async function importFile(m: Extract<ToWorker, { type: 'read' }>) {
  const { job, file } = m;
  try {
    post({ type: 'progress', job, phase: 'reading', bytes: 0, total: file.size });
    const bytes = await readAll(job, file);
    post({ type: 'progress', job, phase: 'parsing', bytes: bytes.length, total: file.size });
    const r = await readFile(file.name, bytes, { datum: m.datum, swap: m.swap, lon: m.lon, lat: m.lat, epsg: m.epsg, dbfEncoding: m.dbfEncoding });
    if (cancelled.has(job)) throw new Error('cancelled');
    if (r.swapped) { post({ type: 'question', job, swapped: true }); return; }
    post({ type: 'progress', job, phase: 'indexing', bytes: bytes.length, total: file.size, features: r.features.length });
    const id = `imp-${Date.now().toString(36)}-${job}`;
    const index = indexOf(r.features);
    const kinds = { points: 0, lines: 0, polygons: 0 };
    for (const f of r.features) {
      const t = f.geometry.type;
      if (t.endsWith('Point')) kinds.points++; else if (t.endsWith('LineString')) kinds.lines++; else kinds.polygons++;
    }
    const meta: ImportedMeta = {
      id, name: file.name, format: r.format, datum: m.datum, count: r.features.length,
      skippedCount: r.skipped.length, skipped: r.skipped.slice(0, 50), notes: r.notes, kinds, bbox: bboxOf(r.features.flatMap((f) => positions(f.geometry))), bytes: file.size,
      colour: m.colour, visible: true, join: [],
    };
    // Drawn first (the tiles are ready), then joined to the plan, then kept.
    layers.set(id, { meta, features: r.features, index });
    post({ type: 'done', job, meta });
    try {
      const g = await loadGround();
      meta.join = joinRows(joinToUnits(r.features, g.units), g.stats);
      post({ type: 'joined', layer: id, join: meta.join });
    } catch { /* the plan's ground is not there: no join, the layer is still drawn */ }
    await set(id, { meta, features: r.features } satisfies Stored, store);
  } catch (e) {
    if (e instanceof ColumnsQuestion) post({ type: 'question', job, columns: e.columns });
    else if (e instanceof ProjectionQuestion) post({ type: 'question', job, projection: { guess: e.guess } });
    else if ((e as Error).message === 'cancelled') post({ type: 'cancelled', job });
    else post({ type: 'failed', job, reason: e instanceof ImportError ? e.text : { zh: `无法读取：${(e as Error).message}`, en: `could not be read: ${(e as Error).message}` } });
  } finally {
    cancelled.delete(job);
  }
}

self.onmessage = async (ev: MessageEvent<ToWorker>) => {
  const m = ev.data;
  switch (m.type) {
    case 'init': base = m.base; break;
    case 'read': await importFile(m); break;
    case 'cancel': cancelled.add(m.job); break;
    case 'tile': {
      const t = layers.get(m.layer)?.index.getTile(m.z, m.x, m.y);
      const data = t?.features.length ? vtpbf.fromGeojsonVt({ imported: t }, { version: 2 }) : null;
      const buf = data ? data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) : null;
      post({ type: 'reply', req: m.req, data: buf }, buf ? [buf as ArrayBuffer] : []);
      break;
    }
    case 'feature': post({ type: 'reply', req: m.req, data: layers.get(m.layer)?.features[m.index]?.properties ?? null }); break;
    case 'geojson': {
      const l = layers.get(m.layer);
      post({ type: 'reply', req: m.req, data: l ? JSON.stringify({ type: 'FeatureCollection', features: l.features }) : null });
      break;
    }
    case 'restore': {
      const metas: ImportedMeta[] = [];
      for (const [key, value] of await entries<string, Stored>(store)) {
        const v = value as Stored;
        if (!v?.meta || !Array.isArray(v.features)) { await del(key, store); continue; }
        layers.set(v.meta.id, { meta: v.meta, features: v.features, index: indexOf(v.features) });
        metas.push(v.meta);
      }
      post({ type: 'reply', req: m.req, data: metas.sort((a, b) => a.id.localeCompare(b.id)) });
      break;
    }
    case 'update': {
      const l = layers.get(m.layer);
      if (!l) break;
      l.meta = { ...l.meta, ...(m.colour ? { colour: m.colour } : {}), ...(m.visible !== undefined ? { visible: m.visible } : {}) };
      const stored = await get<Stored>(m.layer, store);
      if (stored) await set(m.layer, { ...stored, meta: l.meta }, store);
      break;
    }
    case 'remove': layers.delete(m.layer); await del(m.layer, store); break;
  }
};
