import type { DatasetListing } from '../../shared/api/backendApi';
import type { DatasetRef } from '../../shared/training/datasetTypes';

/** One entry of the data-set menu. */
export interface DatasetChoice {
  readonly key: string;
  readonly label: string;
  /** A fixed data set; null for the ones that need a folder typed in (CIFAR-10, image folder). */
  readonly ref: DatasetRef | null;
  readonly kind: DatasetRef['kind'];
  /** Why it cannot be used and how to get it (the backend's words); null when usable. */
  readonly problem: string | null;
}

/** A stable key for a reference, to match the project's data set to a menu entry. */
export const refKey = (ref: DatasetRef): string => ('path' in ref && ref.path ? `${ref.kind}:${ref.path}` : ref.kind);

/** The menu: available data sets, missing ones (with how to get them), then the folder-based kinds. */
export function datasetChoices(listing: DatasetListing | null): DatasetChoice[] {
  const fixed: DatasetChoice[] = [
    ...(listing?.available ?? []).map((d) => ({ key: refKey(d.ref), label: d.title, ref: d.ref, kind: d.ref.kind, problem: null })),
    ...(listing?.missing ?? []).map((p) => ({ key: refKey(p.ref), label: `${p.title} (not available)`, ref: p.ref, kind: p.ref.kind, problem: p.message })),
  ];
  const seen = new Set<string>();
  const unique = fixed.filter((c) => !seen.has(c.key) && seen.add(c.key));
  return [
    ...unique,
    { key: 'cifar10:?', label: 'CIFAR-10 from a folder…', ref: null, kind: 'cifar10', problem: null },
    { key: 'folder:?', label: 'Image folder (one subfolder per class)…', ref: null, kind: 'folder', problem: null },
  ];
}
