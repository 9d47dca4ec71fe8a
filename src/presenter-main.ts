/** The presenter window's entry (presenter.html): no map, so neither MapLibre nor its styles. */
import './app.css';
import { must } from './lib/must.ts';
import { startPresenter } from './presenter.ts';

startPresenter(must(document.getElementById('app'), 'the #app element of presenter.html'));
