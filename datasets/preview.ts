import type { DatasetPreview, DatasetRef, TestImages } from '../shared/training/datasetTypes';
import { datasetDef } from './datasetRegistry';

/**
 * A few sample images per class for the dashboard's strip. Reads as little as it can: the test
 * files of IDX and CIFAR-10 sets, and only `perClass` images of each image-folder class.
 */
export function datasetPreview(ref: DatasetRef, perClass: number): Promise<DatasetPreview> {
  return datasetDef(ref).preview(ref, perClass);
}

/**
 * A window onto the test split, for picking an input to look inside a trained network with.
 * An image folder's test images are its held-out files; one that cannot be decoded is left out.
 */
export function testImages(ref: DatasetRef, start: number, count: number): Promise<TestImages> {
  return datasetDef(ref).testImages(ref, start, count);
}
