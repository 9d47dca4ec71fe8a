/**
 * The app's entry: tiny on purpose. The overview that index.html carries paints first (the
 * app's chunks, modulepreloaded by index.html, download meanwhile); then the app starts in
 * three tasks. The presenter window is a page of its own (presenter.html); its old address
 * (?presenter) goes there.
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import './app.css';
import { must } from './lib/must.ts';
import { PRESENTER_PAGE, hashLang, pageFlags } from './lib/state/flags.ts';
import { nextTask } from './lib/next-task.ts';

performance.mark('app:start');
const target = must(document.getElementById('app'), 'the #app element of index.html');

/**
 * After the browser has shown the page as it came: the overview's drawing presented on the
 * screen (its largest-paint entry; it paints a frame after the names, overview.css), else the
 * first paint (a browser without largest-paint entries, a page without the drawing) — not only
 * produced: work begun before it holds it back (started at a produced frame, the overview
 * showed ≈ 130 ms later on the bench: docs/bench.md). The drawing is awaited at most 1.5 s after
 * the first paint (a tap stops largest-paint entries); a hidden tab, which paints nothing, goes
 * on after 100 ms, a visible one that never paints after 2 s. Says which came (the mark's detail).
 */
type PaintedBy = 'drawing' | 'first paint' | 'timeout';
const painted = () =>
  new Promise<PaintedBy>((resolve) => {
    const drawing = document.querySelector('.overview-drawing');
    const byLargest = !!drawing && PerformanceObserver.supportedEntryTypes.includes('largest-contentful-paint');
    const observers: PerformanceObserver[] = [];
    const done = (how: PaintedBy) => {
      for (const o of observers) o.disconnect();
      setTimeout(() => resolve(how), 0);
    };
    const watch = (type: string, seen: (list: PerformanceObserverEntryList) => void) => {
      const o = new PerformanceObserver(seen);
      observers.push(o);
      o.observe({ type, buffered: true });
    };
    watch('paint', () => {
      if (!byLargest) done('first paint');
      else setTimeout(() => done('first paint'), 1500);
    });
    if (byLargest)
      watch('largest-contentful-paint', (list) => {
        if (list.getEntries().some((e) => (e as PerformanceEntry & { element?: Element | null }).element === drawing))
          done('drawing');
      });
    setTimeout(() => done('timeout'), document.visibilityState === 'hidden' ? 100 : 2000);
  });

// The overview's labels follow the page's language (overview.css) before the app has loaded.
if (hashLang() === 'en') document.documentElement.lang = 'en';

if (pageFlags().presenter) location.replace(`${PRESENTER_PAGE}${location.hash}`);
else {
  performance.mark('app:painted', { detail: await painted() });
  const { boot } = await import('./boot.svelte.ts'); // evaluating MapLibre and the app's modules is one task…
  performance.mark('app:loaded');
  await nextTask();
  boot(target); // …mounting the app another, and the map a third (App.svelte)
  performance.mark('app:mounted');
}
