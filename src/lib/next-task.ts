/**
 * The rest of the work in a task of its own: the browser can paint and answer input between.
 * (A promise's continuation runs in the task that resolved it: after a map's `idle`, inside its frame.)
 */
export const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
