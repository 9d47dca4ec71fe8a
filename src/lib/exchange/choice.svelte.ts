/**
 * The export the planner has chosen — format, coordinate system, .dbf encoding — one choice for
 * the whole app (the download panel and every tool's result: a zone picked once holds for
 * all), and the export under way: its phase, Cancel, and the reason one could not be written,
 * kept with the button that asked (`at`) so that it is said where the person is looking.
 */
import { tick } from 'svelte';
import type { Lang, Text } from '../../contracts/vocab.ts';
import { download } from '../ui/download.ts';
import type { Encoding } from './encoding.ts';
import { FORMATS, type Format, PROJECTED_ONLY, type SystemChoice, WGS84_ONLY } from './formats.ts';
import { EXPORT_SYSTEMS } from './systems.ts';
import type { LayerSource } from './export.worker.ts';

/** The choice, kept in this browser like the import's settings (a planner's zone holds next time too). */
export const EXPORT_OPTIONS_KEY = 'hlbe-plan-map:export-options';
function kept(): { format: Format; system: SystemChoice; encoding: Encoding } {
  const fallback = { format: 'geojson' as Format, system: 4326 as SystemChoice, encoding: 'utf-8' as Encoding };
  try {
    const o = JSON.parse(localStorage.getItem(EXPORT_OPTIONS_KEY) ?? '{}') as Record<string, unknown>;
    return {
      format: FORMATS.includes(o.format as Format) ? (o.format as Format) : fallback.format,
      system:
        o.system === 'auto' || EXPORT_SYSTEMS.some((s) => s.epsg === o.system)
          ? (o.system as SystemChoice)
          : fallback.system,
      encoding: o.encoding === 'gbk' ? 'gbk' : fallback.encoding,
    };
  } catch {
    return fallback;
  }
}

class ExportChoice {
  format = $state<Format>(kept().format);
  #system = $state<SystemChoice>(kept().system);
  encoding = $state<Encoding>(kept().encoding);
  busy = $state<string | null>(null);
  phase = $state<'reading' | 'writing' | null>(null);
  problem = $state<{ text: Text; at: string } | null>(null);
  #abort: AbortController | null = null;

  /** GeoJSON and KML are WGS84 by definition */
  get wgs84Only(): boolean {
    return WGS84_ONLY.includes(this.format);
  }
  /** the system chosen; DXF, drawn in metres, takes the proposed zone for a lon/lat choice */
  get system(): SystemChoice {
    if (this.wgs84Only) return 4326;
    if (PROJECTED_ONLY.includes(this.format) && (this.#system === 4326 || this.#system === 4490)) return 'auto';
    return this.#system;
  }
  set system(s: SystemChoice) {
    this.#system = s;
  }

  /** Runs `f` as the export asked for at `at` (one at a time); a failure is said by `fail`. */
  async run(at: string, f: () => Promise<void>, fail: (lang: Lang) => void, lang: Lang): Promise<void> {
    this.busy = at;
    this.problem = null;
    try {
      await f();
    } catch {
      fail(lang);
    } finally {
      this.busy = null;
      this.phase = null;
    }
  }

  /** Writes the layers in the worker in the format and system chosen, and downloads the file. */
  async write(at: string, what: string, layers: LayerSource[], lang: Lang, readme: string): Promise<void> {
    const { runExportJob } = await import('./client.ts');
    this.#abort = new AbortController();
    const r = await runExportJob(
      { layers, format: this.format, system: this.system, encoding: this.encoding, lang, what, readme },
      { signal: this.#abort.signal, onPhase: (p) => (this.phase = p) },
    );
    this.#abort = null;
    if (r === 'cancelled') return;
    if (!r.ok) {
      this.problem = { text: r.problem, at };
      // in view under the button pressed (a phone's sheet may have scrolled it anywhere)
      await tick();
      document.querySelector(`[data-export-problem="${CSS.escape(at)}"]`)?.scrollIntoView({ block: 'nearest' });
    } else download(r.bytes as BlobPart, r.mime, r.filename);
  }

  cancel(): void {
    this.#abort?.abort();
  }

  /** the choice changed: kept for next time; an earlier refusal no longer holds */
  changed(): void {
    this.problem = null;
    try {
      localStorage.setItem(
        EXPORT_OPTIONS_KEY,
        JSON.stringify({ format: this.format, system: this.#system, encoding: this.encoding }),
      );
    } catch {
      // private mode or a full store: the choice holds for this visit
    }
  }
}

export const exportChoice = new ExportChoice();
