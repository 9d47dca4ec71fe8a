/**
 * App state, one rune class: language, visible layers, selection, panels, messages.
 * The URL hash is derived from it in one place (App.svelte), never written elsewhere.
 */
import type { Lang } from '../i18n.ts';
import type { Details } from '../card.ts';
import type { View } from '../url.ts';
import { DEFAULT_VISIBLE } from '../map/catalog.ts';
import type { Plan } from '../plan/types.ts';

export class AppState {
  lang = $state<Lang>('zh');
  visible = $state<string[]>([...DEFAULT_VISIBLE]);
  /** id of the selected feature (units, zones, points…) */
  selected = $state<string | null>(null);
  /** details of the selected feature, once loaded */
  details = $state.raw<Details | null>(null);
  view = $state.raw<View | null>(null);
  /** phone: whether the side panel (a bottom sheet there) is open */
  sheet = $state<'none' | 'layers'>('none');
  /** which side panel tab is shown */
  tab = $state<'layers' | 'plan' | 'targets'>('layers');
  /** open task (1–22) and target */
  task = $state<number | null>(null);
  target = $state<string | null>(null);
  matrixOpen = $state(false);
  /** a paragraph to bring into view (from search) */
  focusParagraph = $state<string | null>(null);
  plan = $state.raw<Plan | null>(null);
  /** archives or data that failed to load, by file name */
  loadErrors = $state<string[]>([]);
  toast = $state<string | null>(null);

  isVisible(id: string): boolean {
    return this.visible.includes(id);
  }

  toggle(id: string): void {
    this.visible = this.isVisible(id) ? this.visible.filter((v) => v !== id) : [...this.visible, id];
  }

  reportLoadError(file: string): void {
    if (!this.loadErrors.includes(file)) this.loadErrors = [...this.loadErrors, file];
  }

  flash(message: string): void {
    this.toast = message;
    setTimeout(() => { if (this.toast === message) this.toast = null; }, 2500);
  }
}

export const app = new AppState();
