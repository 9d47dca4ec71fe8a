/**
 * A PMTiles v3 writer (the `pmtiles` npm package only reads).
 * Spec: https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md
 *
 * Layout: header (127 bytes) · root directory · JSON metadata · leaf directories · tile data.
 * Tile contents are deduplicated by hash and written in tile-id order (clustered); runs of
 * consecutive tile ids with the same content share one entry. When the gzipped root
 * directory would not fit in the first 16 KiB with the header, entries move to leaf
 * directories. Output is deterministic: same tiles in → same bytes out.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { zxyToTileId } from 'pmtiles';

export const HEADER_BYTES = 127;
/** header + root directory must fit in the first 16 KiB */
export const ROOT_LIMIT = 16384 - HEADER_BYTES;

export interface Entry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

export interface TileInput {
  z: number;
  x: number;
  y: number;
  /** the tile's bytes, already compressed as `tileCompression` says */
  data: Uint8Array;
}

export interface ArchiveOptions {
  tiles: TileInput[];
  metadata: Record<string, unknown>;
  bounds: [number, number, number, number];
  center: [number, number, number];
  /** 1 = MVT */
  tileType?: number;
  /** 2 = gzip */
  tileCompression?: number;
  /** for tests: force a smaller root limit to exercise leaf directories */
  rootLimit?: number;
}

function writeVarint(out: number[], v: number): void {
  // Tile ids can exceed 2^32: use arithmetic, not bit operations.
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

/** Serialises directory entries (spec §4.4) and gzips them (internal compression 2). */
export function serializeDirectory(entries: Entry[]): Uint8Array {
  const out: number[] = [];
  writeVarint(out, entries.length);
  let last = 0;
  for (const e of entries) {
    writeVarint(out, e.tileId - last);
    last = e.tileId;
  }
  for (const e of entries) writeVarint(out, e.runLength);
  for (const e of entries) writeVarint(out, e.length);
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    if (i > 0 && e.offset === prev.offset + prev.length) writeVarint(out, 0);
    else writeVarint(out, e.offset + 1);
  });
  return gzipSync(Uint8Array.from(out), { level: 9 });
}

function setUint64(view: DataView, pos: number, v: number): void {
  view.setUint32(pos, v % 2 ** 32, true);
  view.setUint32(pos + 4, Math.floor(v / 2 ** 32), true);
}

/** Splits entries into leaves so that the root fits; returns root bytes and leaf bytes. */
export function buildDirectories(
  entries: Entry[],
  rootLimit = ROOT_LIMIT,
): { root: Uint8Array; leaves: Uint8Array; leafCount: number } {
  const root = serializeDirectory(entries);
  if (root.length <= rootLimit) return { root, leaves: new Uint8Array(0), leafCount: 0 };
  for (let leafSize = 4096; ; leafSize *= 2) {
    const rootEntries: Entry[] = [];
    const leafBufs: Uint8Array[] = [];
    let offset = 0;
    for (let i = 0; i < entries.length; i += leafSize) {
      const chunk = entries.slice(i, i + leafSize);
      const buf = serializeDirectory(chunk);
      rootEntries.push({ tileId: chunk[0].tileId, offset, length: buf.length, runLength: 0 });
      leafBufs.push(buf);
      offset += buf.length;
    }
    const rootBuf = serializeDirectory(rootEntries);
    if (rootBuf.length <= rootLimit) {
      return { root: rootBuf, leaves: Buffer.concat(leafBufs), leafCount: leafBufs.length };
    }
    if (leafSize > entries.length) throw new Error('pmtiles: root directory cannot be made to fit');
  }
}

/** Builds a complete archive in memory. */
export function writeArchive(opts: ArchiveOptions): {
  bytes: Uint8Array;
  stats: { addressed: number; entries: number; contents: number; leaves: number };
} {
  const tiles = opts.tiles
    .map((t) => ({ ...t, tileId: zxyToTileId(t.z, t.x, t.y) }))
    .sort((a, b) => a.tileId - b.tileId);
  for (let i = 1; i < tiles.length; i++) {
    if (tiles[i].tileId === tiles[i - 1].tileId)
      throw new Error(`pmtiles: tile ${tiles[i].z}/${tiles[i].x}/${tiles[i].y} given twice`);
  }
  const entries: Entry[] = [];
  const byHash = new Map<string, { offset: number; length: number }>();
  const chunks: Uint8Array[] = [];
  let dataLength = 0;
  for (const t of tiles) {
    const hash = createHash('sha256').update(t.data).digest('hex');
    let where = byHash.get(hash);
    if (!where) {
      where = { offset: dataLength, length: t.data.length };
      byHash.set(hash, where);
      chunks.push(t.data);
      dataLength += t.data.length;
    }
    const last = entries[entries.length - 1];
    if (last && last.offset === where.offset && last.tileId + last.runLength === t.tileId) last.runLength++;
    else entries.push({ tileId: t.tileId, offset: where.offset, length: where.length, runLength: 1 });
  }
  const { root, leaves, leafCount } = buildDirectories(entries, opts.rootLimit);
  const metadata = gzipSync(Buffer.from(JSON.stringify(opts.metadata)), { level: 9 });
  const zooms = tiles.map((t) => t.z);

  const rootOffset = HEADER_BYTES;
  const metaOffset = rootOffset + root.length;
  const leafOffset = metaOffset + metadata.length;
  const dataOffset = leafOffset + leaves.length;

  const header = new Uint8Array(HEADER_BYTES);
  const v = new DataView(header.buffer);
  header.set(new TextEncoder().encode('PMTiles'), 0);
  v.setUint8(7, 3);
  setUint64(v, 8, rootOffset);
  setUint64(v, 16, root.length);
  setUint64(v, 24, metaOffset);
  setUint64(v, 32, metadata.length);
  setUint64(v, 40, leafOffset);
  setUint64(v, 48, leaves.length);
  setUint64(v, 56, dataOffset);
  setUint64(v, 64, dataLength);
  setUint64(v, 72, tiles.length);
  setUint64(v, 80, entries.length);
  setUint64(v, 88, chunks.length);
  v.setUint8(96, 1); // clustered
  v.setUint8(97, 2); // internal compression: gzip
  v.setUint8(98, opts.tileCompression ?? 2);
  v.setUint8(99, opts.tileType ?? 1);
  v.setUint8(100, zooms.length ? Math.min(...zooms) : 0);
  v.setUint8(101, zooms.length ? Math.max(...zooms) : 0);
  const e7 = (d: number) => Math.round(d * 1e7);
  v.setInt32(102, e7(opts.bounds[0]), true);
  v.setInt32(106, e7(opts.bounds[1]), true);
  v.setInt32(110, e7(opts.bounds[2]), true);
  v.setInt32(114, e7(opts.bounds[3]), true);
  v.setUint8(118, opts.center[2]);
  v.setInt32(119, e7(opts.center[0]), true);
  v.setInt32(123, e7(opts.center[1]), true);

  const bytes = Buffer.concat([header, root, metadata, leaves, ...chunks]);
  return {
    bytes,
    stats: { addressed: tiles.length, entries: entries.length, contents: chunks.length, leaves: leafCount },
  };
}
