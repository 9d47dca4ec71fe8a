import fs from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
const hb = await import('harfbuzzjs');
const font = fs.readFileSync('public/data/fonts/mongolian.ttf');
const f = new hb.Font(new hb.Face(new hb.Blob(new Uint8Array(font)), 0));
const fk = fontkit.create(font);
for (const t of ['ᠮᠠᠨᠵᠤᠤᠷ','ᠬᠣᠲᠠ']) {
  const buf = new hb.Buffer(); buf.addText(t); buf.guessSegmentProperties(); hb.shape(f, buf);
  console.log('hb', buf.getGlyphInfos().map(g=>g.codepoint).join(','), buf.getGlyphPositions().map(p=>p.x_advance).join(','));
  const r = fk.layout(t);
  console.log('fk', r.glyphs.map(g=>g.id).join(','), r.positions.map(p=>p.xAdvance).join(','), r.glyphs.map(g=>g.advanceWidth).join(','));
}
