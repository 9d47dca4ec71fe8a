import * as turf from '@turf/turf';
import { buildUnits, inputsAt } from './data/layers.ts';
const { units } = buildUnits(inputsAt('geodata/sources'));
for (const u of units) {
  const polys = u.geometry.type === 'Polygon' ? [u.geometry.coordinates] : u.geometry.coordinates;
  for (const poly of polys) {
    const verts = new Set(poly.flat().map((p) => `${p[0]},${p[1]}`));
    const ks = turf.kinks(turf.polygon(poly)).features.map(k=>k.geometry.coordinates).filter(c=>!verts.has(`${c[0]},${c[1]}`));
    for (const k of ks) {
      // find segments within 0.001 deg
      const near: any[] = [];
      poly.forEach((r, ri) => r.forEach((p, i) => { if (Math.abs(p[0]-k[0])<0.002 && Math.abs(p[1]-k[1])<0.002) near.push([ri,i,p]); }));
      console.log(u.properties.name_zh, k, JSON.stringify(near));
    }
  }
}
