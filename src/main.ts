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

performance.mark('app:start');
const target = must(document.getElementById('app'), 'the #app element of index.html');

/** After the browser has painted the page as it came (a frame, then a task); a hidden tab, which paints no frames, goes on after 100 ms. */
const painted = () =>
  new Promise<void>((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 100);
  });

/** The rest of the work in a task of its own: the browser can paint and answer input between. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

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
