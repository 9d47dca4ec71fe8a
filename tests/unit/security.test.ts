// No markup from data: nothing in the app writes HTML from a string ({@html}, innerHTML and
// kin), and the only link made from data (an imported property) is http(s) only. The CSP
// (deploy/headers.ts) has no 'unsafe-inline' or 'unsafe-eval' and allows this origin only.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { CSP, OVERVIEW_CSS, csp, site } from '../../deploy/headers.ts';

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
const sources = files('src')
  .filter((f) => /\.(ts|svelte)$/.test(f))
  .map((f) => ({ f, text: readFileSync(f, 'utf8') }));

describe('no markup from strings', () => {
  it('no {@html}, innerHTML, outerHTML, insertAdjacentHTML or document.write in src/', () => {
    const hits = sources
      .filter(({ text }) => /\{@html|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write\(/.test(text))
      .map(({ f }) => f);
    expect(hits).toEqual([]);
  });

  it('every link made from a value is guarded to http(s), each by its own check', () => {
    // Each <a href={x}> sits inside {#if isLink(x)} on its line, and that file's isLink admits
    // http(s) only: one guarded link cannot vouch for another in the same file.
    const links = sources
      .filter(({ f }) => f.endsWith('.svelte'))
      .flatMap(({ f, text }) =>
        text
          .split('\n')
          .flatMap((line) =>
            [...line.matchAll(/<a [^>]*href=\{([^}]+)\}/g)].map((m) => ({ f, line, expr: m[1], text })),
          ),
      );
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) {
      const guard = l.line.slice(0, l.line.indexOf('<a ')).match(/\{#if isLink\(([^)]+)\)\}\s*$/);
      expect(guard?.[1], `${l.f}: href={${l.expr}} needs {#if isLink(${l.expr})} right before it`).toBe(l.expr);
      expect(l.text, `${l.f}: isLink must admit http(s) only`).toMatch(
        /const isLink = \(s: string\) => \/\^https\?:\\\/\\\//,
      );
    }
  });

  it('the policy allows this origin only, with no inline script, style or eval', () => {
    // WebAssembly compiled from this origin's files is allowed ('wasm-unsafe-eval'), string eval is not
    expect(CSP).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(CSP.replace("'wasm-unsafe-eval'", '')).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
    expect(CSP).toContain("default-src 'self'");
    expect(CSP).toContain("object-src 'none'");
    // framed by its own pages only, unless the deploy names the sites that may embed it
    expect(CSP).toContain("frame-ancestors 'self'");
    // one inline style, the overview's (painted before any request: vite.config.ts), by its hash
    const hash = createHash('sha256').update(OVERVIEW_CSS).digest('base64');
    expect(CSP).toContain(`style-src 'self' 'sha256-${hash}';`);
    expect(OVERVIEW_CSS).toContain('.overview {');
    expect(OVERVIEW_CSS).not.toMatch(/\/\*|\n/);
  });

  it('the sites that may embed the map are one setting, checked at once', () => {
    const none = '{"embedOrigins": [], "siteUrl": ""}';
    expect(site({}, none).embedOrigins).toEqual([]);
    expect(site({}, '{"embedOrigins": ["https://www.hlbe.gov.cn"]}').embedOrigins).toEqual(['https://www.hlbe.gov.cn']);
    expect(() => site({}, '{"embedOrigins": ["*"]}')).toThrow(/deploy\/site.json embedOrigins: "\*" is not an origin/);
    expect(site({ EMBED_ORIGINS: 'https://www.hlbe.gov.cn, http://127.0.0.1:8081/' }, none).embedOrigins).toEqual([
      'https://www.hlbe.gov.cn',
      'http://127.0.0.1:8081',
    ]);
    expect(csp(['https://www.hlbe.gov.cn'])).toContain("frame-ancestors 'self' https://www.hlbe.gov.cn");
    // everything but frame-ancestors stays as strict
    expect(csp(['https://www.hlbe.gov.cn']).replace(/; frame-ancestors.*$/, '')).toBe(
      CSP.replace(/; frame-ancestors.*$/, ''),
    );
    for (const bad of ['*', 'www.hlbe.gov.cn', 'https://a.cn/path', "'unsafe-inline'", 'https://a.cn; script-src *'])
      expect(() => site({ EMBED_ORIGINS: bad }, none), bad).toThrow(/EMBED_ORIGINS: .* is not an origin/);
    expect(() => site({ SITE_URL: 'https://map.example.cn/plan-map' }, none)).toThrow(
      /must be an http\(s\) address ending in \//,
    );
  });
});
