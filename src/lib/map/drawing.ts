/**
 * Drawing on the map in a tour (pen, arrow, highlighter): while a tool is on, dragging draws
 * instead of panning; strokes become GeoJSON in lon/lat on the map's annotations source.
 */
import type * as maplibregl from 'maplibre-gl';
import type { Annotation, Tool } from '../tour/annotations.ts';
import type { MapCore } from './core.svelte.ts';

export interface DrawingHost {
  tool(): Tool | null;
  step(): string;
  onDone(a: Annotation): void;
}

export class Drawing {
  #core: MapCore;
  #annotations: Annotation[] = [];
  #stroke: [number, number][] | null = null;
  #attached = false;
  /** true while a drawing tool is on (clicks then draw, they do not select) */
  on = false;

  constructor(core: MapCore) {
    this.#core = core;
  }

  setAnnotations(list: Annotation[]): void {
    this.#annotations = list;
    this.#draw();
  }

  #draw(extra?: Annotation): void {
    const src = this.#core.map?.getSource('annotations') as maplibregl.GeoJSONSource | undefined;
    src?.setData({ type: 'FeatureCollection', features: extra ? [...this.#annotations, extra] : this.#annotations });
  }

  /** Connects the drawing tools to the map, once. */
  attach(host: DrawingHost): void {
    const map = this.#core.map;
    if (!map || this.#attached) return;
    this.#attached = true;
    const canvas = map.getCanvasContainer();
    const at = (e: PointerEvent): [number, number] => {
      const r = canvas.getBoundingClientRect();
      return [e.clientX - r.left, e.clientY - r.top];
    };
    const toLngLat = (p: [number, number]): [number, number] => {
      const l = map.unproject(p);
      return [Math.round(l.lng * 1e6) / 1e6, Math.round(l.lat * 1e6) / 1e6];
    };
    const build = (tool: Tool, pts: [number, number][]): Annotation => {
      const props = { tool, step: host.step() };
      if (tool === 'arrow') {
        const a = pts[0],
          b = pts[pts.length - 1];
        const [h1, h2] = arrowHead(b, a);
        return {
          type: 'Feature',
          properties: props,
          geometry: {
            type: 'MultiLineString',
            coordinates: [
              [toLngLat(a), toLngLat(b)],
              [toLngLat(h1), toLngLat(b), toLngLat(h2)],
            ],
          },
        };
      }
      return { type: 'Feature', properties: props, geometry: { type: 'LineString', coordinates: pts.map(toLngLat) } };
    };
    canvas.addEventListener('pointerdown', (e) => {
      if (!host.tool()) return;
      this.#stroke = [at(e)];
      canvas.setPointerCapture(e.pointerId);
      e.preventDefault();
    });
    canvas.addEventListener('pointermove', (e) => {
      const tool = host.tool();
      if (!tool || !this.#stroke) return;
      const p = at(e);
      const last = this.#stroke[this.#stroke.length - 1];
      if (Math.hypot(p[0] - last[0], p[1] - last[1]) < 3) return;
      this.#stroke.push(p);
      this.#draw(build(tool, this.#stroke));
    });
    canvas.addEventListener('pointerup', () => {
      const tool = host.tool();
      const pts = this.#stroke;
      this.#stroke = null;
      if (!tool || !pts || pts.length < 2) return;
      host.onDone(build(tool, pts));
    });
  }

  /** Turns drawing on (dragging draws, the cursor is a crosshair) or off. */
  setDrawing(on: boolean): void {
    this.on = on;
    const map = this.#core.map;
    if (!map) return;
    if (on) {
      map.dragPan.disable();
      map.getCanvas().style.cursor = 'crosshair';
    } else {
      map.dragPan.enable();
      map.getCanvas().style.cursor = '';
    }
  }
}

/** An arrow: the shaft, and a head of two short strokes at its end (built in screen space). */
export function arrowHead(
  tip: [number, number],
  from: [number, number],
  size = 18,
): [[number, number], [number, number]] {
  const a = Math.atan2(tip[1] - from[1], tip[0] - from[0]);
  const side = (d: number): [number, number] => [tip[0] - size * Math.cos(a + d), tip[1] - size * Math.sin(a + d)];
  return [side(0.45), side(-0.45)];
}
