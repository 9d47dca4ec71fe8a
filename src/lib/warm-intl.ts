/**
 * The page's first use of Intl (a number formatted for a language, a locale-aware sort) loads
 * ICU's data: 30–110 ms on the bench machine, once a page. Paid at the first idle moments after
 * the map is drawn, it is not paid inside the first action that needs it (an import's count, a
 * card's figure, a sorted table): measured inside a dropped CSV's import, issue 26.
 */
export function warmIntl(): void {
  const idle = (f: () => void) =>
    'requestIdleCallback' in window ? requestIdleCallback(f, { timeout: 2000 }) : setTimeout(f, 200);
  idle(() => {
    (1234.5).toLocaleString('zh-CN', { maximumFractionDigits: 2 });
    idle(() => new Intl.Collator('zh-CN', { numeric: true }).compare('甲', '乙'));
  });
}
