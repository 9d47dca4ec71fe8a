/** Small geometry helpers shared by the map and the tour. */
export type BBox = [number, number, number, number];

/** The box around all the boxes given, or null for none. */
export function unionBBox(boxes: readonly (readonly number[])[]): BBox | null {
  if (!boxes.length) return null;
  return [
    Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3])),
  ];
}
