import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { svgDataUri } from '../../scripts/data/overview.ts';

describe('the build-time overview', () => {
  it('writes an SVG as a data: address a browser reads back whole', () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg"><path d="M1,2L3,4Z" fill="#e9e6df" stroke="#a0%" font-family="'Noto Sans'"/></svg>`;
    const uri = svgDataUri(svg);
    expect(uri.startsWith('data:image/svg+xml,')).toBe(true);
    expect(uri.slice('data:image/svg+xml,'.length)).not.toMatch(/[#"'<>]/);
    expect(decodeURIComponent(uri.slice('data:image/svg+xml,'.length))).toBe(svg);
  });

  it("draws the page's overview as one image under the names, the names in both languages", () => {
    const html = readFileSync('public/data/overview.html', 'utf8');
    const svg = html.slice(0, html.indexOf('</svg>'));
    // the shapes are inside the image, not inline (an inline shape is no candidate for the largest paint)
    expect(svg.match(/<image class="overview-drawing" href="data:image\/svg\+xml,/g)).toHaveLength(1);
    expect(svg).not.toMatch(/<path|<circle/);
    const zh = svg.match(/<text class="zh"/g) ?? [];
    expect(zh.length).toBeGreaterThan(10);
    expect(svg.match(/<text class="en"/g)).toHaveLength(zh.length);
  });
});
