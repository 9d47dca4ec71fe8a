/**
 * The plan's structure in figures (data/stats.json; contract: src/contracts/stats.ts): a row
 * for the city, 岭西, 岭上, the core, each pole and each unit.
 *
 * Official areas and populations: a unit's are its own (reference/places.csv); the city's area
 * is its own published figure (reference/city_and_core.csv), its population the sum of its
 * units'; a zone's or a structure's are sums of its members' and say so, where a unit the plan
 * splits (SPLIT_UNITS: 鄂温克族自治旗) counts as its seat town in the core (the town's published
 * area) and as the rest of the banner in 岭西 (the banner's area less the town's); a sum with a
 * part missing is not given. Drawn areas and places are those of each row's own polygon
 * (places counted where they lie, point in polygon; stations once per name).
 */
import type { DataLayerName } from '../../src/contracts/layers.ts';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Point, Polygon } from 'geojson';
import { RAIL_STATUSES, UNITS, unitId, type RailStatus, type Text } from '../../src/contracts/vocab.ts';
import type { StatsFile, StatsRow } from '../../src/contracts/stats.ts';
import type { RecordFeature } from './lib/types.ts';
import { SPLIT_UNITS } from './units.ts';
import { cityAndCoreRow, readCityAndCore, type PublishedArea } from './layers/city-and-core.ts';
import { type Inputs, inputsAt } from './layers/common.ts';

type Poly = RecordFeature<Polygon | MultiPolygon>;
type Counts = Pick<StatsRow, 'seats' | 'stations' | 'heritage' | 'ports' | 'airports'>;

const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;
const str = (v: unknown) => (typeof v === 'string' ? v : '');
const fmt = (v: number, lang: 'zh' | 'en' = 'en') =>
  v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: 2 });

/** The places that lie in a polygon: seats, heritage sites, land ports, airports, stations by name. */
function countIn(area: Poly, layer: (name: DataLayerName) => RecordFeature[]): Counts {
  const inside = (f: RecordFeature) => booleanPointInPolygon((f as RecordFeature<Point>).geometry.coordinates, area);
  const stations = new Map<string, RailStatus>();
  for (const f of layer('rail_stations')) {
    if (!inside(f)) continue;
    const status = f.properties.status as RailStatus;
    const name = str(f.properties.name_zh);
    // One station on two lines is one station, counted at its most built status.
    const had = stations.get(name);
    if (!had || RAIL_STATUSES.indexOf(status) < RAIL_STATUSES.indexOf(had)) stations.set(name, status);
  }
  const ports = layer('ports').filter((f) => !f.properties.outside_city && inside(f));
  return {
    seats: layer('structure_points').filter((f) => f.properties.kind === 'seat' && inside(f)).length,
    stations: Object.fromEntries(
      RAIL_STATUSES.map((s) => [s, [...stations.values()].filter((x) => x === s).length]),
    ) as StatsRow['stations'],
    heritage: layer('heritage').filter(inside).length,
    ports: ports.filter((f) => f.properties.kind === 'land_port').length,
    airports: ports.filter((f) => f.properties.kind === 'airport').length,
  };
}

/** Each unit's own figures and counts. */
function unitRows(units: Poly[], layer: (name: DataLayerName) => RecordFeature[]): Map<string, StatsRow> {
  const rows = new Map<string, StatsRow>();
  for (const u of units) {
    const p = u.properties;
    const official = typeof p.area_official_km2 === 'number' ? p.area_official_km2 : null;
    const pop = typeof p.pop_2020 === 'number' ? p.pop_2020 : null;
    rows.set(p.id, {
      id: p.id,
      kind: 'unit',
      name: { zh: str(p.name_zh), en: str(p.name_en) },
      member_ids: [p.id],
      area_official_km2: official,
      area_official_basis: official === null ? 'missing' : 'source',
      area_official_sources: official === null ? [] : [str(p.area_official_source)],
      area_drawn_km2: round(Number(p.area_drawn_km2), 1),
      pop_2020: pop,
      pop_basis: pop === null ? 'missing' : 'source',
      pop_sources: pop === null ? [] : [str(p.pop_source)],
      ...countIn(u, layer),
    });
  }
  return rows;
}

/** What a member gives a row: its official area and population (null: not published), with sources. */
interface Part {
  name: Text;
  area: number | null;
  area_sources: string[];
  pop: number | null;
  pop_sources: string[];
}

const wholeUnit = (r: StatsRow): Part => ({
  name: r.name,
  area: r.area_official_km2,
  area_sources: r.area_official_sources,
  pop: r.pop_2020,
  pop_sources: r.pop_sources,
});

/** The seat town of a unit the plan splits: its published area; no 2020 census population. */
const townPart = (town: PublishedArea): Part => ({
  name: { zh: town.name_zh, en: town.name_en },
  area: town.area_km2,
  area_sources: [`${town.name_zh}: ${town.area_source}`],
  pop: null,
  pop_sources: [],
});

/** The rest of a unit the plan splits: its area less its seat town's; its population is not published. */
const restPart = (unit: StatsRow, town: PublishedArea, name: Text): Part => ({
  name,
  area: unit.area_official_km2 === null ? null : round(unit.area_official_km2 - town.area_km2, 2),
  area_sources: [...unit.area_official_sources, `less ${town.name_zh}: ${town.area_source}`],
  pop: null,
  pop_sources: [],
});

/** A zone's or a structure's row: sums of its parts, with the basis of each figure; places and drawn area from its polygon. */
function aggregate(
  f: Poly,
  kind: StatsRow['kind'],
  members: StatsRow[],
  parts: Part[],
  layer: (name: DataLayerName) => RecordFeature[],
  note?: Text,
): StatsRow {
  const sum = (pick: (p: Part) => number | null) => {
    const vals = parts.map(pick);
    return vals.every((x) => x !== null)
      ? { value: vals.reduce<number>((s, x) => s + (x ?? 0), 0), basis: 'sum' as const }
      : { value: null, basis: vals.some((x) => x !== null) ? ('partial' as const) : ('missing' as const) };
  };
  const area = sum((p) => p.area);
  const pop = sum((p) => p.pop);
  return {
    id: f.properties.id,
    kind,
    name: { zh: str(f.properties.name_zh), en: str(f.properties.name_en) },
    member_ids: members.map((r) => r.id),
    area_official_km2: area.value === null ? null : round(area.value, 2),
    area_official_basis: area.basis,
    area_official_sources: [...new Set(parts.flatMap((p) => p.area_sources))],
    area_drawn_km2: round(Number(f.properties.area_drawn_km2), 1),
    pop_2020: pop.value,
    pop_basis: pop.basis,
    pop_sources: [...new Set(parts.flatMap((p) => p.pop_sources))],
    ...countIn(f, layer),
    ...(note ? { note } : {}),
  };
}

export function buildStats(
  layer: (name: DataLayerName) => RecordFeature[],
  inp: Inputs = inputsAt('geodata/sources'),
): StatsFile {
  const units = layer('units') as Poly[];
  const rows = unitRows(units, layer);
  const ordered = UNITS.map((u) => rows.get(unitId(u.code))).filter((r): r is StatsRow => !!r);
  const published = readCityAndCore(inp);
  const membersOf = (ids: string) =>
    ids
      .split(',')
      .map((id) => rows.get(id))
      .filter((r): r is StatsRow => !!r);

  // The city: its own published area (its units' figures add up to more: different sources and
  // years; that sum is kept as what it is); its population is the sum of its units'.
  const cityFeature = layer('city')[0] as Poly;
  const cityArea = cityFeature.properties.area_official_km2;
  const cityRow = aggregate(cityFeature, 'city', ordered, ordered.map(wholeUnit), layer);
  if (typeof cityArea !== 'number' || cityRow.area_official_km2 === null)
    throw new Error('statistics: the city needs its official area and every unit its own');
  const sum = cityRow.area_official_km2;
  const pct = `${sum < cityArea ? '−' : '+'}${Math.abs(100 * (sum / cityArea - 1)).toFixed(2)}`;
  const out: StatsRow[] = [
    {
      ...cityRow,
      id: 'city',
      area_official_km2: cityArea,
      area_official_basis: 'source',
      area_official_sources: [str(cityFeature.properties.area_official_source)],
      area_sum_km2: sum,
      note: {
        zh: `官方面积${fmt(cityArea, 'zh')}平方公里；14个旗市区官方面积之和为${fmt(sum, 'zh')}平方公里（${pct}%），来源与年份不一。占全市面积按官方面积计。`,
        en: `Official area ${fmt(cityArea)} km²; the 14 units' official areas add up to ${fmt(sum)} km² (${pct} %), from different sources and years. Shares of the city's area divide by the official area.`,
      },
    },
  ];

  // A unit the plan splits: its seat town in the structure, the rest in its zone.
  const partsOf = (members: StatsRow[], side: 'structure' | 'zone') =>
    members.map((m) => {
      const split = SPLIT_UNITS[m.id.replace(/^unit-/, '')];
      if (!split) return wholeUnit(m);
      const town = cityAndCoreRow(published, split.town_id);
      return side === 'structure' ? townPart(town) : restPart(m, town, { zh: split.rest_zh, en: split.rest_en });
    });
  const splitNote = (members: StatsRow[], side: 'structure' | 'zone'): Text | undefined => {
    const m = members.find((r) => SPLIT_UNITS[r.id.replace(/^unit-/, '')]);
    if (!m) return undefined;
    const split = SPLIT_UNITS[m.id.replace(/^unit-/, '')];
    const town = cityAndCoreRow(published, split.town_id);
    const others = members.filter((r) => r !== m);
    const othersPop = others.every((r) => r.pop_2020 !== null)
      ? others.reduce((s, r) => s + (r.pop_2020 ?? 0), 0)
      : null;
    const othersZh = others.map((r) => r.name.zh).join('、');
    const othersEn = others.map((r) => r.name.en).join(', ');
    const townPop =
      town.pop === null
        ? { zh: '', en: '' }
        : {
            zh: `（${town.pop_year}年末户籍人口${fmt(town.pop, 'zh')}人，非普查数）`,
            en: ` (${fmt(town.pop)} household-registered at the end of ${town.pop_year}, not a census figure)`,
          };
    if (side === 'structure')
      return {
        zh: `鄂温克族自治旗只计其旗府${town.name_zh}（示意范围，公布面积${town.area_km2}平方公里）。人口：${othersZh}${othersPop === null ? '缺数' : `${fmt(othersPop, 'zh')}人（2020年普查）`}；${town.name_zh}无2020年普查数${townPop.zh}，故不给合计。`,
        en: `Counts only the Evenk banner's seat, ${town.name_en} (a schematic area; published area ${town.area_km2} km²). Population: ${othersEn} ${othersPop === null ? 'missing' : `${fmt(othersPop)} (2020 census)`}; ${town.name_en} has no 2020 census figure${townPop.en}, so no sum is given.`,
      };
    return {
      zh: `鄂温克族自治旗只计其他镇：面积为全旗公布面积减${town.name_zh}的${town.area_km2}平方公里。人口：${othersZh}合计${othersPop === null ? '缺数' : `${fmt(othersPop, 'zh')}人`}；鄂温克族自治旗其他镇的2020年人口未见公布（全旗${m.pop_2020 === null ? '缺数' : `${fmt(m.pop_2020, 'zh')}人`}，含${town.name_zh}），故不给合计。`,
      en: `Counts the Evenk banner's other towns only: the banner's published area less ${town.name_en}'s ${town.area_km2} km². Population: ${othersEn} ${othersPop === null ? 'missing' : `together ${fmt(othersPop)}`}; the 2020 population of the banner's other towns is not published (the whole banner: ${m.pop_2020 === null ? 'missing' : fmt(m.pop_2020)}, with ${town.name_en}), so no sum is given.`,
    };
  };
  for (const z of layer('zones') as Poly[]) {
    if (z.properties.id === 'zone-rest') continue; // not a zone of the plan
    const members = membersOf(str(z.properties.member_ids));
    out.push(aggregate(z, 'zone', members, partsOf(members, 'zone'), layer, splitNote(members, 'zone')));
  }
  for (const s of layer('structure_areas') as Poly[]) {
    const members = membersOf(str(s.properties.member_ids));
    out.push(aggregate(s, 'structure', members, partsOf(members, 'structure'), layer, splitNote(members, 'structure')));
  }
  out.push(...ordered);
  return {
    rows: out,
    notes: [
      {
        zh: '合计行为成员之和；任一成员缺数时不给合计。全市的官方面积为公布数，不是各单位之和。鄂温克族自治旗在一核中只计巴彦托海镇，在岭西中只计其他镇。',
        en: "Aggregate rows are sums of their members; where a member has no figure, no sum is given. The city's official area is its published figure, not the sum of its units. The Evenk banner counts as Bayantuohai Town in the core and as its other towns in Lingxi.",
      },
      {
        zh: `“占全市面积”＝本行官方面积（缺数时按图面积）÷全市官方面积${fmt(cityArea, 'zh')}平方公里（${str(cityFeature.properties.area_official_source)}）；各单位之和为${fmt(sum, 'zh')}平方公里，故各单位占比合计${(100 * (sum / cityArea)).toFixed(1)}%。`,
        en: `"Share of city area" = the row's official area (its drawn area where none is published) ÷ the city's official ${fmt(cityArea)} km² (${str(cityFeature.properties.area_official_source)}); the units' figures add up to ${fmt(sum)} km², so their shares add up to ${(100 * (sum / cityArea)).toFixed(1)} %.`,
      },
      {
        zh: '地点按其所在范围计数（点在面内）；同名车站只计一次；口岸不含机场，机场单列；市外的地点不计。',
        en: 'Places are counted in the area they lie in (point in polygon); a station on two lines counts once; ports exclude airports, which are counted apart; places outside the city are not counted.',
      },
      {
        zh: '绘制面积按 WGS84 椭球计算；官方面积及人口（2020年第七次人口普查）的来源见各单位。',
        en: 'Drawn areas are on the WGS84 ellipsoid; the sources of official areas and populations (2020 census) are given per unit.',
      },
    ],
  };
}
