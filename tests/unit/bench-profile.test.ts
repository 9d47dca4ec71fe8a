import { describe, expect, it } from 'vitest';
import { type TraceEvent, tasksOf } from '../../scripts/bench/profile.ts';

const O = 'http://127.0.0.1:4190';
const frame = (functionName: string, url = '') => ({ functionName, url, lineNumber: 0 });
const ev = (e: Record<string, unknown>) => ({ ph: 'X', pid: 1, tid: 1, ts: 0, args: {}, ...e }) as TraceEvent;

describe("the bench's start-up profile", () => {
  it("splits each main-thread task's time by whose code its samples are in", () => {
    const events = [
      ev({ name: 'thread_name', ph: 'M', args: { name: 'CrRendererMain' } }),
      // a worker's profile in the same process comes first: not the page's
      ev({ name: 'Profile', ph: 'P', tid: 7, id: '0x2', args: { data: { startTime: 0 } } }),
      ev({ name: 'Profile', ph: 'P', id: '0x1', args: { data: { startTime: 1000 } } }),
      ev({
        name: 'ProfileChunk',
        ph: 'P',
        tid: 9,
        id: '0x1',
        args: {
          data: {
            cpuProfile: {
              nodes: [
                { id: 1, callFrame: frame('(root)') },
                { id: 2, parent: 1, callFrame: frame('(idle)') },
                { id: 3, parent: 1, callFrame: frame('(program)') },
                { id: 4, parent: 1, callFrame: frame('mount', `${O}/assets/index-client-BdUlZdvW.js`) },
                { id: 5, parent: 1, callFrame: frame('Map', `${O}/assets/maplibre-DqSPLq-E.js`) },
                { id: 6, parent: 4, callFrame: frame('getBoundingClientRect') },
                { id: 7, parent: 5, callFrame: frame('getContext') },
              ],
              // at 1000, 2000, … µs: idle, app, the app's native call, MapLibre's native call, browser, idle, app, idle
              samples: [2, 4, 6, 7, 3, 2, 4, 2],
            },
            timeDeltas: [0, 1000, 1000, 1000, 1000, 1000, 1000, 1000],
          },
        },
      }),
      // a task from 2000 to 6000 µs, another from 7000 to 8000; a RunTask on another thread is not the page's
      ev({ name: 'RunTask', ts: 2000, dur: 4000 }),
      ev({ name: 'RunTask', ts: 7000, dur: 1000 }),
      ev({ name: 'RunTask', tid: 9, ts: 2000, dur: 9000 }),
    ];
    const t = tasksOf(events, O);
    expect(t).toHaveLength(2);
    expect(t[0].ms).toBe(4);
    expect(t[0].by).toEqual({ app: 2, maplibre: 1, browser: 1 });
    expect(t[0].top[0]).toEqual({ fn: 'mount @ index-client.js:1', ms: 2 });
    expect(t[1].by).toEqual({ app: 1, maplibre: 0, browser: 0 });
  });
});
