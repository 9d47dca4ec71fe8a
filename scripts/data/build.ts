/**
 * npm run data: sources → transform → validate → geodata/*.geojson → public/tiles/*.pmtiles
 *
 *   tsx scripts/data/build.ts [--sources DIR] [--geodata DIR] [--tiles DIR] [--details DIR]
 *
 * Nothing is written until every step has passed: outputs go to a temporary folder first
 * and are renamed into place at the end, so a failed build leaves the previous outputs as
 * they were. A validation failure prints file · feature · reason and exits 1.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import * as turf from '@turf/turf';
import { buildLayers, inputsAt } from './layers/index.ts';
import { GeodataError, allStrings, validateCollection, workingNote, type Problem } from './lib/validate.ts';
import { buildArchive } from './lib/tiles.ts';
import { SPAM } from './lib/plan-text.ts';
import type { LayerOutput, RecordFeature } from './lib/types.ts';
import type { LineString, MultiPolygon, Point, Polygon } from 'geojson';
import { PLACED_LAYERS, checkPlacement, groundOf, precisionProblems } from './placement.ts';
import { publishedPositions } from './layers/positions.ts';
import { borderCheckProblems, readCheckPoints } from './border.ts';
import { CHECK_POINTS_FILE } from './layers/context.ts';
import { parseCsv } from './lib/csv.ts';
import { unitNameProblems } from './names.ts';
import { membershipOf, zoneStructureProblems } from './units.ts';
import { checkPlan, parsePlan } from './plan-model.ts';
import { readEnglish } from './english.ts';
import { loadTargets } from './plan-targets.ts';
import { buildSearchIndex } from './search-index.ts';
import type { Plan } from '../../src/contracts/plan.ts';
import { type DataLayerName, layersWith } from '../../src/contracts/layers.ts';
import { loadTours } from './tours.ts';
import { browserContext } from '../../src/lib/tour/draft.ts';
import { ATTRIBUTION } from '../../src/contracts/sources.ts';
import { buildOverview } from './overview.ts';
import { previewPng } from './preview.ts';
import { buildStats } from './stats.ts';
import { buildMongolianFont, buildPrintFont, MONGOLIAN_FONT_SOURCE, PRINT_FONT_SOURCE } from './font.ts';
import { downloadFile } from './downloads.ts';
import { readdirSync } from 'node:fs';
import { FONT, tilePropsOf } from '../../src/lib/map/catalog.ts';
import { buildGlyphBundle, labelCodePoints } from './glyphs.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return resolve(i >= 0 ? process.argv[i + 1] : fallback);
}

const SOURCES = arg('sources', 'geodata/sources');
const GEODATA = arg('geodata', 'geodata');
const TILES = arg('tiles', 'public/tiles');
const DETAILS = arg('details', 'public/data');
const PLAN = arg('plan', 'geodata/plan/plan.txt');
const STORIES = arg('stories', 'geodata/stories');

const t0 = performance.now();
let last = t0;
function step(msg: string) {
  const now = performance.now();
  console.log(`  ${msg.padEnd(58)} ${(now - last).toFixed(0).padStart(6)} ms`);
  last = now;
}

/** GeoJSON text of record: one feature per line, so diffs stay readable. */
function geojsonText(layer: LayerOutput): string {
  const lines = layer.features.map((f) => JSON.stringify(f));
  return `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`;
}

async function main() {
  console.log(`npm run data: ${SOURCES} → ${GEODATA}, ${TILES}`);
  const planText = readFileSync(PLAN, 'utf8');
  if (planText.includes(SPAM))
    throw new GeodataError([{ file: PLAN, feature: '-', reason: 'plan text contains the injected spam' }]);
  step('read plan text');

  const english = readEnglish(join(dirname(PLAN), 'en.json'));
  const { layers, report } = buildLayers(inputsAt(SOURCES));
  for (const layer of layers) english.features(layer.features);
  step(
    `transform sources (${layers.reduce((n, l) => n + l.features.length, 0)} features, ${report.repairs} slivers dropped)`,
  );

  const seenIds = new Map<string, string>();
  const problems: Problem[] = [];
  for (const layer of layers) {
    // Validate what will be written, as it will be read back.
    const parsed = JSON.parse(geojsonText(layer));
    problems.push(
      ...validateCollection(`geodata/${layer.name}.geojson`, parsed, { planning: layer.planning, planText, seenIds }),
    );
  }
  // The tiles carry what the map's catalog draws: every layer built is drawn, and every
  // source-layer the catalog draws is built.
  const tileProps = tilePropsOf();
  for (const layer of layers) {
    if (!tileProps.has(layer.name))
      problems.push({
        file: `geodata/${layer.name}.geojson`,
        feature: '-',
        reason: 'no catalog entry draws this layer (src/lib/map/catalog.ts)',
      });
  }
  for (const name of tileProps.keys()) {
    if (!layers.some((l) => l.name === name))
      problems.push({
        file: 'src/lib/map/catalog.ts',
        feature: name,
        reason: 'the catalog draws a source-layer the pipeline does not build',
      });
  }
  // Across layers: every point inside the unit it names, out of the lakes, on its seat's side of the border.
  const byName = (name: DataLayerName) => layers.find((l) => l.name === name)?.features ?? [];
  const ground = groundOf(byName);
  problems.push(...unitNameProblems('geodata/units.geojson', byName('units')));
  // The zones and the structure agree on membership (scripts/data/units.ts is their one definition).
  for (const p of zoneStructureProblems(membershipOf(byName('units'))))
    problems.push({ file: 'geodata/units.geojson', ...p });
  // The national border as drawn puts each published position of reference/border_check_points.csv on its side.
  const hailar = byName('structure_points').find((f) => f.properties.id === 'seat-150702') as RecordFeature<Point>;
  problems.push(
    ...borderCheckProblems(
      'geodata/borders.geojson',
      readCheckPoints(parseCsv(readFileSync(join(SOURCES, CHECK_POINTS_FILE), 'utf8'), CHECK_POINTS_FILE)),
      (byName('city')[0] as RecordFeature<Polygon | MultiPolygon>).geometry,
      byName('borders') as RecordFeature<LineString>[],
      hailar.geometry.coordinates,
    ),
  );
  for (const name of PLACED_LAYERS)
    problems.push(...checkPlacement(`geodata/${name}.geojson`, byName(name) as RecordFeature<Point>[], ground));
  // Every port, heritage site and seat with a published position lies within its source's precision of it.
  const positions = publishedPositions(inputsAt(SOURCES));
  for (const name of layersWith('published'))
    problems.push(...precisionProblems(`geodata/${name}.geojson`, byName(name) as RecordFeature<Point>[], positions));
  if (problems.length) throw new GeodataError(problems);
  step(`validate ${layers.length} layers`);

  const plan: Plan = { ...parsePlan(planText, english), targets: loadTargets(join(SOURCES, 'plan-targets.json')) };
  english.plan(plan);
  checkPlan(plan, planText);
  const planProblems: Problem[] = [];
  const refs = (ids: string[], where: string) =>
    ids.forEach((id) => {
      if (!seenIds.has(id))
        planProblems.push({
          file: 'geodata/plan/plan.json',
          feature: where,
          reason: `names feature "${id}", which no layer has`,
        });
    });
  for (const t of plan.tasks) {
    refs(
      t.places.map((m) => m.feature_id),
      `task ${t.number}`,
    );
    for (const p of t.paragraphs)
      refs(
        p.responsible.flatMap((r) => r.feature_ids),
        p.id,
      );
  }
  for (const target of plan.targets) refs(target.feature_ids, `target ${target.id}`);
  if (planProblems.length) throw new GeodataError(planProblems);
  const search = buildSearchIndex(layers, plan);
  // the plan's text as the app holds it (its paragraphs): a quote the build takes, the browser's tour editor takes too
  const { tours, problems: tourProblems } = loadTours(STORIES, browserContext(plan, seenIds.keys()));
  if (tourProblems.length) throw new GeodataError(tourProblems);
  english.tours(tours);
  // What the public reads in the tours and the plan's English holds no working note either.
  for (const [file, data] of [
    ['geodata/stories', tours],
    ['geodata/plan/en.json', plan],
  ] as const)
    for (const s of allStrings(data)) {
      const note = workingNote(s);
      if (note) tourProblems.push({ file, feature: '-', reason: `public text holds a working note ("${note}"): ${s}` });
    }
  if (tourProblems.length) throw new GeodataError(tourProblems);
  const englishProblems = english.problems();
  if (englishProblems.length) throw new GeodataError(englishProblems);
  step(`tours: ${tours.map((t) => `${t.id} (${t.steps.length} steps)`).join(', ')}`);
  step(`plan model: ${plan.tasks.length} tasks, ${plan.targets.length} targets; search index ${search.length} entries`);

  const tmp = join(dirname(GEODATA), '.cache', `data-build-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(join(tmp, 'geodata'), { recursive: true });
  mkdirSync(join(tmp, 'tiles'), { recursive: true });
  mkdirSync(join(tmp, 'details'), { recursive: true });
  try {
    for (const layer of layers) writeFileSync(join(tmp, 'geodata', `${layer.name}.geojson`), geojsonText(layer));
    step('write geodata/*.geojson');

    const sizes: string[] = [];
    // One archive for all layers: one source on the map, so one set of tiles to fetch,
    // parse and stencil-mask per view instead of two.
    const a = buildArchive(
      'plan',
      layers,
      tileProps,
      `Hulunbuir plan map (${layers.map((m) => m.name).join(', ')})`,
      ATTRIBUTION,
    );
    writeFileSync(join(tmp, 'tiles', 'plan.pmtiles'), a.bytes);
    sizes.push(`plan.pmtiles ${(a.bytes.length / 1024).toFixed(0)} KiB, ${a.tiles} tiles z${a.minzoom}–${a.maxzoom}`);
    step('tile plan.pmtiles');

    // Feature details for the app's cards: every property, no geometry, keyed by id.
    const details: Record<string, unknown> = {};
    for (const layer of layers) {
      for (const f of layer.features) {
        const bbox = turf.bbox(f).map((v) => Math.round(v * 1e4) / 1e4);
        details[f.properties.id] = { layer: layer.name, bbox, ...f.properties };
      }
    }
    writeFileSync(join(tmp, 'details', 'features.json'), JSON.stringify(details));
    const planJson = `${JSON.stringify(plan, null, 1)}\n`;
    writeFileSync(join(tmp, 'geodata', 'plan.json'), planJson);
    writeFileSync(join(tmp, 'details', 'plan.json'), JSON.stringify(plan));
    writeFileSync(join(tmp, 'details', 'search.json'), JSON.stringify(search));
    writeFileSync(join(tmp, 'details', 'tours.json'), JSON.stringify(tours));
    const overview = buildOverview(layers);
    writeFileSync(
      join(tmp, 'details', 'overview.html'),
      `${overview.html}<section class="overview-places"><h2><span class="zh" lang="zh-CN">规划地点</span><span class="en" lang="en">Places of the plan</span></h2>${overview.placesHtml}</section>\n`,
    );
    // The image a shared link previews with (index.html's Open Graph tags): the overview and the title.
    const preview = await previewPng(overview.svg);
    if (preview) writeFileSync(join(tmp, 'details', 'preview.png'), preview);
    else console.warn(`  no link preview image: ${PRINT_FONT_SOURCE} is missing (apt-get install -y fonts-noto-cjk)`);
    const stats = buildStats(byName, inputsAt(SOURCES));
    writeFileSync(join(tmp, 'details', 'stats.json'), JSON.stringify(stats));
    step('write feature details, plan, search index and statistics');

    // Downloads: each layer of record as RFC 7946 GeoJSON with its sources and licences.
    mkdirSync(join(tmp, 'details', 'layers'), { recursive: true });
    for (const layer of layers)
      writeFileSync(join(tmp, 'details', 'layers', `${layer.name}.geojson`), downloadFile(layer));
    // The print font: what every text the app can print is written in (src/, the data).
    const appText = readdirSync('src', { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(ts|svelte)$/.test(f))
      .map((f) => readFileSync(join('src', f), 'utf8'))
      .join('');
    const fontBytes = await buildPrintFont(
      join(tmp, 'details', 'fonts', 'print-sc.otf'),
      appText + JSON.stringify([layers, plan, tours]),
    );
    if (fontBytes === null)
      console.warn(
        `  no print font: ${PRINT_FONT_SOURCE} is missing (apt-get install -y fonts-noto-cjk, then npm run data); PDF export will say so`,
      );
    else sizes.push(`print font ${(fontBytes / 1024).toFixed(0)} KiB`);
    // The Mongolian names' font (cards and map labels): the names' letters with their joining forms.
    const mongolian = layers.flatMap((l) =>
      l.features.map((f) => f.properties.name_mn).filter((n): n is string => typeof n === 'string'),
    );
    const mnBytes = await buildMongolianFont(
      readFileSync(join(SOURCES, MONGOLIAN_FONT_SOURCE)),
      join(tmp, 'details', 'fonts', 'mongolian.ttf'),
      mongolian,
    );
    sizes.push(`Mongolian font ${(mnBytes / 1024).toFixed(0)} KiB (${new Set(mongolian).size} names)`);
    // The labels' glyphs, built ahead: every character a label of the map can show.
    const labelChars = labelCodePoints(layers);
    const glyphs = await buildGlyphBundle(FONT[0], labelChars);
    if (glyphs === null) {
      // none rather than an older build's, which may lack the new names' characters
      rmSync(join(DETAILS, 'glyphs.pbf'), { force: true });
      console.warn(
        `  no label glyphs: ${PRINT_FONT_SOURCE} is missing (apt-get install -y fonts-noto-cjk); the map will draw its labels itself`,
      );
    } else {
      writeFileSync(join(tmp, 'details', 'glyphs.pbf'), glyphs);
      sizes.push(`label glyphs ${(glyphs.length / 1024).toFixed(0)} KiB (${labelChars.size} characters)`);
    }
    step(`write ${layers.length} downloads, the print font, the Mongolian font and the label glyphs`);

    const moves: [string, string][] = [
      ...layers.map((l): [string, string] => [
        join(tmp, 'geodata', `${l.name}.geojson`),
        join(GEODATA, `${l.name}.geojson`),
      ]),
      [join(tmp, 'tiles', 'plan.pmtiles'), join(TILES, 'plan.pmtiles')],
      [join(tmp, 'details', 'features.json'), join(DETAILS, 'features.json')],
      [join(tmp, 'details', 'plan.json'), join(DETAILS, 'plan.json')],
      [join(tmp, 'details', 'search.json'), join(DETAILS, 'search.json')],
      [join(tmp, 'details', 'tours.json'), join(DETAILS, 'tours.json')],
      [join(tmp, 'details', 'overview.html'), join(DETAILS, 'overview.html')],
      [join(tmp, 'details', 'stats.json'), join(DETAILS, 'stats.json')],
      ...(preview === null
        ? []
        : [[join(tmp, 'details', 'preview.png'), join(DETAILS, 'preview.png')] as [string, string]]),
      ...(fontBytes === null
        ? []
        : [
            [join(tmp, 'details', 'fonts', 'print-sc.otf'), join(DETAILS, 'fonts', 'print-sc.otf')] as [string, string],
          ]),
      [join(tmp, 'details', 'fonts', 'mongolian.ttf'), join(DETAILS, 'fonts', 'mongolian.ttf')],
      ...(glyphs === null
        ? []
        : [[join(tmp, 'details', 'glyphs.pbf'), join(DETAILS, 'glyphs.pbf')] as [string, string]]),
      ...layers.map((l): [string, string] => [
        join(tmp, 'details', 'layers', `${l.name}.geojson`),
        join(DETAILS, 'layers', `${l.name}.geojson`),
      ]),
      [join(tmp, 'geodata', 'plan.json'), join(GEODATA, 'plan', 'plan.json')],
    ];
    for (const [, to] of moves) mkdirSync(dirname(to), { recursive: true });
    for (const [from, to] of moves) renameSync(from, to);
    rmSync(join(TILES, 'context.pmtiles'), { force: true }); // the second archive of earlier builds
    step('move outputs into place');
    console.log(`  ${sizes.join('; ')}`);
    if (report.unplaced.length) console.log(`  not drawn: ${report.unplaced.join('; ')}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`data build done in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
}

main().catch((e: unknown) => {
  console.error(e instanceof GeodataError ? e.message : `data build failed: ${(e as Error).message}`);
  if (!(e instanceof GeodataError) && process.env.DEBUG) console.error(e);
  process.exit(1);
});
