/**
 * GeoPackage 1.3 (OGC 12-128r18): one SQLite file, a feature table per layer, the system
 * registered in gpkg_spatial_ref_sys with its EPSG code and OGC WKT. SQLite is sql.js (the
 * SQLite project's C compiled to WebAssembly, loaded only for this export); the GeoPackage
 * tables and geometry blobs (header + WKB) are written here — a few statements, where the
 * registry's GeoPackage library would bring its own SQLite, proj4 and canvas code. A planner's
 * layer's look on the map is its table's default style in QGIS's `layer_styles` (style.ts).
 */
import type { Geometry } from 'geojson';
import type { Database, SqlJsStatic } from 'sql.js';
import { cellText, fieldsOf } from './fields.ts';
import { type ExportLayer, extent, kindOf, wkb } from './geometry.ts';
import { qml } from './style.ts';
import { type ExportSystem, WGS84 } from './systems.ts';

const TYPE_NAME = { point: 'POINT', line: 'LINESTRING', polygon: 'POLYGON' } as const;
const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A GeoPackage geometry: the 'GP' header with the SRS and envelope, then WKB. */
function blob(g: Geometry, srs: number): Uint8Array {
  const body = wkb(g);
  const [minX, minY, maxX, maxY] = extent([{ geometry: g }]) ?? [0, 0, 0, 0];
  const out = new Uint8Array(8 + 32 + body.length);
  const v = new DataView(out.buffer);
  out[0] = 0x47;
  out[1] = 0x50;
  out[2] = 0;
  out[3] = 0b0000_0011; // little-endian, envelope [minx, maxx, miny, maxy]
  v.setInt32(4, srs, true);
  for (const [i, x] of [minX, maxX, minY, maxY].entries()) v.setFloat64(8 + 8 * i, x, true);
  out.set(body, 40);
  return out;
}

/** The layers with table names unique (case-blind) and clear of the GeoPackage's own, the readme and QGIS's styles. */
function tableNames(layers: ExportLayer[]): ExportLayer[] {
  const taken = new Set(['readme', 'layer_styles']);
  return layers.map((l) => {
    const base = /^gpkg_/i.test(l.name) ? `layer_${l.name}` : l.name;
    let name = base;
    for (let i = 1; taken.has(name.toLowerCase()); i++) name = `${base}_${i}`;
    taken.add(name.toLowerCase());
    return { ...l, name };
  });
}

/** A single geometry as its multi kind (a table declared MULTIPOLYGON holds no POLYGON). */
function promoted(g: Geometry): Geometry {
  if (g.type === 'Point') return { type: 'MultiPoint', coordinates: [g.coordinates] };
  if (g.type === 'LineString') return { type: 'MultiLineString', coordinates: [g.coordinates] };
  if (g.type === 'Polygon') return { type: 'MultiPolygon', coordinates: [g.coordinates] };
  return g;
}

/**
 * The layers (geometries already in `system`) as one GeoPackage file, with `about` (the
 * README: sources, licences, the system) as an attributes table `readme`, a line a row.
 */
export function writeGeoPackage(
  SQL: SqlJsStatic,
  layers: ExportLayer[],
  system: ExportSystem,
  about: string,
): Uint8Array {
  const db: Database = new SQL.Database();
  try {
    db.run(`PRAGMA application_id = 1196444487; PRAGMA user_version = 10300;
      CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY,
        organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
      CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
        description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
        CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
      CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
        srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
        CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
        CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
        CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));`);
    const srs = db.prepare('INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)');
    srs.run([
      'Undefined cartesian SRS',
      -1,
      'NONE',
      -1,
      'undefined',
      'undefined cartesian coordinate reference system',
    ]);
    srs.run([
      'Undefined geographic SRS',
      0,
      'NONE',
      0,
      'undefined',
      'undefined geographic coordinate reference system',
    ]);
    // WGS84 is always registered (the standard asks for it), the chosen system beside it
    if (system.epsg !== WGS84.epsg) srs.run([WGS84.name.en, 4326, 'EPSG', 4326, WGS84.ogc, WGS84.name.zh]);
    srs.run([system.name.en, system.epsg, 'EPSG', system.epsg, system.ogc, system.name.zh]);
    srs.free();
    db.run('BEGIN');
    const styles: string[][] = [];
    for (const layer of tableNames(layers)) {
      // SQLite's column names are case-blind: 'Name' and 'name' get a number, as do fid and geom
      const taken = new Set(['fid', 'geom']);
      const fields = fieldsOf(layer.features).map((f) => {
        let column = f.name;
        for (let i = 1; taken.has(column.toLowerCase()); i++) column = `${f.name}_${i}`;
        taken.add(column.toLowerCase());
        return { ...f, column };
      });
      const kinds = new Set(layer.features.map((f) => kindOf(f.geometry)).filter((k) => k !== null));
      const multi = layer.features.some((f) => f.geometry?.type.startsWith('Multi'));
      const [k] = [...kinds];
      const typeName = kinds.size === 1 ? `${multi ? 'MULTI' : ''}${TYPE_NAME[k]}` : 'GEOMETRY';
      const sqlType = { int: 'INTEGER', real: 'REAL', bool: 'BOOLEAN', text: 'TEXT' } as const;
      db.run(
        `CREATE TABLE ${q(layer.name)} (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom ${typeName}${fields
          .map((f) => `, ${q(f.column)} ${sqlType[f.type]}`)
          .join('')})`,
      );
      const box = extent(layer.features);
      db.run(
        'INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        [layer.name, 'features', layer.name, layer.title, ...(box ?? [null, null, null, null]), system.epsg],
      );
      db.run('INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, 0, 0)', [
        layer.name,
        'geom',
        typeName,
        system.epsg,
      ]);
      const ins = db.prepare(
        `INSERT INTO ${q(layer.name)} (geom${fields.map((f) => `, ${q(f.column)}`).join('')}) VALUES (?${', ?'.repeat(fields.length)})`,
      );
      for (const f of layer.features) {
        ins.run([
          f.geometry && kindOf(f.geometry)
            ? blob(multi && kinds.size === 1 ? promoted(f.geometry) : f.geometry, system.epsg)
            : null,
          ...fields.map((c) => {
            const v = f.properties?.[c.name];
            if (v === null || v === undefined || v === '') return null;
            if (c.type === 'int' || c.type === 'real') return typeof v === 'number' ? v : null;
            if (c.type === 'bool') return v ? 1 : 0;
            return cellText(v);
          }),
        ]);
      }
      ins.free();
      // the layer's look on the map as QGIS's default style for the table (one kind of geometry)
      if (layer.style && kinds.size === 1) {
        const column = (name: string) => fields.find((c) => c.name === name)?.column ?? name;
        styles.push([
          layer.name,
          layer.style.title ?? layer.title,
          qml(layer.style, k, {
            colour: column('style_colour'),
            size: column('style_size'),
            label: layer.style.labelBy ? column(layer.style.labelBy) : undefined,
          }),
          layer.title,
        ]);
      }
    }
    if (styles.length) {
      // QGIS's layer_styles table (as QGIS makes it), registered as attributes so that GDAL lists it
      db.run(`CREATE TABLE layer_styles (id INTEGER PRIMARY KEY AUTOINCREMENT, f_table_catalog TEXT(256),
        f_table_schema TEXT(256), f_table_name TEXT(256), f_geometry_column TEXT(256), styleName TEXT(30),
        styleQML TEXT, styleSLD TEXT, useAsDefault BOOLEAN, description TEXT, owner TEXT(30), ui TEXT(30),
        update_time DATETIME DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')))`);
      db.run(
        "INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES ('layer_styles', 'attributes', 'layer_styles', 'QGIS layer styles')",
      );
      const st = db.prepare(
        "INSERT INTO layer_styles (f_table_catalog, f_table_schema, f_table_name, f_geometry_column, styleName, styleQML, styleSLD, useAsDefault, description, owner, ui) VALUES ('', '', ?, 'geom', ?, ?, '', 1, ?, '', '')",
      );
      for (const row of styles) st.run(row);
      st.free();
    }
    db.run('CREATE TABLE readme (fid INTEGER PRIMARY KEY AUTOINCREMENT, line TEXT)');
    db.run(
      "INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES ('readme', 'attributes', 'readme', 'README')",
    );
    const line = db.prepare('INSERT INTO readme (line) VALUES (?)');
    for (const l of about.split(/\r?\n/)) line.run([l]);
    line.free();
    db.run('COMMIT');
    return db.export();
  } finally {
    db.close();
  }
}
