import { LATER } from './src/offline/later.ts';
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { OVERVIEW_CSS, securityHeaders, site } from './deploy/headers.ts';
import { MEDIA } from './src/lib/ui/layout.ts';
import { UI } from './src/lib/i18n.ts';
import { LINK_PREVIEW, escapeAttr as esc } from './src/lib/embed.ts';

/**
 * The breakpoints have one home (src/lib/ui/layout.ts, MEDIA): CSS in .svelte and .css files
 * writes `@media (--phone)`, `(--desk)` or `(--wide)`, replaced here before anything else.
 */
function mediaQueries(): Plugin {
  const named = new RegExp(`\\((${Object.keys(MEDIA).join('|')})\\)`, 'g');
  return {
    name: 'hlbe-media-queries',
    enforce: 'pre',
    transform(code, id) {
      if (!/\.(svelte|css)(\?.*)?$/.test(id) || !code.includes('(--')) return null;
      // In every @media prelude (`@media print and (--phone)` too), each named query is filled in.
      const out = code.replace(/@media[^{]*\{/g, (prelude) =>
        prelude.replace(named, (_, name: keyof typeof MEDIA) => MEDIA[name]),
      );
      const unknown = out.match(/@media[^{]*\(--[a-z-]+\)/);
      if (unknown) throw new Error(`${id}: ${unknown[0]}: not a named query of src/lib/ui/layout.ts (MEDIA)`);
      return { code: out, map: null };
    },
  };
}

/**
 * Puts the overview SVG made by `npm run data` into index.html, so it shows before any script,
 * and its stylesheet into the head (the CSP allows it by its hash: deploy/headers.ts).
 */
function overview(): Plugin {
  return {
    name: 'hlbe-overview',
    transformIndexHtml(html, ctx) {
      const file = 'public/data/overview.html';
      if (!ctx.filename.endsWith('/index.html')) return html; // (the presenter's page has no overview)
      if (!html.includes('<!--overview-style-->'))
        throw new Error("index.html: no <!--overview-style--> for the overview's stylesheet (hlbe-overview)");
      const withStyle = html.replace('<!--overview-style-->', `<style>${OVERVIEW_CSS}</style>`);
      return existsSync(file) ? withStyle.replace('<!--overview-->', readFileSync(file, 'utf8')) : withStyle;
    },
  };
}

/**
 * The tags a shared link previews with (Open Graph, Twitter cards), the description and the
 * canonical address, from UI.title / UI.description (the page updates them as its state
 * changes: lib/state/page-meta.ts). Absolute addresses where the deploy names its public
 * address (deploy/site.json siteUrl, or SITE_URL at build time); relative ones otherwise.
 */
function linkPreview(): Plugin {
  const { siteUrl } = site();
  const meta = (key: 'name' | 'property', k: string, v: string | number) =>
    `<meta ${key}="${k}" content="${esc(String(v))}" />`;
  const image = `${siteUrl || './'}${LINK_PREVIEW.path}`;
  const tags = [
    meta('name', 'description', UI.description.zh),
    `<link rel="canonical" href="${esc(siteUrl || './')}" />`,
    meta('property', 'og:type', 'website'),
    meta('property', 'og:site_name', UI.titleShort.zh),
    meta('property', 'og:title', UI.title.zh),
    meta('property', 'og:description', UI.description.zh),
    meta('property', 'og:locale', 'zh_CN'),
    meta('property', 'og:locale:alternate', 'en_US'),
    ...(siteUrl ? [meta('property', 'og:url', siteUrl)] : []),
    meta('property', 'og:image', image),
    meta('property', 'og:image:type', 'image/png'),
    meta('property', 'og:image:width', LINK_PREVIEW.width),
    meta('property', 'og:image:height', LINK_PREVIEW.height),
    meta('property', 'og:image:alt', `${UI.title.zh}：规划总览图`),
    meta('name', 'twitter:card', 'summary_large_image'),
    meta('name', 'twitter:title', UI.title.zh),
    meta('name', 'twitter:description', UI.description.zh),
    meta('name', 'twitter:image', image),
  ];
  return {
    name: 'hlbe-link-preview',
    transformIndexHtml(html, ctx) {
      if (!ctx.filename.endsWith('index.html')) return html;
      if (!html.includes('<!--preview-->'))
        throw new Error('index.html: the <!--preview--> mark for the link preview tags is missing');
      return html.replace('<!--preview-->', tags.join('\n    '));
    },
  };
}

/**
 * pmtiles imports fflate for browsers without DecompressionStream; the app hands pmtiles a
 * decompress of its own (lib/map/archive.ts: DecompressionStream, else fflate loaded then),
 * so pmtiles' static import gets a stub and fflate stays out of the first view (5.5 KB gzip).
 */
function pmtilesWithoutFflate(): Plugin {
  const STUB = '\0pmtiles-fflate-stub';
  return {
    name: 'hlbe-pmtiles-without-fflate',
    enforce: 'pre',
    resolveId(source, importer) {
      return source === 'fflate' && importer && /node_modules[\\/]pmtiles[\\/]/.test(importer) ? STUB : null;
    },
    load(id) {
      return id === STUB
        ? "export function decompressSync() { throw new Error('pmtiles decompresses through lib/map/archive.ts'); }"
        : null;
    },
  };
}

/**
 * index.html starts downloading the app's chunks (boot.svelte.ts and what it imports, MapLibre
 * included) while the overview paints: main.ts imports them only after the first paint, and
 * a modulepreload fetches and compiles without running. presenter.html gets none of them.
 */
function preloadApp(): Plugin {
  return {
    name: 'hlbe-preload-app',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle || !ctx.filename.endsWith('index.html')) return html;
        const chunks = Object.values(ctx.bundle).filter((c) => c.type === 'chunk');
        const boot = chunks.find((c) => c.facadeModuleId?.endsWith('/src/boot.svelte.ts'));
        if (!boot) return html;
        const files = new Set<string>();
        const visit = (name: string) => {
          if (files.has(name)) return;
          files.add(name);
          for (const i of chunks.find((c) => c.fileName === name)?.imports ?? []) visit(i);
        };
        visit(boot.fileName);
        return {
          html,
          tags: [...files].map((f) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${f}` },
            injectTo: 'head' as const,
          })),
        };
      },
    },
  };
}

/**
 * The overview paints from the first bytes: its own small stylesheet stays in the head, and the
 * app's stylesheets move to the end of the body, where they no longer hold back the first paint
 * (a browser paints what comes before an in-body stylesheet). The app's module script still
 * runs only once they are in (scripts wait for the stylesheets the parser met), so the app
 * never shows unstyled.
 */
function stylesAfterOverview(): Plugin {
  return {
    name: 'hlbe-styles-after-overview',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle || !ctx.filename.endsWith('index.html')) return html;
        const links: string[] = [];
        const out = html.replace(/\s*<link rel="stylesheet" crossorigin href="\.\/assets\/[^"]+\.css">/g, (tag) => {
          links.push(tag.trim());
          return '';
        });
        if (!links.length)
          throw new Error('index.html: the app has no stylesheet to move (hlbe-styles-after-overview)');
        return out.replace('</body>', `${links.join('\n')}\n</body>`);
      },
    },
  };
}

/**
 * The tile archive's name in a build carries its content's hash (tiles/plan.<hash>.pmtiles):
 * a new data build is a new file, so no browser or CDN ever mixes ranges of two archives, and
 * the archive can be cached for a year like the hashed assets. The app learns the name from
 * `__ARCHIVE__` (lib/map/style.ts); `vite dev` and the unit tests read tiles/plan.pmtiles.
 */
const ARCHIVE_SOURCE = 'public/tiles/plan.pmtiles';
function archiveName(command: string): string {
  if (command !== 'build' || !existsSync(ARCHIVE_SOURCE)) return 'tiles/plan.pmtiles';
  return `tiles/plan.${createHash('sha256').update(readFileSync(ARCHIVE_SOURCE)).digest('hex').slice(0, 12)}.pmtiles`;
}
/**
 * The service worker (src/offline/sw.ts) is built as `sw.js` at the root of the build — a
 * worker's scope is its folder — and given its release's manifest when the build is done.
 */
function serviceWorker(): Plugin {
  return {
    name: 'hlbe-service-worker',
    apply: 'build',
    buildStart() {
      this.emitFile({ type: 'chunk', id: resolve('src/offline/sw.ts'), fileName: 'sw.js' });
    },
  };
}

/**
 * What happens to dist/ once it is written, in this order (closeBundle hooks of separate
 * plugins may run in parallel):
 * 1. the archive gets its hashed name;
 * 2. sw.js gets its manifest: every file it precaches, and a version made of their contents
 *    (so any change to any file is a new worker, and a new cache);
 * 3. every text file gets a .gz beside it (level 9, once), which the shipped nginx config
 *    serves with gzip_static instead of compressing per request. Never the tile archive (read
 *    by Range; its tiles are gzipped inside).
 */
function finishDist(archive: string): Plugin {
  let dir = 'dist';
  return {
    name: 'hlbe-finish-dist',
    apply: 'build',
    writeBundle(options) {
      dir = options.dir ?? dir;
    },
    closeBundle() {
      if (archive !== 'tiles/plan.pmtiles' && existsSync(join(dir, 'tiles/plan.pmtiles')))
        renameSync(join(dir, 'tiles/plan.pmtiles'), join(dir, archive));
      const walk = (d: string): string[] =>
        readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
      const files = walk(dir)
        .map((f) => relative(dir, f).split(sep).join('/'))
        .filter((f) => !f.endsWith('.gz'))
        .sort();
      const sw = join(dir, 'sw.js');
      if (existsSync(sw)) {
        // Cached when first used, not at install (src/offline/later.ts; never: the link preview).
        const precache = files.filter(
          (f) => f !== 'sw.js' && !LATER.test(f) && f !== 'data/overview.html' && f !== LINK_PREVIEW.path, // a link preview's image, for the sites that show one
        );
        const hash = createHash('sha256');
        for (const f of files) if (f !== 'sw.js') hash.update(f).update(readFileSync(join(dir, f)));
        // the deploy settings too: the worker serves the page it cached with that page's policy, so a new
        // allowlist in deploy/site.json needs a new worker (a server's EMBED_ORIGINS: a new build, README)
        hash.update(readFileSync('deploy/site.json'));
        const manifest = JSON.stringify({ version: hash.digest('hex').slice(0, 16), files: precache });
        const code = readFileSync(sw, 'utf8');
        const placeholder = /(["'`])__SW_MANIFEST__\1/;
        if (!placeholder.test(code)) throw new Error('sw.js: the manifest placeholder __SW_MANIFEST__ is missing');
        writeFileSync(
          sw,
          code.replace(placeholder, () => JSON.stringify(manifest)),
        );
      }
      for (const f of walk(dir).filter((x) => /\.(html|js|mjs|css|json|geojson|svg|txt|webmanifest|pbf)$/.test(x))) {
        const raw = readFileSync(f);
        if (raw.length < 1024) continue;
        const gz = gzipSync(raw, { level: 9 });
        if (gz.length < raw.length * 0.9) writeFileSync(`${f}.gz`, gz);
      }
    },
  };
}

export default defineConfig(({ command }) => ({
  define: { __ARCHIVE__: JSON.stringify(archiveName(command)) },
  plugins: [
    mediaQueries(),
    svelte(),
    overview(),
    linkPreview(),
    pmtilesWithoutFflate(),
    preloadApp(),
    stylesAfterOverview(),
    serviceWorker(),
    finishDist(archiveName(command)),
  ],
  // Relative base: dist/ works from any folder of any static server (with HTTP Range).
  base: './',
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
    // MapLibre in a chunk of its own: long-cacheable across app releases, and kept out of the presenter window.
    rolldownOptions: {
      // Two pages: the app, and the presenter window of a tour (no map).
      input: { main: 'index.html', presenter: 'presenter.html' },
      output: { codeSplitting: { groups: [{ name: 'maplibre', test: /node_modules[\\/]maplibre-gl[\\/].*\.m?js$/ }] } },
    },
  },
  // The import worker is a module worker with its own chunks (the parsers load when a format needs them).
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
  // The same headers as the shipped nginx config (deploy/headers.ts): tests run under the CSP.
  preview: { host: '127.0.0.1', headers: securityHeaders(site().embedOrigins) },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    globalSetup: ['tests/unit/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two files at a time on this 2-core machine (the default, cores − 1, runs one): the data
    // build's tests wait on child processes most of their time.
    maxWorkers: 2,
  },
}));
