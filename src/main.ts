import { mount } from 'svelte';
import 'maplibre-gl/dist/maplibre-gl.css';
import './app.css';
import App from './App.svelte';

performance.mark('app:start');

// ?presenter opens the presenter's window of a tour (no map); everything else is the app.
const target = document.getElementById('app')!;
if (new URLSearchParams(location.search).has('presenter')) {
  document.getElementById('overview')?.remove();
  void import('./components/PresenterView.svelte').then((m) => mount(m.default, { target }));
} else {
  mount(App, { target });
}
