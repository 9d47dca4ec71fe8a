import 'maplibre-gl/dist/maplibre-gl.css';
import './app.css';
import { boot } from './boot.svelte.ts';
import { must } from './lib/must.ts';

performance.mark('app:start');
boot(must(document.getElementById('app'), 'the #app element of index.html'));
