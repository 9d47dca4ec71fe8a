import { ARCHIVE_ERROR_MESSAGE, ArchiveError } from './archive.ts';

/**
 * The one reporter of map errors that the app does not handle itself (the archive's are told
 * to the user by core.svelte.ts). A request aborted because its map or tile went away (a
 * compare map removed while it loads, a tour stepping on) is expected and dropped, and so is
 * an archive problem (archive.ts tells the user); anything
 * else is a console error, which the browser tests' fixture turns into a failed test.
 */
export function reportMapError(where: string, error: unknown): void {
  const e = error as { name?: string; message?: string } | undefined;
  if (e?.name === 'AbortError' || /\babort(ed)?\b/i.test(String(e?.message ?? ''))) return;
  // The tile archive's own problems are told to the user by archive.ts (onArchive → a notice),
  // whichever map read the tile; a read cut short by a map going away is one of them.
  if (error instanceof ArchiveError || ARCHIVE_ERROR_MESSAGE.test(String(e?.message ?? ''))) return;
  console.error(`${where}: ${e?.message ?? String(error)}`);
}
