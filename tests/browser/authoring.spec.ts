// A presenter makes their own briefing in the browser (编排导览): steps from the map, words in
// both languages, a quote from the plan, a swipe; reorder and undo; kept over a reload; played
// with the presenter window following; exported, and imported into a fresh browser; a bad file
// refused with its step and field named.
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { PDFDocument } from 'pdf-lib';
import type { Page } from '@playwright/test';
import { test, expect, openMap, expectSeen, measureLongTasks, waitIdle } from './fixtures.ts';
import type { Tour } from '../../src/contracts/tour.ts';
import { must } from '../../src/lib/must.ts';

type MapWindow = { __map: import('maplibre-gl').Map };

async function openAuthor(page: Page) {
  await page.getByTestId('open-tools').click();
  await page.getByRole('menuitemradio', { name: '编排导览' }).click();
  await expectSeen(page.getByTestId('author'), 'the tour editor');
}

/** Selects words of the picker's text (as a person's drag does) and inserts them. */
async function quote(page: Page, task: number, from: number, to: number): Promise<string> {
  await page.getByTestId('author-quote-add').click();
  await page.getByTestId('quote-task').selectOption(String(task));
  const text = page.getByTestId('quote-text');
  await expect(text).not.toHaveValue('');
  const words = await text.evaluate(
    (el: HTMLTextAreaElement, [a, b]) => {
      el.focus();
      el.setSelectionRange(a, b);
      el.dispatchEvent(new Event('select'));
      return el.value.slice(a, b);
    },
    [from, to],
  );
  await page.getByTestId('quote-insert').click();
  return words;
}

const stepTitles = (page: Page) => page.getByTestId('author-step').allTextContents();

test('a presenter makes a 3-step tour, reorders and undoes, plays it with the presenter window, and exports it', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  // Mongolian-free start: 满洲里市 selected, task 10's places lit, the map framed on them
  await openMap(page, '#s=unit-150781&t=10');
  await openAuthor(page);
  await expect(page.getByTestId('author-own')).toContainText('还没有');
  await page.getByTestId('author-new').click();
  await page.getByTestId('author-tour-zh').fill('口岸与两极');
  await page.getByTestId('author-tour-en').fill('Ports and the two poles');

  // step 1: from the map as it is (the selection and the task's places lit)
  await page.getByTestId('author-add').click();
  await expect(page.getByTestId('author-step')).toHaveCount(1);
  await expect(page.getByTestId('author-framing')).toContainText(/突出 [1-9]/);
  await page.getByTestId('author-title-zh').fill('满洲里');
  await page.getByTestId('author-caption-zh').fill('**满洲里**是两极之一。');
  await page.getByTestId('author-caption-en').fill('**Manzhouli** is one of the two poles.');
  await page.getByTestId('author-notes-zh').fill('先讲口岸。');
  await page.getByTestId('author-notes-en').fill('Start with the port.');
  await page.getByTestId('author-title-en').fill('Manzhouli');
  const words = await quote(page, 10, 0, 18);
  await expect(page.getByTestId('author-quote')).toHaveCount(1);
  await expect(page.getByTestId('author-quote')).toContainText('任务10');
  await expect(page.getByTestId('author-quote-edited')).toHaveCount(0);
  // still short of words: the editor says what is missing, by step and field
  await page.getByTestId('author-add').click();
  await expect(page.getByTestId('author-problems')).toContainText('第 2 步');
  await expect(page.getByTestId('author-problems')).toContainText('字段“caption.zh”：');
  await expect(page.getByTestId('author-play')).toBeDisabled();

  // step 2: the whole city, with a swipe between today and the plan
  await page.evaluate(() => (window as unknown as MapWindow).__map.jumpTo({ center: [120.8, 49.6], zoom: 5.2 }));
  await page.getByTestId('author-update').click();
  await expect(page.getByTestId('author-framing')).toContainText('缩放 5.2');
  await page.getByTestId('author-title-zh').fill('全市');
  await page.getByTestId('author-title-en').fill('The city');
  await page.getByTestId('author-caption-zh').fill('今天与规划对比。');
  await page.getByTestId('author-caption-en').fill('Today against the plan.');
  await page.getByTestId('author-notes-zh').fill('拖动分隔线。');
  await page.getByTestId('author-notes-en').fill('Drag the divider.');
  await page.getByTestId('author-swipe').check();
  await expect(page.getByTestId('author-swipe-left')).toHaveValue('today');

  // step 3: a duplicate of step 1, retitled
  await page.getByTestId('author-step').first().click();
  await page.getByTestId('author-duplicate').first().click();
  await expect(page.getByTestId('author-step')).toHaveCount(3);
  await page.getByTestId('author-title-zh').fill('口岸');
  await page.getByTestId('author-title-en').fill('The port');
  await expect(page.getByTestId('author-problems')).toHaveCount(0);
  expect(await stepTitles(page)).toEqual(['1. 满洲里', '2. 口岸', '3. 全市']);

  // reorder by keyboard, then undo it
  await page.getByTestId('author-step').nth(2).focus();
  await page.keyboard.press('Alt+ArrowUp');
  expect(await stepTitles(page)).toEqual(['1. 满洲里', '2. 全市', '3. 口岸']);
  await expect(page.getByTestId('author-step').nth(1)).toBeFocused();
  await page.getByTestId('author-undo').click();
  expect(await stepTitles(page)).toEqual(['1. 满洲里', '2. 口岸', '3. 全市']);
  // and by drag: the third step dropped on the first
  await page.getByTestId('author-step').nth(2).dragTo(page.getByTestId('author-step').nth(0));
  await expect.poll(() => stepTitles(page)).toEqual(['1. 全市', '2. 满洲里', '3. 口岸']);
  await page.getByTestId('author-undo').click();
  expect(await stepTitles(page)).toEqual(['1. 满洲里', '2. 口岸', '3. 全市']);
  // an edited quote is no longer the plan's words; undo restores it
  await page.getByTestId('author-step').first().click();
  await page.getByTestId('author-quote').locator('textarea').fill(`${words}等`);
  await expect(page.getByTestId('author-quote-edited')).toBeVisible();
  await page.getByTestId('author-undo').click();
  await expect(page.getByTestId('author-quote-edited')).toHaveCount(0);
  await expect(page.getByTestId('author-quote').locator('textarea')).toHaveValue(words);

  // kept in this browser: after a reload it is in 我的导览
  await expect(page.getByTestId('author-saved')).toHaveText('已保存在本浏览器');
  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('map:idle').length > 0);
  await expectSeen(page.getByTestId('author'), 'the tour editor, open again from the address');
  await expect(page.getByTestId('author-own')).toContainText('口岸与两极');
  await expect(page.getByTestId('author-own')).toContainText('3 步');
  await page.getByTestId('author-edit').click();
  expect(await stepTitles(page)).toEqual(['1. 满洲里', '2. 口岸', '3. 全市']);

  // played as a built-in tour is: caption, the quote as the plan's words, the presenter window
  await page.getByTestId('author-step').first().click();
  await page.getByTestId('author-play').click();
  await expect(page.getByTestId('tour-count')).toHaveText('1 / 3');
  await expectSeen(page.getByTestId('tour-caption'), 'the caption');
  await expect(page.getByTestId('tour-caption')).toContainText('满洲里是两极之一');
  await page.getByTestId('tour-more').click();
  await expect(page.getByTestId('tour-ref')).toContainText(words);
  const id = await page.evaluate(() => new URLSearchParams(location.hash.slice(1)).get('tour'));
  expect(id).toMatch(/^my-/);
  const presenter = await context.newPage();
  await presenter.goto(`/presenter.html#tour=${id}&step=1`);
  await expect(presenter.getByTestId('presenter-count')).toHaveText('1 / 3');
  await expect(presenter.getByTestId('presenter-notes')).toContainText('先讲口岸');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('tour-count')).toHaveText('3 / 3');
  await expect(presenter.getByTestId('presenter-count')).toHaveText('3 / 3');
  await expect(page.getByTestId('swipe-divider')).toBeVisible();
  // a one-line caption without quotes: nothing more to open
  await expect(page.getByTestId('tour-caption')).toContainText('今天与规划对比');
  await expect(page.getByTestId('tour-more')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('tour-caption')).toHaveCount(0);
  await presenter.close();

  // exported in the format of geodata/stories/
  await expectSeen(page.getByTestId('author'), 'the tour editor, back after the tour');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('author-export').click()]);
  expect(download.suggestedFilename()).toBe(`${id}.json`);
  const file = JSON.parse(readFileSync(must(await download.path(), 'the tour file'), 'utf8')) as Tour;
  expect(file.steps.map((s) => s.title.en)).toEqual(['Manzhouli', 'The port', 'The city']);
  expect(file.steps[0].plan_ref).toEqual([{ task: 10, quote: words }]);
  expect(file.steps[2].swipe?.left).toContain('units');
  expect(file.steps[0].highlight).toContain('unit-150781');
  writeFileSync(test.info().outputPath('tour.json'), JSON.stringify(file));

  // an edited quote: played as the presenter's wording, not the plan's; the file waits for the plan's words
  await page.getByTestId('author-step').first().click();
  await page.getByTestId('author-quote').locator('textarea').fill(`${words}等`);
  await expect(page.getByTestId('author-export')).toBeDisabled();
  await expect(page.getByTestId('author-problems')).toContainText('导出之前还需');
  await page.getByTestId('author-play').click();
  await expect(page.getByTestId('tour-count')).toHaveText('1 / 3');
  await page.getByTestId('tour-more').click();
  await expect(page.getByTestId('tour-ref-edited')).toContainText(`${words}等`);
  await expect(page.getByTestId('tour-ref-edited')).toContainText('讲者摘述');
  await expect(page.getByTestId('tour-ref')).toHaveCount(0);
  await page.keyboard.press('Escape');
});

test('a tour file imports into a fresh browser; a bad one is refused with its step and field named', async ({
  page,
}) => {
  const tour = JSON.parse(readFileSync('public/data/tours.json', 'utf8'))[0] as Tour;
  await openMap(page, '#tool=author');
  await expectSeen(page.getByTestId('author'), 'the tour editor');
  const bad = structuredClone(tour);
  (bad.steps[1].camera as unknown) = { center: [119, 49], zoom: 'far' };
  await page.getByTestId('author-file').setInputFiles({
    name: 'bad-tour.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bad)),
  });
  const notice = page.getByTestId('author-notice');
  await expectSeen(notice, 'the refusal');
  await expect(notice).toContainText('未导入 bad-tour.json');
  await expect(notice).toContainText(`第 2 步 (${tour.steps[1].id})`);
  await expect(notice).toContainText('camera');
  await expect(page.getByTestId('author-own')).toContainText('还没有');
  // the built-in tour's own file comes in as a tour of this browser's, beside the built-in one
  await page.getByTestId('author-file').setInputFiles({
    name: 'tour.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(tour)),
  });
  await expect(notice).toContainText('已导入 tour.json');
  await expect(page.getByTestId('author-step')).toHaveCount(tour.steps.length);
  // step 1's swipe is the file's own layer lists: kept, and shown as such, until a side is changed (that side only)
  await expect(page.getByTestId('author-swipe-left')).toHaveValue('custom');
  await expect(page.getByTestId('author-swipe-right')).toHaveValue('custom');
  await page.getByTestId('author-swipe-left').selectOption('zones');
  await expect(page.getByTestId('author-swipe-left')).toHaveValue('zones');
  await expect(page.getByTestId('author-swipe-right')).toHaveValue('custom');
  await page.getByTestId('author-back').click();
  await expect(page.getByTestId('author-own')).toContainText(tour.title.zh);
});

test('an own tour’s handout: one page per step, its long tasks reported', { tag: '@slow' }, async ({ page }) => {
  test.setTimeout(240_000);
  const tour = JSON.parse(readFileSync('public/data/tours.json', 'utf8'))[0] as Tour;
  const mine = { ...tour, id: 'my-handout-test', steps: tour.steps.slice(0, 3) };
  await openMap(page, '#tool=author');
  await page.getByTestId('author-file').setInputFiles({
    name: 'mine.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(mine)),
  });
  await expect(page.getByTestId('author-notice')).toContainText('已导入');
  await page.getByTestId('author-step').first().click();
  await page.getByTestId('author-play').click();
  await expect(page.getByTestId('tour-count')).toHaveText('1 / 3');
  // the step as a person sees it before asking for the handout: both sides of its swipe drawn
  await waitIdle(page);
  await page.waitForFunction(() => {
    const c = (window as unknown as { __compare?: import('maplibre-gl').Map }).__compare;
    return !!c?.loaded() && c.areTilesLoaded() && !c.isMoving();
  });
  let pdf: import('@playwright/test').Download | undefined;
  // Started on a swipe step (two WebGL maps, and the print map made): measured and reported (as
  // the built-in tour's, tour.spec)
  await measureLongTasks(page, 'own tour handout', async () => {
    [pdf] = await Promise.all([
      page.waitForEvent('download', { timeout: 200_000 }),
      page.getByTestId('export-pdf').click(),
    ]);
  });
  const path = must(await pdf?.path(), 'the handout');
  expect(pdf?.suggestedFilename()).toBe('my-handout-test-handout.pdf');
  expect((await PDFDocument.load(readFileSync(path))).getPageCount()).toBe(3);
  const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  for (const s of mine.steps) expect(text).toContain(s.title.zh);
});
