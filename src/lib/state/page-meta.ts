/**
 * The page's title and description follow what it shows (a task, a tour, a place), in its
 * language: the browser's tab, a bookmark, a share sheet, and a link preview made by a
 * reader that runs the page. index.html carries the same tags for those that do not
 * (vite.config.ts `linkPreview`, from UI.title and UI.description).
 */
import { UI, type Lang } from '../i18n.ts';

export interface Shown {
  lang: Lang;
  /** the open task: its number and title */
  task?: { number: number; title: string } | null;
  /** the tour being played: its title, and the step's */
  tour?: { title: string; step: string } | null;
  /** the selected place's name */
  place?: string | null;
}

export function pageMeta(s: Shown): { title: string; description: string } {
  const zh = s.lang === 'zh';
  const head = s.tour
    ? `${s.tour.title}${zh ? '：' : ': '}${s.tour.step}`
    : s.task
      ? `${zh ? `任务 ${s.task.number}：` : `Task ${s.task.number}: `}${s.task.title}`
      : (s.place ?? null);
  return {
    title: head ? `${head} · ${UI.titleShort[s.lang]}` : UI.title[s.lang],
    description: UI.description[s.lang],
  };
}

/** Writes the title and the description tags (meta description, Open Graph, Twitter). */
export function applyPageMeta(m: { title: string; description: string }, lang: Lang): void {
  document.title = m.title;
  const set = (selector: string, value: string) => {
    for (const el of document.head.querySelectorAll<HTMLMetaElement>(selector)) el.content = value;
  };
  set('meta[name="description"], meta[property="og:description"], meta[name="twitter:description"]', m.description);
  set('meta[property="og:title"], meta[name="twitter:title"]', m.title);
  set('meta[property="og:locale"]', lang === 'zh' ? 'zh_CN' : 'en_US');
}
