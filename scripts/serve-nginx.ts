/**
 * npm run serve:nginx -- --port 8080 [--dist dist]
 * Serves the built app with Debian's nginx in the foreground, as the user who runs it (its
 * workers too: started as root, nginx would hand them to `nobody`, who gets 403 from a dist/
 * in a private folder such as root's mode-700 home), from
 * the config we ship (deploy/nginx.conf, its headers from deploy/headers.ts) — what the
 * browser tests run against and what a deployment copies. Ctrl-C stops it.
 * The sites allowed to embed the map come from deploy/site.json, or EMBED_ORIGINS="https://a https://b".
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { securityHeaders, site } from '../deploy/headers.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const port = Number(arg('port', '8080'));
const dist = resolve(arg('dist', 'dist'));
const NGINX =
  ['/usr/sbin/nginx', '/usr/bin/nginx'].find(existsSync) ??
  (spawnSync('which', ['nginx']).stdout?.toString().trim() || null);

if (!NGINX) {
  console.error('serve:nginx needs nginx: apt-get install -y nginx (Debian/Ubuntu), then run this again.');
  process.exit(1);
}
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`serve:nginx: --port must be a port number, not ${arg('port', '')}`);
  process.exit(1);
}
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`serve:nginx: no ${join(dist, 'index.html')} — run npm run build first`);
  process.exit(1);
}

let embedOrigins: string[];
try {
  embedOrigins = site().embedOrigins;
} catch (e) {
  console.error(`serve:nginx: ${(e as Error).message}`);
  process.exit(1);
}

/** The config as shipped, its blanks filled: headers escaped for nginx's double quotes. */
function nginxConfig(template: string, o: { port: number; dist: string; tmp: string }): string {
  const headers = Object.entries(securityHeaders(embedOrigins))
    .map(([k, v]) => `      add_header ${k} "${v.replace(/["\\]/g, '\\$&')}" always;`)
    .join('\n');
  // The `user` directive is read only when the master runs as root; then the workers run as root too.
  const user = process.getuid?.() === 0 ? 'user root root;' : '';
  return template
    .replaceAll('{{USER}}', user)
    .replaceAll('{{HEADERS}}', headers)
    .replaceAll('{{PORT}}', String(o.port))
    .replaceAll('{{DIST}}', o.dist)
    .replaceAll('{{TMP}}', o.tmp);
}

const tmp = mkdtempSync(join(tmpdir(), 'hlbe-nginx-'));
for (const d of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(tmp, d));
const conf = join(tmp, 'nginx.conf');
writeFileSync(conf, nginxConfig(readFileSync('deploy/nginx.conf', 'utf8'), { port, dist, tmp }));
const test = spawnSync(NGINX, ['-t', '-q', '-p', tmp, '-c', conf], { encoding: 'utf8' });
if (test.status !== 0) {
  console.error(`serve:nginx: the config does not load:\n${test.stderr}`);
  process.exit(1);
}
console.log(
  `nginx serving ${dist} at http://127.0.0.1:${port}/ and http://127.0.0.1:${port}/plan-map/ (config: ${conf}); ` +
    `may be embedded by ${embedOrigins.length ? embedOrigins.join(' ') : 'its own pages only'}`,
);
const child = spawn(NGINX, ['-p', tmp, '-c', conf], { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill('SIGQUIT'));
child.on('exit', (code) => process.exit(code ?? 0));
