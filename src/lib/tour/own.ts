/** A presenter's own tours (made in the browser) have ids that begin so: never a built-in tour's. */
export const OWN = 'my-';
export const isOwn = (id: string) => id.startsWith(OWN);
