/**
 * The app's parts, handed to components through Svelte's context: a typed getter that
 * throws when a component is rendered outside the app (as the Svelte MapLibre libraries do).
 */
import { getContext } from 'svelte';
import type { AppState } from './app.svelte.ts';
import type { Actions } from './actions.ts';
import type { TourState } from './tour.svelte.ts';
import type { MapServices } from '../map/services.ts';
import type { ToolsRef } from '../tools/lazy.svelte.ts';
import type { ImportsRef } from '../import/lazy.svelte.ts';

export interface AppContext {
  app: AppState;
  map: MapServices;
  actions: Actions;
  tour: TourState;
  /** the planners' tools on the map (their code loads with the first tool: ToolsRef) */
  tools: ToolsRef;
  /** the planner's own layers (the import code loads after the first view: ImportsRef) */
  imports: ImportsRef;
  /** test and benchmark pages (?e2e) */
  e2e: boolean;
  /** the compact map for another site's frame (?embed) */
  embed: boolean;
}

const KEY = Symbol('hlbe-app');

/** The context to mount the app with (`mount(App, { context })`). */
export const appContext = (ctx: AppContext) => new Map<symbol, AppContext>([[KEY, ctx]]);

export function getAppContext(): AppContext {
  const ctx = getContext<AppContext | undefined>(KEY);
  if (!ctx) throw new Error('getAppContext: no app context (render this component inside App.svelte)');
  return ctx;
}
