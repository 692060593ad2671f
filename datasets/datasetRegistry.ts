import type { DatasetKind, DatasetRef } from '../shared/training/datasetRef';
import { cifar10Dataset } from './cifar10Dataset';
import type { DatasetDef } from './defineDataset';
import { fashionMnistDataset } from './fashionMnistDataset';
import { imageFolderDataset } from './imageFolderDataset';
import { mnistDataset } from './mnistDataset';

/** Every data-set kind's definition, keyed by kind: the one place a kind is looked up. */
export const DATASETS: { readonly [K in DatasetKind]: DatasetDef<K> } = {
  mnist: mnistDataset,
  'fashion-mnist': fashionMnistDataset,
  cifar10: cifar10Dataset,
  folder: imageFolderDataset,
};

/**
 * The definition of a reference's kind. Call its functions with this same `ref`: the definition
 * is the one for `ref.kind`, so the kinds agree (TypeScript cannot follow that correlation
 * through a union, hence the one cast here instead of one per caller).
 */
export function datasetDef(ref: DatasetRef): DatasetDef<DatasetKind> {
  return DATASETS[ref.kind] as unknown as DatasetDef<DatasetKind>;
}
