// The embed code, the embedded map's and the full map's addresses, and the page's title as its state changes.
import { describe, expect, it } from 'vitest';
import { EMBED_SIZES, embedCode, sizeProblem } from '../../src/lib/embed.ts';
import { embedUrl, fullMapUrl } from '../../src/lib/state/location.ts';
import { pageMeta } from '../../src/lib/state/page-meta.ts';
import { pageFlags } from '../../src/lib/state/flags.ts';

describe('embed code', () => {
  it('is an <iframe> of the embedded map, its values escaped', () => {
    const code = embedCode('https://map.example.cn/?embed#t=2&lang=en', 640, 480, 'A "plan" <map>');
    expect(code).toBe(
      '<iframe src="https://map.example.cn/?embed#t=2&amp;lang=en" width="640" height="480" title="A &quot;plan&quot; &lt;map>" style="border:0;max-width:100%" loading="lazy" referrerpolicy="no-referrer"></iframe>',
    );
    expect(embedCode('https://a.cn/?embed', '100%', 520, 't')).toContain('width="100%" height="520"');
  });

  it('offers sizes from the smallest the embedded app works at, and refuses others with the range', () => {
    expect(EMBED_SIZES[0]).toMatchObject({ width: 300, height: 250 });
    for (const s of EMBED_SIZES) expect(sizeProblem(s.width, s.height), s.id).toBeNull();
    expect(sizeProblem(299, 400)?.zh).toBe('宽度须为 300–2560 像素的整数');
    expect(sizeProblem(800, 249)?.en).toBe('The height must be a whole number of pixels from 250 to 1600');
    expect(sizeProblem(640.5, 480)).not.toBeNull();
    expect(sizeProblem(Number.NaN, 480)).not.toBeNull();
    expect(sizeProblem('100%', 480)).toBeNull();
  });
});

describe('addresses', () => {
  it('the embedded map: this page, ?embed, the state in the hash', () => {
    expect(embedUrl({ task: 2, lang: 'en' }, 'https://map.example.cn/plan-map/?e2e#v=4/48/120')).toBe(
      'https://map.example.cn/plan-map/?embed#t=2&lang=en',
    );
    expect(embedUrl({ tour: 'city', step: 3 }, 'https://map.example.cn/')).toBe(
      'https://map.example.cn/?embed#tour=city&step=3',
    );
    expect(pageFlags('?embed').embed).toBe(true);
    expect(pageFlags('?e2e').embed).toBe(false);
  });

  it('the full map: the same address without ?embed, its state kept', () => {
    expect(fullMapUrl('https://map.example.cn/plan-map/?embed#t=2&s=unit-150781&lang=en')).toBe(
      'https://map.example.cn/plan-map/#t=2&s=unit-150781&lang=en',
    );
    expect(fullMapUrl('http://127.0.0.1:8090/?embed&e2e#t=2')).toBe('http://127.0.0.1:8090/?e2e=#t=2');
  });
});

describe('the page title follows what it shows', () => {
  it('a tour before a task before a place; the plan title when nothing is open', () => {
    expect(pageMeta({ lang: 'zh' }).title).toBe('呼伦贝尔市新型城镇化“一核两极多点”规划图');
    expect(pageMeta({ lang: 'zh', task: { number: 2, title: '两极驱动' } }).title).toBe(
      '任务 2：两极驱动 · 呼伦贝尔市新型城镇化规划图',
    );
    expect(pageMeta({ lang: 'en', place: 'Manzhouli City' }).title).toBe(
      'Manzhouli City · Hulunbuir urbanization plan',
    );
    expect(
      pageMeta({ lang: 'en', task: { number: 2, title: 'x' }, tour: { title: 'The plan', step: 'A pole' } }).title,
    ).toBe('The plan: A pole · Hulunbuir urbanization plan');
    expect(pageMeta({ lang: 'en' }).description).toMatch(/^Map of Hulunbuir's 2022 plan/);
  });
});
