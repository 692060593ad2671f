import type { DatasetListing } from '../../shared/api/backendApi';
import { DATASET_KINDS } from '../../shared/training/datasetKinds';
import type { DatasetKind, DatasetRef } from '../../shared/training/datasetTypes';

/** One entry of the data-set menu. */
export interface DatasetChoice {
  readonly key: string;
  readonly label: string;
  /** A fixed data set; null for the ones that need a folder typed in (CIFAR-10, image folder). */
  readonly ref: DatasetRef | null;
  readonly kind: DatasetKind;
  /** Why it cannot be used and how to get it (the backend's words); null when usable. */
  readonly problem: string | null;
}

/** A stable key for a reference, to match the project's data set to a menu entry. */
export const refKey = (ref: DatasetRef): string =>
  'path' in ref && ref.path ? `${ref.kind}:${ref.path}` : ref.kind;

/** The key of the menu entry that asks for a folder of this kind. */
const typedInKey = (kind: DatasetKind): string => `${kind}:?`;

/**
 * The menu entry a project's data set belongs to: the "type a folder" entry for kinds whose
 * folder the learner chooses, else the entry of that very data set.
 */
export const choiceKey = (ref: DatasetRef): string =>
  DATASET_KINDS[ref.kind].path === 'required' ? typedInKey(ref.kind) : refKey(ref);

/** The menu: available data sets, missing ones (with how to get them), then the folder-based kinds. */
export function datasetChoices(listing: DatasetListing | null): DatasetChoice[] {
  const fixed: DatasetChoice[] = [
    ...(listing?.available ?? []).map((d) => ({
      key: refKey(d.ref),
      label: d.title,
      ref: d.ref,
      kind: d.ref.kind,
      problem: null,
    })),
    ...(listing?.missing ?? []).map((p) => ({
      key: refKey(p.ref),
      label: `${p.title} (not available)`,
      ref: p.ref,
      kind: p.ref.kind,
      problem: p.message,
    })),
  ];
  const seen = new Set<string>();
  const unique = fixed.filter((c) => !seen.has(c.key) && seen.add(c.key));
  const typedIn = Object.values(DATASET_KINDS).filter((k) => k.path === 'required');
  return [
    ...unique,
    ...typedIn.map((k) => ({
      key: typedInKey(k.kind),
      label: k.chooseLabel ?? k.title,
      ref: null,
      kind: k.kind,
      problem: null,
    })),
  ];
}
