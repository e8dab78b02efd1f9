import type { Dataset, DatasetId } from '../dataset.js';
import { gleifLeiDataset } from './gleif-lei.js';
import { gleifRrDataset } from './gleif-rr.js';
import { ukBasicDataset } from './uk-basic.js';
import { ukPscDataset } from './uk-psc.js';

export const DATASETS: Record<DatasetId, Dataset> = {
  'uk-basic': ukBasicDataset,
  'uk-psc': ukPscDataset,
  'gleif-lei': gleifLeiDataset,
  'gleif-rr': gleifRrDataset,
};
