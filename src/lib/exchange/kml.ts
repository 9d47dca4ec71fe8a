/**
 * KML 2.2 for Google Earth and 奥维互动地图: WGS84 longitude/latitude by definition (whatever
 * system the panel shows), a folder per layer, each place named (Chinese, then English) with
 * its attributes as ExtendedData; the sources and licences as the document's description; a
 * planner's layer in the colours (and point sizes) it has on the map, as shared <Style>s
 * (style.ts). Written with @placemarkio/tokml (Placemark's GeoJSON → KML, escaping included),
 * which writes no styles: each styled Placemark is given its <styleUrl> after.
 */
import { foldersToKML } from '@placemarkio/tokml';
import type { Feature, Geometry } from 'geojson';
import type { ExportLayer } from './geometry.ts';
import { kmlStyles, xml as esc } from './style.ts';

/** The label a place is shown with: its Chinese and English names, or its layer's own label. */
export function placeName(f: Feature<Geometry | null>): string | undefined {
  const p = f.properties ?? {};
  const zh = typeof p.name_zh === 'string' ? p.name_zh : undefined;
  const en = typeof p.name_en === 'string' ? p.name_en : undefined;
  if (zh || en) return [zh, en].filter(Boolean).join(' ');
  for (const k of ['name', 'NAME', 'Name', '名称', 'label', 'title'])
    if (typeof p[k] === 'string' || typeof p[k] === 'number') return String(p[k]);
  return undefined;
}

/** The token a styled Placemark carries out of tokml (its last ExtendedData), made its <styleUrl>. */
const STYLE_TOKEN = '__kml_style';
const TOKEN_AT = new RegExp(
  `<ExtendedData>((?:(?!</ExtendedData>)[\\s\\S])*?)\\s*<Data name="${STYLE_TOKEN}"><value>(s\\d+-\\d+)</value></Data></ExtendedData>`,
  'g',
);

export function writeKml(layers: ExportLayer[], title: string, about: string): string {
  const styles: string[] = [];
  const kml = foldersToKML({
    type: 'root',
    children: layers.map((l, n) => {
      const styled = l.style ? kmlStyles(`s${n}`, l.style, l.features) : null;
      if (styled) styles.push(styled.styles);
      return {
        type: 'folder',
        meta: { name: l.title },
        children: l.features.map((f, i) => {
          const { name: own, description, ...rest } = f.properties ?? {};
          const name = placeName(f);
          return {
            ...f,
            properties: {
              ...(name ? { name } : {}),
              ...(typeof description === 'string' ? { description } : {}),
              ...(own !== undefined && own !== name ? { name_own: own } : {}),
              ...rest,
              // after the attributes: one of the planner's named so does not take its place
              ...(styled ? { [STYLE_TOKEN]: styled.ids[i] } : {}),
            },
          };
        }),
      };
    }),
  } as unknown as Parameters<typeof foldersToKML>[0]);
  return kml
    .replace(
      TOKEN_AT,
      (_, data: string, id: string) => `<styleUrl>#${id}</styleUrl><ExtendedData>${data}</ExtendedData>`,
    )
    .replace(
      '<Document>',
      // a function: "$&" in a title is text, not a pattern
      () =>
        `<Document>\n<name>${esc(title)}</name>\n<description>${esc(about)}</description>${styles.length ? `\n${styles.join('\n')}` : ''}`,
    );
}
