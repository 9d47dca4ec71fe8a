/**
 * The import bench's file: a generated GeoJSON of `n` features over Hulunbuir — 75 % points,
 * 15 % lines, 10 % polygons — each with a name and a long description, ≈ 100 MB at 200,000.
 * Deterministic (a fixed linear congruential generator), written once to bench-results/.
 */
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

export async function importBenchFile(path: string, n = 200_000): Promise<number> {
  if (existsSync(path)) return statSync(path).size;
  mkdirSync(dirname(path), { recursive: true });
  let seed = 42;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const lon = () => 115.6 + rnd() * 10.3,
    lat = () => 47.2 + rnd() * 6;
  const r6 = (v: number) => Math.round(v * 1e6) / 1e6;
  const text = 'Planning survey record; field notes on land use, population, facilities and access roads. '.repeat(4);
  const out = createWriteStream(path);
  const write = (s: string) =>
    new Promise<void>((res) => {
      if (!out.write(s)) out.once('drain', () => res());
      else res();
    });
  await write('{"type":"FeatureCollection","features":[\n');
  for (let i = 0; i < n; i++) {
    const x = lon(),
      y = lat();
    const k = i % 20;
    const geometry =
      k < 15
        ? { type: 'Point', coordinates: [r6(x), r6(y)] }
        : k < 18
          ? {
              type: 'LineString',
              coordinates: Array.from({ length: 5 }, (_, j) => [
                r6(x + j * 0.01 + rnd() * 0.005),
                r6(y + rnd() * 0.01),
              ]),
            }
          : {
              type: 'Polygon',
              coordinates: [
                [
                  [r6(x), r6(y)],
                  [r6(x + 0.01), r6(y)],
                  [r6(x + 0.012), r6(y + 0.008)],
                  [r6(x + 0.004), r6(y + 0.012)],
                  [r6(x - 0.002), r6(y + 0.006)],
                  [r6(x), r6(y)],
                ],
              ],
            };
    await write(
      `${i ? ',\n' : ''}${JSON.stringify({ type: 'Feature', properties: { id: i, name: `site ${i}`, kind: ['school', 'clinic', 'village', 'project'][i % 4], description: text, value: Math.round(rnd() * 1e6) }, geometry })}`,
    );
  }
  await write('\n]}\n');
  await new Promise<void>((res) => out.end(() => res()));
  return statSync(path).size;
}
