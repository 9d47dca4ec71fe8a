/**
 * npm run bench: prints figures, asserts nothing. Results: bench-results/latest.{json,md}.
 *
 * - data build time (npm run data, 3 runs)
 * - the production build's bundle sizes (raw, gzip)
 * - first view, over interleaved rounds with a cold cache each time, for four pages of
 *   the same size: an empty MapLibre map, one vector layer (the unit lines from our own
 *   plan.pmtiles: MapLibre's floor for drawing any tiled data), the same data as raw GeoJSON
 *   sources (built here from geodata/), and the app: time to `map:idle`, bytes served
 *   (counted by our own server, workers included), JS heap of the page, long tasks, shader
 *   programs compiled, and the app's start-up phases (its performance marks)
 * - the app beside two more pages: MapLibre alone with the app's own built style, glyphs, icons
 *   and archive (scripts/bench/same-style: the app's own cost is its time over this page's),
 *   and a Leaflet page drawing the raw GeoJSON (first paint of a page without WebGL)
 * - BENCH_PHONE=1: the first view of the app, the same-style page and the Leaflet page under a
 *   mid-range phone's emulation (4× CPU slowdown; DevTools' "Slow 4G": 562.5 ms round trip,
 *   1.44 Mbit/s down, 675 kbit/s up; 412 × 823 at 1.75×): first and largest contentful paint
 * - CPU per frame along the default tour's camera path, app vs empty map (main-thread task
 *   time from the DevTools protocol / frames rendered)
 * - search query time over the built index
 * - importing a generated 200,000-feature (~100 MB) GeoJSON: first progress, tiles ready,
 *   the join after, the longest main-thread task meanwhile, the page's heap (one round)
 */
import { spawnSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { build as viteBuild } from 'vite';
import { gzipSync } from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser } from 'playwright-core';
import { search, type SearchEntry } from '../../src/lib/search.ts';
import type { Tour } from '../../src/contracts/tour.ts';
import { unionBBox, type BBox } from '../../src/lib/geo.ts';
import { importBenchFile } from './import-data.ts';
import { profileStart, type Task } from './profile.ts';
import initSqlJs from 'sql.js';
import { FORMATS, runExport } from '../../src/lib/exchange/export.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
/** BENCH_QUICK=1: the first-view pages only (no data build timing, tour path or import) — for iterating on start-up */
const PHONE = process.env.BENCH_PHONE === '1';
const QUICK = process.env.BENCH_QUICK === '1' || PHONE;
const VIEW = PHONE ? { width: 412, height: 823 } : { width: 1280, height: 800 };
const DEVICE = PHONE ? { isMobile: true, hasTouch: true, deviceScaleFactor: 1.75 } : {};
const median = (a: number[]) => {
  const s = [...a].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (a: number[], d = 0) =>
  `${median(a).toFixed(d)} (${Math.min(...a).toFixed(d)}–${Math.max(...a).toFixed(d)})`;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stderr}`);
  return r;
}

// ------------------------------------------------------------------ data build and bundle
const buildRuns: number[] = [];
for (let i = 0; i < (QUICK ? 0 : 3); i++) {
  const t0 = performance.now();
  run('npx', ['tsx', 'scripts/data/build.ts']);
  buildRuns.push((performance.now() - t0) / 1000);
}
run('npx', ['vite', 'build']);
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
const bundle = files('dist/assets')
  .filter((f) => !f.endsWith('.gz'))
  .map((f) => ({ file: f.replace('dist/', ''), raw: statSync(f).size, gzip: gzipSync(readFileSync(f)).length }));
/**
 * The JS a page needs before it shows its first view: its entry and what it modulepreloads
 * (index.html, presenter.html), gzip level 9 as the build's .gz files that nginx serves; MapLibre
 * apart (the issue's goal counts the app's own code).
 */
function firstViewJs(page: string): { maplibre: number; app: number; files: number } {
  const html = readFileSync(join('dist', page), 'utf8');
  const js = [...new Set([...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]))];
  const gz = (f: string) => gzipSync(readFileSync(join('dist', f)), { level: 9 }).length;
  const maplibre = js.filter((f) => f.includes('maplibre')).reduce((t, f) => t + gz(f), 0);
  return { maplibre, app: js.filter((f) => !f.includes('maplibre')).reduce((t, f) => t + gz(f), 0), files: js.length };
}
const firstJs = { app: firstViewJs('index.html'), presenter: firstViewJs('presenter.html') };

// ------------------------------------------------------------------ comparison pages
const BENCH = 'bench-results/pages';
mkdirSync(BENCH, { recursive: true });
const geo = (n: string) => JSON.parse(readFileSync(`geodata/${n}.geojson`, 'utf8'));
writeFileSync(
  join(BENCH, 'data.json'),
  JSON.stringify({
    units: geo('units'),
    city: geo('city'),
    rivers: geo('rivers'),
    lakes: geo('lakes'),
    borders: geo('borders'),
  }),
);
const page = (
  body: string,
) => `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/bench/maplibre-gl.css">
<style>html,body,#map{margin:0;height:100%}</style></head><body><div id="map"></div><script src="/bench/pmtiles.js"></script><script type="module">
import * as maplibregl from '/bench/maplibre-gl.mjs';
maplibregl.addProtocol('pmtiles', new pmtiles.Protocol().tile);
maplibregl.setWorkerUrl('/bench/maplibre-gl-worker.mjs');
${body}
window.__map = map;
map.once('load', () => map.once('idle', () => performance.mark('map:idle')));
</script></body></html>`;
const bounds = '[[115.52, 47.09], [126.07, 53.34]]';
/** The build's archive (its name carries its content's hash). */
const ARCHIVE = `/tiles/${readdirSync('dist/tiles').find((f) => f.endsWith('.pmtiles')) ?? 'plan.pmtiles'}`;
writeFileSync(
  join(BENCH, 'empty.html'),
  page(`const map = new maplibregl.Map({ container: 'map', bounds: ${bounds}, fitBoundsOptions: { padding: 24 }, attributionControl: false,
  style: { version: 8, sources: {}, layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#e9e6df' } }] } });`),
);
writeFileSync(
  join(BENCH, 'one.html'),
  page(`const map = new maplibregl.Map({ container: 'map', bounds: ${bounds}, fitBoundsOptions: { padding: 24 }, attributionControl: false,
  style: { version: 8, sources: { plan: { type: 'vector', url: 'pmtiles://' + new URL('${ARCHIVE}', location.href).href } },
  layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#e9e6df' } },
    { id: 'units', type: 'line', source: 'plan', 'source-layer': 'units', paint: { 'line-color': '#8c8577' } }] } });`),
);
writeFileSync(
  join(BENCH, 'raw.html'),
  page(`const data = await (await fetch('/bench/data.json')).json();
const src = (k) => ({ type: 'geojson', data: data[k] });
const map = new maplibregl.Map({ container: 'map', bounds: ${bounds}, fitBoundsOptions: { padding: 24 }, attributionControl: false,
  style: { version: 8, sources: { units: src('units'), city: src('city'), rivers: src('rivers'), lakes: src('lakes'), borders: src('borders') },
  layers: [{ id: 'bg', type: 'background', paint: { 'background-color': '#e9e6df' } },
    { id: 'city', type: 'fill', source: 'city', paint: { 'fill-color': '#fbfaf6' } },
    { id: 'lakes', type: 'fill', source: 'lakes', paint: { 'fill-color': '#a9cde8' } },
    { id: 'rivers', type: 'line', source: 'rivers', paint: { 'line-color': '#6aa5d3' } },
    { id: 'units', type: 'line', source: 'units', paint: { 'line-color': '#8c8577' } },
    { id: 'borders', type: 'line', source: 'borders', paint: { 'line-color': '#6b4f7a' } }] } });`),
);

writeFileSync(
  join(BENCH, 'leaflet.html'),
  `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/bench/leaflet/leaflet.css">
<style>html,body,#map{margin:0;height:100%;background:#e9e6df}</style></head><body><div id="map"></div>
<script type="module">
import * as L from '/bench/leaflet/leaflet-src.esm.js';
const data = await (await fetch('/bench/data.json')).json();
const map = L.map('map', { preferCanvas: true, attributionControl: false }).fitBounds([[47.09, 115.52], [53.34, 126.07]], { padding: [24, 24] });
const style = { city: { fillColor: '#fbfaf6', fillOpacity: 1, stroke: false }, lakes: { fillColor: '#a9cde8', fillOpacity: 1, stroke: false },
  rivers: { color: '#6aa5d3', weight: 1 }, units: { color: '#8c8577', weight: 1, fill: false }, borders: { color: '#6b4f7a', weight: 1 } };
for (const k of ['city', 'lakes', 'rivers', 'units', 'borders']) L.geoJSON(data[k], { style: style[k] }).addTo(map);
window.__map = map;
requestAnimationFrame(() => requestAnimationFrame(() => performance.mark('map:idle')));
</script></body></html>`,
);
// the same-style page: the app's own map modules, built by Vite like the app, reading dist/'s data
await viteBuild({
  configFile: false,
  root: 'scripts/bench/same-style',
  base: '/bench/same/',
  logLevel: 'error',
  define: { __ARCHIVE__: JSON.stringify(ARCHIVE.slice(1)) },
  build: { outDir: resolve(BENCH, 'same'), emptyOutDir: true, target: 'es2022' },
});

// ------------------------------------------------------------------ a static server that counts bytes
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.pbf': 'application/x-protobuf',
  '.pmtiles': 'application/octet-stream',
  '.ttf': 'font/ttf',
  '.png': 'image/png',
};
const zipCache = new Map<string, Buffer>();
const gzipped = (file: string): Buffer => {
  let z = zipCache.get(file);
  if (!z) {
    z = existsSync(`${file}.gz`) ? readFileSync(`${file}.gz`) : gzipSync(readFileSync(file), { level: 9 });
    zipCache.set(file, z);
  }
  return z;
};
let served = 0;
let servedJs = 0;
function resolveFile(url: string): string | null {
  const path = decodeURIComponent(url.split('?')[0]);
  if (path.startsWith('/bench/maplibre-gl')) return join('node_modules/maplibre-gl/dist', path.slice('/bench/'.length));
  if (path === '/bench/pmtiles.js') return 'node_modules/pmtiles/dist/pmtiles.js';
  if (path.startsWith('/bench/leaflet/'))
    return join('node_modules/leaflet/dist', path.slice('/bench/leaflet/'.length));
  if (path.startsWith('/bench/')) return join(BENCH, path.slice('/bench/'.length));
  const f = normalize(join('dist', path === '/' ? 'index.html' : path));
  return f.startsWith('dist') ? f : null;
}
const server: Server = createServer((req, res) => {
  const file = resolveFile(req.url ?? '/');
  if (!file || !existsSync(file) || statSync(file).isDirectory()) {
    res.writeHead(404);
    res.end();
    return;
  }
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  const range = /bytes=(\d+)-(\d*)/.exec(req.headers.range ?? '');
  // text compressed as nginx serves it (gzip_static / gzip): what a phone's network carries
  const zipped =
    !range &&
    /^(text\/|application\/json|application\/x-protobuf)/.test(type) &&
    /gzip/.test(String(req.headers['accept-encoding']));
  const body = zipped ? gzipped(file) : readFileSync(file);
  if (range) {
    const start = Number(range[1]);
    const end = range[2] ? Math.min(Number(range[2]), body.length - 1) : body.length - 1;
    const part = body.subarray(start, end + 1);
    served += part.length;
    if (/\.m?js$/.test(file)) servedJs += part.length;
    res.writeHead(206, {
      'Content-Type': type,
      'Content-Range': `bytes ${start}-${end}/${body.length}`,
      'Content-Length': part.length,
      'Accept-Ranges': 'bytes',
    });
    res.end(part);
  } else {
    served += body.length;
    if (/\.m?js$/.test(file)) servedJs += body.length;
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': body.length,
      'Accept-Ranges': 'bytes',
      ...(zipped ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
    });
    res.end(body);
  }
});
await new Promise<void>((r) => server.listen(4190, '127.0.0.1', () => r()));
const ORIGIN = 'http://127.0.0.1:4190';

// ------------------------------------------------------------------ first view, interleaved
const browser: Browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--no-sandbox', '--disable-background-networking'],
});
/** Every page of the bench records its long tasks (start, duration) in window.__long from load. */
function recordLongTasks() {
  const w = window as unknown as { __long: { start: number; d: number }[] };
  w.__long = [];
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) w.__long.push({ start: e.startTime, d: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const lcp = window as unknown as { __lcp: number; __lcpWhat: string };
  lcp.__lcp = Number.NaN;
  lcp.__lcpWhat = '';
  new PerformanceObserver((l) => {
    for (const e of l.getEntries() as (PerformanceEntry & { element?: Element | null; size: number })[]) {
      lcp.__lcp = e.startTime;
      const el = e.element;
      lcp.__lcpWhat = el
        ? `${el.tagName.toLowerCase()}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : el.getAttribute('class') ? `.${el.getAttribute('class')?.split(' ')[0]}` : el.closest('[data-testid]') ? ` in [${el.closest('[data-testid]')?.getAttribute('data-testid')}]` : ''} "${(el.textContent ?? '').trim().slice(0, 24)}" (${e.size} px²)`
        : '(removed)';
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
}

const TOUR_ID = (JSON.parse(readFileSync('public/data/tours.json', 'utf8')) as Tour[])[0].id;
/** The app's map area at the bench's size: the same-style page draws a map of that size. */
const appMap = await (async () => {
  const ctx = await browser.newContext({ viewport: VIEW, serviceWorkers: 'block', ...DEVICE });
  const p = await ctx.newPage();
  await p.goto(`${ORIGIN}/?e2e=1`);
  await p.waitForFunction(() => performance.getEntriesByName('map:idle').length > 0, null, { timeout: 60_000 });
  const r = await p.evaluate(() => {
    const c = (window as unknown as { __map: import('maplibre-gl').Map }).__map.getContainer();
    return { w: c.clientWidth, h: c.clientHeight };
  });
  await ctx.close();
  return r;
})();
const ALL_PAGES = {
  empty: `${ORIGIN}/bench/empty.html`,
  one: `${ORIGIN}/bench/one.html`,
  raw: `${ORIGIN}/bench/raw.html`,
  leaflet: `${ORIGIN}/bench/leaflet.html`,
  same: `${ORIGIN}/bench/same/index.html?w=${appMap.w}&h=${appMap.h}`,
  app: `${ORIGIN}/?e2e=1`,
  presenter: `${ORIGIN}/presenter.html#tour=${TOUR_ID}&step=1`,
} as const;
const PAGES: Partial<typeof ALL_PAGES> = PHONE
  ? { leaflet: ALL_PAGES.leaflet, same: ALL_PAGES.same, app: ALL_PAGES.app }
  : ALL_PAGES;
const TITLES: Record<keyof typeof ALL_PAGES, string> = {
  empty: 'empty map',
  one: 'one vector layer (floor)',
  raw: 'raw GeoJSON',
  leaflet: 'Leaflet, raw GeoJSON',
  same: "MapLibre alone, the app's style",
  app: 'app',
  presenter: 'presenter window',
};
type Name = keyof typeof ALL_PAGES;
/** the mark a page is ready at: the map's first idle, or the presenter window's first render */
const READY = (n: Name) => (n === 'presenter' ? 'presenter:ready' : 'map:idle');
type First = {
  idle: number[];
  bytes: number[];
  jsBytes: number[];
  heap: number[];
  longTasks: number[];
  longMs: number[];
  longest: number[];
  tbt: number[];
  fp: number[];
  fcp: number[];
  lcp: number[];
  lcpWhat: string[];
  /** main-thread task time to ready (DevTools' TaskDuration), ms */
  busy: number[];
  /** fontstacks whose glyphs MapLibre drew on the page (TinySDF) */
  glyphsOnPage: number[];
  programs: number[];
  marks: Record<string, number>[];
};
const first = Object.fromEntries(
  Object.keys(PAGES).map((k) => [
    k,
    {
      idle: [],
      bytes: [],
      jsBytes: [],
      heap: [],
      longTasks: [],
      longMs: [],
      longest: [],
      tbt: [],
      fp: [],
      fcp: [],
      lcp: [],
      lcpWhat: [],
      busy: [],
      glyphsOnPage: [],
      programs: [],
      marks: [],
    },
  ]),
) as unknown as Record<Name, First>;
for (let round = 0; round < ROUNDS; round++) {
  for (const name of Object.keys(PAGES) as Name[]) {
    const ctx = await browser.newContext({
      viewport: VIEW,
      serviceWorkers: 'block',
      ...DEVICE,
    });
    await ctx.addInitScript(recordLongTasks);
    const p = await ctx.newPage();
    const cdp = await ctx.newCDPSession(p);
    await cdp.send('Performance.enable');
    if (PHONE) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 562.5,
        downloadThroughput: (1.6e6 * 0.9) / 8,
        uploadThroughput: (750e3 * 0.9) / 8,
      });
    }
    served = 0;
    servedJs = 0;
    await p.goto(PAGES[name] as string);
    await p.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, READY(name), {
      timeout: PHONE ? 180_000 : 60_000,
    });
    const busy =
      ((await cdp.send('Performance.getMetrics')).metrics.find((x) => x.name === 'TaskDuration')?.value ?? 0) * 1000;
    // Paint entries arrive once the frame is presented, which can be after the ready mark; a page with nothing contentful has none.
    await p
      .waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, {
        timeout: 5_000,
      })
      .catch(() => {});
    const m = await p.evaluate(
      (mark) => ({
        idle: performance.getEntriesByName(mark)[0].startTime,
        long: (window as unknown as { __long: { start: number; d: number }[] }).__long
          .filter((l) => l.start < performance.getEntriesByName(mark)[0].startTime)
          .map((l) => l.d),
        // MapLibre internals, read only here: how many shader programs the first view compiled
        programs: Object.keys(
          (window as unknown as { __map?: { painter?: { programCache: { programs: object } } } }).__map?.painter
            ?.programCache.programs ?? {},
        ).length,
        marks: Object.fromEntries(performance.getEntriesByType('mark').map((e) => [e.name, e.startTime])),
        fp: performance.getEntriesByName('first-paint')[0]?.startTime ?? Number.NaN,
        fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
        lcp: (window as unknown as { __lcp: number }).__lcp,
        lcpWhat: (window as unknown as { __lcpWhat: string }).__lcpWhat,
        // MapLibre internals, read only here: the fontstacks it drew glyphs for on the main thread
        glyphsOnPage: Object.values(
          (
            window as unknown as {
              __map?: { style?: { glyphManager?: { entries: Record<string, Record<string, unknown>> } } };
            }
          ).__map?.style?.glyphManager?.entries ?? {},
        ).filter((e) => ['tinySDF', 'ideographTinySDF', 'clusterTinySDFs', 'fontFaceTinySDFs'].some((k) => e[k]))
          .length,
      }),
      READY(name),
    );
    const metrics = (await cdp.send('Performance.getMetrics')).metrics;
    const heap = metrics.find((x) => x.name === 'JSHeapUsedSize')?.value ?? 0;
    first[name].idle.push(m.idle);
    first[name].bytes.push(served);
    first[name].jsBytes.push(servedJs);
    first[name].longest.push(Math.max(0, ...m.long));
    first[name].tbt.push(m.long.reduce((t, d) => t + Math.max(0, d - 50), 0));
    first[name].fp.push(m.fp);
    first[name].fcp.push(m.fcp);
    first[name].lcp.push(m.lcp);
    first[name].lcpWhat.push(m.lcpWhat);
    first[name].busy.push(busy);
    first[name].glyphsOnPage.push(m.glyphsOnPage);
    first[name].heap.push(heap / 1024 / 1024);
    first[name].longTasks.push(m.long.length);
    first[name].longMs.push(m.long.reduce((s, d) => s + d, 0));
    first[name].programs.push(m.programs);
    first[name].marks.push(m.marks);
    await ctx.close();
  }
}

// ------------------------------------------------------------------ whose code the start-up runs
// The app's start traced (3 rounds, not throttled): each main-thread task's time by owner (profile.ts).
const profiles: Task[][] = [];
for (let round = 0; round < (PHONE ? 0 : 3); round++)
  profiles.push(
    await profileStart(
      browser,
      ORIGIN,
      ALL_PAGES.app,
      { viewport: VIEW, serviceWorkers: 'block', ...DEVICE },
      'map:idle',
    ),
  );
const appMost = (r: Task[]) => r.reduce((a, b) => (b.by.app > a.by.app ? b : a));
const longestTask = (r: Task[]) => r.reduce((a, b) => (b.ms > a.ms ? b : a));
/** the round whose largest app share is the median one */
const profileMid = [...profiles].sort((a, b) => appMost(a).by.app - appMost(b).by.app)[Math.floor(profiles.length / 2)];
const startProfile = profileMid && {
  app_most_ms: profiles.map((r) => appMost(r).by.app),
  app_most: appMost(profileMid),
  longest: longestTask(profileMid),
};

// ------------------------------------------------------------------ CPU per frame along the tour path
const tour = (JSON.parse(readFileSync('public/data/tours.json', 'utf8')) as Tour[])[0];
const details = JSON.parse(readFileSync('public/data/features.json', 'utf8')) as Record<string, { bbox: number[] }>;
const path = tour.steps
  .map((s) => ('fit' in s.camera ? unionBBox(s.camera.fit.map((id) => details[id].bbox)) : null))
  .filter((b): b is BBox => !!b);
const frames: Record<'empty' | 'app', number[]> = { empty: [], app: [] };
for (let round = 0; round < (QUICK ? 0 : Math.max(2, Math.ceil(ROUNDS / 2))); round++) {
  for (const name of ['empty', 'app'] as const) {
    const ctx = await browser.newContext({ viewport: VIEW, serviceWorkers: 'block' });
    const p = await ctx.newPage();
    await p.goto(PAGES[name] as string);
    await p.waitForFunction(() => performance.getEntriesByName('map:idle').length > 0, null, { timeout: 60_000 });
    const cdp = await ctx.newCDPSession(p);
    await cdp.send('Performance.enable');
    const task = async () =>
      (await cdp.send('Performance.getMetrics')).metrics.find((x) => x.name === 'TaskDuration')?.value ?? Number.NaN;
    const t0 = await task();
    const rendered = await p.evaluate(async (boxes) => {
      const map = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
      let n = 0;
      map.on('render', () => n++);
      for (const b of boxes) {
        const cam = map.cameraForBounds(
          [
            [b[0], b[1]],
            [b[2], b[3]],
          ],
          { padding: 60 },
        );
        if (!cam) continue;
        await new Promise<void>((r) => {
          map.once('moveend', () => r());
          map.flyTo({ ...cam, duration: 1200 });
        });
      }
      return n;
    }, path);
    const t1 = await task();
    frames[name].push(((t1 - t0) * 1000) / Math.max(1, rendered));
    await ctx.close();
  }
}
// ------------------------------------------------------------------ import at scale (one round: it is long)
const IMPORT_FILE = 'bench-results/import-200k.geojson';
const importBytes = QUICK ? 0 : await importBenchFile(IMPORT_FILE);
const imp = QUICK
  ? null
  : await (async () => {
      const ctx = await browser.newContext({ viewport: VIEW, serviceWorkers: 'block' });
      await ctx.addInitScript(recordLongTasks);
      const p = await ctx.newPage();
      await p.goto(`${ORIGIN}/?e2e=1#tool=import`);
      await p.waitForFunction(() => performance.getEntriesByName('map:idle').length > 0, null, { timeout: 60_000 });
      await p.waitForSelector('[data-testid=import-file]', { state: 'attached' });
      const t0 = await p.evaluate(() => {
        performance.mark('import:start');
        return performance.now();
      });
      await p.setInputFiles('[data-testid=import-file]', IMPORT_FILE);
      await p.waitForFunction(() => performance.getEntriesByName('import:joined').length > 0, null, {
        timeout: 600_000,
        polling: 500,
      });
      // Drawn: the map idle after the layer is added.
      await p.evaluate(
        () =>
          new Promise<void>((r) => {
            const m = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
            if (m.loaded()) r();
            else m.once('idle', () => r());
          }),
      );
      const at = await p.evaluate(() => ({
        progress: performance.getEntriesByName('import:progress')[0]?.startTime ?? NaN,
        done: performance.getEntriesByName('import:done')[0]?.startTime ?? NaN,
        joined: performance.getEntriesByName('import:joined')[0]?.startTime ?? NaN,
        drawn: performance.now(),
        long: (window as unknown as { __long: { start: number; d: number }[] }).__long,
      }));
      const cdp = await ctx.newCDPSession(p);
      await cdp.send('Performance.enable');
      const heap =
        ((await cdp.send('Performance.getMetrics')).metrics.find((x) => x.name === 'JSHeapUsedSize')?.value ?? 0) /
        1024 /
        1024;
      // The worker's heap is not the page's: the renderer process (page + import worker) resident size, from /proc.
      const procs = (await (await browser.newBrowserCDPSession()).send('SystemInfo.getProcessInfo')) as {
        processInfo: { type: string; id: number }[];
      };
      const rss = (pid: number) => {
        try {
          return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
        } catch {
          return 0;
        }
      };
      const rendererMb = Math.max(0, ...procs.processInfo.filter((x) => x.type === 'renderer').map((x) => rss(x.id)));
      // The attribute table of the 200,000 features: opened, scrolled through in 20 jumps, sorted
      // by a number, then the layer coloured in 5 quantile classes — each timed, with the longest
      // main-thread task meanwhile (the rows and the colours are the worker's).
      const tableT0 = await p.evaluate(() => performance.now());
      const since = async (t: number) => (await p.evaluate(() => performance.now())) - t;
      await p.click('[data-testid=tool-panel] [data-testid=imported-table]');
      await p.waitForFunction(
        () => document.querySelector('[data-testid=table-count]')?.textContent?.includes('200,000 / 200,000'),
        null,
        { timeout: 120_000 },
      );
      const tableOpenMs = await since(tableT0);
      const scrollT0 = await p.evaluate(() => performance.now());
      for (let k = 1; k <= 20; k++) {
        await p.evaluate((f) => {
          const el = document.querySelector('[data-testid=table-rows]') as HTMLElement;
          el.scrollTop = f * (el.scrollHeight - el.clientHeight);
        }, k / 20);
        await p.waitForFunction(
          (f) => {
            const el = document.querySelector('[data-testid=table-rows]') as HTMLElement;
            const top = Math.floor(el.scrollTop / 32);
            const rows = [...el.querySelectorAll('[role=row]')].map((r) => Number(r.getAttribute('aria-rowindex')) - 2);
            return f > 0 && rows.some((n) => Math.abs(n - top) < 5);
          },
          k / 20,
          { timeout: 60_000 },
        );
      }
      const scrollMs = (await since(scrollT0)) / 20;
      const sortT0 = await p.evaluate(() => performance.now());
      await p.click('[role=columnheader][data-col=value] button');
      await p.waitForFunction(
        () => document.querySelector('[role=columnheader][data-col=value]')?.getAttribute('aria-sort') === 'ascending',
      );
      await p.waitForFunction(
        () => {
          const cells = [...document.querySelectorAll('[data-testid=table-rows] [role=row]')].map(
            (r) => r.querySelectorAll('[role=cell]')[4]?.textContent ?? '',
          );
          const nums = cells.map(Number);
          return nums.length > 1 && nums.every((n, i) => i === 0 || n >= nums[i - 1]);
        },
        null,
        { timeout: 120_000 },
      );
      const sortMs = await since(sortT0);
      await p.click('.tools summary');
      const styleT0 = await p.evaluate(() => performance.now());
      await p.selectOption('[data-testid=style-field]', 'value');
      await p.selectOption('[data-testid=style-by]', 'quantile');
      await p.waitForFunction(
        () => document.querySelectorAll('[data-testid=tool-panel] [data-testid=style-legend] li').length === 5,
        null,
        { timeout: 120_000 },
      );
      const restyleMs = await since(styleT0);
      const tableLong = (
        await p.evaluate(() => (window as unknown as { __long: { start: number; d: number }[] }).__long)
      ).filter((l) => l.start >= tableT0);
      await ctx.close();
      const during = at.long.filter((l) => l.start >= t0);
      return {
        file_mb: importBytes / 1048576,
        features: 200_000,
        first_progress_ms: at.progress - t0,
        tiles_ready_ms: at.done - t0,
        joined_after_ms: at.joined - at.done,
        longest_task_ms: Math.max(0, ...during.map((l) => l.d)),
        long_tasks: during.length,
        page_heap_mb: heap,
        renderer_rss_mb: rendererMb,
        table: {
          open_ms: tableOpenMs,
          scroll_jump_ms: scrollMs,
          sort_ms: sortMs,
          restyle_ms: restyleMs,
          longest_task_ms: Math.max(0, ...tableLong.map((l) => l.d)),
          long_tasks: tableLong.length,
        },
      };
    })();

// ------------------------------------------------------------------ print
/** Clicks `button` and waits for its download: when it began (page clock), how long it took, its size. */
async function timedDownload(p: import('playwright-core').Page, button: string, timeout: number) {
  const t0 = await p.evaluate(() => performance.now());
  const started = Date.now();
  const [file] = await Promise.all([p.waitForEvent('download', { timeout }), p.click(button)]);
  return { t0, ms: Date.now() - started, bytes: statSync(String(await file.path())).size };
}

// A4 landscape and A3 portrait, each printed twice in one visit (the first makes the print map
// and compiles its shaders; the later one reuses them): the time from Export to the download,
// the longest main-thread task during it, and the longest once the map is drawn (composing, in
// the print worker: from the print:compose mark).
const prints = QUICK
  ? []
  : await (async () => {
      const out: { paper: string; run: string; ms: number; longest: number; composing: number; bytes: number }[] = [];
      for (const [size, orientation] of [
        ['A4', 'landscape'],
        ['A3', 'portrait'],
      ] as const) {
        const ctx = await browser.newContext({ viewport: VIEW, serviceWorkers: 'block', acceptDownloads: true });
        await ctx.addInitScript(recordLongTasks);
        const p = await ctx.newPage();
        await p.goto(`${ORIGIN}/#tool=print`);
        await p.waitForFunction(() => performance.getEntriesByName('map:idle').length > 0, null, { timeout: 60_000 });
        await p.check(`[data-testid=print-${size.toLowerCase()}]`);
        await p.check(`[data-testid=print-${orientation}]`);
        for (const run of ['first', 'later']) {
          const { t0, ms, bytes } = await timedDownload(p, '[data-testid=print-export]', 300_000);
          await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50))));
          const { long, compose } = await p.evaluate(() => ({
            long: (window as unknown as { __long: { start: number; d: number }[] }).__long,
            compose: performance.getEntriesByName('print:compose').at(-1)?.startTime ?? Number.POSITIVE_INFINITY,
          }));
          const during = long.filter((l) => l.start >= t0);
          out.push({
            paper: `${size} ${orientation}`,
            run,
            ms,
            longest: Math.max(0, ...during.map((l) => l.d)),
            composing: Math.max(0, ...during.filter((l) => l.start >= compose).map((l) => l.d)),
            bytes,
          });
        }
        await ctx.close();
      }
      return out;
    })();

// ------------------------------------------------------------------ handout
// The first tour's handout (A4, a page a step) at a projector's 1920 × 1080, in a briefing:
// the time from 讲义 PDF to the download, its size, and the longest main-thread task meanwhile.
const handout = QUICK
  ? null
  : await (async () => {
      const ctx = await browser.newContext({
        viewport: { width: 1920, height: 1080 },
        serviceWorkers: 'block',
        acceptDownloads: true,
      });
      await ctx.addInitScript(recordLongTasks);
      const p = await ctx.newPage();
      // the step as a presenter sees it before asking for the handout: its swipe's second map drawn
      // (made as the tour opens, with long tasks of its own in software GL: the tour's, not the handout's)
      await p.goto(`${ORIGIN}/?e2e=1#tour=${TOUR_ID}&step=1`);
      await p.waitForFunction(() => performance.getEntriesByName('map:idle').length > 0, null, { timeout: 60_000 });
      await p.waitForSelector('[data-testid=export-pdf]');
      await p.waitForFunction(
        () => {
          const w = window as unknown as { __map?: Map; __compare?: Map };
          type Map = { loaded(): boolean; areTilesLoaded(): boolean; isMoving(): boolean };
          return [w.__map, w.__compare].every((m) => !!m && m.loaded() && m.areTilesLoaded() && !m.isMoving());
        },
        null,
        { timeout: 60_000 },
      );
      const { t0, ms, bytes } = await timedDownload(p, '[data-testid=export-pdf]', 600_000);
      const long = await p.evaluate(() => (window as unknown as { __long: { start: number; d: number }[] }).__long);
      const during = long.filter((l) => l.start >= t0);
      await ctx.close();
      return {
        steps: tour.steps.length,
        ms,
        bytes,
        longest: Math.max(0, ...during.map((l) => l.d)),
        long_tasks: during.filter((l) => l.d > 50).length,
      };
    })();

await browser.close();
server.close();

// ------------------------------------------------------------------ search
const index = JSON.parse(readFileSync('public/data/search.json', 'utf8')) as SearchEntry[];
const queries = ['zlt', '扎兰屯', 'manzhouli', 'hlbe', '齐海满', '城镇化率', 'hailaer', '历史文化', 'lingxi', '公路'];
const qtimes: number[] = [];
for (let rep = 0; rep < 50; rep++)
  for (const q of queries) {
    const t = performance.now();
    search(index, q);
    qtimes.push(performance.now() - t);
  }

// ------------------------------------------------------------------ exports
// every layer of record at once, in each format (CGCS2000 lon/lat; DXF in Web Mercator, the one
// projected system that holds the whole city), written as the export worker writes them
const exportLayers = readdirSync('public/data/layers')
  .filter((f) => f.endsWith('.geojson'))
  .map((f) => ({
    name: f.replace('.geojson', ''),
    title: f,
    features: JSON.parse(readFileSync(join('public/data/layers', f), 'utf8')).features,
  }));
const exportTimes: { format: string; ms: number[]; bytes: number }[] = [];
for (const format of FORMATS) {
  const ms: number[] = [];
  let bytes = 0;
  for (let rep = 0; rep < 3; rep++) {
    const t = performance.now();
    const r = await runExport(
      {
        layers: exportLayers,
        format,
        system: format === 'dxf' ? 3857 : 4490,
        encoding: 'utf-8',
        lang: 'zh',
        what: 'all',
        readme: '',
      },
      () => initSqlJs(),
    );
    ms.push(performance.now() - t);
    if (!r.ok) throw new Error(`bench export ${format}: ${r.problem.en}`);
    bytes = r.bytes.length;
  }
  exportTimes.push({ format, ms, bytes });
}

// ------------------------------------------------------------------ report
const ratio = (a: number[], b: number[]) => median(a) / median(b);
const split = (s: Task) =>
  `${s.ms.toFixed(0)} ms = app ${s.by.app.toFixed(0)} + MapLibre ${s.by.maplibre.toFixed(0)} + browser ${s.by.browser.toFixed(0)}`;
const result = {
  date: new Date().toISOString(),
  machine: `${process.platform} ${process.arch}, node ${process.version}, Chromium (SwiftShader WebGL), ${VIEW.width}×${VIEW.height}, ${ROUNDS} rounds`,
  data_build_s: { median: median(buildRuns), min: Math.min(...buildRuns), max: Math.max(...buildRuns) },
  first_view: first,
  exports_ms: Object.fromEntries(exportTimes.map((x) => [x.format, median(x.ms)])),
  phone: PHONE,
  ratios: {
    app_vs_same_style_idle: ratio(first.app.idle, first.same.idle),
    app_vs_same_style_busy: ratio(first.app.busy, first.same.busy),
    app_minus_leaflet_first_paint_ms: median(first.app.fp) - median(first.leaflet.fp),
    ...(PHONE
      ? {}
      : {
          app_vs_empty_idle: ratio(first.app.idle, first.empty.idle),
          one_vs_empty_idle: ratio(first.one.idle, first.empty.idle),
          raw_vs_empty_idle: ratio(first.raw.idle, first.empty.idle),
          app_bytes_over_empty: median(first.app.bytes) - median(first.empty.bytes),
        }),
  },
  cpu_per_frame_ms: frames,
  cpu_per_frame_ratio: ratio(frames.app, frames.empty),
  search_ms: { median: median(qtimes), max: Math.max(...qtimes), entries: index.length },
  bundle,
  first_view_js_gzip: firstJs,
  import_200k: imp,
  print: prints,
  handout,
  start_profile: startProfile,
};
const cols = Object.keys(PAGES) as Name[];
const row = (label: string, cell: (n: Name) => string) => `| ${label} | ${cols.map(cell).join(' | ')} |`;
const phases = [
  'app:start',
  'app:painted',
  'app:loaded',
  'app:mounted',
  'map:created',
  'map:render1',
  'map:load',
  'map:idle',
];
const md = [
  ...(PHONE
    ? [
        "Phone emulation: 4× CPU slowdown, DevTools' Slow 4G (562.5 ms round trip, 1.44 Mbit/s down), 412 × 823 at 1.75×.",
        '',
      ]
    : []),
  `| figure | ${cols.map((n) => TITLES[n]).join(' | ')} |`,
  `|---|${cols.map(() => '---|').join('')}`,
  row('first paint, ms', (n) => fmt(first[n].fp)),
  row('first contentful paint, ms', (n) => fmt(first[n].fcp)),
  row('largest contentful paint, ms', (n) => fmt(first[n].lcp)),
  row('… its element (last round)', (n) => first[n].lcpWhat.at(-1) || '–'),
  row('time to map:idle (presenter: ready), ms', (n) => fmt(first[n].idle)),
  ...(PHONE ? [] : [row('… ratio to the empty map', (n) => `${ratio(first[n].idle, first.empty.idle).toFixed(2)}×`)]),
  row('… ratio to MapLibre alone with the same style', (n) => `${ratio(first[n].idle, first.same.idle).toFixed(2)}×`),
  row('main-thread busy to ready (task time), ms', (n) => fmt(first[n].busy)),
  row('… ratio to MapLibre alone with the same style', (n) => `${ratio(first[n].busy, first.same.busy).toFixed(2)}×`),
  row(
    'bytes served for the first view (text gzipped, as nginx sends it)',
    (n) =>
      `${kb(median(first[n].bytes))}${n === 'empty' || PHONE ? '' : ` (+${kb(median(first[n].bytes) - median(first.empty.bytes))})`}`,
  ),
  row('JS heap of the page, MB', (n) => fmt(first[n].heap, 1)),
  row('JS served for the first view', (n) => kb(median(first[n].jsBytes))),
  row(
    'long tasks before ready (count / total ms)',
    (n) => `${median(first[n].longTasks)} / ${median(first[n].longMs).toFixed(0)}`,
  ),
  row('longest task, ms', (n) => fmt(first[n].longest)),
  row('total blocking time (Σ task − 50 ms), ms', (n) => fmt(first[n].tbt)),
  row('shader programs compiled', (n) => String(median(first[n].programs))),
  row('fontstacks whose glyphs were drawn on the page', (n) => String(median(first[n].glyphsOnPage))),
  ...(QUICK
    ? []
    : [
        row('CPU per frame on the tour path, ms', (n) =>
          n === 'empty'
            ? fmt(frames.empty, 2)
            : n === 'app'
              ? `${fmt(frames.app, 2)} (${result.cpu_per_frame_ratio.toFixed(2)}×)`
              : '–',
        ),
      ]),
  '',
  `App start-up phases (performance marks, median ms from navigation): ${phases.map((p) => `${p} ${median(first.app.marks.map((m) => m[p] ?? NaN)).toFixed(0)}`).join(' → ')}`,
  '',
  ...(startProfile
    ? [
        `The app's start, traced (3 rounds; V8's samples every 0.2 ms in each main-thread task; a sample's owner is the first script up its stack): the app's own code in any one task at most ${fmt(startProfile.app_most_ms)} ms (rounds ${startProfile.app_most_ms.map((x) => x.toFixed(0)).join(', ')}; goal ≤ 50). That task (median round): ${split(startProfile.app_most)}; its top app items ${startProfile.app_most.top.map((t) => `${t.fn} ${t.ms.toFixed(0)} ms`).join(', ')}. The longest task: ${split(startProfile.longest)}.`,
        '',
      ]
    : []),
  '| figure | value |',
  '|---|---|',
  ...(QUICK
    ? []
    : [
        `| data build (npm run data, 3 runs) | median ${median(buildRuns).toFixed(2)} s (${Math.min(...buildRuns).toFixed(2)}–${Math.max(...buildRuns).toFixed(2)}) |`,
      ]),
  ...exportTimes.map(
    (x) =>
      `| export of all ${exportLayers.length} layers as ${x.format} (Node, as in the export worker; 3 runs) | median ${median(x.ms).toFixed(0)} ms (${Math.min(...x.ms).toFixed(0)}–${Math.max(...x.ms).toFixed(0)}); ${kb(x.bytes)} |`,
  ),
  `| search query (${index.length} entries, ${queries.length} queries × 50) | median ${median(qtimes).toFixed(3)} ms, max ${Math.max(...qtimes).toFixed(2)} ms |`,
  ...(imp
    ? [
        `| import of ${imp.features.toLocaleString('en')} features (${imp.file_mb.toFixed(0)} MB GeoJSON; one round) | first progress ${imp.first_progress_ms.toFixed(0)} ms; tiles ready ${(imp.tiles_ready_ms / 1000).toFixed(1)} s; joined ${(imp.joined_after_ms / 1000).toFixed(1)} s after; longest main-thread task during it ${imp.longest_task_ms.toFixed(0)} ms (${imp.long_tasks} over 50 ms); page heap ${imp.page_heap_mb.toFixed(0)} MB; renderer (page + import worker) ${imp.renderer_rss_mb.toFixed(0)} MB resident |`,
      ]
    : []),
  ...(imp
    ? [
        `| the 200,000 features' attribute table (one round) | opened ${imp.table.open_ms.toFixed(0)} ms; a scroll jump ${imp.table.scroll_jump_ms.toFixed(0)} ms (mean of 20); sorted by a number ${(imp.table.sort_ms / 1000).toFixed(1)} s; coloured in 5 quantile classes ${(imp.table.restyle_ms / 1000).toFixed(1)} s; longest main-thread task meanwhile ${imp.table.longest_task_ms.toFixed(0)} ms (${imp.table.long_tasks} over 50 ms) |`,
      ]
    : []),
  ...prints.map(
    (x) =>
      `| print, ${x.paper} PDF, ${x.run} of the visit | ${(x.ms / 1000).toFixed(1)} s to the download, ${kb(x.bytes)}; longest main-thread task ${x.longest.toFixed(0)} ms; once drawn (composing in the worker) ${x.composing.toFixed(0)} ms |`,
  ),
  ...(handout
    ? [
        `| the tour's handout, ${handout.steps} A4 pages, at 1920 × 1080 | ${(handout.ms / 1000).toFixed(1)} s to the download, ${kb(handout.bytes)} — goals ≤ 15 s, ≤ 2 MB; longest main-thread task ${handout.longest.toFixed(0)} ms (${handout.long_tasks} over 50 ms) |`,
      ]
    : []),
  `| app JS for the first view, without MapLibre (entry + modulepreloads, gzip 9) | ${(firstJs.app.app / 1000).toFixed(1)} KB (${kb(firstJs.app.app)}), ${firstJs.app.files} files; MapLibre ${kb(firstJs.app.maplibre)} — goal ≤ 60 KB |`,
  `| presenter window JS (gzip 9) | ${(firstJs.presenter.app / 1000).toFixed(1)} KB (${kb(firstJs.presenter.app)}); MapLibre ${kb(firstJs.presenter.maplibre)} — goal ≤ 150 KB |`,
  ...bundle.filter((b) => b.raw > 20_000).map((b) => `| ${b.file} | ${kb(b.raw)} raw, ${kb(b.gzip)} gzip |`),
].join('\n');
mkdirSync('bench-results', { recursive: true });
const out = PHONE ? 'bench-results/phone' : 'bench-results/latest';
writeFileSync(`${out}.json`, `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(`${out}.md`, `${md}\n`);
console.log(md);
