/**
 * The HTTP headers every response of the app carries, in one place: sent by `vite preview`
 * (vite.config.ts) and by the shipped nginx config (written from this by
 * scripts/serve-nginx.ts). The policy allows this origin only:
 * - no inline script or style anywhere (index.html links its overview CSS; Svelte and MapLibre
 *   set styles through the CSSOM, which a policy does not govern);
 * - workers from this origin (MapLibre's worker and the import worker are files, not blobs);
 * - images from data: and blob: (MapLibre's icons and the print's map images are made in the page).
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};
