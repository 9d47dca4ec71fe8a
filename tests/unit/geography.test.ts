// Facts of geography that a wrong datum or a broken transform would violate.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { readGeojson } from './helpers.ts';
import { must } from '../../src/lib/must.ts';
import { areaKm2 } from '../../src/lib/geodesy.ts';
import { UNIT_PLAN, membershipOf, zoneStructureProblems } from '../../scripts/data/units.ts';

type Poly = Feature<Polygon | MultiPolygon, Record<string, unknown>>;
const units = readGeojson('units').features as Poly[];
const city = readGeojson('city').features[0] as Poly;
const zones = readGeojson('zones').features as Poly[];
const seats = readGeojson('structure_points').features.filter((f: Feature) => f.properties?.kind === 'seat');
const km2 = (f: Feature<Polygon | MultiPolygon>) => areaKm2(f.geometry);

describe('geography of the data of record', () => {
  it('has the 14 county-level units with their admin codes', () => {
    expect(units.map((u) => u.properties.admin_code).sort()).toEqual([
      '150702',
      '150703',
      '150721',
      '150722',
      '150723',
      '150724',
      '150725',
      '150726',
      '150727',
      '150781',
      '150782',
      '150783',
      '150784',
      '150785',
    ]);
  });

  it('puts each seat inside its own unit (a GCJ-02 offset or swapped axes would break this)', () => {
    expect(seats).toHaveLength(14);
    for (const s of seats) {
      const unit = must(
        units.find((u) => u.properties.id === s.properties.unit_id),
        'units entry',
      );
      expect(turf.booleanPointInPolygon(s, unit), `${s.properties.name_zh} in ${unit.properties.name_zh}`).toBe(true);
    }
  });

  it('sums the units to the official ≈ 252,800 km² within 1.5%, and the outline to the same', () => {
    const sum = units.reduce((s, u) => s + km2(u), 0);
    expect(Math.abs(sum - 252_800) / 252_800).toBeLessThan(0.015);
    expect(Math.abs(km2(city) - sum) / sum).toBeLessThan(0.001);
    expect(city.properties.area_drawn_km2).toBeCloseTo(km2(city), -1);
  });

  it('has areas of record that match the geometry, and official areas with their source', () => {
    for (const u of units) {
      expect(u.properties.area_drawn_km2 as number).toBeCloseTo(km2(u), -1);
      expect(u.properties.area_official_km2, String(u.properties.id)).toBeGreaterThan(0);
      expect(String(u.properties.area_official_source).length, String(u.properties.id)).toBeGreaterThan(10);
    }
    // the audit's figures: drawn vs official
    const diff = (code: string) => {
      const u = must(
        units.find((x) => x.properties.admin_code === code),
        code,
      );
      return (u.properties.area_drawn_km2 as number) / (u.properties.area_official_km2 as number) - 1;
    };
    expect(diff('150703')).toBeLessThan(-0.15); // 扎赉诺尔区 about −19 %
    expect(diff('150781')).toBeGreaterThan(0.08); // 满洲里市 about +10.5 %
    for (const code of ['150781', '150703'])
      expect(
        must(
          units.find((x) => x.properties.admin_code === code),
          code,
        ).properties.boundary_note_zh,
      ).toMatch(/分界线/);
  });

  it('covers the city with the zones (岭西 + 岭上 + the rest) without overlap', () => {
    const sum = zones.reduce((s, z) => s + km2(z), 0);
    expect(Math.abs(sum - km2(city)) / km2(city)).toBeLessThan(0.001);
    for (let i = 0; i < zones.length; i++) {
      for (let j = i + 1; j < zones.length; j++) {
        const x = turf.intersect(turf.featureCollection([zones[i], zones[j]]));
        const overlap = x ? km2(x) : 0;
        expect(overlap, `${zones[i].properties.id} ∩ ${zones[j].properties.id}`).toBeLessThan(1);
      }
    }
    const ids = zones.map((z) => z.properties.id);
    expect(ids).toContain('zone-lingxi');
    expect(ids).toContain('zone-lingshang');
  });

  it('puts the plan’s members in 岭西 and 岭上, and says that the Evenk seat belongs to the core', () => {
    const members = (id: string) =>
      must(
        zones.find((z) => z.properties.id === id),
        'zones entry',
      ).properties.members;
    // 岭西 takes the Evenk banner's other towns (the plan: "鄂温克族自治旗其他镇"), not the whole banner
    expect(members('zone-lingxi')).toBe('鄂温克族自治旗其他镇、陈巴尔虎旗、新巴尔虎右旗、新巴尔虎左旗');
    expect(members('zone-rest')).toContain('鄂温克族自治旗巴彦托海镇');
    expect(members('zone-lingshang')).toBe('鄂伦春自治旗、牙克石市、根河市、额尔古纳市');
    const evenk = must(
      units.find((u) => u.properties.admin_code === '150724'),
      'units entry',
    );
    expect(evenk.properties.role).toBe('core');
    expect(evenk.properties.zone_note).toMatch(/巴彦托海镇属中心城区/);
  });

  it('draws the core as the plan defines it: 海拉尔区 and a schematic 巴彦托海镇 of its published 505.49 km² (item 6)', () => {
    const areas = readGeojson('structure_areas').features as Poly[];
    const core = must(
      areas.find((a) => a.properties.id === 'structure-core'),
      'the core',
    );
    const hailar = must(
      units.find((u) => u.properties.admin_code === '150702'),
      'Hailar',
    );
    // before issue 24 the core was Hailar and the whole Evenk banner (21,222 km² drawn)
    expect(km2(core)).toBeCloseTo(km2(hailar) + 505.49, -1);
    expect(core.properties.schematic).toBe(true);
    expect(core.properties.note).toMatch(/^巴彦托海镇镇界未公布：按其公布面积505\.49平方公里示意绘出/);
    expect(core.properties.members).toBe('海拉尔区（含呼伦贝尔经济技术开发区）、鄂温克族自治旗巴彦托海镇');
    expect(core.properties.source).toContain('twwiki.net');
    // the town lies in the banner, the seat inside it; 岭西 leaves it out, and the zones still cover the city once
    const evenk = must(
      units.find((u) => u.properties.admin_code === '150724'),
      'Evenk',
    );
    const town = turf.difference(turf.featureCollection([core, hailar]));
    expect(town && km2(town)).toBeCloseTo(505.49, 0);
    const outside = town && turf.difference(turf.featureCollection([town, evenk]));
    expect(outside ? km2(outside) : 0).toBeLessThan(0.5);
    const seat = must(
      seats.find((p: Feature) => p.properties?.id === 'seat-150724'),
      'the Evenk seat',
    );
    expect(turf.booleanPointInPolygon(seat, core)).toBe(true);
    const lingxi = must(
      zones.find((z) => z.properties.id === 'zone-lingxi'),
      '岭西',
    );
    expect(turf.booleanPointInPolygon(seat, lingxi)).toBe(false);
    expect(km2(lingxi)).toBeLessThan(
      ['150724', '150725', '150726', '150727'].reduce(
        (sum, c) =>
          sum +
          km2(
            must(
              units.find((u) => u.properties.admin_code === c),
              c,
            ),
          ),
        0,
      ) - 500,
    );
  });

  it('新巴尔虎左旗\'s published area agrees with its drawing within 2 %: no "−8.5 %" on its card (item 5)', () => {
    const nbl = must(
      units.find((u) => u.properties.admin_code === '150726'),
      '新巴尔虎左旗',
    );
    expect(nbl.properties.area_official_km2).toBe(20107.18);
    const diff = (nbl.properties.area_drawn_km2 as number) / (nbl.properties.area_official_km2 as number) - 1;
    expect(Math.abs(diff)).toBeLessThan(0.02);
    // the figure before issue 24 (22,000 km², rounded) would put a −8.5 % warning on the card
    expect((nbl.properties.area_drawn_km2 as number) / 22_000 - 1).toBeLessThan(-0.08);
  });

  it('names the airports as they are now, and draws no point without a published position where issue 24 found one (items 7–9)', () => {
    const ports = readGeojson('ports').features as Feature[];
    const name = (id: string) => ports.find((p) => p.properties?.id === id)?.properties?.name_zh;
    expect(name('airport-hailar')).toBe('呼伦贝尔东山国际机场');
    expect(name('airport-jiagedaqi')).toBe('大兴安岭鄂伦春机场');
    const ids = [...ports, ...readGeojson('heritage').features].map((f: Feature) => f.properties?.id);
    for (const gone of ['port-erka', 'port-arihashat', 'heritage-manzhouli-first-station-north'])
      expect(ids, gone).not.toContain(gone);
    const tour = readFileSync('geodata/stories/yihe-liangji-duodian.json', 'utf8');
    for (const gone of ['port-erka', 'heritage-manzhouli-first-station-north']) expect(tour).not.toContain(`"${gone}"`);
  });

  it("the tour's first step says which units are in 岭西 and 岭上 and that six are in neither (item 10)", () => {
    const tour = JSON.parse(readFileSync('geodata/stories/yihe-liangji-duodian.json', 'utf8'));
    const step = tour.steps[0];
    // before issue 24: "并把旗市分为岭西、岭上两区", as if every unit were in one of them
    expect(step.caption.zh).not.toContain('把旗市分为');
    expect(step.caption.zh).toContain('岭西**（鄂温克族自治旗其他镇、陈巴尔虎旗、新巴尔虎左旗、新巴尔虎右旗）');
    expect(step.caption.zh).toContain('其余六个旗市区不在这两区');
    expect(step.caption.en).toContain('The other six units are in neither zone');
  });

  it('has 呼伦湖 at about 2,340 km² and 贝尔湖 at about 600 km²', () => {
    const lakes = readGeojson('lakes').features as Poly[];
    const hulun = must(
      lakes.find((l) => String(l.properties.name_zh).startsWith('呼伦湖')),
      'lakes entry',
    );
    expect(Math.abs(km2(hulun) - 2340) / 2340).toBeLessThan(0.02);
    const buir = must(
      lakes.find((l) => l.properties.name_zh === '贝尔湖'),
      'lakes entry',
    );
    expect(Math.abs(km2(buir) - 609) / 609).toBeLessThan(0.03);
  });

  it('places Russia and Mongolia labels outside the city, and ports near the border', () => {
    const labels = readGeojson('context_labels').features;
    for (const id of ['label-russia', 'label-mongolia', 'label-heilongjiang']) {
      const l = labels.find((f: Feature) => f.properties?.id === id);
      expect(turf.booleanPointInPolygon(l, city), id).toBe(false);
    }
    const borders = turf.featureCollection(readGeojson('borders').features);
    const road = readGeojson('ports').features.find((f: Feature) => f.properties?.id === 'port-manzhouli-road');
    const nearest = Math.min(...borders.features.map((b: Feature) => turf.pointToLineDistance(road, b as never)));
    expect(nearest).toBeLessThan(2); // km
  });

  it('gives population as a number or null (never 0) that sums to the census total 2,242,875', () => {
    for (const u of units) expect(u.properties.pop_2020 === null || (u.properties.pop_2020 as number) > 0).toBe(true);
    expect(city.properties.pop_2020).toBe(2_242_875);
    const yakeshi = must(
      units.find((u) => u.properties.admin_code === '150782'),
      'units entry',
    );
    expect(yakeshi.properties.pop_confidence).toBe('low');
  });

  it('marks schematic rail and approximate positions so', () => {
    // every drawn line is schematic; a line with no known route is only its ends
    for (const l of readGeojson('rail_lines').features) {
      if (l.geometry.type === 'LineString') expect(l.properties.schematic, l.properties.id).toBe(true);
      else expect(l.properties.alignment, l.properties.id).toBe('unknown');
    }
    const planned = readGeojson('rail_lines').features.filter((f: Feature) => f.properties?.status === 'planned');
    expect(planned.map((f: Feature) => f.properties?.line_id).sort()).toEqual([
      'rail-qihaiman-hsr',
      'rail-yiershi-manzhouli',
    ]);
    const qiqian = readGeojson('heritage').features.find((f: Feature) => f.properties?.id === 'heritage-qiqian');
    expect(qiqian.properties.approximate).toBe(true);
  });

  it('draws the 伊尔施—满洲里 line only as far as the sources go: its two ends, no route', () => {
    const line = must(
      readGeojson('rail_lines').features.find((f: Feature) => f.properties?.id === 'rail-yiershi-manzhouli'),
      'the line',
    );
    expect(line.geometry).toMatchObject({ type: 'MultiPoint' });
    expect(line.geometry.coordinates).toHaveLength(2);
    expect(line.properties.note).toContain('2012');
    // none of the guessed stops in between (诺门罕, 阿木古郎, 嵯岗) is shown as its station
    const stops = readGeojson('rail_stations').features.filter((f: Feature) =>
      String(f.properties?.lines).includes('rail-yiershi-manzhouli'),
    );
    expect(stops.map((f: Feature) => f.properties?.name_zh).sort()).toEqual(['伊尔施', '满洲里'].sort());
    // the tour's rail step says what the line's note says: phase 1 began in 2012
    const tour = JSON.parse(readFileSync('geodata/stories/yihe-liangji-duodian.json', 'utf8'));
    const step = tour.steps.find((s: { id: string }) => s.id === 'rail');
    expect(step.notes.zh).toContain('2012年5月开工');
    expect(step.notes.en).toContain('began in May 2012');
  });

  it("zones agree with the plan's words and with the structure (one definition of the core and the poles)", () => {
    expect(zones.map((z) => z.properties.id).sort()).toEqual(['zone-lingshang', 'zone-lingxi', 'zone-rest']);
    expect(zoneStructureProblems()).toEqual([]);
    expect(zoneStructureProblems(membershipOf(units))).toEqual([]);
    // the core is 海拉尔区 + 鄂温克族自治旗 (its seat town); the east pole is 扎兰屯市 + 阿荣旗, not 莫力达瓦
    const areas = readGeojson('structure_areas').features as Poly[];
    const members = (id: string) =>
      String(
        must(
          areas.find((a) => a.properties.id === id),
          id,
        ).properties.member_ids,
      )
        .split(',')
        .sort();
    expect(members('structure-core')).toEqual(['unit-150702', 'unit-150724']);
    expect(members('structure-pole-zalantun-arun')).toEqual(['unit-150721', 'unit-150783']);
    // a broken definition is refused: 牙克石市 (岭上) put into a pole, 阿荣旗 put in 岭西 while in a pole
    const broken = structuredClone(UNIT_PLAN);
    broken['150782'] = { ...broken['150782'], structure: 'pole-zalantun-arun' };
    broken['150721'] = { ...broken['150721'], zone: 'zone-lingxi' };
    expect(zoneStructureProblems(broken)).toEqual([
      {
        feature: 'unit-150721',
        reason: 'in pole-zalantun-arun but in zone zone-lingxi, and the plan does not split it',
      },
      {
        feature: 'unit-150782',
        reason: 'in pole-zalantun-arun but in zone zone-lingshang, and the plan does not split it',
      },
      { feature: 'unit-150782', reason: 'in 岭上 and in pole-zalantun-arun' },
    ]);
    // the unit the plan splits must be in both a zone and the core, and say so
    const unsplit = structuredClone(UNIT_PLAN);
    unsplit['150724'] = { ...unsplit['150724'], structure: null, zone_note: undefined };
    expect(zoneStructureProblems(unsplit)).toEqual([
      {
        feature: 'unit-150724',
        reason: 'split by the plan (鄂温克族自治旗巴彦托海镇), yet not in both a zone and the structure',
      },
      { feature: 'unit-150724', reason: 'split by the plan, with no note saying so' },
    ]);
  });

  it('labels each named lake once, at a point inside it', () => {
    const lakes = readGeojson('lakes').features as Poly[];
    const labels = readGeojson('context_labels').features.filter((f: Feature) => f.properties?.kind === 'lake');
    const named = lakes.filter((l) => l.properties.named);
    expect(named.map((l) => l.properties.name_zh)).toContain('呼伦湖(达赉湖)');
    expect(labels.map((l: Feature) => l.properties?.id).sort()).toEqual(
      named.map((l) => `label-${l.properties.id}`).sort(),
    );
    for (const l of labels) {
      const lake = must(
        named.find((n) => `label-${n.properties.id}` === l.properties.id),
        'named entry',
      );
      expect(turf.booleanPointInPolygon(l, lake), l.properties.id).toBe(true);
      expect(l.properties.name_zh).toBe(lake.properties.name_zh);
    }
  });
});
