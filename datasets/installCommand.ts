import { basename, dirname } from 'node:path';

/** Quotes a path for a POSIX shell when it holds anything beyond plain path characters. */
const shellQuote = (path: string): string =>
  /^[\w@%+=:,./~-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;

/**
 * The command that puts CIFAR-10's binary version at `path`: its archive unpacks into
 * `cifar-10-batches-bin`, so it is unpacked into that folder's parent.
 */
export function cifar10InstallCommand(path: string): string {
  const into = basename(path) === 'cifar-10-batches-bin' ? dirname(path) : path;
  const q = shellQuote(into);
  return `mkdir -p ${q} && curl -L https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz | tar -xz -C ${q}`;
}
