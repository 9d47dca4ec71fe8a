/**
 * Whether this browser keeps the user's work (annotations, imported layers, settings): one
 * place that hears every refused write — IndexedDB missing (private mode) or full — from the
 * page and from the import worker, and that the app shows (App.svelte). Nothing throws: the
 * work stays for this visit and the user is told it will not survive a reload.
 */
import { storageProblemOf, type StorageProblem } from './storage-problem.ts';

export type { StorageProblem };

export const storage = $state<{ problem: StorageProblem | null }>({ problem: null });

export function reportStorage(problem: StorageProblem | unknown): void {
  storage.problem = problem === 'full' || problem === 'unavailable' ? problem : storageProblemOf(problem);
}
