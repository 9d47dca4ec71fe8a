/**
 * The attribute table's side of a planner's layers: which layer it shows, pages of its rows,
 * a row's place in the order asked, a filter and a style by field (the import worker keeps the
 * features, filters and colours their tiles, and keeps the choice over reloads), and a row
 * shown on the map with its card.
 */
import type * as maplibregl from 'maplibre-gl';
import type { Condition, RowsPage, RowsQuery, StyleSpec } from './table.ts';
import type { ImportedMeta } from './protocol.ts';
import type { ImportedPicks, ImportsHost } from './imported-picks.svelte.ts';

export class ImportedTable {
  /** the layer the attribute table shows (the table tool), or null for the first */
  layer = $state<string | null>(null);
  #host: ImportsHost;
  #picks: ImportedPicks;
  #restyled = 0;

  constructor(host: ImportsHost, picks: ImportedPicks) {
    this.#host = host;
    this.#picks = picks;
  }

  /** A page of a layer's table, from the worker (which keeps the features and their order). */
  rows(id: string, query: RowsQuery): Promise<RowsPage | null> {
    return this.#host.ask<RowsPage | null>((req) => ({ type: 'rows', req, layer: id, query }));
  }

  /** Draws a layer by a filter and a style by field (the worker colours and filters its tiles; kept over reloads). */
  async restyle(
    id: string,
    filter: Condition[],
    style: StyleSpec | null,
    sizeBy: string | null = null,
    labelBy: string | null = null,
  ): Promise<ImportedMeta | null> {
    const meta = await this.#host.ask<ImportedMeta | null>((req) => ({
      type: 'restyle',
      req,
      layer: id,
      filter,
      style,
      sizeBy,
      labelBy,
    }));
    if (!meta) return null;
    this.#host.update(meta);
    const source = this.#host.map()?.getSource(id) as maplibregl.VectorTileSource | undefined;
    source?.setTiles([`imported://${id}/{z}/{x}/{y}?s${++this.#restyled}`]);
    return meta;
  }

  /** Where a feature is among the table's rows in the order asked (−1: filtered out or searched away). */
  rowOf(id: string, query: Omit<RowsQuery, 'offset' | 'limit'>, index: number): Promise<number> {
    return this.#host.ask<number>((req) => ({ type: 'row-of', req, layer: id, query, index }));
  }

  /** A row of the table shown: the map goes to its feature and opens its card. */
  async showRow(id: string, index: number): Promise<void> {
    const layer = this.#host.layers().find((l) => l.id === id);
    const bbox = await this.#host.ask<[number, number, number, number] | null>((req) => ({
      type: 'bbox',
      req,
      layer: id,
      index,
    }));
    if (!layer || !bbox) return;
    // above the table (its panel takes the map's lower part), beside the card
    this.#host.camera().fitTo(bbox, true, 'bottom');
    await this.#picks.pick({ layer, index });
  }
}
