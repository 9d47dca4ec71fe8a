/**
 * The import worker: reads, parses, validates, converts, indexes and joins a planner's file
 * off the main thread (the map stays pannable), keeps each imported layer as vector tiles
 * (geojson-vt; served to MapLibre through the `imported://` protocol, so no large object
 * crosses to the main thread), answers for a clicked feature's full properties, and keeps
 * every layer in IndexedDB so a reload loses nothing.
 */
import {
  columnsOf,
  matching,
  orderOf,
  rowsOf,
  type RowsPage,
  type RowsQuery,
  sizesBy,
  styleFeatures,
} from './table.ts';
import { cellText } from '../exchange/fields.ts';
import type { Field } from '../exchange/fields.ts';
import geojsonvt from 'geojson-vt';
import vtpbf from 'vt-pbf';
import { createStore, del, entries, get, set } from 'idb-keyval';
import { storageProblemOf } from '../state/storage-problem.ts';
import type { Feature } from 'geojson';
import { ColumnsQuestion, ImportError, ProjectionQuestion, readFile, reinterpret } from './formats.ts';
import { bboxOf, mapPositions, positions } from '../geo.ts';
import { joinRows, joinToUnits, rowsWithSplitUnits, unitsFrom, type Unit } from './join.ts';
import { datumFit, offerOtherDatum, referenceOf, type Reference } from './datum-hint.ts';
import {
  IMPORT_DB,
  IMPORT_STORE,
  type FromWorker,
  type ImportHit,
  type ImportedMeta,
  type ToWorker,
} from './protocol.ts';
import type { StatsRow } from '../../contracts/stats.ts';
import { layersBy } from '../../contracts/layers.ts';
import { nextTask } from '../next-task.ts';

const store = createStore(IMPORT_DB, IMPORT_STORE);
interface Stored {
  meta: ImportedMeta;
  features: Feature[];
}
interface Layer {
  meta: ImportedMeta;
  features: Feature[];
  index: InstanceType<typeof geojsonvt>;
  labels: string[];
  columns: Field[];
  /** the table's last order (its query without the page), kept while only the page scrolls */
  order?: { key: string; ids: number[] };
}
const layers = new Map<string, Layer>();
const cancelled = new Set<number>();
let base = '';
let ground: Promise<{ units: Unit[]; areas: Unit[]; stats: StatsRow[]; reference: Reference }> | null = null;
/** the places of record the datum hint measures against, with the units' boundaries */
const PLACES = layersBy('pick');

const post = (m: FromWorker, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(m, transfer);

function loadGround() {
  const json = (path: string) =>
    fetch(new URL(path, base)).then((r) => {
      if (!r.ok) throw new Error(`${path}: ${r.status}`);
      return r.json();
    });
  ground ??= Promise.all([
    json('data/layers/units.geojson'),
    json('data/stats.json'),
    json('data/layers/zones.geojson'),
    json('data/layers/structure_areas.geojson'),
    ...PLACES.map((n) => json(`data/layers/${n}.geojson`)),
  ]).then(([u, s, z, a, ...places]) => {
    const units = unitsFrom(u.features);
    const stats = s.rows as StatsRow[];
    // The rows a unit only partly belongs to are joined to their own polygons.
    const split = rowsWithSplitUnits(stats);
    const areas = unitsFrom(
      [...z.features, ...a.features].filter((f: { properties: { id: string } }) => split.has(f.properties.id)),
    );
    const points = places.flatMap((p: { features: Feature[] }) => p.features.flatMap((f) => positions(f.geometry)));
    return { units, areas, stats, reference: referenceOf(units, points) };
  });
  ground.catch(() => {
    ground = null;
  });
  return ground;
}

/** The name a feature shows: the first of the usual name fields, else its number. */
function labelOf(p: Record<string, unknown>, i: number): string {
  for (const k of ['name', 'Name', 'NAME', '名称', '名字', 'title', 'label', '村名', 'name_zh']) {
    if (typeof p[k] === 'string' || typeof p[k] === 'number') return String(p[k]).slice(0, 80);
  }
  return `#${i + 1}`;
}

/** A layer as the worker keeps it: its features, their tiles and their names (for search). */
function layerOf(meta: ImportedMeta, features: Feature[]): Layer {
  // The tiles carry a feature's number, a short label and its colour by the layer's style (if
  // styled); only the features meeting the layer's filter are in them. The card asks for the rest.
  const labels = features.map((f, i) => labelOf(f.properties ?? {}, i));
  const columns = columnsOf(features);
  const shown = matching(features, meta.filter ?? []);
  const colours = meta.style ? styleFeatures(features, meta.style, columns).colours : null;
  const sizes = meta.sizeBy ? sizesBy(features, meta.sizeBy.field)?.sizes : null;
  const by = meta.labelBy;
  const slim = shown.map((i) => {
    const text = by ? cellText(features[i].properties?.[by]).slice(0, 40) : '';
    return {
      type: 'Feature' as const,
      properties: {
        __i: i,
        label: labels[i],
        ...(colours?.[i] ? { __c: colours[i] } : {}),
        ...(sizes?.[i] != null ? { __s: sizes[i] } : {}),
        ...(text ? { __l: text } : {}),
      },
      geometry: features[i].geometry,
    };
  });
  const index = new geojsonvt(
    { type: 'FeatureCollection', features: slim },
    { maxZoom: 14, indexMaxZoom: 5, tolerance: 3, buffer: 64 },
  );
  return { meta, features, index, labels, columns };
}

/** The table's rows in the order a query asks (kept while only the page changes). */
function orderFor(l: Layer, query: Omit<RowsQuery, 'offset' | 'limit'>): number[] {
  const { conditions, q, sort, desc } = query;
  const key = JSON.stringify([conditions, q, sort, desc]);
  if (l.order?.key !== key) l.order = { key, ids: orderOf(l.features, l.columns, { conditions, q, sort, desc }) };
  return l.order.ids;
}

/**
 * The features with their style as attributes, for an export that keeps it: the colour drawn
 * (style_colour), the class or category it is in (style_class), the point's radius (style_size).
 */
function styledFeatures(l: Layer, lang: 'zh' | 'en'): Feature[] {
  const styled = l.meta.style ? styleFeatures(l.features, l.meta.style, l.columns) : null;
  const sizes = l.meta.sizeBy ? sizesBy(l.features, l.meta.sizeBy.field)?.sizes : null;
  if (!styled && !sizes) return l.features;
  const classOf = new Map(styled?.legend.entries.map((e) => [e.colour, e.label[lang]]) ?? []);
  return l.features.map((f, i) => {
    const colour = styled?.colours[i] ?? null;
    return {
      ...f,
      properties: {
        ...f.properties,
        ...(styled ? { style_colour: colour, style_class: colour ? (classOf.get(colour) ?? null) : null } : {}),
        ...(sizes ? { style_size: sizes[i] } : {}),
      },
    };
  });
}

/** Imported features whose name contains the query (case-insensitive), whole names first. */
function searchLabels(q: string, limit: number): ImportHit[] {
  const needle = q.trim().toLowerCase();
  if (!needle) return [];
  const hits: (ImportHit & { score: number })[] = [];
  for (const [id, l] of layers) {
    if (!l.meta.visible) continue;
    for (let i = 0; i < l.labels.length && hits.length < 500; i++) {
      const label = l.labels[i].toLowerCase();
      if (label.startsWith('#')) continue;
      const at = label.indexOf(needle);
      if (at >= 0)
        hits.push({
          layer: id,
          index: i,
          label: l.labels[i],
          bbox: [0, 0, 0, 0],
          score: (label === needle ? 0 : at === 0 ? 1 : 2) * 1000 + label.length,
        });
    }
  }
  return hits
    .sort((a, b) => a.score - b.score)
    .slice(0, limit)
    .map(({ score: _, ...h }) => {
      const f = layers.get(h.layer)?.features[h.index];
      return { ...h, bbox: f ? bboxOf(positions(f.geometry)) : h.bbox };
    });
}

/** Lets a Cancel sent meanwhile arrive (the worker hears messages only between tasks), then stops if it did. */
async function checkpoint(job: number): Promise<void> {
  await nextTask();
  if (cancelled.has(job)) throw new Error('cancelled');
}

async function readAll(job: number, file: File): Promise<Uint8Array> {
  const out = new Uint8Array(file.size);
  const reader = file.stream().getReader();
  let at = 0,
    last = 0;
  for (;;) {
    if (cancelled.has(job)) {
      await reader.cancel();
      throw new Error('cancelled');
    }
    const { done, value } = await reader.read();
    if (done) break;
    out.set(value, at);
    at += value.length;
    if (at - last > 1 << 20 || at === file.size) {
      post({ type: 'progress', job, phase: 'reading', bytes: at, total: file.size });
      last = at;
    }
  }
  return out.subarray(0, at);
}

/** The join to the plan's units and zones, and whether another datum fits the plan better; posted as 'joined'. */
async function meetThePlan(meta: ImportedMeta, features: Feature[]): Promise<void> {
  try {
    const g = await loadGround();
    meta.join = joinRows(
      joinToUnits(features, g.units),
      g.stats,
      g.areas.length ? joinToUnits(features, g.areas) : undefined,
    );
    const fit = datumFit(features, meta.datum, g.reference);
    const other = offerOtherDatum(fit, meta.datum);
    meta.hint =
      fit && other
        ? { datum: other, off: Math.round(fit.median[meta.datum]), fits: Math.round(fit.median[other]) }
        : null;
    // a restyle meanwhile made the layer a new meta: it gets the join too
    const current = layers.get(meta.id)?.meta;
    if (current && current !== meta) Object.assign(current, { join: meta.join, hint: meta.hint });
    post({ type: 'joined', layer: meta.id, join: meta.join, hint: meta.hint });
  } catch {
    /* the plan's ground is not there: no join, the layer is still drawn */
  }
}

async function importFile(m: Extract<ToWorker, { type: 'read' }>) {
  const { job, file } = m;
  try {
    post({ type: 'progress', job, phase: 'reading', bytes: 0, total: file.size });
    const bytes = await readAll(job, file);
    post({ type: 'progress', job, phase: 'parsing', bytes: bytes.length, total: file.size });
    await checkpoint(job);
    const r = await readFile(file.name, bytes, {
      datum: m.datum,
      swap: m.swap,
      lon: m.lon,
      lat: m.lat,
      epsg: m.epsg,
      dbfEncoding: m.dbfEncoding,
    });
    await checkpoint(job);
    if (r.swapped) {
      post({ type: 'question', job, swapped: true });
      return;
    }
    post({
      type: 'progress',
      job,
      phase: 'indexing',
      bytes: bytes.length,
      total: file.size,
      features: r.features.length,
    });
    const id = `imp-${Date.now().toString(36)}-${job}`;
    const kinds = { points: 0, lines: 0, polygons: 0 };
    for (const f of r.features) {
      const t = f.geometry.type;
      if (t.endsWith('Point')) kinds.points++;
      else if (t.endsWith('LineString')) kinds.lines++;
      else kinds.polygons++;
    }
    const meta: ImportedMeta = {
      id,
      name: file.name,
      format: r.format,
      datum: m.datum,
      count: r.features.length,
      skippedCount: r.skipped.length,
      skipped: r.skipped.slice(0, 50),
      notes: r.notes,
      kinds,
      bbox: bboxOf(r.features.flatMap((f) => positions(f.geometry))),
      bytes: file.size,
      colour: m.colour,
      visible: true,
      join: [],
      datumOpen: !r.datumNamed,
    };
    // Drawn first (the tiles are ready), then joined to the plan, then kept.
    const layer = layerOf(meta, r.features);
    await checkpoint(job);
    layers.set(id, layer);
    post({ type: 'done', job, meta });
    await meetThePlan(meta, r.features);
    // Kept unless removed meanwhile (or cancelled once drawn), with its meta as it is now (a
    // filter or style may have come meanwhile).
    const now = layers.get(id);
    if (now && now.features === layer.features)
      await keep(() => set(id, { meta: now.meta, features: r.features } satisfies Stored, store));
  } catch (e) {
    if (e instanceof ColumnsQuestion) post({ type: 'question', job, columns: e.columns });
    else if (e instanceof ProjectionQuestion) post({ type: 'question', job, projection: { guess: e.guess } });
    else if ((e as Error).message === 'cancelled') post({ type: 'cancelled', job });
    else
      post({
        type: 'failed',
        job,
        reason:
          e instanceof ImportError
            ? e.text
            : { zh: `无法读取：${(e as Error).message}`, en: `could not be read: ${(e as Error).message}` },
      });
  } finally {
    cancelled.delete(job);
  }
}

/** A write to IndexedDB; a refusal (private mode, storage full) is told to the page, never thrown. */
async function keep(write: () => Promise<unknown>): Promise<void> {
  try {
    await write();
  } catch (e) {
    post({ type: 'not-kept', problem: storageProblemOf(e) });
  }
}

self.addEventListener('securitypolicyviolation', (e) =>
  post({ type: 'violation', text: `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}` }),
);

self.onmessage = async (ev: MessageEvent<ToWorker>) => {
  const m = ev.data;
  switch (m.type) {
    case 'init':
      base = m.base;
      break;
    case 'read':
      await importFile(m);
      break;
    case 'cancel':
      cancelled.add(m.job);
      break;
    case 'tile': {
      const t = layers.get(m.layer)?.index.getTile(m.z, m.x, m.y);
      const data = t?.features.length ? vtpbf.fromGeojsonVt({ imported: t }, { version: 2 }) : null;
      const buf = data ? data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) : null;
      post({ type: 'reply', req: m.req, data: buf }, buf ? [buf as ArrayBuffer] : []);
      break;
    }
    case 'feature':
      post({ type: 'reply', req: m.req, data: layers.get(m.layer)?.features[m.index]?.properties ?? null });
      break;
    case 'geojson': {
      const l = layers.get(m.layer);
      post({
        type: 'reply',
        req: m.req,
        data: l
          ? JSON.stringify({ type: 'FeatureCollection', features: m.styled ? styledFeatures(l, m.styled) : l.features })
          : null,
      });
      break;
    }
    case 'restore': {
      const metas: ImportedMeta[] = [];
      let all: [string, Stored][] = [];
      await keep(async () => {
        all = await entries<string, Stored>(store);
      });
      for (const [key, value] of all) {
        const v = value as Stored;
        if (!v?.meta || !Array.isArray(v.features)) {
          await keep(() => del(key, store));
          continue;
        }
        layers.set(v.meta.id, layerOf(v.meta, v.features));
        metas.push(v.meta);
      }
      post({ type: 'reply', req: m.req, data: metas.sort((a, b) => a.id.localeCompare(b.id)) });
      break;
    }
    case 'update': {
      const l = layers.get(m.layer);
      if (!l) break;
      l.meta = {
        ...l.meta,
        ...(m.colour ? { colour: m.colour } : {}),
        ...(m.visible !== undefined ? { visible: m.visible } : {}),
        ...(m.datumOpen === false ? { datumOpen: false } : {}),
      };
      await keep(async () => {
        const stored = await get<Stored>(m.layer, store);
        if (stored) await set(m.layer, { ...stored, meta: l.meta }, store);
      });
      break;
    }
    case 'search':
      post({ type: 'reply', req: m.req, data: searchLabels(m.q, m.limit) });
      break;
    case 'rows': {
      const l = layers.get(m.layer);
      if (!l) {
        post({ type: 'reply', req: m.req, data: null });
        break;
      }
      post({
        type: 'reply',
        req: m.req,
        data: rowsOf(l.features, l.columns, m.query, orderFor(l, m.query)) satisfies RowsPage,
      });
      break;
    }
    case 'row-of': {
      const l = layers.get(m.layer);
      if (!l) {
        post({ type: 'reply', req: m.req, data: -1 });
        break;
      }
      post({ type: 'reply', req: m.req, data: orderFor(l, m.query).indexOf(m.index) });
      break;
    }
    case 'bbox': {
      const f = layers.get(m.layer)?.features[m.index];
      post({ type: 'reply', req: m.req, data: f ? bboxOf(positions(f.geometry)) : null });
      break;
    }
    case 'restyle': {
      const l = layers.get(m.layer);
      if (!l) {
        post({ type: 'reply', req: m.req, data: null });
        break;
      }
      const styled = m.style ? styleFeatures(l.features, m.style, l.columns) : null;
      const sized = m.sizeBy ? sizesBy(l.features, m.sizeBy) : null;
      const meta: ImportedMeta = {
        ...l.meta,
        filter: m.filter,
        matched: matching(l.features, m.filter).length,
        style: m.style,
        legend: styled?.legend ?? null,
        sizeBy: m.sizeBy && sized ? { field: m.sizeBy, min: sized.min, max: sized.max } : null,
        labelBy: m.labelBy,
      };
      layers.set(m.layer, layerOf(meta, l.features));
      post({ type: 'reply', req: m.req, data: meta });
      await keep(async () => {
        const stored = await get<Stored>(m.layer, store);
        if (stored) await set(m.layer, { ...stored, meta }, store);
      });
      break;
    }
    case 'remove':
      layers.delete(m.layer);
      await keep(() => del(m.layer, store));
      break;
    case 'redatum': {
      // Read again in another datum: every position re-read, re-tiled, re-joined, kept.
      const l = layers.get(m.layer);
      if (!l) {
        post({ type: 'reply', req: m.req, data: null });
        break;
      }
      const from = l.meta.datum;
      const features = l.features.map((f) => ({
        ...f,
        geometry: mapPositions(f.geometry, (p) => reinterpret(p, from, m.datum)),
      }));
      const meta: ImportedMeta = {
        ...l.meta,
        datum: m.datum,
        datumOpen: false,
        hint: null,
        bbox: bboxOf(features.flatMap((f) => positions(f.geometry))),
      };
      layers.set(m.layer, layerOf(meta, features));
      post({ type: 'reply', req: m.req, data: meta });
      await meetThePlan(meta, features);
      const now = layers.get(m.layer);
      if (now) await keep(() => set(m.layer, { meta: now.meta, features } satisfies Stored, store));
      break;
    }
  }
};
