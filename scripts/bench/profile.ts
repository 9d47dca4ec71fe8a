/**
 * Whose code the main thread runs while a page starts: a sampled CPU profile (DevTools' Profiler)
 * cut into busy stretches (runs of samples between idle ones: a task, or tasks back to back),
 * each stretch's time split by owner — the app's own code (its chunks, Svelte included), MapLibre
 * (its chunk, the native calls it makes included: WebGL, canvas) and the browser (style, layout,
 * paint, garbage collection: no script on the stack). "No app task over 50 ms" is read here as
 * no stretch with more than 50 ms of the app's own code: MapLibre's constructor and first frame
 * run inside a task the app starts, and are MapLibre's (the same-style page has them too).
 */
import type { Browser, BrowserContextOptions } from 'playwright-core';

export type Owner = 'app' | 'maplibre' | 'browser';
export type Stretch = { ms: number; by: Record<Owner, number>; top: { fn: string; ms: number }[] };

type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

export async function profileStart(
  browser: Browser,
  origin: string,
  url: string,
  options: BrowserContextOptions,
  ready: string,
): Promise<Stretch[]> {
  const ctx = await browser.newContext(options);
  const p = await ctx.newPage();
  // the profiler starts in the origin's own renderer, and the page is opened from it (same process)
  await p.goto(`${origin}/favicon.svg`);
  const cdp = await ctx.newCDPSession(p);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await Promise.all([p.waitForURL(url), p.evaluate((u) => location.assign(u), url)]);
  await p.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, ready, { timeout: 60_000 });
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  await ctx.close();
  const found = stretches(profile, origin);
  if (!found.some((s) => s.by.app > 0)) throw new Error(`bench profile of ${url}: no sample in the app's code`);
  return found;
}

export function stretches(profile: Profile, origin: string): Stretch[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const owners = new Map<number, { owner: Owner; fn: string } | null>();
  /** a sample's owner: the first frame up the stack with a script address decides */
  const ownerOf = (id: number): { owner: Owner; fn: string } | null => {
    const known = owners.get(id);
    if (known !== undefined) return known;
    const n = byId.get(id) as Node;
    let r: { owner: Owner; fn: string } | null;
    if (n.callFrame.functionName === '(idle)') r = null;
    else if (n.callFrame.url) {
      const file = n.callFrame.url.replace(/^.*\//, '').replace(/-[\w-]{8}\.(m?js)$/, '.$1');
      r = {
        owner: /\/assets\/maplibre/.test(n.callFrame.url)
          ? 'maplibre'
          : n.callFrame.url.startsWith(origin)
            ? 'app'
            : 'browser',
        fn: `${n.callFrame.functionName || '(anonymous)'} @ ${file}:${n.callFrame.lineNumber + 1}`,
      };
    } else {
      const up = parent.get(id);
      const above = up === undefined ? undefined : ownerOf(up);
      r = above ?? { owner: 'browser', fn: n.callFrame.functionName || '(native)' };
    }
    owners.set(id, r);
    return r;
  };
  const out: Stretch[] = [];
  let cur: (Stretch & { self: Map<string, number> }) | null = null;
  const close = () => {
    if (!cur) return;
    cur.top = [...cur.self]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([fn, ms]) => ({ fn, ms }));
    out.push({ ms: cur.ms, by: cur.by, top: cur.top });
    cur = null;
  };
  profile.samples.forEach((id, i) => {
    // a sample's time is the interval to the next one
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const o = ownerOf(id);
    if (!o) {
      close();
      return;
    }
    cur ??= { ms: 0, by: { app: 0, maplibre: 0, browser: 0 }, top: [], self: new Map() };
    cur.ms += ms;
    cur.by[o.owner] += ms;
    // the app's own functions by self time (the leaf's frame: a native call counts for its caller)
    if (o.owner === 'app') cur.self.set(o.fn, (cur.self.get(o.fn) ?? 0) + ms);
  });
  close();
  return out;
}
