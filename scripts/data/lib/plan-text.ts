/**
 * The plan's text of record, restored from the captured web page.
 *
 * The capture (geodata/sources/plan/) carries injected gambling spam pasted over the
 * words it replaced (see that folder's README). Each rule below restores one context to the
 * plan's own wording; `restorePlan` fails if any rule does not match as often as expected or
 * if any trace of the spam survives, so a changed capture cannot slip spam through.
 */

import { normaliseForQuote } from '../../../src/lib/tour/check.ts';

/** The injected string. Kept here (scripts/) only to find and refuse it. */
export const SPAM = '365\u4f53\u80b2\u6295\u6ce8';
/**
 * The capture is kept in geodata/sources/plan/ with the injected string written as this mark
 * (so the repository never holds it); reading the capture puts it back before the rules run.
 */
export const SPAM_MARK = '{S}';
export const readCapture = (text: string) => text.replaceAll(SPAM_MARK, SPAM);

interface Rule {
  /** the captured text, with {S} standing for the spam string */
  from: string;
  to: string;
  /** how many times the rule must match in the body of the plan */
  count: number;
}

const RULES: Rule[] = [
  { from: '{S}办公室关于印发', to: '呼伦贝尔市人民政府办公室关于印发', count: 1 },
  { from: '提高{S}城镇化水平', to: '提高我市城镇化水平', count: 1 },
  { from: '结合{S}实际', to: '结合我市实际', count: 1 },
  { from: '赋予{S}的城市发展定位', to: '赋予我市的城市发展定位', count: 1 },
  { from: '以{S}新时代', to: '以习近平新时代', count: 1 },
  { from: '落实{S}总书记', to: '落实习近平总书记', count: 1 },
  { from: '{S}常住人口城镇化率', to: '全市常住人口城镇化率', count: 1 },
  { from: '{S}居住证制度', to: '全市居住证制度', count: 1 },
  { from: '{S}公路总里程', to: '全市公路总里程', count: 1 },
  { from: '健{S}场一体化', to: '健全市场一体化', count: 1 },
  { from: '健{S}政消火栓', to: '健全市政消火栓', count: 1 },
];

const BODY_START = '发布时间:';
const BODY_END = '扫一扫在手机打开当前页';

/** Restores the plan from the page capture: page furniture removed, spam restored. */
export function restorePlan(capture: string): string {
  const start = capture.indexOf(BODY_START);
  const end = capture.indexOf(BODY_END);
  if (start < 0 || end < 0 || end < start) throw new Error('plan capture: body markers not found');
  // The notice title stands on the line before "发布时间"; keep it, drop the menus above.
  const before = capture.slice(0, start).trimEnd().split('\n');
  const title = before[before.length - 1].trim();
  let body = capture.slice(capture.indexOf('\n', start) + 1, end);
  body = `${title}\n${body}`;
  for (const rule of RULES) {
    const from = rule.from.replace('{S}', SPAM);
    const n = body.split(from).length - 1;
    if (n !== rule.count)
      throw new Error(`plan capture: rule "${rule.from}" matched ${n} times, expected ${rule.count}`);
    body = body.split(from).join(rule.to);
  }
  if (body.includes(SPAM) || body.includes('365体育') || body.includes('体育投注')) {
    throw new Error('plan capture: spam text left after restoration');
  }
  const lines = body
    .split('\n')
    .map((l) => l.replace(/\u00a0/g, ' ').trim())
    .filter((l) => l.length > 0 && !/^【字体大小/.test(l));
  // The plan's title is broken over two lines on the page.
  const joined: string[] = [];
  for (const line of lines) {
    const prev = joined[joined.length - 1];
    if (prev === '呼伦贝尔市加快推进新型城镇化和' && line === '城乡融合发展实施方案') {
      joined[joined.length - 1] = prev + line;
    } else joined.push(line);
  }
  return `${joined.join('\n')}\n`;
}

/** Normalises text for quote matching: the plan's quotes are compared without whitespace. */
export { normaliseForQuote };

/** Throws unless `quote` stands verbatim in the plan text (whitespace aside). */
export function assertQuoted(planText: string, quote: string, where: string): void {
  if (!quote || quote.length < 2) throw new Error(`${where}: empty plan quote`);
  if (!normaliseForQuote(planText).includes(normaliseForQuote(quote))) {
    throw new Error(`${where}: quote not found in the plan: "${quote}"`);
  }
}
