import 'maplibre-gl/dist/maplibre-gl.css';
import './app.css';
import { boot } from './boot.svelte.ts';

performance.mark('app:start');
boot(document.getElementById('app')!);
