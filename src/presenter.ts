/**
 * The presenter window's start-up (?presenter): the tour's notes and timer, no map — so it
 * loads neither MapLibre nor the app's panels (main.ts picks this or boot.svelte.ts).
 */
import { mount } from 'svelte';
import PresenterView from './components/PresenterView.svelte';
import { AppState } from './lib/state/app.svelte.ts';
import { TourState } from './lib/state/tour.svelte.ts';
import { readUrl } from './lib/state/location.ts';

export function startPresenter(target: HTMLElement): void {
  const url = readUrl();
  const app = new AppState();
  app.restore(url.state);
  document.getElementById('overview')?.remove();
  const tour = new TourState(app, null, null);
  mount(PresenterView, { target, props: { tour, lang: app.lang, start: url.state } });
}
