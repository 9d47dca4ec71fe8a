import { PDFDocument, degrees, rgb, pushGraphicsState, popGraphicsState, setTextRenderingMode, TextRenderingMode, setLineWidth, PDFOperator, PDFName, setStrokingRgbColor } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import fs from 'node:fs';
const bytes = fs.readFileSync('public/data/fonts/mongolian.ttf');
const names = ['ᠬᠥᠯᠥᠨ ᠪᠤᠶᠢᠷ ᠬᠣᠲᠠ','ᠬᠠᠶᠢᠯᠠᠷ ᠲᠣᠭᠣᠷᠢᠭ','ᠮᠠᠨᠵᠤᠤᠷ ᠬᠣᠲᠠ'];
const fk = fontkit.create(bytes);
for (const n of names) { const r = fk.layout(n); console.log(n, r.glyphs.map(g=>g.id).join(','), r.glyphs.map(g=>g.codePoints.map(c=>c.toString(16)).join('+')).join(' ')); }
console.log('asc', fk.ascent, fk.descent, fk.unitsPerEm);
const doc = await PDFDocument.create(); doc.registerFontkit(fontkit);
const font = await doc.embedFont(bytes, { subset: true });
const page = doc.addPage([300, 300]);
page.drawRectangle({x:0,y:0,width:300,height:300,color:rgb(0.8,0.9,0.8)});
let x = 40;
for (const n of names) {
  page.pushOperators(pushGraphicsState(), setTextRenderingMode(TextRenderingMode.Outline), setLineWidth(2), setStrokingRgbColor(1,1,1));
  page.drawText(n, { x, y: 280, size: 14, font, rotate: degrees(-90), color: rgb(1,1,1) });
  page.pushOperators(popGraphicsState());
  page.drawText(n, { x, y: 280, size: 14, font, rotate: degrees(-90), color: rgb(0.1,0.1,0.1) });
  x += 30;
}
fs.writeFileSync('/tmp/mn.pdf', await doc.save({useObjectStreams:false}));
