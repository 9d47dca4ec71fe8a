import { describe, expect, it } from 'vitest';
import { stretches } from '../../scripts/bench/profile.ts';

const O = 'http://127.0.0.1:4190';
const frame = (functionName: string, url = '') => ({ functionName, url, lineNumber: 0 });

describe("the bench's start-up profile", () => {
  it('cuts busy stretches at idle samples and gives each sample to the first script up its stack', () => {
    const profile = {
      nodes: [
        { id: 1, callFrame: frame('(root)'), children: [2, 3, 4, 5] },
        { id: 2, callFrame: frame('(idle)') },
        { id: 3, callFrame: frame('(program)') },
        { id: 4, callFrame: frame('mount', `${O}/assets/index-client-BdUlZdvW.js`), children: [6] },
        { id: 5, callFrame: frame('Map', `${O}/assets/maplibre-DqSPLq-E.js`), children: [7] },
        { id: 6, callFrame: frame('getBoundingClientRect') },
        { id: 7, callFrame: frame('getContext') },
      ],
      // idle, app, app's native call, MapLibre's native call, browser, idle, app
      samples: [2, 4, 6, 7, 3, 2, 4, 2],
      timeDeltas: [0, 1000, 2000, 3000, 4000, 5000, 6000, 7000],
    };
    const s = stretches(profile, O);
    expect(s).toHaveLength(2);
    // a sample lasts until the next one: app 2 + 3 ms, MapLibre 4, browser 5
    expect(s[0].by).toEqual({ app: 5, maplibre: 4, browser: 5 });
    expect(s[0].ms).toBe(14);
    expect(s[0].top[0]).toEqual({ fn: 'mount @ index-client.js:1', ms: 5 });
    expect(s[1].by.app).toBe(7);
  });
});
