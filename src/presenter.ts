/**
 * The presenter window's start-up (presenter.html, src/presenter-main.ts): the tour's notes
 * and timer, no map — so it loads neither MapLibre nor the app's panels.
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
  const tour = new TourState(app, null, null);
  mount(PresenterView, { target, props: { tour, lang: app.lang, start: url.state } });
}
