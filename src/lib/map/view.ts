/** The city's bounding box (WGS84), checked against geodata/city.geojson by a unit test. */
export const CITY_BOUNDS: [[number, number], [number, number]] = [
  [115.52, 47.09],
  [126.07, 53.34],
];

/** The closest a tour step fitted to its places comes, on the screen and on a handout's page. */
export const FIT_MAX_ZOOM = 11;
