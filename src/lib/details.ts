/** Feature details (every property, no geometry), fetched once on first need. */
import type { Details } from '../contracts/feature.ts';
import { loadDataFile } from './data-files.ts';

export const loadDetails = () =>
  loadDataFile('features.json', () => import('../contracts/feature.ts').then((m) => m.DetailsFileSchema)) as Promise<
    Record<string, Details>
  >;
