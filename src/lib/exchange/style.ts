/**
 * A planner's layer's look, carried into its exports as the formats' own styles — so that it
 * opens in QGIS or Google Earth as it was drawn on the map, not only as attributes:
 * - QGIS: a QML document (categories by `style_colour` — one per legend entry, labelled with its
 *   class or value in the legend's order; labels may repeat, a value "其他" beside the rest, the
 *   colours do not — else one symbol in the layer's colour; points sized by `style_size`; labels
 *   by the field chosen), stored as the default style in a GeoPackage's `layer_styles` table
 *   (QGIS's convention) and beside a Shapefile as `<name>.qml` (QGIS loads it with the .shp);
 * - KML: a shared <Style> per colour (and size) — lines and areas in it, a point's name in it —
 *   each Placemark pointing to its own.
 * The colours are the attributes' (`style_colour`), written by the import worker.
 */
import type { Feature, Geometry } from 'geojson';
import { POINT_RADIUS } from '../import/table.ts';
import type { Kind } from './geometry.ts';

export interface ExportStyle {
  /** the layer's own colour (#rrggbb): features with no class, or all of them */
  colour: string;
  /** the legend's words for features with no class (no value) */
  none?: string;
  /** the legend's title, and its entries in order: a colour and the class or category it stands for */
  title?: string;
  entries: { colour: string; label: string }[];
  /** points are sized by a field (`style_size`, a radius in px) */
  sized?: boolean;
  /** the field the map labels features with */
  labelBy?: string | null;
}

/** The attributes the style reads, as a format names them (a Shapefile fits them to 10 bytes). */
export interface StyleFields {
  colour: string;
  size: string;
  label?: string;
}

/** #rrggbb, as the map and the styles take a colour */
export const HEX_COLOUR = /^#[0-9a-f]{6}$/i;
/** Text or an attribute's value in XML. */
export const xml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const rgba = (hex: string, a = 255) =>
  `${parseInt(hex.slice(1, 3), 16)},${parseInt(hex.slice(3, 5), 16)},${parseInt(hex.slice(5, 7), 16)},${a}`;
/** the map's radius in px as QGIS's marker diameter in mm (96 dpi) */
const PX_MM = 25.4 / 96;
const mm = (px: number) => (px * PX_MM).toFixed(2);

/**
 * A symbol layer's properties, written both ways QGIS reads them: the Option map (3.26 on) and
 * the older <prop k v> (before it).
 */
const props = (o: Record<string, string | number>) => {
  const all = Object.entries(o);
  return `<Option type="Map">${all.map(([k, v]) => `<Option name="${k}" type="QString" value="${xml(String(v))}"/>`).join('')}</Option>${all.map(([k, v]) => `<prop k="${k}" v="${xml(String(v))}"/>`).join('')}`;
};

function symbol(name: string, kind: Kind, colour: string, s: ExportStyle, f: StyleFields): string {
  const head = (type: string) => `<symbol type="${type}" name="${name}" alpha="1" clip_to_extent="1" force_rhr="0">`;
  const layer = (cls: string, body: string) =>
    `<layer class="${cls}" enabled="1" locked="0" pass="0">${body}</layer></symbol>`;
  if (kind === 'point') {
    // sized by a field: the diameter from the radius the map drew (px), else the map's own
    const size = `coalesce("${f.size}", ${POINT_RADIUS}) * ${(2 * PX_MM).toFixed(4)}`;
    const sized = s.sized
      ? `<data_defined_properties><Option type="Map"><Option name="name" type="QString" value=""/><Option name="properties" type="Map"><Option name="size" type="Map"><Option name="active" type="bool" value="true"/><Option name="expression" type="QString" value="${xml(size)}"/><Option name="type" type="int" value="3"/></Option></Option><Option name="type" type="QString" value="collection"/></Option></data_defined_properties>`
      : '';
    return (
      head('marker') +
      layer(
        'SimpleMarker',
        props({
          name: 'circle',
          color: rgba(colour),
          outline_color: '255,255,255,255',
          outline_width: 0.4,
          outline_width_unit: 'MM',
          size: mm(2 * POINT_RADIUS),
          size_unit: 'MM',
        }) + sized,
      )
    );
  }
  if (kind === 'line')
    return (
      head('line') +
      layer(
        'SimpleLine',
        props({
          line_color: rgba(colour),
          line_width: mm(2),
          line_width_unit: 'MM',
          line_style: 'solid',
          capstyle: 'round',
          joinstyle: 'round',
        }),
      )
    );
  // the map's fill at 0.3, its outline whole
  return (
    head('fill') +
    layer(
      'SimpleFill',
      props({
        color: rgba(colour, 77),
        style: 'solid',
        outline_color: rgba(colour),
        outline_width: mm(2),
        outline_width_unit: 'MM',
      }),
    )
  );
}

/** QGIS's layer style (QML) for one kind of geometry. */
export function qml(s: ExportStyle, kind: Kind, f: StyleFields): string {
  const n = s.entries.length;
  const renderer = n
    ? `<renderer-v2 type="categorizedSymbol" attr="${xml(f.colour)}" symbollevels="0" forceraster="0" enableorderby="0" referencescale="-1"><categories>${s.entries
        .map(
          (e, i) =>
            `<category value="${xml(e.colour)}" label="${xml(e.label)}" symbol="${i}" render="true" type="string"/>`,
        )
        .join(
          '',
        )}<category value="" label="${xml(s.none ?? '—')}" symbol="${n}" render="true" type="string"/></categories><symbols>${s.entries
        .map((e, i) => symbol(String(i), kind, e.colour, s, f))
        .join('')}${symbol(String(n), kind, s.colour, s, f)}</symbols></renderer-v2>`
    : `<renderer-v2 type="singleSymbol" symbollevels="0" forceraster="0" enableorderby="0" referencescale="-1"><symbols>${symbol('0', kind, s.colour, s, f)}</symbols></renderer-v2>`;
  const labels =
    s.labelBy && f.label
      ? `<labeling type="simple"><settings calloutType="simple"><text-style fieldName="${xml(f.label)}" isExpression="0" fontFamily="Noto Sans CJK SC" fontSize="9" fontSizeUnit="Point" textColor="17,17,17,255" namedStyle="Regular"/><text-buffer bufferDraw="1" bufferSize="1" bufferSizeUnits="MM" bufferColor="255,255,255,255"/><placement placement="${kind === 'line' ? 2 : kind === 'polygon' ? 1 : 6}" dist="1" distUnits="MM"/><rendering obstacle="1" drawLabels="1"/></settings></labeling>`
      : '';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<qgis version="3.28.0" styleCategories="Symbology|Labeling" labelsEnabled="${labels ? 1 : 0}">${renderer}${labels}<layerGeometryType>${{ point: 0, line: 1, polygon: 2 }[kind]}</layerGeometryType></qgis>\n`;
}

/** KML's colour: aabbggrr. */
const kmlColour = (hex: string, a = 'ff') => `${a}${hex.slice(5, 7)}${hex.slice(3, 5)}${hex.slice(1, 3)}`.toLowerCase();

/**
 * The KML styles a layer's features point to, and each feature's: by its colour (`style_colour`,
 * else the layer's) and, for points sized by a field, its scale (the radius over the map's
 * default, to a tenth). A point's colour is its name's: the viewers' default pin is yellow and
 * a tint multiplies with it (blue comes out green), and a white icon would be a file on
 * another host or a KMZ.
 */
export function kmlStyles(
  prefix: string,
  s: ExportStyle,
  features: Feature<Geometry | null>[],
): { styles: string; ids: string[] } {
  const made = new Map<string, string>();
  const ids = features.map((f) => {
    const p = f.properties ?? {};
    const colour = typeof p.style_colour === 'string' && HEX_COLOUR.test(p.style_colour) ? p.style_colour : s.colour;
    const scale = s.sized && typeof p.style_size === 'number' ? Math.round((p.style_size / POINT_RADIUS) * 10) / 10 : 1;
    const key = `${colour}:${scale}`;
    let id = made.get(key);
    if (!id) {
      id = `${prefix}-${made.size}`;
      made.set(key, id);
    }
    return id;
  });
  const styles = [...made]
    .map(([key, id]) => {
      const [colour, scale] = key.split(':');
      return `<Style id="${id}"><IconStyle><scale>${scale}</scale></IconStyle><LabelStyle><color>${kmlColour(colour)}</color></LabelStyle><LineStyle><color>${kmlColour(colour)}</color><width>2</width></LineStyle><PolyStyle><color>${kmlColour(colour, '4d')}</color></PolyStyle></Style>`;
    })
    .join('\n');
  return { styles, ids };
}
