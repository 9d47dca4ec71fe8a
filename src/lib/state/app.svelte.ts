/**
 * App state, one rune class: language, visible layers, selection, panels, messages. It is
 * changed through its methods and through actions.ts, never assigned from components; the
 * URL hash is derived from it in one place (boot.svelte.ts → location.ts).
 */
import type { Lang } from '../../contracts/vocab.ts';
import type { Details } from '../../contracts/feature.ts';
import type { Plan } from '../../contracts/plan.ts';
import type { UrlState, View } from '../url.ts';
import { DEFAULT_VISIBLE } from '../map/catalog.ts';
import type { SheetSize } from '../ui/layout.ts';
import { FATAL, type ArchiveProblem } from '../map/archive.ts';
import type { CompareSetId, Measure, Near, ToolId } from '../tools/registry.ts';

export type Tab = 'layers' | 'plan' | 'targets';

export class AppState {
  lang = $state<Lang>('zh');
  visible = $state<string[]>([...DEFAULT_VISIBLE]);
  /** id of the selected feature (units, zones, points…) */
  selected = $state<string | null>(null);
  /** details of the selected feature, once loaded */
  details = $state.raw<Details | null>(null);
  view = $state.raw<View | null>(null);
  /** phone: whether the side panel (a bottom sheet there) is open, and how high */
  sheet = $state<'none' | 'layers'>('none');
  sheetSize = $state<SheetSize>('half');
  /**
   * What a card shares its place with — the sheet on a phone, a tool's panel (any on a phone,
   * the wide ones on a desk): the one opened last is in front, the other waits, hidden, until it
   * closes (App.svelte). A card that opens comes in front (`cardInFront`); the sheet or a tool
   * opened again does.
   */
  front = $state<'sheet' | 'card' | 'tool'>('card');
  /** which side panel tab is shown */
  tab = $state<Tab>('layers');
  /** open task (1–22) and target */
  task = $state<number | null>(null);
  target = $state<string | null>(null);
  matrixOpen = $state(false);
  /** a paragraph to bring into view (from search) */
  focusParagraph = $state<string | null>(null);
  plan = $state.raw<Plan | null>(null);
  /** data files that failed to load, by file name */
  loadErrors = $state<string[]>([]);
  /** what went wrong with the tile archive, the worst first (map/archive.ts) */
  archive = $state.raw<ArchiveProblem | null>(null);
  /** a new release is installed (offline/register.ts): this applies it */
  update = $state.raw<(() => void) | null>(null);
  toast = $state<string | null>(null);
  /** the open planner tool (lib/tools/registry.ts), its measurement and its query */
  tool = $state<ToolId | null>(null);
  measure = $state.raw<Measure | null>(null);
  near = $state.raw<Near | null>(null);
  /** the layer sets of the compare tool, left and right of the divider */
  compare = $state.raw<{ left: CompareSetId; right: CompareSetId }>({ left: 'today', right: 'plan' });

  /** Takes what a link says (language, layers, view, matrix); the rest opens once the map is there. */
  restore(s: UrlState): void {
    if (s.lang) this.lang = s.lang;
    if (s.visible) this.visible = s.visible;
    if (s.view) this.view = s.view;
    if (s.matrix) this.matrixOpen = true;
    if (s.measure) this.measure = { ...s.measure, done: true };
    if (s.near) this.near = s.near;
    this.tool = s.tool ?? (s.measure ? (s.measure.mode === 'line' ? 'measure' : 'area') : s.near ? 'near' : null);
  }

  /** Opens a tool (closing another), or closes it (null). */
  setTool(tool: ToolId | null): void {
    this.tool = tool;
    if (tool) this.front = 'tool';
  }

  setMeasure(m: Measure | null): void {
    this.measure = m;
  }

  setNear(n: Near | null): void {
    this.near = n;
  }

  setCompare(side: 'left' | 'right', set: CompareSetId): void {
    this.compare = { ...this.compare, [side]: set };
  }

  isVisible(id: string): boolean {
    return this.visible.includes(id);
  }

  toggle(id: string): void {
    this.visible = this.isVisible(id) ? this.visible.filter((v) => v !== id) : [...this.visible, id];
  }

  setVisible(ids: readonly string[]): void {
    this.visible = [...ids];
  }

  setView(view: View): void {
    this.view = view;
  }

  toggleLang(): void {
    this.lang = this.lang === 'zh' ? 'en' : 'zh';
  }

  toggleSheet(open = this.sheet === 'none', size: SheetSize = 'half'): void {
    this.sheet = open ? 'layers' : 'none';
    if (open) {
      this.sheetSize = size;
      this.front = 'sheet';
    }
  }

  /** A card opened: in front of the sheet or a tool (`front`). */
  cardInFront(): void {
    this.front = 'card';
  }

  /** phone: the sheet shown, not waiting behind a card (`front`) */
  sheetShown(hasCard: boolean): boolean {
    return this.sheet === 'layers' && (this.front !== 'card' || !hasCard);
  }

  setSheetSize(size: SheetSize): void {
    this.sheetSize = size;
  }

  setMatrix(open: boolean): void {
    this.matrixOpen = open;
  }

  reportLoadError(file: string): void {
    if (!this.loadErrors.includes(file)) this.loadErrors = [...this.loadErrors, file];
  }

  /** Keeps the worst of the archive's problems: a failure over an update over a lost network over a notice; `recovered` ends a lost network. */
  reportArchive(p: ArchiveProblem | { kind: 'recovered'; file: string }): void {
    if (p.kind === 'recovered') {
      if (this.archive?.kind === 'network') this.archive = null;
      return;
    }
    const rank = (k: ArchiveProblem['kind']) => (FATAL.has(k) ? 3 : k === 'updated' ? 2 : k === 'network' ? 1 : 0);
    if (!this.archive || rank(p.kind) >= rank(this.archive.kind)) this.archive = p;
  }

  flash(message: string): void {
    this.toast = message;
    setTimeout(() => {
      if (this.toast === message) this.toast = null;
    }, 2500);
  }
}
