/** WCAG 2 contrast of a text colour on its halo (both over white; the text at its opacity over the halo). */
type RGBA = [number, number, number, number];

function parse(c: string): RGBA {
  const hex = /^#([0-9a-f]{6})$/i.exec(c);
  if (hex) {
    const n = Number.parseInt(hex[1], 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 1];
  }
  const rgb = /^rgba?\(([^)]+)\)$/.exec(c.replace(/\s/g, ''));
  if (rgb) {
    const [r, g, b, a = 1] = rgb[1].split(',').map(Number);
    return [r, g, b, a];
  }
  throw new Error(`a colour this cannot read: ${c}`);
}

const over = ([r, g, b, a]: RGBA, [R, G, B]: RGBA): RGBA => [
  r * a + R * (1 - a),
  g * a + G * (1 - a),
  b * a + B * (1 - a),
  1,
];

function luminance([r, g, b]: RGBA): number {
  const lin = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrast(text: string, halo: string, opacity = 1): number {
  const h = over(parse(halo), [255, 255, 255, 1]);
  const t = parse(text);
  const fg = over([t[0], t[1], t[2], t[3] * opacity], h);
  const [hi, lo] = [luminance(fg), luminance(h)].sort((a, b) => b - a);
  return (hi + 0.05) / (lo + 0.05);
}
