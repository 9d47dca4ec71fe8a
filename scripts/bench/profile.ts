/**
 * Whose code the main thread runs in each task while a page starts: a DevTools trace of the
 * page's load (its tasks, and the V8 sampler's samples every 0.2 ms on the same clock), each
 * task's time split by owner — the app's own code (its chunks, Svelte included), MapLibre (its
 * chunk, the native calls it makes included: WebGL, canvas) and the browser (style, layout,
 * paint, garbage collection: no script on the stack). "No app task over 50 ms" is read here as
 * no task with more than 50 ms of the app's own code: MapLibre's constructor and first frame run
 * inside a task the app starts, and are MapLibre's (the same-style page has them too).
 */
import type { Browser, BrowserContextOptions } from 'playwright-core';

export type Owner = 'app' | 'maplibre' | 'browser';
export type Task = { ms: number; by: Record<Owner, number>; top: { fn: string; ms: number }[] };

type Frame = { functionName: string; url: string; lineNumber: number };
export type TraceEvent = {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  id?: string;
  args: {
    name?: string;
    data?: {
      startTime?: number;
      cpuProfile?: { nodes?: { id: number; parent?: number; callFrame: Frame }[]; samples?: number[] };
      timeDeltas?: number[];
    };
  };
};

export async function profileStart(
  browser: Browser,
  origin: string,
  url: string,
  options: BrowserContextOptions,
  ready: string,
): Promise<Task[]> {
  const ctx = await browser.newContext(options);
  const p = await ctx.newPage();
  // traced from the origin's own renderer, the page opened from it (the same process)
  await p.goto(`${origin}/favicon.svg`);
  await browser.startTracing(p, {
    categories: ['toplevel', 'disabled-by-default-devtools.timeline', 'disabled-by-default-v8.cpu_profiler'],
  });
  await Promise.all([p.waitForURL(url), p.evaluate((u) => location.assign(u), url)]);
  await p.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, ready, { timeout: 60_000 });
  const trace = JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] };
  await ctx.close();
  const found = tasksOf(trace.traceEvents, origin);
  if (!found.some((s) => s.by.app > 0)) throw new Error(`bench profile of ${url}: no sample in the app's code`);
  return found;
}

/** The renderer main thread's tasks of 1 ms or more, each with its samples' time by owner (and `topOf`'s busiest functions). */
export function tasksOf(events: TraceEvent[], origin: string, topOf: Owner = 'app'): Task[] {
  // the main thread's own profile (the page's workers, in the same process, have theirs)
  const isMain = (p: TraceEvent, e: TraceEvent) => p.name === 'Profile' && p.pid === e.pid && p.tid === e.tid;
  const main = events.find(
    (e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain' && events.some((p) => isMain(p, e)),
  );
  if (!main) throw new Error('bench profile: no renderer main thread with a CPU profile in the trace');
  const profile = events.find((p) => isMain(p, main)) as TraceEvent;
  // the sampler's nodes and samples, sent in chunks, on the trace's clock
  const nodes = new Map<number, { parent?: number; callFrame: Frame }>();
  const samples: { t: number; node: number }[] = [];
  let t = profile.args.data?.startTime ?? 0;
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || e.pid !== main.pid || e.id !== profile.id) continue;
    for (const n of e.args.data?.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    const ids = e.args.data?.cpuProfile?.samples ?? [];
    const deltas = e.args.data?.timeDeltas ?? [];
    ids.forEach((node, i) => {
      t += deltas[i] ?? 0;
      samples.push({ t, node });
    });
  }
  samples.sort((a, b) => a.t - b.t);
  const owners = new Map<number, { owner: Owner; fn: string }>();
  /** a sample's owner: the first frame up the stack with a script address decides */
  const ownerOf = (id: number): { owner: Owner; fn: string } => {
    const known = owners.get(id);
    if (known) return known;
    const n = nodes.get(id);
    let r: { owner: Owner; fn: string };
    if (!n) r = { owner: 'browser', fn: '(unknown)' };
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
    } else if (n.parent !== undefined) r = ownerOf(n.parent);
    else r = { owner: 'browser', fn: n.callFrame.functionName || '(native)' };
    owners.set(id, r);
    return r;
  };
  const tasks = events
    .filter(
      (e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === main.pid && e.tid === main.tid && (e.dur ?? 0) >= 1000,
    )
    .sort((a, b) => a.ts - b.ts);
  const out: Task[] = [];
  let i = 0;
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    const by: Record<Owner, number> = { app: 0, maplibre: 0, browser: 0 };
    const self = new Map<string, number>();
    while (i < samples.length && samples[i].t < task.ts) i++;
    for (let k = i; k < samples.length && samples[k].t < end; k++) {
      // a sample's time is the interval to the next one, within the task
      const ms = (Math.min(samples[k + 1]?.t ?? end, end) - samples[k].t) / 1000;
      const node = nodes.get(samples[k].node);
      if (node?.callFrame.functionName === '(idle)') continue;
      const o = ownerOf(samples[k].node);
      by[o.owner] += ms;
      if (o.owner === topOf) self.set(o.fn, (self.get(o.fn) ?? 0) + ms);
    }
    out.push({
      ms: (task.dur ?? 0) / 1000,
      by,
      top: [...self]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([fn, ms]) => ({ fn, ms })),
    });
  }
  return out;
}
