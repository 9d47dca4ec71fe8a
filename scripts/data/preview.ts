/**
 * The image a shared link previews with (Open Graph / Twitter cards, index.html): 1200 × 630,
 * the plan's title in both languages beside the build-time overview (overview.ts), drawn by
 * resvg (its WebAssembly build: no native binary, no browser) in the print font (font.ts),
 * the same Noto Sans CJK SC the map's labels use.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { UI } from '../../src/lib/i18n.ts';
import { THEME } from '../../src/lib/map/theme.ts';
import { subsetFont } from './font.ts';
import { LINK_PREVIEW } from '../../src/lib/embed.ts';

const PREVIEW = LINK_PREVIEW;
const MAP = { x: 610, y: 24, width: 566, height: 582 };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Splits a title at its natural break (the Chinese at its quotation, the English at its colon). */
function lines(title: string, at: RegExp): string[] {
  const m = at.exec(title);
  return m
    ? [title.slice(0, m.index + (m[0] === ':' ? 1 : 0)).trim(), title.slice(m.index + (m[0] === ':' ? 1 : 0)).trim()]
    : [title];
}

/** The preview as an SVG document: the overview without its names, the title to its left. */
export function previewSvg(overviewSvg: string): string {
  const map = overviewSvg
    .replace(/<title[^>]*>.*?<\/title>/g, '')
    // at about half the overview's size its names would collide: the shapes, lines and seats only
    .replace(/<text[^>]*>.*?<\/text>/g, '')
    .replace(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/,
      `<svg x="${MAP.x}" y="${MAP.y}" width="${MAP.width}" height="${MAP.height}"`,
    )
    .replace(/ role="img" aria-labelledby="[^"]*"/, '');
  const zh = lines(UI.title.zh, /“/);
  const en = lines(UI.title.en, /:/);
  const text = (x: number, y: number, size: number, fill: string, s: string) =>
    `<text x="${x}" y="${y}" font-size="${size}" fill="${fill}">${esc(s)}</text>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${PREVIEW.width}" height="${PREVIEW.height}" viewBox="0 0 ${PREVIEW.width} ${PREVIEW.height}" font-family="Noto Sans CJK SC">`,
    `<rect width="100%" height="100%" fill="#e9e6df"/>`,
    `<clipPath id="map"><rect x="${MAP.x}" y="${MAP.y}" width="${MAP.width}" height="${MAP.height}" rx="14"/></clipPath>`,
    `<rect x="${MAP.x}" y="${MAP.y}" width="${MAP.width}" height="${MAP.height}" rx="14" fill="#f6f4ee"/>`,
    `<g clip-path="url(#map)">${map}</g>`,
    text(56, 118, 28, '#6b7280', UI.subtitle.zh),
    ...zh.map((l, i) => text(56, 204 + i * 74, 48, THEME.text, l)),
    `<rect x="56" y="${204 + zh.length * 74 - 34}" width="96" height="7" fill="${THEME.core}"/>`,
    ...en.map((l, i) => text(56, 250 + zh.length * 74 + i * 40, 29, '#374151', l)),
    text(56, 574, 20, '#6b7280', UI.subtitle.en),
    '</svg>',
  ].join('');
}

let ready: Promise<void> | null = null;

/** The preview as PNG bytes, or null when the machine has no Noto Sans CJK (font.ts). */
export async function previewPng(overviewSvg: string): Promise<Uint8Array | null> {
  const svg = previewSvg(overviewSvg);
  // the font cut to the preview's own characters, its glyphs renumbered (resvg misses ids above 32767)
  const font = await subsetFont(new Set(svg.replace(/<[^>]*>/g, '')), { print: false });
  if (!font) return null;
  ready ??= initWasm(readFileSync(createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm')));
  await ready;
  const r = new Resvg(svg, {
    font: { fontBuffers: [font], defaultFontFamily: 'Noto Sans CJK SC', loadSystemFonts: false },
    fitTo: { mode: 'original' },
  });
  const png = r.render().asPng();
  r.free();
  return png;
}
