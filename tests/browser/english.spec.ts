// English everywhere: a walk through the UI in English mode finds no Chinese a reader sees
// except proper names in brackets, the Chinese of the language switch and the Chinese names a
// source of record cites (both marked lang="zh"); the plan's words are our translation, marked
// as one, with the Chinese original one click away.
import type { Page } from '@playwright/test';
import { test, expect, openMap, expectSeen } from './fixtures.ts';

/** Visible text (and labels, titles, placeholders) with Chinese outside brackets and outside the allowed marked places. */
function bareChinese(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const CJK = /[\u3400-\u9fff]/;
    const strip = (s: string) => {
      let p: string;
      do {
        p = s;
        s = s.replace(/[（(][^（()）]*[)）]/g, '');
      } while (s !== p);
      return s;
    };
    const allowed = (el: Element) => !!el.closest('[lang^="zh"]') && !!el.closest('.source, [data-testid="lang"]');
    const out = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !CJK.test(n.textContent ?? '') || allowed(el)) continue;
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      // judge the text in its block: a name in brackets may span inline elements
      let block: HTMLElement = el;
      while (block.parentElement && getComputedStyle(block).display === 'inline') block = block.parentElement;
      // biome-ignore lint/performance/useDomNodeTextContent: what a reader sees (hidden text excluded) is the point
      const text = block.innerText;
      if (CJK.test(strip(text)))
        out.add(
          `${block.closest('[data-testid]')?.getAttribute('data-testid') ?? block.tagName}: ${text.slice(0, 120)}`,
        );
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
      if (el.closest('[data-testid="lang"]') || !(el as HTMLElement).checkVisibility?.()) continue;
      for (const a of ['aria-label', 'title', 'placeholder', 'alt']) {
        const v = el.getAttribute(a);
        if (v && CJK.test(strip(v))) out.add(`@${a}: ${v.slice(0, 120)}`);
      }
    }
    return [...out];
  });
}

/** Visible English text with Chinese punctuation in it: full-width brackets or colons around English words, 〔 〕. */
function chinesePunctuation(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad = /（[^（）]*[A-Za-z0-9][^（）]*）|[〔〕]|[A-Za-z0-9][：；，]|[：；，][A-Za-z]/;
    const out = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      // a Chinese name or document number in brackets is Chinese, and keeps its own punctuation
      const text = (n.textContent ?? '').replace(/[（(][^（()）]*[\u3400-\u9fff][^（()）]*[)）]/g, '');
      if (!el || el.closest('[lang^="zh"]') || !bad.test(text)) continue;
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      out.add(
        `${el.closest('[data-testid]')?.getAttribute('data-testid') ?? el.tagName}: ${n.textContent?.slice(0, 120)}`,
      );
    }
    return [...out];
  });
}

const STATES: [string, string, ((page: Page) => Promise<void>)?][] = [
  ['the first view', ''],
  [
    'the phone layout with the layer sheet',
    '',
    async (page) => {
      await page.setViewportSize({ width: 375, height: 812 });
      await page.getByTestId('open-layers').click();
      await expectSeen(page.getByTestId('layer-panel'));
    },
  ],
  [
    'the plan outline',
    '',
    async (page) => {
      await page.getByTestId('tab-plan').click();
      await expect(page.getByTestId('open-task-1')).toBeVisible();
    },
  ],
  [
    'task 2',
    't=2',
    async (page) => {
      await expect(page.getByTestId('task-view')).toBeVisible();
    },
  ],
  [
    'task 7',
    't=7',
    async (page) => {
      await expect(page.getByTestId('task-view')).toBeVisible();
    },
  ],
  [
    'task 10',
    't=10',
    async (page) => {
      await expect(page.getByTestId('task-view')).toBeVisible();
    },
  ],
  [
    'a target in words',
    'g=residence-permit',
    async (page) => {
      await expect(page.getByTestId('target-residence-permit').locator('blockquote')).toBeVisible();
    },
  ],
  [
    'a target with a unit',
    'g=hospital-beds',
    async (page) => {
      await expect(page.getByTestId('target-hospital-beds').locator('blockquote')).toBeVisible();
    },
  ],
  ['a pole unit card', 's=unit-150721'],
  ['the core card', 's=structure-core'],
  ['a zone card', 's=zone-lingshang'],
  ['a heritage card citing Chinese sources', 's=heritage-manzhouli-first-station'],
  ['a port card', 's=port-ebduge'],
  ['a rail card', 's=rail-qihaiman-hsr'],
  [
    'the matrix with a detail',
    'm=1',
    async (page) => {
      await page.getByTestId('cell-1-unit-150702').click();
      await expectSeen(page.getByTestId('matrix-detail'));
    },
  ],
  ['the statistics', 'tool=stats'],
  ['the import tool', 'tool=import'],
  ['the tour, step 1', 'tour=yihe-liangji-duodian&step=1'],
  ['the tour, step 8', 'tour=yihe-liangji-duodian&step=8'],
];

for (const [what, hash, then] of STATES) {
  // Three states in the core tier (the first view, a task, a card); the whole walk in the slow one.
  const tier = ['the first view', 'task 2', 'a pole unit card'].includes(what) ? {} : { tag: '@slow' };
  test(`English: no Chinese outside brackets, no Chinese punctuation — ${what}`, tier, async ({ page }) => {
    await openMap(page, `#lang=en${hash ? `&${hash}` : ''}`);
    if (hash.startsWith('s=')) await expectSeen(page.getByTestId('feature-card'));
    if (hash.startsWith('tour=')) await expect(page.getByTestId('tour-caption')).toBeVisible();
    if (hash.startsWith('tool=')) await expectSeen(page.getByTestId('tool-panel'));
    await then?.(page);
    // the overview fades out after the first idle; its labels follow the language too
    await expect.poll(() => bareChinese(page)).toEqual([]);
    expect(await chinesePunctuation(page), 'Chinese punctuation in English text').toEqual([]);
  });
}

test('the plan in English is our translation, marked, with the Chinese original one click away', async ({ page }) => {
  await openMap(page, '#lang=en&t=2');
  const view = page.getByTestId('task-view');
  await expect(view.locator('h2')).toHaveText('Two poles driving growth: Manzhouli; Zalantun–Arun');
  await expect(view).toContainText('pan-port economy');
  const original = view.getByTestId('original');
  await expect(original).toHaveCount(1);
  await expect(original.locator('summary')).toHaveText('Our English summary · show the Chinese original');
  await expect(original.locator('[lang="zh-CN"]')).toBeHidden();
  await original.locator('summary').click();
  await expect(original.locator('[lang="zh-CN"]')).toContainText('大力发展泛口岸经济');
  // a card's quote, the same way (a new page load: a hash change alone is not read)
  await page.goto('about:blank');
  await openMap(page, '#lang=en&s=unit-150781');
  const plan = page.getByTestId('card-plan');
  await expect(plan).toContainText("Manzhouli's leading role as the pole of opening to the north");
  await plan.getByTestId('original').first().locator('summary').click();
  await expect(plan.getByTestId('original').first().locator('[lang="zh-CN"]')).toBeVisible();
  // and in Chinese nothing of it: the plan's words as written
  await page.goto('about:blank');
  await openMap(page, '#t=2');
  await expect(page.getByTestId('task-view')).toContainText('大力发展泛口岸经济');
  await expect(page.getByTestId('task-view').getByTestId('original')).toHaveCount(0);
});
