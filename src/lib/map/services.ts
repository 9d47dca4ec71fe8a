/** The map's parts, made together and handed to components through the app context. */
import { MapCore } from './core.svelte.ts';
import { Drawing } from './drawing.ts';
import { Selection } from './selection.svelte.ts';

export class MapServices {
  readonly core = new MapCore();
  readonly selection = new Selection(this.core);
  readonly drawing = new Drawing(this.core);
}
