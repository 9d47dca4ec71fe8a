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
 * After the browser has shown the page as it came: its first paint presented on the screen (the
 * paint entry), not only produced — work begun before it holds it back (started at a produced
 * frame, the overview showed ≈ 130 ms later on the bench: docs/bench.md). A hidden tab, which
 * paints nothing, goes on after 100 ms; a visible one at most after 1 s.
 */
const painted = () =>
  new Promise<void>((resolve) => {
    const seen = new PerformanceObserver(() => {
      seen.disconnect();
      setTimeout(resolve, 0);
    });
    seen.observe({ type: 'paint', buffered: true });
    setTimeout(
      () => {
        seen.disconnect();
        resolve();
      },
      document.visibilityState === 'hidden' ? 100 : 1000,
    );
  });

// The overview's labels follow the page's language (overview.css) before the app has loaded.
if (hashLang() === 'en') document.documentElement.lang = 'en';

if (pageFlags().presenter) location.replace(`${PRESENTER_PAGE}${location.hash}`);
else {
  await painted();
  performance.mark('app:painted');
  const { boot } = await import('./boot.svelte.ts'); // evaluating MapLibre and the app's modules is one task…
  performance.mark('app:loaded');
  await nextTask();
  boot(target); // …mounting the app another, and the map a third (App.svelte)
  performance.mark('app:mounted');
}
