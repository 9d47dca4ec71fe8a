/**
 * The HTTP headers every response of the app carries, in one place: sent by `vite preview`
 * (vite.config.ts) and by the shipped nginx config (written from this by
 * scripts/serve-nginx.ts). The policy allows this origin only:
 * - no inline script anywhere, and one inline style: the overview's (src/overview.css, written
 *   into index.html's head so the first paint waits for no request), allowed by its hash; Svelte
 *   and MapLibre set styles through the CSSOM, which a policy does not govern;
 * - workers from this origin (MapLibre's worker and the import worker are files, not blobs);
 * - images from data: and blob: (MapLibre's icons and the print's map images are made in the page);
 * - frames: the map may be shown in a frame by its own pages and by the sites of the deploy
 *   setting (deploy/site.json `embedOrigins`, or EMBED_ORIGINS when serving), no others.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * The overview's stylesheet, as index.html's head carries it (vite.config.ts): without its
 * comments and line breaks (spaces inside a rule are left as written).
 */
export const OVERVIEW_CSS = readFileSync(new URL('../src/overview.css', import.meta.url), 'utf8')
  .replace(/\/\*[\s\S]*?\*\//g, '')
  .replace(/\s*\n\s*/g, '')
  .trim();
/** The policy's name for that one inline style. */
const OVERVIEW_STYLE = `'sha256-${createHash('sha256').update(OVERVIEW_CSS).digest('base64')}'`;

/** The deploy settings (deploy/site.json): who may embed the map, and the public address. */
export interface Site {
  /** origins allowed to show the map in an <iframe>, besides its own: "https://www.hlbe.gov.cn" */
  embedOrigins: string[];
  /** the app's public address ("https://map.example.cn/plan-map/"), for link previews; "" when unknown */
  siteUrl: string;
}

const ORIGIN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i;

/** An origin as a policy names it, or a clear error naming what is wrong and where it came from. */
export function checkOrigin(s: string, where: string): string {
  const o = s.trim().replace(/\/$/, '');
  if (!ORIGIN.test(o))
    throw new Error(
      `${where}: "${s}" is not an origin (scheme, host and port only, e.g. https://www.hlbe.gov.cn or http://127.0.0.1:8081)`,
    );
  return o.toLowerCase();
}

/**
 * The deploy settings: deploy/site.json, with EMBED_ORIGINS (space- or comma-separated) and
 * SITE_URL from the environment taking its place when set (a server's or a test's own list).
 */
export function site(
  env: Record<string, string | undefined> = process.env,
  fileText = readFileSync(new URL('./site.json', import.meta.url), 'utf8'),
): Site {
  const file = JSON.parse(fileText) as Partial<Site>;
  const fromEnv = env.EMBED_ORIGINS?.trim();
  const origins = fromEnv ? fromEnv.split(/[\s,]+/) : (file.embedOrigins ?? []);
  const where = fromEnv ? 'EMBED_ORIGINS' : 'deploy/site.json embedOrigins';
  const siteUrl = (env.SITE_URL ?? file.siteUrl ?? '').trim();
  if (siteUrl && !/^https?:\/\/[^\s"<>]+\/$/.test(siteUrl))
    throw new Error(`SITE_URL / deploy/site.json siteUrl: "${siteUrl}" must be an http(s) address ending in /`);
  return { embedOrigins: [...new Set(origins.map((o) => checkOrigin(o, where)))], siteUrl };
}

/** The policy, its frame-ancestors naming this origin and the allowed embedding sites. */
export function csp(embedOrigins: readonly string[] = []): string {
  return [
    "default-src 'self'",
    // WebAssembly compiled from this origin's own files (SQLite for a GeoPackage export)
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self'",
    "connect-src 'self'",
    "img-src 'self' data: blob:",
    `style-src 'self' ${OVERVIEW_STYLE}`,
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${["'self'", ...embedOrigins].join(' ')}`,
  ].join('; ');
}

/** The policy with no embedding site: the default deploy. */
export const CSP = csp();

export function securityHeaders(embedOrigins: readonly string[] = []): Record<string, string> {
  return {
    'Content-Security-Policy': csp(embedOrigins),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  };
}

/** The headers of the default deploy (no embedding site). */
export const SECURITY_HEADERS = securityHeaders();
