// A new layer shown once its map has settled (lib/map/gpu.ts showSettled): not before the map is
// idle, never when the person hid it meanwhile, and a print waits for it (`settled`).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type * as maplibregl from 'maplibre-gl';
import { settled, showSettled } from '../../src/lib/map/gpu.ts';

/** A map that is idle when told (`idle()`), with no canvas to wait on. */
function fakeMap() {
  const waiting: (() => void)[] = [];
  const shown: string[] = [];
  const container = { dataset: {} as Record<string, string>, hasAttribute: () => false };
  const map = {
    once: (type: string, fn: () => void) => {
      if (type === 'idle') waiting.push(fn);
    },
    triggerRepaint: () => {},
    getContainer: () => container,
    getLayer: (id: string) => (id.startsWith('gone') ? undefined : { id }),
    setLayoutProperty: (id: string, name: string, value: string) => {
      if (name === 'visibility' && value === 'visible') shown.push(id);
    },
  };
  return {
    map: map as unknown as maplibregl.Map,
    shown,
    container,
    idle: () => {
      for (const fn of waiting.splice(0)) fn();
    },
  };
}

describe('showSettled', () => {
  const saved = globalThis.document;
  beforeEach(() => {
    // no map canvas: gpuDrained has nothing to wait for
    globalThis.document = { querySelectorAll: () => [] } as unknown as Document;
  });
  afterEach(() => {
    globalThis.document = saved;
  });

  it('shows the layers once the map is idle, says so on its element meanwhile, and a print waits for it', async () => {
    const f = fakeMap();
    const job = showSettled(f.map, ['imp-1-point', 'imp-1-label', 'gone-1'], () => true);
    let printed = false;
    const print = settled(f.map).then(() => {
      printed = true;
    });
    await Promise.resolve();
    expect(f.container.dataset.settling).toBe('1');
    expect(f.shown).toEqual([]);
    expect(printed).toBe(false);
    f.idle();
    await job;
    await print;
    expect(f.shown).toEqual(['imp-1-point', 'imp-1-label']);
    expect(printed).toBe(true);
    expect(f.container.dataset.settling).toBeUndefined();
  });

  it('leaves hidden what the person hid while it waited', async () => {
    const f = fakeMap();
    let wanted = true;
    const job = showSettled(f.map, ['imp-2-point'], () => wanted);
    wanted = false;
    f.idle();
    await job;
    expect(f.shown).toEqual([]);
    expect(f.container.dataset.settling).toBeUndefined();
  });

  it('counts the layer sets that wait', async () => {
    const f = fakeMap();
    const a = showSettled(f.map, ['imp-3-point'], () => true);
    const b = showSettled(f.map, ['imp-4-point'], () => true);
    expect(f.container.dataset.settling).toBe('2');
    f.idle();
    await Promise.all([a, b]);
    expect(f.shown).toEqual(['imp-3-point', 'imp-4-point']);
    expect(f.container.dataset.settling).toBeUndefined();
    await settled(f.map); // none waiting: at once
  });
});
