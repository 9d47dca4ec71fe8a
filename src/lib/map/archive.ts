/**
 * The tile archive's reader: one PMTiles instance per archive URL, registered with the
 * `pmtiles://` protocol, reading through ArchiveSource — our own HTTP Range source, which
 * knows what goes wrong on real servers and says which:
 * - `missing`: 404/410 before anything was read; `updated`: it went away after it was read (a
 *   new data build was published: the name carries the content's hash, so the old one goes);
 *   `changed`: its ETag changed under the same name (the map reloads every tile);
 * - `no-range`: the server ignores Range (answers 200 with the whole file) — the whole file is
 *   then read once and served from memory (a notice, not a failure);
 * - `truncated`: the file is shorter than its own header says; `corrupt`: not a PMTiles
 *   archive, or its directory cannot be read;
 * - `network`: the request failed (offline); the map keeps what it has and, when a probe
 *   succeeds again, reloads what failed (see core's `onArchive`).
 * Decompression uses the browser's DecompressionStream, and only where there is none (older
 * Safari) loads fflate; pmtiles' own fflate import is stubbed in the build (vite.config.ts).
 */
import { EtagMismatch, PMTiles, Protocol, bytesToHeader, type RangeResponse, type Source } from 'pmtiles';

const GZIP = 2;
const NONE = new Set([0, 1]);
/** Above this, a server that ignores Range is a failure: the whole file is not read into memory. */
const WHOLE_LIMIT = 64 * 1024 * 1024;

export const ARCHIVE_PROBLEM_KINDS = [
  'missing',
  'updated',
  'changed',
  'no-range',
  'truncated',
  'corrupt',
  'network',
  'http',
] as const;
export type ArchiveProblemKind = (typeof ARCHIVE_PROBLEM_KINDS)[number];
/** An ArchiveError's message, as it comes back through MapLibre's worker (the class does not survive). */
export const ARCHIVE_ERROR_MESSAGE = new RegExp(`: (${ARCHIVE_PROBLEM_KINDS.join('|')}) \\(|changed on the server`);
export interface ArchiveProblem {
  kind: ArchiveProblemKind;
  /** the archive's file name (e.g. plan.1a2b3c4d.pmtiles) */
  file: string;
  /** what was seen: an HTTP status, byte counts, the reader's message */
  detail: string;
}
/** Kinds after which the map has nothing (more) to draw from this archive. */
export const FATAL: ReadonlySet<ArchiveProblemKind> = new Set(['missing', 'truncated', 'corrupt', 'http']);

export async function decompress(buf: ArrayBuffer, compression: number): Promise<ArrayBuffer> {
  if (NONE.has(compression)) return buf;
  if (compression !== GZIP)
    throw new Error(`the tile archive uses a compression this app does not read (${compression})`);
  if (typeof DecompressionStream !== 'undefined') {
    const body = new Response(buf).body;
    if (!body) throw new Error('the tile archive could not be read as a stream');
    return new Response(body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
  }
  const { decompressSync } = await import('fflate');
  const out = decompressSync(new Uint8Array(buf));
  return out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength) as ArrayBuffer;
}

/** An error the source has already classified (and reported). */
export class ArchiveError extends Error {
  constructor(readonly problem: ArchiveProblem) {
    super(`${problem.file}: ${problem.kind} (${problem.detail})`);
  }
}

type Listener = (p: ArchiveProblem | { kind: 'recovered'; file: string }) => void;

/** HTTP Range reads of one archive URL, with the failures above told apart. */
export class ArchiveSource implements Source {
  readonly file: string;
  /** the whole file, when the server ignores Range */
  #whole: ArrayBuffer | null = null;
  #readOnce = false;
  #offline = false;
  #reload = false;
  #probe: ReturnType<typeof setTimeout> | null = null;
  #online: (() => void) | null = null;

  constructor(
    readonly url: string,
    private readonly listener: Listener,
    private readonly fetcher: typeof fetch = (...a) => fetch(...a),
  ) {
    this.file = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? url);
  }

  getKey(): string {
    return this.url;
  }

  #fail(kind: ArchiveProblemKind, detail: string): never {
    const problem = { kind, file: this.file, detail };
    this.listener(problem);
    throw new ArchiveError(problem);
  }

  async getBytes(offset: number, length: number, signal?: AbortSignal, etag?: string): Promise<RangeResponse> {
    if (this.#whole) return this.#slice(this.#whole, offset, length);
    let r: Response;
    try {
      r = await this.fetcher(this.url, {
        signal,
        headers: { range: `bytes=${offset}-${offset + length - 1}` },
        cache: this.#reload ? 'reload' : undefined,
      });
    } catch (e) {
      if (signal?.aborted || (e as Error).name === 'AbortError') throw e;
      this.#wentOffline();
      return this.#fail('network', String((e as Error).message ?? e));
    }
    this.#backOnline();
    if (r.status === 404 || r.status === 410)
      return this.#fail(this.#readOnce ? 'updated' : 'missing', `HTTP ${r.status}`);
    if (r.status === 416) return this.#fail('truncated', `HTTP 416 for bytes ${offset}–${offset + length - 1}`);
    if (r.status >= 300) return this.#fail('http', `HTTP ${r.status}`);
    let got = r.headers.get('etag');
    if (got?.startsWith('W/')) got = null;
    if (etag && got && got !== etag) {
      // The file changed under the same name: pmtiles reads the header again (EtagMismatch),
      // and the map reloads every tile so old and new tiles never mix.
      this.#reload = true;
      this.listener({ kind: 'changed', file: this.file, detail: `ETag ${etag} → ${got}` });
      throw new EtagMismatch(`${this.file} changed on the server`);
    }
    if (r.status === 200) {
      const size = Number(r.headers.get('content-length') ?? NaN);
      if (!(size <= length)) {
        // The server sent the whole file: keep it (it is what we would read anyway), and say so.
        if (size > WHOLE_LIMIT) {
          await r.body?.cancel();
          return this.#fail('http', `the server ignores Range and the file is ${mb(size)}`);
        }
        const whole = await r.arrayBuffer();
        if (whole.byteLength > length) {
          this.#whole = whole;
          this.#check(whole.byteLength, whole.slice(0, Math.min(whole.byteLength, 127)), offset);
          this.listener({ kind: 'no-range', file: this.file, detail: mb(whole.byteLength) });
          this.#readOnce = true;
          return this.#slice(whole, offset, length);
        }
        return this.#answer(whole, offset, length, whole.byteLength, got);
      }
    }
    const data = await r.arrayBuffer();
    const total = Number(r.headers.get('content-range')?.split('/')[1] ?? NaN);
    return this.#answer(data, offset, length, total, got);
  }

  #answer(data: ArrayBuffer, offset: number, length: number, total: number, etag: string | null): RangeResponse {
    if (offset === 0) this.#check(total, data, offset);
    else if (data.byteLength < length) this.#fail('truncated', `${data.byteLength} of ${length} bytes at ${offset}`);
    this.#readOnce = true;
    return { data, etag: etag ?? undefined };
  }

  /** The first bytes: the magic number, and the header's own idea of the file's length. */
  #check(total: number, head: ArrayBuffer, offset: number) {
    if (offset !== 0) return;
    if (head.byteLength < 127 || new DataView(head).getUint16(0, true) !== 0x4d50)
      this.#fail('corrupt', 'not a PMTiles archive (wrong magic number)');
    let end: number;
    try {
      const h = bytesToHeader(head.slice(0, 127));
      end = Math.max(
        h.rootDirectoryOffset + h.rootDirectoryLength,
        h.jsonMetadataOffset + h.jsonMetadataLength,
        h.leafDirectoryOffset + (h.leafDirectoryLength ?? 0),
        h.tileDataOffset + (h.tileDataLength ?? 0),
      );
    } catch (e) {
      return this.#fail('corrupt', String((e as Error).message));
    }
    if (Number.isFinite(total) && total < end) this.#fail('truncated', `${total} of ${end} bytes`);
  }

  #slice(whole: ArrayBuffer, offset: number, length: number): RangeResponse {
    if (offset + length > whole.byteLength && offset > 0)
      this.#fail('truncated', `${whole.byteLength} bytes, read at ${offset}`);
    return { data: whole.slice(offset, offset + length) };
  }

  #wentOffline() {
    if (this.#offline) return;
    this.#offline = true;
    const probe = async () => {
      this.#probe = null;
      try {
        const r = await this.fetcher(this.url, { headers: { range: 'bytes=0-0' }, cache: 'no-store' });
        await r.arrayBuffer();
        this.#backOnline();
      } catch {
        this.#probe = setTimeout(() => void probe(), 3000);
      }
    };
    this.#online = () => {
      if (this.#probe) clearTimeout(this.#probe);
      void probe();
    };
    globalThis.addEventListener?.('online', this.#online);
    this.#probe = setTimeout(() => void probe(), 3000);
  }

  #backOnline() {
    if (!this.#offline) return;
    this.#offline = false;
    if (this.#probe) clearTimeout(this.#probe);
    this.#probe = null;
    if (this.#online) globalThis.removeEventListener?.('online', this.#online);
    this.#online = null;
    this.listener({ kind: 'recovered', file: this.file });
  }
}

function mb(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

let protocol: Protocol | null = null;
const listeners = new Set<Listener>();

/** The `pmtiles://` protocol's handler, made once. */
export function archiveProtocol(): Protocol {
  protocol ??= new Protocol();
  return protocol;
}

/** Hears every archive's problems (and recoveries); returns the unsubscribe. */
export function onArchive(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Registers an archive (its absolute URL, as in the style's `pmtiles://` source); `fresh`
 * replaces its reader, forgetting cached header and directories (after the network came back:
 * pmtiles keeps a failed directory read as failed).
 */
export function addArchive(url: string, fresh = false): void {
  const p = archiveProtocol();
  if (p.get(url) && !fresh) return;
  p.add(
    new PMTiles(
      new ArchiveSource(url, (e) => {
        for (const l of listeners) l(e);
      }),
      undefined,
      decompress,
    ),
  );
}
