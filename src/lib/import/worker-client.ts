/**
 * The page's side of the import worker (import.worker.ts): started on first use, messages
 * sent as they are, questions answered by request number; every other message goes to the
 * handler given.
 */
import type { FromWorker, ToWorker } from './protocol.ts';

export class ImportWorkerClient {
  #worker: Worker | null = null;
  #req = 0;
  #replies = new Map<number, (data: unknown) => void>();
  #onMessage: (m: Exclude<FromWorker, { type: 'reply' }>) => void;

  constructor(onMessage: (m: Exclude<FromWorker, { type: 'reply' }>) => void) {
    this.#onMessage = onMessage;
  }

  send(m: ToWorker): void {
    this.#start().postMessage(m);
  }

  /** Sends a question (numbered by `make`) and resolves with the worker's reply to it. */
  ask<T>(make: (req: number) => ToWorker): Promise<T> {
    const req = ++this.#req;
    return new Promise<T>((resolve) => {
      this.#replies.set(req, resolve as (d: unknown) => void);
      this.send(make(req));
    });
  }

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const w = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (ev: MessageEvent<FromWorker>) => {
      const m = ev.data;
      if (m.type !== 'reply') return this.#onMessage(m);
      this.#replies.get(m.req)?.(m.data);
      this.#replies.delete(m.req);
    };
    w.postMessage({ type: 'init', base: document.baseURI } satisfies ToWorker);
    this.#worker = w;
    return w;
  }
}
