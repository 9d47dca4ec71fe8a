/**
 * The page's side of the import worker (import.worker.ts): started on first use, messages
 * sent as they are, questions answered by request number; every other message goes to the
 * handler given.
 */
import * as maplibregl from 'maplibre-gl';
import { reportStorage } from '../state/storage.svelte.ts';
import type { Job } from './options.ts';
import { type FromWorker, IMPORT_DB, IMPORT_STORE, type ImportedMeta, type ToWorker } from './protocol.ts';

export class ImportWorkerClient {
  #worker: Worker | null = null;
  #req = 0;
  #replies = new Map<number, { resolve: (data: unknown) => void; reject: (e: Error) => void }>();
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
    return new Promise<T>((resolve, reject) => {
      this.#replies.set(req, { resolve: resolve as (d: unknown) => void, reject });
      this.send(make(req));
    });
  }

  #start(): Worker {
    if (this.#worker) return this.#worker;
    const w = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (ev: MessageEvent<FromWorker>) => {
      const m = ev.data;
      if (m.type !== 'reply') return this.#onMessage(m);
      this.#replies.get(m.req)?.resolve(m.data);
      this.#replies.delete(m.req);
    };
    // An error the worker did not handle (its own failures come as 'failed' messages), or a
    // message it cannot read: the questions waiting may never be answered, so they are refused,
    // and the error is reported (a console error, which the browser tests fail on).
    const stopped = (message: string) => {
      const why = new Error(`the import worker stopped: ${message}`);
      console.error(why.message);
      for (const r of this.#replies.values()) r.reject(why);
      this.#replies.clear();
    };
    w.onerror = (e) => stopped(e.message);
    w.onmessageerror = () => stopped('a message could not be read');
    w.postMessage({ type: 'init', base: document.baseURI } satisfies ToWorker);
    this.#worker = w;
    return w;
  }

  /** Asks the worker to read a job's file, with the answers given so far and the colour of its layer. */
  read(j: Job, colour: string): void {
    const { id: job, file, datum, dbfEncoding, answers } = j;
    this.send({ type: 'read', job, file, datum, dbfEncoding, ...answers, colour });
  }

  /** The `imported://layer/z/x/y` tiles MapLibre asks for, made by the worker. */
  addTileProtocol(): void {
    maplibregl.addProtocol('imported', async (params) => {
      const [, layer, z, x, y] = /^imported:\/\/([^/]+)\/(\d+)\/(\d+)\/(\d+)/.exec(params.url) ?? [];
      const data = await this.ask<ArrayBuffer | null>((req) => ({ type: 'tile', req, layer, z: +z, x: +x, y: +y }));
      return { data: data ?? new ArrayBuffer(0) };
    });
  }

  /** The layers kept from earlier visits; the worker starts only when there are some. */
  async restore(): Promise<ImportedMeta[]> {
    const { createStore, keys } = await import('idb-keyval');
    try {
      if (!(await keys(createStore(IMPORT_DB, IMPORT_STORE))).length) return [];
    } catch (e) {
      reportStorage(e);
      return [];
    }
    return this.ask<ImportedMeta[]>((req) => ({ type: 'restore', req }));
  }
}
