/**
 * The one reporter of map errors that the app does not handle itself (the archive's are told
 * to the user by core.svelte.ts). A request aborted because its map or tile went away (a
 * compare map removed while it loads, a tour stepping on) is expected and dropped; anything
 * else is a console error, which the browser tests' fixture turns into a failed test.
 */
export function reportMapError(where: string, error: unknown): void {
  const e = error as { name?: string; message?: string } | undefined;
  if (e?.name === 'AbortError' || /\babort(ed)?\b/i.test(String(e?.message ?? ''))) return;
  console.error(`${where}: ${e?.message ?? String(error)}`);
}
