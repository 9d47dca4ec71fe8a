// Printed text breaks as Chinese typesetting expects (no line starts with ，、。), Latin at spaces.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { wrap } from '../../src/lib/print/text.ts';
import { composePdf, layout, mapPixels, scaleBar } from '../../src/lib/print/pdf.ts';
import { MAX_CANVAS } from '../../src/lib/print/render.ts';
import { UI } from '../../src/lib/i18n.ts';
import { ATTRIBUTION, DATUM_NOTE, LICENCES, PLAN_NAME } from '../../src/contracts/sources.ts';
import { must } from '../../src/lib/must.ts';

const mono = (s: string) => [...s].length; // one unit per character

describe('print line breaking', () => {
  it('never starts a line with closing punctuation, never ends one with an opening mark', () => {
    const text =
      '以呼伦贝尔中心城区为核心，以满洲里市、扎兰屯市—阿荣旗为两极，以旗市区中心城镇、地方特色城镇为多点（一核两极多点）。';
    for (let width = 4; width <= 20; width++) {
      const lines = wrap(text, width, mono);
      expect(lines.join('')).toBe(text);
      for (const l of lines.slice(1)) expect(l[0], `width ${width}: "${l}"`).not.toMatch(/[，、。；：！？）》」]/);
      for (const l of lines.slice(0, -1)) expect(l[l.length - 1], `width ${width}: "${l}"`).not.toMatch(/[（《「]/);
    }
  });

  it('breaks Latin text at spaces and keeps words whole', () => {
    const lines = wrap('Hulunbuir plan for accelerating new urbanization', 16, mono);
    expect(lines).toEqual(['Hulunbuir plan', 'for accelerating', 'new urbanization']);
  });
});

describe('the print page and its font', () => {
  it('renders the map at 300 dpi for every paper and orientation, inside the page', () => {
    for (const size of ['A4', 'A3'] as const) {
      for (const o of ['portrait', 'landscape'] as const) {
        const l = layout(size, o);
        const px = mapPixels(l);
        const dpi = (px.cssWidth * px.pixelRatio) / (l.map.w / 25.4);
        expect(dpi, `${size} ${o}`).toBeGreaterThan(295);
        expect(px.cssWidth * px.pixelRatio).toBeLessThanOrEqual(MAX_CANVAS);
        expect(px.cssHeight * px.pixelRatio).toBeLessThanOrEqual(MAX_CANVAS);
        expect(l.map.x + l.map.w).toBeLessThanOrEqual(l.page[0]);
        expect(l.footer.y + l.footer.h).toBeLessThanOrEqual(l.page[1]);
      }
    }
  });

  it('picks a round scale bar of about a fifth of the map', () => {
    expect(scaleBar(2000, 200)).toEqual({ metres: 50_000, mm: 25 });
    expect(scaleBar(10, 100).metres).toBe(200);
  });

  it('the print font has every character the app prints, plain digits, and no layout tables', () => {
    const font = fontkit.create(readFileSync('public/data/fonts/print-sc.otf')) as import('@pdf-lib/fontkit').Font;
    const chars = new Set(font.characterSet);
    for (const s of [
      UI.title.zh,
      PLAN_NAME.zh,
      LICENCES.zh,
      DATUM_NOTE.zh,
      ATTRIBUTION,
      '0123456789',
      '岭西地区呼伦贝尔满洲里扎兰屯阿荣旗',
    ]) {
      for (const c of s) expect(chars.has(must(c.codePointAt(0), c)), `"${c}" in ${s.slice(0, 12)}…`).toBe(true);
    }
    // Digits keep their own glyphs (no substitution tables to swap them).
    expect(font.layout('2022').glyphs.map((g) => g.id)).toEqual(
      [...'2022'].map((c) => font.glyphForCodePoint(must(c.codePointAt(0), c)).id),
    );
    expect(Object.keys((font as unknown as { directory: { tables: object } }).directory.tables)).not.toContain('GSUB');
  });
});

describe('the composed PDF', () => {
  it('embeds the CJK font as what it is (CFF OpenType: CIDFontType0, FontFile3 /OpenType), with text for every glyph', async () => {
    const font = readFileSync('public/data/fonts/print-sc.otf');
    const bytes = await composePdf(
      [
        {
          size: 'A4',
          orientation: 'portrait',
          map: { rgb: new Uint8Array(10 * 10 * 3).fill(200), width: 10, height: 10, metresPerCssPx: 1000, bearing: 30 },
          text: {
            title: '岭西地区 2022',
            subtitle: PLAN_NAME.zh,
            legend: [],
            legendTitle: '图例',
            footer: [ATTRIBUTION],
            lang: 'zh',
          },
        },
      ],
      font.buffer.slice(font.byteOffset, font.byteOffset + font.byteLength) as ArrayBuffer,
      { title: 't', subject: 's' },
    );
    const doc = await PDFDocument.load(bytes);
    const dicts = [...doc.context.enumerateIndirectObjects()]
      .map(([, o]) => o)
      .filter((o): o is PDFDict => o instanceof PDFDict);
    const subtypes = dicts.map((d) => d.get(PDFName.of('Subtype'))?.toString());
    expect(subtypes).toContain('/CIDFontType0');
    expect(subtypes).not.toContain('/CIDFontType2');
    const descriptor = must(
      dicts.find((d) => d.get(PDFName.of('Type')) === PDFName.of('FontDescriptor')),
      'a font descriptor',
    );
    expect(descriptor.get(PDFName.of('FontFile3'))).toBeDefined();
    expect(descriptor.get(PDFName.of('FontFile2'))).toBeUndefined();
    const { width: w, height: h } = doc.getPage(0).getSize();
    expect([Math.round(w), Math.round(h)]).toEqual([595, 842]);
  });
});
