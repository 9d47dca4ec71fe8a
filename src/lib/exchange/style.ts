/**
 * A planner's layer's look, carried into its exports as the formats' own styles — so that it
 * opens in QGIS or Google Earth as it was drawn on the map, not only as attributes:
 * - QGIS: a QML document (categories by `style_class` in the legend's colours and order, else
 *   one symbol in the layer's colour; points sized by `style_size`; labels by the field chosen),
 *   stored as the default style in a GeoPackage's `layer_styles` table (QGIS's convention) and
 *   beside a Shapefile as `<name>.qml` (QGIS loads it with the .shp);
 * - KML: a shared <Style> per colour (and size), each Placemark pointing to its own.
 * The colours are the attributes' (`style_colour`), written by the import worker.
 */
import type { Feature, Geometry } from 'geojson';
import type { Kind } from './geometry.ts';

export interface ExportStyle {
  /** the layer's own colour (#rrggbb): features with no class, or all of them */
  colour: string;
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
  class: string;
  size: string;
  label?: string;
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const rgba = (hex: string, a = 255) =>
  `${parseInt(hex.slice(1, 3), 16)},${parseInt(hex.slice(3, 5), 16)},${parseInt(hex.slice(5, 7), 16)},${a}`;
/** the map's radius in px as QGIS's marker diameter in mm (96 dpi) */
const PX_MM = 25.4 / 96;
/** the map's default point radius (map-layers.ts: 6 px at zoom 10) */
const RADIUS = 6;
const opt = (name: string, value: string | number) =>
  `<Option name="${name}" type="QString" value="${xml(String(value))}"/>`;

function symbol(name: string, kind: Kind, colour: string, s: ExportStyle, f: StyleFields): string {
  if (kind === 'point') {
    const sized = s.sized
      ? `<data_defined_properties><Option type="Map"><Option name="name" type="QString" value=""/><Option name="properties" type="Map"><Option name="size" type="Map"><Option name="active" type="bool" value="true"/><Option name="expression" type="QString" value="${xml(`coalesce("${f.size}", ${RADIUS}) * ${(2 * PX_MM).toFixed(4)}`)}"/><Option name="type" type="int" value="3"/></Option></Option><Option name="type" type="QString" value="collection"/></Option></data_defined_properties>`
      : '';
    return `<symbol type="marker" name="${name}" alpha="1" clip_to_extent="1" force_rhr="0"><layer class="SimpleMarker" enabled="1" locked="0" pass="0"><Option type="Map">${opt('name', 'circle')}${opt('color', rgba(colour))}${opt('outline_color', '255,255,255,255')}${opt('outline_width', 0.4)}${opt('outline_width_unit', 'MM')}${opt('size', (2 * RADIUS * PX_MM).toFixed(2))}${opt('size_unit', 'MM')}</Option>${sized}</layer></symbol>`;
  }
  if (kind === 'line')
    return `<symbol type="line" name="${name}" alpha="1" clip_to_extent="1" force_rhr="0"><layer class="SimpleLine" enabled="1" locked="0" pass="0"><Option type="Map">${opt('line_color', rgba(colour))}${opt('line_width', (2 * PX_MM).toFixed(2))}${opt('line_width_unit', 'MM')}${opt('line_style', 'solid')}${opt('capstyle', 'round')}${opt('joinstyle', 'round')}</Option></layer></symbol>`;
  // the map's fill at 0.3, its outline whole
  return `<symbol type="fill" name="${name}" alpha="1" clip_to_extent="1" force_rhr="0"><layer class="SimpleFill" enabled="1" locked="0" pass="0"><Option type="Map">${opt('color', rgba(colour, 77))}${opt('style', 'solid')}${opt('outline_color', rgba(colour))}${opt('outline_width', (2 * PX_MM).toFixed(2))}${opt('outline_width_unit', 'MM')}</Option></layer></symbol>`;
}

/** QGIS's layer style (QML) for one kind of geometry. */
export function qml(s: ExportStyle, kind: Kind, f: StyleFields): string {
  const renderer = s.entries.length
    ? `<renderer-v2 type="categorizedSymbol" attr="${xml(f.class)}" symbollevels="0" forceraster="0" enableorderby="0" referencescale="-1"><categories>${s.entries
        .map(
          (e, i) =>
            `<category value="${xml(e.label)}" label="${xml(e.label)}" symbol="${i}" render="true" type="string"/>`,
        )
        .join(
          '',
        )}<category value="" label="" symbol="${s.entries.length}" render="true" type="string"/></categories><symbols>${s.entries
        .map((e, i) => symbol(String(i), kind, e.colour, s, f))
        .join('')}${symbol(String(s.entries.length), kind, s.colour, s, f)}</symbols></renderer-v2>`
    : `<renderer-v2 type="singleSymbol" symbollevels="0" forceraster="0" enableorderby="0" referencescale="-1"><symbols>${symbol('0', kind, s.colour, s, f)}</symbols></renderer-v2>`;
  const labels =
    s.labelBy && f.label
      ? `<labeling type="simple"><settings calloutType="simple"><text-style fieldName="${xml(f.label)}" isExpression="0" fontFamily="Noto Sans CJK SC" fontSize="9" fontSizeUnit="Point" textColor="17,17,17,255" namedStyle="Regular"/><text-buffer bufferDraw="1" bufferSize="1" bufferSizeUnits="MM" bufferColor="255,255,255,255"/><placement placement="${kind === 'line' ? 2 : kind === 'polygon' ? 1 : 6}" dist="1" distUnits="MM"/><rendering obstacle="1" drawLabels="1"/></settings></labeling>`
      : '';
  return `<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n<qgis version="3.28.0" styleCategories="Symbology|Labeling" labelsEnabled="${labels ? 1 : 0}">${renderer}${labels}<layerGeometryType>${{ point: 0, line: 1, polygon: 2 }[kind]}</layerGeometryType></qgis>\n`;
}

/** KML's colour: aabbggrr. */
const kmlColour = (hex: string, a = 'ff') => `${a}${hex.slice(5, 7)}${hex.slice(3, 5)}${hex.slice(1, 3)}`.toLowerCase();

/**
 * The KML styles a layer's features point to, and each feature's: by its colour (`style_colour`,
 * else the layer's) and, for points sized by a field, its scale (the radius over the map's 6 px,
 * to a tenth).
 */
export function kmlStyles(
  prefix: string,
  s: ExportStyle,
  features: Feature<Geometry | null>[],
): { styles: string; ids: string[] } {
  const made = new Map<string, string>();
  const ids = features.map((f) => {
    const p = f.properties ?? {};
    const colour =
      typeof p.style_colour === 'string' && /^#[0-9a-f]{6}$/i.test(p.style_colour) ? p.style_colour : s.colour;
    const scale = s.sized && typeof p.style_size === 'number' ? Math.round((p.style_size / RADIUS) * 10) / 10 : 1;
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
      return `<Style id="${id}"><IconStyle><color>${kmlColour(colour)}</color><scale>${scale}</scale></IconStyle><LineStyle><color>${kmlColour(colour)}</color><width>2</width></LineStyle><PolyStyle><color>${kmlColour(colour, '4d')}</color></PolyStyle></Style>`;
    })
    .join('\n');
  return { styles, ids };
}
