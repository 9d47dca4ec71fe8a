/** What a refused storage write means — one rule for the page and the import worker (no runes here). */
export type StorageProblem = 'unavailable' | 'full';

/** QuotaExceededError is a full disk; anything else, no storage (private mode, blocked). */
export function storageProblemOf(e: unknown): StorageProblem {
  const name = (e as { name?: string } | null)?.name ?? '';
  return name === 'QuotaExceededError' || /quota/i.test(String((e as Error | null)?.message ?? ''))
    ? 'full'
    : 'unavailable';
}
