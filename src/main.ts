import { mount } from 'svelte';
import 'maplibre-gl/dist/maplibre-gl.css';
import './app.css';
import App from './App.svelte';
import PresenterView from './components/PresenterView.svelte';

// ?presenter opens the presenter's window of a tour (no map); everything else is the app.
const presenter = new URLSearchParams(location.search).has('presenter');
mount(presenter ? PresenterView : App, { target: document.getElementById('app')! });
