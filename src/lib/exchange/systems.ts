/**
 * The coordinate systems a download is written in: WGS84 and CGCS2000 longitude/latitude,
 * CGCS2000 Gauss–Krüger 3° and 6° zones over Hulunbuir (with the zone number before the
 * easting, or without), and Web Mercator — each with its EPSG code, its proj4 definition
 * (import/options.ts PROJECTIONS, the one list the import reads metres with), the ESRI WKT a
 * Shapefile's .prj carries (what ArcGIS writes; GDAL knows the names) and the OGC WKT a
 * GeoPackage registers. CGCS2000 and WGS84 are taken as one datum (they differ by centimetres,
 * far below the accuracy of the sources): the numbers are the same, the label is the choice.
 * (Read by the export worker: nothing here may import the page's state.)
 */
import type { Text } from '../../contracts/vocab.ts';
import { PROJECTIONS } from '../import/options.ts';

export interface ExportSystem {
  epsg: number;
  name: Text;
  /** a short form for file names: 'epsg4528-gk3-z40' */
  slug: string;
  /** metres (a projected system) or degrees */
  projected: boolean;
  /** proj4 definition (projected systems) */
  def?: string;
  /** the band of longitude the system is meant for (Gauss–Krüger zones), degrees */
  lonRange?: [number, number];
  /** a Gauss–Krüger zone with its number before the easting */
  zoned?: boolean;
  /** ESRI WKT (.prj) */
  esri: string;
  /** OGC WKT 1 with authorities (GeoPackage) */
  ogc: string;
}

const ESRI_CGCS = `GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]`;
const ESRI_WGS = `GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]`;
const ogcGeog = (
  axes: boolean,
  name: string,
  datum: string,
  sph: string,
  f: string,
  sphA: number,
  datA: number,
  code: number,
) =>
  `GEOGCS["${name}",DATUM["${datum}",SPHEROID["${sph}",6378137,${f},AUTHORITY["EPSG","${sphA}"]],AUTHORITY["EPSG","${datA}"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],${axes ? 'AXIS["Latitude",NORTH],AXIS["Longitude",EAST],' : ''}AUTHORITY["EPSG","${code}"]]`;
const OGC_CGCS = (axes: boolean) =>
  ogcGeog(axes, 'China Geodetic Coordinate System 2000', 'China_2000', 'CGCS2000', '298.257222101', 1024, 1043, 4490);
const OGC_WGS = (axes: boolean) => ogcGeog(axes, 'WGS 84', 'WGS_1984', 'WGS 84', '298.257223563', 7030, 6326, 4326);

/** A Gauss–Krüger zone from its proj4 definition's central meridian and false easting. */
function gaussKruger(epsg: number, name: Text, def: string): ExportSystem {
  const cm = Number(/\+lon_0=([\d.]+)/.exec(def)?.[1]);
  const x0 = Number(/\+x_0=([\d.]+)/.exec(def)?.[1]);
  const zoned = x0 > 1e6;
  const six = epsg < 4513;
  const half = six ? 3 : 1.5;
  const zone = Math.floor(x0 / 1e6);
  const esriName = six
    ? zoned
      ? `CGCS2000_GK_Zone_${zone}`
      : `CGCS2000_GK_CM_${cm}E`
    : zoned
      ? `CGCS2000_3_Degree_GK_Zone_${zone}`
      : `CGCS2000_3_Degree_GK_CM_${cm}E`;
  const ogcName = `CGCS2000 / ${six ? '' : '3-degree '}Gauss-Kruger ${zoned ? `zone ${zone}` : `CM ${cm}E`}`;
  return {
    epsg,
    name,
    slug: `epsg${epsg}-gk${six ? 6 : 3}-${zoned ? `z${zone}` : `cm${cm}`}`,
    projected: true,
    def,
    lonRange: [cm - half, cm + half],
    zoned,
    esri: `PROJCS["${esriName}",${ESRI_CGCS},PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",${x0.toFixed(1)}],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",${cm.toFixed(1)}],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`,
    ogc: `PROJCS["${ogcName}",${OGC_CGCS(false)},PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",${cm}],PARAMETER["scale_factor",1],PARAMETER["false_easting",${x0}],PARAMETER["false_northing",0],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AXIS["Northing",NORTH],AXIS["Easting",EAST],AUTHORITY["EPSG","${epsg}"]]`,
  };
}

export const WGS84: ExportSystem = {
  epsg: 4326,
  name: { zh: 'WGS84 经纬度（EPSG:4326）', en: 'WGS84 lon/lat (EPSG:4326)' },
  slug: 'epsg4326',
  projected: false,
  esri: ESRI_WGS,
  ogc: OGC_WGS(true),
};
const CGCS2000: ExportSystem = {
  epsg: 4490,
  name: { zh: 'CGCS2000 经纬度（EPSG:4490）', en: 'CGCS2000 lon/lat (EPSG:4490)' },
  slug: 'epsg4490',
  projected: false,
  esri: ESRI_CGCS,
  ogc: OGC_CGCS(true),
};
const mercator = PROJECTIONS.find((p) => p.epsg === 3857);
const WEB_MERCATOR: ExportSystem = {
  epsg: 3857,
  name: mercator?.name ?? { zh: 'Web 墨卡托（EPSG:3857）', en: 'Web Mercator (EPSG:3857)' },
  slug: 'epsg3857',
  projected: true,
  def: '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs',
  esri: `PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",${ESRI_WGS},PROJECTION["Mercator_Auxiliary_Sphere"],PARAMETER["False_Easting",0.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",0.0],PARAMETER["Standard_Parallel_1",0.0],PARAMETER["Auxiliary_Sphere_Type",0.0],UNIT["Meter",1.0]]`,
  ogc: `PROJCS["WGS 84 / Pseudo-Mercator",${OGC_WGS(false)},PROJECTION["Mercator_1SP"],PARAMETER["central_meridian",0],PARAMETER["scale_factor",1],PARAMETER["false_easting",0],PARAMETER["false_northing",0],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AXIS["Easting",EAST],AXIS["Northing",NORTH],EXTENSION["PROJ4","+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs"],AUTHORITY["EPSG","3857"]]`,
};

/** Every system a download can be written in, in the order the panel lists them. */
export const EXPORT_SYSTEMS: readonly ExportSystem[] = [
  WGS84,
  CGCS2000,
  ...PROJECTIONS.filter((p) => p.epsg !== 3857).map((p) => gaussKruger(p.epsg, p.name, p.def)),
  WEB_MERCATOR,
];

export function systemOf(epsg: number): ExportSystem {
  const s = EXPORT_SYSTEMS.find((x) => x.epsg === epsg);
  if (!s) throw new Error(`no export system EPSG:${epsg}`);
  return s;
}

/**
 * The Gauss–Krüger zone proposed for data spanning [west, east] degrees: the 3° zone (with its
 * number before the easting, as 国土 data is delivered) that holds it all, else the 6° zone,
 * else none (no one zone holds it: a geographic system or a zone per part is the answer).
 */
export function proposeZone(west: number, east: number, zoned = true): ExportSystem | null {
  const gk = EXPORT_SYSTEMS.filter((s) => s.lonRange && s.zoned === zoned);
  const fits = gk.filter((s) => s.lonRange && west >= s.lonRange[0] - 1e-9 && east <= s.lonRange[1] + 1e-9);
  // 3° zones first (narrower), nearest central meridian to the data's middle
  const mid = (west + east) / 2;
  fits.sort((a, b) => span(a) - span(b) || Math.abs(centre(a) - mid) - Math.abs(centre(b) - mid));
  return fits[0] ?? null;
}
const span = (s: ExportSystem) => (s.lonRange ? s.lonRange[1] - s.lonRange[0] : 360);
const centre = (s: ExportSystem) => (s.lonRange ? (s.lonRange[0] + s.lonRange[1]) / 2 : 0);

/** Why data spanning [west, east] cannot be written in this zone, or null when it can. */
export function zoneProblem(s: ExportSystem, west: number, east: number): Text | null {
  if (!s.lonRange) return null;
  const [a, b] = s.lonRange;
  if (west >= a - 1e-9 && east <= b + 1e-9) return null;
  const f = (x: number) => `${x.toFixed(2)}°E`;
  return {
    zh: `数据经度 ${f(west)}–${f(east)} 超出该带范围 ${f(a)}–${f(b)}：请选其他带，或经纬度坐标系`,
    en: `the data spans ${f(west)}–${f(east)}, beyond the zone's ${f(a)}–${f(b)}: pick another zone, or a lon/lat system`,
  };
}

/** A function taking [lon, lat] to the system's [x, y] (proj4 loaded when projected). */
export async function projector(s: ExportSystem): Promise<(p: number[]) => number[]> {
  if (!s.projected || !s.def) return (p) => [p[0], p[1]];
  const proj4 = (await import('proj4')).default;
  const t = proj4('EPSG:4326', s.def);
  return (p) => t.forward([p[0], p[1]]);
}
