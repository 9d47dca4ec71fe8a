/**
 * DXF (AutoCAD 2007, UTF-8) for CAD: a CAD layer per map layer, lines and polygon rings as
 * closed or open LWPOLYLINEs, points as POINTs with their name as TEXT beside them, in the
 * projected system chosen, in metres; the text style names a Chinese font (宋体, simsun.ttc),
 * so AutoCAD shows the names without a font question. Written with dxf-writer.
 */
import Drawing from 'dxf-writer';
import type { ExportLayer } from './geometry.ts';
import { extent, linesOf, pointsOf, polygonsOf } from './geometry.ts';
import { placeName } from './kml.ts';

/** AutoCAD colour index per layer, in turn (red, blue, green, magenta, cyan, orange …). */
const ACI = [1, 5, 3, 6, 4, 30, 2, 140, 210, 8];
/** A CAD layer name: no < > / \ " : ; ? * | = ` (AutoCAD refuses them). */
export const cadLayer = (s: string) => s.replace(/[<>/\\":;?*|=`,]/g, '_').slice(0, 255) || 'layer';

export function writeDxf(layers: ExportLayer[]): string {
  const d = new Drawing();
  d.setUnits('Meters');
  // AutoCAD 2007 and later read a DXF's text as UTF-8 whatever the code page says; GDAL (and so
  // QGIS) goes by the code page: 65001 is UTF-8
  d.header('DWGCODEPAGE', [[3, 'ANSI_65001']] as unknown as Parameters<typeof d.header>[1]);
  // the drawing's one text style (STANDARD) in a font with Chinese
  const styles = (d as unknown as { tables: Record<string, { elements: { fontFileName: string }[] }> }).tables.STYLE;
  for (const s of styles.elements) s.fontFileName = 'simsun.ttc';
  const all = extent(layers.flatMap((l) => l.features));
  // labels a two-hundredth of the drawing's width (a kilometre at least: one school's label is
  // 5 m high, readable at a street's scale), rounded to 1, 2 or 5 × 10ⁿ metres
  const width = all ? Math.max(all[2] - all[0], all[3] - all[1], 1000) : 1000;
  const raw = width / 200;
  const p10 = 10 ** Math.floor(Math.log10(raw));
  const height = [1, 2, 5, 10].map((m) => m * p10).find((h) => h >= raw) ?? raw;
  layers.forEach((l, i) => {
    const name = cadLayer(l.name);
    d.addLayer(name, ACI[i % ACI.length], 'CONTINUOUS');
    d.setActiveLayer(name);
    for (const f of l.features) {
      const g = f.geometry;
      if (!g) continue;
      for (const line of linesOf(g)) d.drawPolyline(line.map((p) => [p[0], p[1]]) as [number, number][], false);
      for (const poly of polygonsOf(g))
        for (const ring of poly) d.drawPolyline(ring.slice(0, -1).map((p) => [p[0], p[1]]) as [number, number][], true);
      const label = placeName(f);
      for (const p of pointsOf(g)) {
        d.drawPoint(p[0], p[1]);
        // one line of text: a line break would break the DXF's pairs of code and value
        if (label) d.drawText(p[0] + height * 0.6, p[1] - height / 2, height, 0, label.replace(/[\r\n]+/g, ' '));
      }
    }
  });
  return d.toDxfString();
}
