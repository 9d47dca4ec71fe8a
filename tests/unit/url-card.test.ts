import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatHash, parseHash, type UrlState } from '../../src/lib/url.ts';
import { buildCard, type Details } from '../../src/lib/card.ts';
import { CATALOG, DEFAULT_VISIBLE } from '../../src/lib/map/catalog.ts';
import { must } from '../../src/lib/must.ts';

const known = { layers: CATALOG.map((c) => c.id) };
const defaults = { visible: DEFAULT_VISIBLE };

describe('URL state', () => {
  it('round-trips view, layers, selection and language', () => {
    const s: UrlState = {
      view: { zoom: 7.25, center: [117.3702, 49.5959], bearing: 12.5, pitch: 30 },
      visible: ['units', 'rail'],
      selected: 'unit-150781',
      task: 2,
      target: 'highway-length',
      matrix: true,
      lang: 'en',
    };
    const hash = formatHash(s, defaults);
    expect(hash).toBe('#v=7.25/49.5959/117.3702/12.5/30&l=units,rail&s=unit-150781&t=2&g=highway-length&m=1&lang=en');
    expect(parseHash(hash, known)).toEqual(s);
  });

  it('keeps links short: default layers, Chinese and a flat view are left out', () => {
    expect(
      formatHash(
        {
          view: { zoom: 5.84139, center: [120.79, 50.2], bearing: 0, pitch: 0 },
          visible: [...DEFAULT_VISIBLE].reverse(),
          lang: 'zh',
        },
        defaults,
      ),
    ).toBe('#v=5.84/50.2/120.79');
    expect(formatHash({ visible: [] }, defaults)).toBe('#l=-');
    expect(parseHash('#l=-', known).visible).toEqual([]);
  });

  it('carries the open tool, a measurement and a within-distance query (WGS84, ≤ 6 decimals)', () => {
    const s: UrlState = {
      tool: 'measure',
      measure: {
        mode: 'line',
        points: [
          [119.7288, 49.2103],
          [117.378512, 49.597734],
        ],
      },
      near: { from: 'seat-150702', km: 50 },
    };
    const hash = formatHash(s, defaults);
    expect(hash).toBe('#tool=measure&measure=line:119.7288,49.2103;117.378512,49.597734&near=seat-150702:50');
    expect(parseHash(hash, known)).toEqual(s);
    expect(formatHash({ measure: { mode: 'area', points: [[119.12345678, 49.1]] } }, defaults)).toBe(
      '#measure=area:119.123457,49.1',
    );
    expect(parseHash('#near=119.5,49.2:12.5&tool=stats', known)).toEqual({
      tool: 'stats',
      near: { from: [119.5, 49.2], km: 12.5 },
    });
    // Out of range, malformed or unknown: left out.
    expect(parseHash('#near=seat-150702:500&measure=line:119,49;abc&tool=erase', known)).toEqual({});
    expect(parseHash('#measure=volume:119,49', known)).toEqual({});
  });

  it('leaves out what is malformed or unknown instead of guessing', () => {
    expect(parseHash('#v=abc/1/2&l=units,nonsense&s=<script>&lang=fr', known)).toEqual({ visible: ['units'] });
    expect(parseHash('#v=30/95/500', known)).toEqual({});
    expect(parseHash('#t=23&g=A&m=2', known)).toEqual({});
    expect(parseHash('', known)).toEqual({});
  });
});

describe('feature card', () => {
  const details = JSON.parse(readFileSync('public/data/features.json', 'utf8')) as Record<string, Details>;

  it('shows a unit with population, area, zone, role, industries and the plan wording with task numbers', () => {
    const card = buildCard(details['unit-150781'], 'zh');
    expect(card.title).toBe('满洲里市');
    expect(card.subtitle).toBe('Manzhouli City');
    const rows = Object.fromEntries(card.rows.map((r) => [r.label, r.value]));
    expect(rows['常住人口（2020年普查）']).toBe('150,508 人');
    // both areas, labelled: the published one (low confidence here) and the one as drawn
    expect(rows['面积（官方公布）']).toBe('453 平方公里（约数，可信度低）');
    expect(rows['面积（按边界数据绘制）']).toMatch(/^50\d 平方公里$/);
    expect(rows.分区).toBe('岭西、岭上以外');
    expect(rows.一核两极).toBe('两极：满洲里市');
    expect(rows.定位).toBe('发展极');
    expect(rows['重点产业（方案）']).toBe('泛口岸经济');
    expect(card.plan.map((p) => p.label)).toContain('任务2');
    expect(
      card.plan
        .filter((p) => p.label === '任务2')
        .map((p) => p.quote)
        .join(),
    ).toContain('大力发展泛口岸经济');
  });

  it('says when a population figure is derived, and never shows an unknown one as 0', () => {
    const yakeshi = buildCard(details['unit-150782'], 'zh');
    expect(
      must(
        yakeshi.rows.find((r) => r.label.startsWith('常住人口')),
        'population row',
      ).value,
    ).toContain('推算值');
    const d = { ...details['unit-150782'], pop_2020: null };
    expect(
      must(
        buildCard(d, 'en').rows.find((r) => r.label.startsWith('Population')),
        'population row',
      ).value,
    ).toBe('unknown');
  });

  it('says where the boundary source disagrees with the official area (over 2 %), and why for 满洲里/扎赉诺尔', () => {
    const jalainur = buildCard(details['unit-150703'], 'zh').warnings.join('\n');
    expect(jalainur).toMatch(/边界数据的面积与官方面积相差 −1\d\.\d%/);
    expect(jalainur).toContain('分界线位置有误');
    expect(buildCard(details['unit-150781'], 'en').warnings.join('\n')).toMatch(
      /differs from the official one by \+\d+\.\d%/,
    );
    // within 2 %: no warning (海拉尔区 is drawn within 1 % of its official 1,308.78 km²)
    expect(buildCard(details['unit-150702'], 'zh').warnings.join()).not.toContain('相差');
  });

  it('warns about approximate positions and schematic lines', () => {
    expect(buildCard(details['heritage-qiqian'], 'zh').warnings).toContain('位置示意（非测绘位置）');
    expect(buildCard(details['rail-qihaiman-hsr'], 'en').warnings).toContain('Schematic line (not the real alignment)');
  });

  it('carries text from the data as plain strings (the card renders text, not HTML)', () => {
    const d = { ...details['unit-150781'], name_zh: '<img src=x onerror=alert(1)>' };
    const card = buildCard(d, 'zh');
    expect(card.title).toBe('<img src=x onerror=alert(1)>');
    const svelte = readFileSync('src/components/FeatureCard.svelte', 'utf8');
    expect(svelte).not.toContain('{@html');
  });

  it('gives every feature of record a card with a source and a confidence', () => {
    for (const d of Object.values(details)) {
      const card = buildCard(d, 'en');
      expect(card.source.length, d.id).toBeGreaterThan(3);
      expect(['high', 'medium', 'low']).toContain(card.confidence);
    }
  });

  it('in Chinese, a card shows no English note or kind; in English, no Chinese ones', () => {
    for (const d of Object.values(details)) {
      const zh = buildCard(d, 'zh');
      for (const r of zh.rows.filter((x) => x.label === '说明' || x.label === '类型'))
        expect(r.value, `${d.id} ${r.label}`).toMatch(/[\u4e00-\u9fff]/);
      const en = buildCard(d, 'en');
      // (Chinese in brackets is a proper name or term quoted, which English may show)
      for (const r of en.rows.filter((x) => x.label === 'Note' || x.label === 'Kind'))
        expect(r.value.replace(/\([^)]*\)/g, ''), `${d.id} ${r.label}`).not.toMatch(/[\u4e00-\u9fff]/);
    }
    expect(
      buildCard(details['unit-150781'], 'zh')
        .rows.map((r) => r.value)
        .join(' '),
    ).not.toContain('county-level city');
    expect(
      buildCard(details['unit-150781'], 'en')
        .rows.map((r) => r.value)
        .join(' '),
    ).toContain('county-level city');
    expect(
      buildCard(details['unit-150703'], 'en')
        .rows.map((r) => r.value)
        .join(' '),
    ).toContain('administered by Manzhouli (代管)');
    expect(buildCard(details['zone-lingxi'], 'zh').rows.find((r) => r.label === '说明')?.value).toMatch(/^方案将/);
    expect(buildCard(details['zone-lingxi'], 'en').rows.find((r) => r.label === 'Note')?.value).toMatch(
      /^The plan puts/,
    );
  });
});
