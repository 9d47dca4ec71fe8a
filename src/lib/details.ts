/** Feature details (every property, no geometry), fetched once on first need. */
import { DetailsFileSchema, type Details } from '../contracts/feature.ts';
import { loadDataFile } from './data-files.ts';

export const loadDetails = () => loadDataFile('features.json', DetailsFileSchema) as Promise<Record<string, Details>>;
