/** Label sizes of the style: scaled for a briefing, and read back (the smallest a layer can take at a zoom). */

/**
 * A text-size scaled by k and held at `floor` px or more: a number, or a zoom curve's outputs
 * (data expressions multiplied, and held by a `max`).
 */
export function scaleSize(v: unknown, k: number, floor = 0): unknown {
  if (k === 1 && !floor) return v;
  if (typeof v === 'number') return Math.max(floor, Math.round(v * k * 10) / 10);
  if (Array.isArray(v) && (v[0] === 'interpolate' || v[0] === 'step')) {
    // ['interpolate', curve, input, stop, out, stop, out…] / ['step', input, out, stop, out…]: outputs from index 4 on, every other
    const out = [...v];
    if (v[0] === 'step') out[2] = scaleSize(v[2], k, floor);
    for (let i = 4; i < out.length; i += 2) out[i] = scaleSize(v[i], k, floor);
    return out;
  }
  if (Array.isArray(v)) return floor ? ['max', floor, ['*', k, v]] : ['*', k, v];
  return v;
}

/**
 * The smallest a text-size can be at a zoom, over every feature: the style's sizes use numbers,
 * zoom curves (linear or step), `match` on a property, `*` and `max` (what scaleSize writes).
 */
export function smallestSize(v: unknown, zoom: number): number {
  if (typeof v === 'number') return v;
  if (!Array.isArray(v)) throw new Error(`a text-size this cannot read: ${JSON.stringify(v)}`);
  const [op, ...a] = v;
  if (op === 'interpolate' || op === 'step') {
    // interpolate: [curve, input, stop, out…]; step: [input, out, stop, out…] — stops from a[2] on in both
    const stops: [number, unknown][] = op === 'step' ? [[Number.NEGATIVE_INFINITY, a[1]]] : [];
    for (let i = 2; i + 1 < a.length; i += 2) stops.push([a[i] as number, a[i + 1]]);
    const after = stops.findIndex(([z]) => z > zoom);
    if (op === 'step' || after === 0)
      return smallestSize(stops[after === -1 ? stops.length - 1 : Math.max(0, after - 1)][1], zoom);
    if (after === -1) return smallestSize(stops[stops.length - 1][1], zoom);
    const [[z0, o0], [z1, o1]] = [stops[after - 1], stops[after]];
    const t = (zoom - z0) / (z1 - z0);
    return Math.round((smallestSize(o0, zoom) * (1 - t) + smallestSize(o1, zoom) * t) * 1000) / 1000;
  }
  if (op === 'match') {
    // [input, label, out, label, out…, fallback]: the outputs and the fallback
    const rest = a.slice(1);
    const outs = [...rest.filter((_, i) => i % 2 === 1), rest[rest.length - 1]];
    return Math.min(...outs.map((x) => smallestSize(x, zoom)));
  }
  if (op === '*') return a.reduce<number>((p, x) => p * smallestSize(x, zoom), 1);
  if (op === 'max') return Math.max(...a.map((x) => smallestSize(x, zoom)));
  throw new Error(`a text-size this cannot read: ${JSON.stringify(v)}`);
}
