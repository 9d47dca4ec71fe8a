/**
 * Whether this browser keeps the user's work (annotations, imported layers, settings): one
 * place that hears every refused write — IndexedDB missing (private mode) or full — from the
 * page and from the import worker, and that the app shows (App.svelte). Nothing throws: the
 * work stays for this visit and the user is told it will not survive a reload.
 */
export type StorageProblem = 'unavailable' | 'full';

export const storage = $state<{ problem: StorageProblem | null }>({ problem: null });

/** What a refused write means: QuotaExceededError is a full disk; anything else, no storage. */
export function storageProblemOf(e: unknown): StorageProblem {
  const name = (e as { name?: string } | null)?.name ?? '';
  return name === 'QuotaExceededError' || /quota/i.test(String((e as Error | null)?.message ?? '')) ? 'full' : 'unavailable';
}

export function reportStorage(problem: StorageProblem | unknown): void {
  storage.problem = problem === 'full' || problem === 'unavailable' ? problem : storageProblemOf(problem);
}
