// Printed text breaks as Chinese typesetting expects (no line starts with ，、。), Latin at spaces.
import { describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFName, PDFPage } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import { wrap } from '../../src/lib/print/text.ts';
import { composePdf, type FontCut } from '../../src/lib/print/pdf.ts';
import { PRINT_CUT, hbSubset } from '../../src/lib/print/hb-subset.ts';
import { PT, layout, mapPixels, scaleBar, scaleText } from '../../src/lib/print/page.ts';
import { MONGOLIAN_LABEL } from '../../src/lib/map/icons.ts';
import { MAX_CANVAS } from '../../src/lib/print/render.ts';
import { footerLines, pageText } from '../../src/lib/print/print.ts';
import { stepText } from '../../src/lib/tour/handout.ts';
import { quoteKey, type Tour } from '../../src/contracts/tour.ts';
import { CATALOG } from '../../src/lib/map/catalog.ts';
import { UI } from '../../src/lib/i18n.ts';
import { ATTRIBUTION, attribution, DATUM_NOTE, LICENCES, PLAN_NAME } from '../../src/contracts/sources.ts';
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
      attribution('zh'),
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
  it("draws the map's pixels as they were drawn (a 256-colour indexed image: palette.ts)", async () => {
    const font = readFileSync('public/data/fonts/print-sc.otf');
    const [w, h] = [30, 20];
    const colours = [
      [200, 30, 40],
      [250, 248, 240],
      [31, 78, 121],
    ];
    const rgb = new Uint8Array(w * h * 3);
    for (let i = 0; i < w * h; i++) rgb.set(colours[Math.floor((i % w) / 10)], i * 3);
    const bytes = await composePdf(
      [
        {
          layout: layout('A4', 'landscape'),
          map: { rgb, width: w, height: h, metresPerCssPx: 1000, bearing: 0, cssWidth: w },
          text: { title: 't', subtitle: 's', legend: [], legendTitle: '图例', footer: [], lang: 'zh' },
        },
      ],
      { text: font.buffer.slice(font.byteOffset, font.byteOffset + font.byteLength) as ArrayBuffer },
      { title: 't', subject: 's' },
    );
    const dir = mkdtempSync(join(tmpdir(), 'indexed-'));
    writeFileSync(join(dir, 'm.pdf'), bytes);
    const list = execFileSync('pdfimages', ['-list', join(dir, 'm.pdf')], { encoding: 'utf8' }).split('\n')[2];
    expect(list.trim().split(/\s+/)[5]).toBe('index');
    // read back as the reader draws it: the image's own pixels, RGB
    execFileSync('pdfimages', [join(dir, 'm.pdf'), join(dir, 'img')]);
    const ppm = readFileSync(join(dir, 'img-000.ppm'));
    const head = must(/^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.toString('latin1', 0, 40)), 'a PPM header');
    expect([Number(head[1]), Number(head[2])]).toEqual([w, h]);
    const px = ppm.subarray(head[0].length);
    expect(Buffer.compare(Buffer.from(px), Buffer.from(rgb))).toBe(0);
  });

  it('embeds the CJK font as what it is (CFF OpenType: CIDFontType0, FontFile3 /OpenType), with text for every glyph', async () => {
    const font = readFileSync('public/data/fonts/print-sc.otf');
    const bytes = await composePdf(
      [
        {
          layout: layout('A4', 'portrait'),
          map: {
            rgb: new Uint8Array(10 * 10 * 3).fill(200),
            width: 10,
            height: 10,
            metresPerCssPx: 1000,
            bearing: 30,
            cssWidth: 10,
          },
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
      { text: font.buffer.slice(font.byteOffset, font.byteOffset + font.byteLength) as ArrayBuffer },
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

describe('a PDF carries only the glyphs its text uses', () => {
  it('the print font cut to the text (HarfBuzz, glyph ids kept): small, and read back and drawn as before', async () => {
    const f = readFileSync('public/data/fonts/print-sc.otf');
    const wasm = readFileSync(createRequire(import.meta.url).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'));
    const title = '岭西地区规划示意 2022 Test';
    const compose = (cut?: FontCut) =>
      composePdf(
        [
          {
            layout: layout('A4', 'landscape'),
            map: { rgb: new Uint8Array(12), width: 2, height: 2, metresPerCssPx: 100, bearing: 0, cssWidth: 2 },
            text: { title, subtitle: PLAN_NAME.zh, legend: [], legendTitle: '图例', footer: [ATTRIBUTION], lang: 'zh' },
          },
        ],
        { text: f.buffer.slice(f.byteOffset, f.byteOffset + f.byteLength) as ArrayBuffer },
        { title: 't', subject: 's' },
        undefined,
        cut,
      );
    const whole = await compose();
    const cut = await compose((font, cps) => hbSubset(wasm, font, 0, cps, PRINT_CUT, 'the print font'));
    expect(whole.byteLength).toBeGreaterThan(1_000_000);
    expect(cut.byteLength).toBeLessThan(300_000);
    const dir = mkdtempSync(join(tmpdir(), 'cut-pdf-'));
    writeFileSync(join(dir, 'cut.pdf'), cut);
    // the text reads back, and poppler draws it without a word about the font
    const text = execFileSync('pdftotext', [join(dir, 'cut.pdf'), '-'], { encoding: 'utf8' });
    for (const s of [title, PLAN_NAME.zh, '图例']) expect(text).toContain(s);
    const draw = spawnSync('pdftoppm', ['-r', '30', '-png', join(dir, 'cut.pdf'), join(dir, 'p')], {
      encoding: 'utf8',
    });
    expect(draw.status).toBe(0);
    expect(draw.stderr).toBe('');
    const fonts = execFileSync('pdffonts', [join(dir, 'cut.pdf')], { encoding: 'utf8' });
    expect(fonts).toMatch(/CID Type 0C?\s/); // still CFF (FontFile3 /OpenType)
  });
});

describe('the Mongolian names in a PDF', () => {
  it('are text in their own font, joined and turned to read downwards: pdftotext reads them back, letter for letter', async () => {
    const buf = (path: string) => {
      const f = readFileSync(path);
      return f.buffer.slice(f.byteOffset, f.byteOffset + f.byteLength) as ArrayBuffer;
    };
    const names = ['ᠮᠠᠨᠵᠤᠤᠷ ᠬᠣᠲᠠ', 'ᠬᠥᠯᠥᠨ ᠪᠤᠶᠢᠷ ᠬᠣᠲᠠ'];
    const l = layout('A4', 'landscape');
    const cssWidth = mapPixels(l).cssWidth;
    const bytes = await composePdf(
      [
        {
          layout: l,
          map: {
            rgb: new Uint8Array(12),
            width: 2,
            height: 2,
            metresPerCssPx: 100,
            bearing: 0,
            cssWidth,
            mongolian: names.map((name, i) => ({ name, x: 300 + 200 * i, y: 300, size: 1 })),
          },
          text: { title: 't', subtitle: 's', legend: [], legendTitle: '图例', footer: [], lang: 'zh' },
        },
      ],
      { text: buf('public/data/fonts/print-sc.otf'), mongolian: buf('public/data/fonts/mongolian.ttf') },
      { title: 't', subject: 's' },
    );
    const dir = mkdtempSync(join(tmpdir(), 'mn-pdf-'));
    writeFileSync(join(dir, 'p.pdf'), bytes);
    const text = execFileSync('pdftotext', [join(dir, 'p.pdf'), '-'], { encoding: 'utf8' });
    for (const name of names) expect(text).toContain(name);
    // each name one vertical run (pdftotext -bbox: y grows down)
    const words = [
      ...execFileSync('pdftotext', ['-bbox', join(dir, 'p.pdf'), '-'], { encoding: 'utf8' }).matchAll(
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]+)<\/word>/g,
      ),
    ].map((m) => ({ w: m[5], x0: +m[1], y0: +m[2], x1: +m[3], y1: +m[4] }));
    const manjuur = must(
      words.find((w) => w.w === names[0]),
      '满洲里 in the PDF as one run',
    );
    expect(manjuur.y1 - manjuur.y0, 'taller than wide').toBeGreaterThan(2 * (manjuur.x1 - manjuur.x0));
    // where the map reserved its box: its bottom right corner the seat moved by the offset, the
    // run ending a halo above it, its baseline within the first column left of that corner
    const k = (l.map.w / cssWidth) * PT; // points per CSS px
    const seat = { x: (l.map.x + (300 * l.map.w) / cssWidth) * PT, y: (l.map.y + (300 * l.map.w) / cssWidth) * PT };
    const [dx, dy] = MONGOLIAN_LABEL.offset;
    expect(manjuur.y1).toBeCloseTo(seat.y + (dy - MONGOLIAN_LABEL.halo) * k, 0);
    expect(manjuur.x0).toBeLessThan(seat.x + dx * k);
    expect(manjuur.x0).toBeGreaterThan(seat.x + (dx - MONGOLIAN_LABEL.lineEm * MONGOLIAN_LABEL.px) * k);
    // the Mongolian font stays TrueType (the print font alone is declared CFF), subset with its joined forms
    const doc = await PDFDocument.load(bytes);
    const fonts = [...doc.context.enumerateIndirectObjects()]
      .map(([, o]) => o)
      .filter((o): o is PDFDict => o instanceof PDFDict && o.get(PDFName.of('Type')) === PDFName.of('Font'));
    const subtypes = fonts.map((d) => d.get(PDFName.of('Subtype'))?.toString()).sort();
    expect(subtypes).toEqual(['/CIDFontType0', '/CIDFontType2', '/Type0', '/Type0']);
  });
});

describe('a print a person can read', () => {
  const fontBytes = () => {
    const f = readFileSync('public/data/fonts/print-sc.otf');
    return f.buffer.slice(f.byteOffset, f.byteOffset + f.byteLength) as ArrayBuffer;
  };
  const all = CATALOG.map((e) => e.id);
  for (const size of ['A4', 'A3'] as const)
    for (const orientation of ['landscape', 'portrait'] as const)
      for (const lang of ['zh', 'en'] as const)
        it(`${size} ${orientation}, ${lang}, every layer shown: no text under 7 pt, the legend at 8 pt or more and whole, 示意 said once`, async () => {
          const sizes: number[] = [];
          const drawn: { t: string; size: number }[] = [];
          const draw = vi.spyOn(PDFPage.prototype, 'drawText').mockImplementation(function (
            this: PDFPage,
            t: string,
            o?: { size?: number },
          ) {
            sizes.push(must(o?.size, 'a size'));
            drawn.push({ t, size: must(o?.size, 'a size') });
          });
          const text = pageText('Test', lang, all, {}, [
            { name: 'schools.csv', colour: '#0b63ce', count: 30, kinds: { points: 30, lines: 0, polygons: 0 } },
          ]);
          const l = layout(size, orientation, [text]);
          const px = mapPixels(l);
          const w = 40,
            h = Math.round((40 * px.cssHeight) / px.cssWidth);
          const legendItems = text.legend.reduce((n, g) => n + 1 + g.items.length, 0);
          try {
            await composePdf(
              [
                {
                  layout: l,
                  map: {
                    rgb: new Uint8Array(w * h * 3),
                    width: w,
                    height: h,
                    metresPerCssPx: 500,
                    bearing: 0,
                    cssWidth: 10,
                  },
                  text,
                },
              ],
              { text: fontBytes() },
              { title: 't', subject: 's' },
            );
          } finally {
            draw.mockRestore();
          }
          expect(Math.min(...sizes)).toBeGreaterThanOrEqual(7);
          // Every group and every item of the legend is drawn, at 8 pt or more.
          const big = drawn.filter((d) => d.size >= 8);
          for (const g of text.legend) {
            expect(
              big.some((d) => d.t === g.title[lang]),
              g.title[lang],
            ).toBe(true);
            for (const item of g.items)
              expect(
                big.some((d) => item.label[lang].startsWith(d.t) && d.t.length > 0),
                item.label[lang],
              ).toBe(true);
          }
          expect(legendItems).toBeGreaterThan(30);
          // Even with every layer's legend at 8 pt, the map keeps a quarter of the sheet.
          expect(l.map.w * l.map.h).toBeGreaterThan(0.25 * l.page[0] * l.page[1]);
          // Every footer line is printed whole (the sources, the datum, the date).
          const printed = drawn
            .map((d) => d.t)
            .join('')
            .replace(/\s/g, '');
          for (const line of text.footer) expect(printed, line).toContain(line.replace(/\s/g, ''));
          const footer = text.footer.join(' ');
          expect(footer.split('示意').length - 1, footer).toBeLessThanOrEqual(1);
        });
});

describe('the scale as printed', () => {
  it('states a chosen scale exactly and a fitted one rounded, with ≈', () => {
    expect(scaleText(1_000_000, 1_003_456)).toBe('1:1,000,000');
    expect(scaleText(undefined, 2_347_812)).toBe('≈ 1:2,350,000');
    expect(scaleText(undefined, 512_345)).toBe('≈ 1:512,000');
  });
});

describe('legend symbols on paper as on screen (one home: lib/map/swatches.ts)', () => {
  it('a railway is a dark line with a light dashed core; a circle has a ring only where the map draws one', async () => {
    const lines: { color?: unknown; dashArray?: number[] }[] = [];
    const circles: { borderColor?: unknown }[] = [];
    const dl = vi.spyOn(PDFPage.prototype, 'drawLine').mockImplementation((o) => {
      lines.push(o as { dashArray?: number[] });
    });
    const dc = vi.spyOn(PDFPage.prototype, 'drawCircle').mockImplementation((o) => {
      circles.push((o ?? {}) as { borderColor?: unknown });
    });
    const f = readFileSync('public/data/fonts/print-sc.otf');
    const text = {
      title: 't',
      subtitle: 's',
      legendTitle: '图例',
      footer: [],
      lang: 'zh' as const,
      legend: [
        {
          title: { zh: '铁路', en: 'Rail' },
          items: [
            {
              swatch: { type: 'line' as const, color: '#333333', width: 3, casing: '#ffffff' },
              label: { zh: '既有铁路', en: 'Existing railway' },
            },
            { swatch: { type: 'circle' as const, color: '#1f2937', radius: 4 }, label: { zh: '多点', en: 'Points' } },
          ],
        },
      ],
    };
    try {
      await composePdf(
        [
          {
            layout: layout('A4', 'landscape', [text]),
            map: { rgb: new Uint8Array(12), width: 2, height: 2, metresPerCssPx: 100, bearing: 0, cssWidth: 10 },
            text,
          },
        ],
        { text: f.buffer.slice(f.byteOffset, f.byteOffset + f.byteLength) as ArrayBuffer },
        { title: 't', subject: 's' },
      );
    } finally {
      dl.mockRestore();
      dc.mockRestore();
    }
    expect(lines).toHaveLength(2);
    expect(lines[0].dashArray).toBeUndefined();
    expect(lines[1].dashArray?.length).toBe(2);
    // The north arrow's circle has its border; the legend's circle (no stroke on the map) has none.
    expect(circles.filter((c) => c.borderColor === undefined)).toHaveLength(1);
  });
});

describe('a print in English reads in English', () => {
  const han = /\p{Script=Han}/u;
  it("its footer names the sources in English (only the plan's document number stays as issued)", () => {
    for (const line of footerLines('en')) expect(line.replaceAll('呼政办发〔2022〕54号', '')).not.toMatch(han);
    expect(footerLines('zh').join('')).toContain('水系：GSHHG');
    expect(footerLines('zh').join('')).not.toMatch(/Water|Boundaries|schematic/);
  });

  it("a handout's quotes from the plan: our translation, then the Chinese it translates; in Chinese, as written", () => {
    const tour = JSON.parse(readFileSync('public/data/tours.json', 'utf8'))[0] as Tour;
    const i = tour.steps.findIndex((s) => s.plan_ref?.length);
    const ref = must(tour.steps[i].plan_ref?.[0], 'a quote');
    expect(ref.quote_en, 'the built tours carry the translation').toBeTruthy();
    const en = stepText(tour, tour.steps[i], i, 'en').body?.find((b) => b.quote)?.text ?? '';
    expect(en).toContain(`“${ref.quote_en}” (our translation of “${ref.quote}”)`);
    const zh = stepText(tour, tour.steps[i], i, 'zh').body?.find((b) => b.quote)?.text ?? '';
    expect(zh).toMatch(new RegExp(`：“${ref.quote.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}”$`));
    expect(zh).not.toContain(ref.quote_en ?? '');
    // a presenter's edited quote (their own tour) is their wording, printed as such: no quotation
    // marks, no task number, not styled as the plan's words
    const edited = new Set([quoteKey(tour.steps[i].id, 0)]);
    for (const lang of ['zh', 'en'] as const) {
      const body = stepText(tour, tour.steps[i], i, lang, edited).body ?? [];
      expect(body.filter((b) => b.quote)).toHaveLength((tour.steps[i].plan_ref?.length ?? 1) - 1);
      const line = must(
        body.find((b) => b.text.includes(ref.quote)),
        'the edited quote',
      );
      expect(line.text).toBe(`${lang === 'zh' ? '讲者摘述：' : 'Presenter’s wording: '}${ref.quote}`);
    }
  });
});
