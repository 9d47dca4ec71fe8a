/**
 * The entry: tiny on purpose. The overview that index.html carries paints first; then only
 * what the page shows loads — the app (boot.svelte.ts, with MapLibre) or the presenter
 * window (presenter.ts, without).
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import './app.css';
import { must } from './lib/must.ts';
import { pageFlags } from './lib/state/flags.ts';

performance.mark('app:start');
const target = must(document.getElementById('app'), 'the #app element of index.html');

/** After the browser has painted the page as it came (a frame, then a task); a hidden tab, which paints no frames, goes on after 100 ms. */
const painted = () => new Promise<void>((resolve) => {
  requestAnimationFrame(() => setTimeout(resolve, 0));
  setTimeout(resolve, 100);
});

await painted();
performance.mark('app:painted');
if (pageFlags().presenter) (await import('./presenter.ts')).startPresenter(target);
else (await import('./boot.svelte.ts')).boot(target);
