import fs from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
const fk = fontkit.create(fs.readFileSync('public/data/fonts/mongolian.ttf'));
for (const id of [102,164,160,67,85,21]) { const g = fk.getGlyph(id); console.log(id, g.advanceWidth, JSON.stringify(g.bbox), g.name); }
console.log(fk.unitsPerEm, fk.numGlyphs, Object.keys(fk.directory.tables));
