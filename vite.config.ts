import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { SECURITY_HEADERS } from './deploy/headers.ts';

/** Puts the overview SVG made by `npm run data` into index.html, so it shows before any script. */
function overview(): Plugin {
  return {
    name: 'hlbe-overview',
    transformIndexHtml(html) {
      const file = 'public/data/overview.html';
      return existsSync(file) ? html.replace('<!--overview-->', readFileSync(file, 'utf8')) : html;
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
      return id === STUB ? "export function decompressSync() { throw new Error('pmtiles decompresses through lib/map/archive.ts'); }" : null;
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
        return { html, tags: [...files].map((f) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${f}` }, injectTo: 'head' as const })) };
      },
    },
  };
}

/**
 * Writes a .gz beside each text file of the build (best compression, once), which the shipped
 * nginx config serves with gzip_static instead of compressing on every request. Never the
 * tile archive (read by Range) — it is not text anyway.
 */
function precompress(): Plugin {
  return {
    name: 'hlbe-precompress',
    apply: 'build',
    closeBundle() {
      const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
      for (const f of walk('dist').filter((x) => /\.(html|js|mjs|css|json|geojson|svg|txt)$/.test(x))) {
        const raw = readFileSync(f);
        if (raw.length < 1024) continue;
        const gz = gzipSync(raw, { level: 9 });
        if (gz.length < raw.length * 0.9) writeFileSync(`${f}.gz`, gz);
      }
    },
  };
}

export default defineConfig({
  plugins: [svelte(), overview(), pmtilesWithoutFflate(), preloadApp(), precompress()],
  // Relative base: dist/ works from any folder of any static server (with HTTP Range).
  base: './',
  build: {
    target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 1200,
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
  preview: { host: '127.0.0.1', headers: SECURITY_HEADERS },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
