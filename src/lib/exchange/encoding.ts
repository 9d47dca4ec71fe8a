/**
 * Text to bytes in the encoding a .dbf is written in: UTF-8, or GBK (code page 936) for
 * ArcGIS versions that read a .dbf in the system's code page. The GBK table is the browser's
 * own (TextDecoder('gbk') run over every two-byte code, turned round), built once, ≈ 30 ms.
 * A character GBK has not (Mongolian script, an emoji) is written as '?' and counted.
 */
export type Encoding = 'utf-8' | 'gbk';

let gbk: Map<number, number> | null = null;
function gbkTable(): Map<number, number> {
  if (gbk) return gbk;
  const d = new TextDecoder('gbk');
  const m = new Map<number, number>();
  const pair = new Uint8Array(2);
  for (let a = 0x81; a <= 0xfe; a++)
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      pair[0] = a;
      pair[1] = b;
      const s = d.decode(pair);
      if (s.length === 1 && s !== '\ufffd' && !m.has(s.charCodeAt(0))) m.set(s.charCodeAt(0), (a << 8) | b);
    }
  gbk = m;
  return m;
}

export interface Encoder {
  encode(s: string): Uint8Array;
  /** characters the encoding could not hold, written as '?' */
  missing: Set<string>;
}

export function encoder(enc: Encoding): Encoder {
  const missing = new Set<string>();
  if (enc === 'utf-8') {
    const te = new TextEncoder();
    return { encode: (s) => te.encode(s), missing };
  }
  const t = gbkTable();
  return {
    missing,
    encode(s) {
      const out: number[] = [];
      for (const ch of s) {
        const c = ch.codePointAt(0) ?? 0x3f;
        if (c < 0x80) out.push(c);
        else {
          const g = c <= 0xffff ? t.get(c) : undefined;
          if (g === undefined) {
            missing.add(ch);
            out.push(0x3f);
          } else out.push(g >> 8, g & 0xff);
        }
      }
      return Uint8Array.from(out);
    },
  };
}

/** The longest start of `s` whose encoding fits in `max` bytes (never half a character). */
export function fitBytes(e: Encoder, s: string, max: number): Uint8Array {
  const whole = e.encode(s.length > max ? s.slice(0, max) : s);
  if (whole.length <= max && s.length <= max) return whole;
  const out: number[] = [];
  for (const ch of s) {
    const b = e.encode(ch);
    if (out.length + b.length > max) break;
    out.push(...b);
  }
  return Uint8Array.from(out);
}
