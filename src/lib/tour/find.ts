/** Tours other than the built-in ones: a presenter's own (kept in this browser), and how their quotes stand. */
import { quoteKey, type Tour, type TourStep } from '../../contracts/tour.ts';
import { loadDetails } from '../details.ts';
import { unionBBox, type BBox } from '../geo.ts';
import { reportStorage } from '../state/storage.svelte.ts';
import { isOwn } from './own.ts';

/** A presenter's own tour (kept in this browser), if the id is one. */
export async function ownTour(id: string): Promise<Tour | undefined> {
  if (!isOwn(id)) return undefined;
  return (await import('../tour/own-tours.ts')).getOwnTour(id).catch((e) => {
    reportStorage(e);
    return undefined;
  });
}

/**
 * The quotes of a presenter's own tour that do not stand in the plan, as "step id/quote index":
 * checked as it is played (the build checks the built-in tours').
 */
export async function editedQuotes(tour: Tour): Promise<Set<string>> {
  if (!isOwn(tour.id)) return new Set();
  const [{ loadPlan }, { planText }, { quoteChecker, unquoted }] = await Promise.all([
    import('../plan/data.ts'),
    import('../tour/draft.ts'),
    import('../tour/check.ts'),
  ]);
  const quoted = quoteChecker(planText(await loadPlan()));
  return new Set(tour.steps.flatMap((s) => unquoted(s, quoted).map((k) => quoteKey(s.id, k))));
}

/** The bbox a "fit" camera asks for, from the feature details. */
export async function cameraBounds(step: TourStep): Promise<BBox | null> {
  if (!('fit' in step.camera)) return null;
  return boundsOf(step.camera.fit);
}

/**
 * A handout page's frame for a "fit" step: its places and every place it lights (on screen a
 * lit place near the edge is brought into view by moving the camera; a page is drawn once).
 */
export async function pageBounds(step: TourStep): Promise<BBox | null> {
  if (!('fit' in step.camera)) return null;
  return boundsOf([...step.camera.fit, ...step.highlight]);
}

async function boundsOf(ids: string[]): Promise<BBox | null> {
  const all = await loadDetails();
  return unionBBox(ids.flatMap((id) => (all[id] ? [all[id].bbox] : [])));
}
