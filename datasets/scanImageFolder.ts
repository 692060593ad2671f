import { readdir, stat } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import { extname, join } from 'node:path';
import { DatasetError } from './datasetError';
import { fileError } from './readDataFile';
import { hashString, shuffledRange } from './seededRandom';

/** File extensions decoded as images (case-insensitive); other files are ignored, as in Keras. */
export const IMAGE_EXTENSIONS: readonly string[] = ['.png', '.jpg', '.jpeg', '.webp', '.gif'];

/** The default share of each class held out for testing when a folder has no `test/`. */
export const DEFAULT_TEST_FRACTION = 0.2;

/** An image file and its class index. */
export interface ImageFile {
  readonly path: string;
  readonly label: number;
}

/** What an image folder holds, before any image is decoded. */
export interface ImageFolderScan {
  readonly root: string;
  /** `classFolders`: root/&lt;class&gt;/…; `trainTest`: root/train/&lt;class&gt;/… and root/test/&lt;class&gt;/…. */
  readonly layout: 'classFolders' | 'trainTest';
  /** Class folder names, sorted (label i is classNames[i]). */
  readonly classNames: readonly string[];
  readonly train: readonly ImageFile[];
  readonly test: readonly ImageFile[];
  /** From `validation/` or `val/` beside `train/` and `test/`, else null. */
  readonly validation: readonly ImageFile[] | null;
}

const isImage = (name: string) => IMAGE_EXTENSIONS.includes(extname(name).toLowerCase());
const isHidden = (name: string) => name.startsWith('.') || name === '__MACOSX';
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

async function entries(dir: string): Promise<Dirent[]> {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (e) {
    const err = fileError(e, dir, 'image');
    throw err.code === 'missing'
      ? new DatasetError(
          'missing',
          dir,
          `The image folder ${dir} does not exist. Choose a folder that holds one subfolder of images per class.`,
        )
      : err;
  }
}

async function isDirectory(dir: string, e: Dirent): Promise<boolean> {
  if (e.isDirectory()) return true;
  if (!e.isSymbolicLink()) return false;
  try {
    return (await stat(join(dir, e.name))).isDirectory();
  } catch {
    return false;
  }
}

async function subfolders(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await entries(dir))
    if (!isHidden(e.name) && (await isDirectory(dir, e))) out.push(e.name);
  return out.sort(byName);
}

/** Image files under `dir`, subfolders included, sorted by path so the order never varies. */
async function imagesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await entries(dir)) {
    if (isHidden(e.name)) continue;
    const path = join(dir, e.name);
    if (await isDirectory(dir, e)) out.push(...(await imagesUnder(path)));
    else if (isImage(e.name)) out.push(path);
  }
  return out.sort(byName);
}

/** Each class folder's images; an empty class folder is an error naming it. */
async function classFiles(dir: string, classNames: readonly string[]): Promise<string[][]> {
  const files: string[][] = [];
  for (const name of classNames) {
    const folder = join(dir, name);
    const found = await imagesUnder(folder);
    if (found.length === 0) {
      throw new DatasetError(
        'emptyClass',
        folder,
        `The class folder "${name}" (${folder}) holds no images (${IMAGE_EXTENSIONS.join(', ')}). Put its images in it, or remove the folder.`,
      );
    }
    files.push(found);
  }
  return files;
}

async function checkClassCount(dir: string, classNames: readonly string[]): Promise<void> {
  if (classNames.length >= 2) return;
  const loose = (await entries(dir)).some((e) => e.isFile() && isImage(e.name));
  const hint = loose
    ? ` The images lie directly in ${dir}: move them into one subfolder per class (e.g. hotdog/ and not_hotdog/).`
    : " Make one subfolder per class (e.g. hotdog/ and not_hotdog/), each holding that class's images.";
  const what =
    classNames.length === 0
      ? 'has no class folders'
      : `has only one class folder ("${classNames[0]}")`;
  throw new DatasetError(
    'tooFewClasses',
    dir,
    `The image folder ${dir} ${what}; a classifier needs at least two.${hint}`,
  );
}

/** Number of a class's n images held out for testing: at least one when n ≥ 2, never all. */
export function heldOutCount(n: number, fraction: number): number {
  if (n < 2 || fraction <= 0) return 0;
  return Math.min(n - 1, Math.max(1, Math.round(n * fraction)));
}

/**
 * Lists an image folder like Keras `image_dataset_from_directory`: one subfolder per class,
 * labels in sorted folder-name order. With `train/` and `test/` subfolders (each holding the
 * class folders) those are the splits; otherwise `testFraction` of each class is held out for
 * testing, chosen by a shuffle seeded with the class name, so the same files are always chosen.
 * @throws DatasetError `missing`, `emptyClass` or `tooFewClasses`
 */
export async function scanImageFolder(
  root: string,
  testFraction: number = DEFAULT_TEST_FRACTION,
): Promise<ImageFolderScan> {
  if (!(testFraction >= 0 && testFraction < 1))
    throw new RangeError(`testFraction must be in [0, 1), got ${testFraction}`);
  const top = await subfolders(root);
  if (top.includes('train') && top.includes('test')) return scanSplitLayout(root, top);

  await checkClassCount(root, top);
  const files = await classFiles(root, top);
  const train: ImageFile[] = [];
  const test: ImageFile[] = [];
  files.forEach((paths, label) => {
    const heldOut = new Uint8Array(paths.length);
    const order = shuffledRange(paths.length, hashString(top[label] ?? ''));
    const k = heldOutCount(paths.length, testFraction);
    for (let j = paths.length - k; j < paths.length; j++) heldOut[order[j]!] = 1;
    paths.forEach((path, i) => (heldOut[i] === 1 ? test : train).push({ path, label }));
  });
  return { root, layout: 'classFolders', classNames: top, train, test, validation: null };
}

async function scanSplitLayout(root: string, top: readonly string[]): Promise<ImageFolderScan> {
  const trainDir = join(root, 'train');
  const classNames = await subfolders(trainDir);
  await checkClassCount(trainDir, classNames);
  const train = labelled(await classFiles(trainDir, classNames));
  const test = await otherSplit(join(root, 'test'), classNames, trainDir);
  const valName = top.includes('validation') ? 'validation' : top.includes('val') ? 'val' : null;
  const validation =
    valName === null ? null : await otherSplit(join(root, valName), classNames, trainDir);
  return { root, layout: 'trainTest', classNames, train, test, validation };
}

/** A test or validation folder: its class folders must be ones that `train/` has too. */
async function otherSplit(
  dir: string,
  classNames: readonly string[],
  trainDir: string,
): Promise<ImageFile[]> {
  const names = await subfolders(dir);
  const unknown = names.find((n) => !classNames.includes(n));
  if (unknown !== undefined) {
    throw new DatasetError(
      'missing',
      join(dir, unknown),
      `${join(dir, unknown)} is a class that ${trainDir} does not have: every class needs training images. Add ${join(trainDir, unknown)} or remove it.`,
    );
  }
  const files = await classFiles(dir, names);
  return labelled(
    files,
    names.map((n) => classNames.indexOf(n)),
  );
}

function labelled(files: readonly (readonly string[])[], labels?: readonly number[]): ImageFile[] {
  return files.flatMap((paths, i) => paths.map((path) => ({ path, label: labels?.[i] ?? i })));
}
