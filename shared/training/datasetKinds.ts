import type { DatasetKind, DatasetRef } from './datasetRef';

/**
 * What the renderer, the schemas and the graph checks know about one kind of data set, without
 * reading it. The loaders (Node side) are `defineDataset`s in `datasets/`, one per kind, each
 * built on this entry.
 */
export interface DatasetKindSpec<K extends DatasetKind = DatasetKind> {
  readonly kind: K;
  /** The name a learner knows it by: `MNIST`, `CIFAR-10`. */
  readonly title: string;
  /** How many classes every data set of this kind has; null when the folder decides. */
  readonly classes: number | null;
  /**
   * Whether the data set needs a folder typed in: `none` (ships with NetCanvas), `optional`
   * (found in its usual place), `required` (the learner chooses it).
   */
  readonly path: 'none' | 'optional' | 'required';
  /** The label of the folder field, for kinds whose folder the learner types. */
  readonly pathLabel?: string;
  /** The data-set menu's entry that asks for such a folder. */
  readonly chooseLabel?: string;
  /** One line naming a reference of this kind: `CIFAR-10 (/data/cifar)`. */
  readonly label: (ref: Extract<DatasetRef, { readonly kind: K }>) => string;
}

const defineKind = <K extends DatasetKind>(spec: DatasetKindSpec<K>): DatasetKindSpec<K> => spec;

/** Every kind of data set, keyed by kind, in menu order. */
export const DATASET_KINDS: { readonly [K in DatasetKind]: DatasetKindSpec<K> } = {
  mnist: defineKind({
    kind: 'mnist',
    title: 'MNIST',
    classes: 10,
    path: 'none',
    label: () => 'MNIST',
  }),
  'fashion-mnist': defineKind({
    kind: 'fashion-mnist',
    title: 'Fashion-MNIST',
    classes: 10,
    path: 'optional',
    label: () => 'Fashion-MNIST',
  }),
  cifar10: defineKind({
    kind: 'cifar10',
    title: 'CIFAR-10',
    classes: 10,
    path: 'required',
    pathLabel: 'CIFAR-10 binary folder',
    chooseLabel: 'CIFAR-10 from a folder…',
    label: (ref) => `CIFAR-10 (${ref.path})`,
  }),
  folder: defineKind({
    kind: 'folder',
    title: 'Image folder',
    classes: null,
    path: 'required',
    pathLabel: 'Image folder',
    chooseLabel: 'Image folder (one subfolder per class)…',
    label: (ref) => `folder ${ref.path} (${ref.imageSize.join('×')} ${ref.color})`,
  }),
};

/** Every data-set kind, in menu order; also the short names the command line accepts (`--dataset mnist`). */
export const DATASET_NAMES = Object.keys(DATASET_KINDS) as DatasetKind[];

/** What NetCanvas knows about a reference's kind. */
export function datasetKind<K extends DatasetKind>(ref: { readonly kind: K }): DatasetKindSpec<K> {
  return DATASET_KINDS[ref.kind];
}

/** "MNIST", "CIFAR-10 (/data/cifar)", "folder /data/hotdog (64×64 rgb)". */
export function datasetLabel<K extends DatasetKind>(
  ref: Extract<DatasetRef, { readonly kind: K }>,
): string {
  return DATASET_KINDS[ref.kind].label(ref);
}

/** The class count of a kind whose data sets all have the same number of classes (10 for MNIST), else undefined. */
export function fixedClassCount(kind: DatasetKind | undefined): number | undefined {
  return kind === undefined ? undefined : (DATASET_KINDS[kind].classes ?? undefined);
}
