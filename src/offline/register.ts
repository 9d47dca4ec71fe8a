/**
 * The page's side of the service worker (sw.ts): registers it once the map has been drawn
 * (its downloads must not compete with the first view), says when the app first became
 * available offline, and announces a new release — which is applied only when the user asks
 * (the waiting worker takes over, and the page reloads once, whole).
 */
export interface OfflineEvents {
  /** the first install finished: everything needed offline is cached */
  ready(): void;
  /** a new release is installed and waiting; call apply() to switch to it */
  update(apply: () => void): void;
}

export async function registerOffline(events: OfflineEvents): Promise<void> {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  const sw = navigator.serviceWorker;
  const reg = await sw.register('./sw.js', { scope: './' });
  if (!reg) return; // registration refused (e.g. by a test harness that blocks service workers)
  const apply = (worker: ServiceWorker) => () => {
    sw.addEventListener('controllerchange', () => location.reload(), { once: true });
    worker.postMessage('apply-update');
  };
  const watched = new WeakSet<ServiceWorker>();
  const watch = (worker: ServiceWorker | null) => {
    if (!worker || watched.has(worker)) return;
    watched.add(worker);
    const isUpdate = !!sw.controller; // the first install has no worker in control yet
    worker.addEventListener('statechange', () => {
      if (worker.state === 'installed' && isUpdate) events.update(apply(worker));
      if (worker.state === 'activated' && !isUpdate) events.ready();
    });
  };
  if (reg.waiting && sw.controller) events.update(apply(reg.waiting));
  watch(reg.installing);
  reg.addEventListener('updatefound', () => watch(reg.installing));
}
