import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import sharp from 'sharp';
import { errorMessage } from '../shared/errors/errorMessage';
import type { DatasetInfo, DatasetRef } from '../shared/training/datasetTypes';
import { skippedImages } from '../shared/training/skippedImages';
import { DatasetError } from './datasetError';
import { labelArray } from './loadedDataset';
import type { LoadOptions, LoadedDataset, Split } from './loadedDataset';
import { DEFAULT_TEST_FRACTION, scanImageFolder } from './scanImageFolder';
import type { ImageFile, ImageFolderScan } from './scanImageFolder';

type FolderRef = Extract<DatasetRef, { kind: 'folder' }>;

/** How many images are decoded at once: sharp works on libvips' own threads, this keeps them busy. */
const IN_FLIGHT = 4;

/** The sample shape a folder reference asks for: (height, width, 1 or 3). */
export function folderShape(ref: FolderRef): readonly [number, number, number] {
  const [h, w] = ref.imageSize;
  for (const side of [h, w]) {
    if (!Number.isInteger(side) || side < 1)
      throw new RangeError(`imageSize must be two positive whole numbers, got [${h}, ${w}]`);
  }
  return [h, w, ref.color === 'grayscale' ? 1 : 3];
}

/**
 * Decodes one PNG, JPEG, WebP or GIF file and resizes it to `shape` (stretching, like Keras's
 * default `crop_to_aspect_ratio=False`), as uint8 RGB or grayscale pixels. Transparent pixels
 * are laid on white; the EXIF orientation of phone photos is applied.
 * @throws whatever sharp throws for a file it cannot decode
 */
export async function decodeImage(
  path: string,
  shape: readonly [number, number, number],
): Promise<Uint8Array> {
  const [h, w, c] = shape;
  const { data, info } = await sharp(path)
    .rotate()
    .resize(w, h, { fit: 'fill' })
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 3 || data.length !== h * w * 3) {
    throw new Error(
      `decoded to ${info.width}×${info.height}×${info.channels}, expected ${w}×${h}×3`,
    );
  }
  return c === 3 ? data : luma(data);
}

/**
 * RGB to grey with ITU-R 601 weights in PIL's fixed-point form, as Keras/PIL `convert('L')` and
 * `tf.image.rgb_to_grayscale` do (libvips' own grey is CIE lightness: red would come out twice as light).
 */
function luma(rgb: Uint8Array): Uint8Array {
  const out = new Uint8Array(rgb.length / 3);
  for (let i = 0, j = 0; i < out.length; i++, j += 3) {
    out[i] = (rgb[j]! * 19595 + rgb[j + 1]! * 38470 + rgb[j + 2]! * 7471 + 0x8000) >>> 16;
  }
  return out;
}

/** A split decoded from image files, and the files that could not be decoded. */
export interface DecodedSplit {
  readonly split: Split;
  readonly skipped: readonly SkippedFile[];
}

/** A file that could not be decoded, and why in plain words. */
interface SkippedFile {
  readonly path: string;
  readonly reason: string;
}

/** Why sharp could not decode `path`, as a learner reads it. */
async function skipReason(path: string, error: unknown): Promise<string> {
  const size = await stat(path).then(
    (s) => s.size,
    () => null,
  );
  if (size === 0) return 'empty file (0 bytes)';
  const message = errorMessage(error);
  if (/unsupported image format/i.test(message)) return 'not a PNG, JPEG, WebP or GIF image';
  return `damaged image data (${message.replace(/^Input file has corrupt header: /, '').slice(0, 120)})`;
}

interface Progress {
  done: number;
  readonly total: number;
  readonly opts: LoadOptions;
}

/** Decodes `files` straight into one preallocated pixel array; unreadable files are skipped. */
async function decodeSplit(
  files: readonly ImageFile[],
  classCount: number,
  shape: readonly [number, number, number],
  progress: Progress,
): Promise<DecodedSplit> {
  const size = shape[0] * shape[1] * shape[2];
  const images = new Uint8Array(files.length * size);
  const ok = new Uint8Array(files.length);
  const why = new Map<number, string>();
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      progress.opts.signal?.throwIfAborted();
      const i = next++;
      try {
        images.set(await decodeImage(files[i]!.path, shape), i * size);
        ok[i] = 1;
      } catch (e) {
        // Counted and reported below; one bad file must not stop a folder of thousands.
        why.set(i, await skipReason(files[i]!.path, e));
      }
      progress.done++;
      progress.opts.onProgress?.(progress.done, progress.total);
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, files.length) }, worker));
  progress.opts.signal?.throwIfAborted();

  // Close the gaps the skipped files left, in place (no second pixel array).
  const labels = labelArray(classCount, files.length);
  const skipped: SkippedFile[] = [];
  let count = 0;
  files.forEach((file, i) => {
    if (ok[i] !== 1)
      return void skipped.push({ path: file.path, reason: why.get(i) ?? 'could not be decoded' });
    if (count !== i) images.copyWithin(count * size, i * size, (i + 1) * size);
    labels[count++] = file.label;
  });
  return {
    split: {
      images: images.subarray(0, count * size),
      labels: labels.subarray(0, count),
      count,
      shape,
    },
    skipped,
  };
}

function classFolder(scan: ImageFolderScan, label: number): string {
  const name = scan.classNames[label] ?? '';
  return scan.layout === 'trainTest' ? join(scan.root, 'train', name) : join(scan.root, name);
}

/** A class whose every training image failed to decode cannot be learnt: say which. */
function checkEveryClassReadable(scan: ImageFolderScan, train: Split): void {
  const present = new Uint8Array(scan.classNames.length);
  for (const l of train.labels) present[l] = 1;
  const label = present.indexOf(0);
  if (label === -1) return;
  const folder = classFolder(scan, label);
  const tried = scan.train.filter((f) => f.label === label).length;
  throw new DatasetError(
    'unreadable',
    folder,
    `None of the ${tried} training images in the class folder "${scan.classNames[label]}" (${folder}) could be decoded. NetCanvas reads PNG, JPEG, WebP and GIF files; re-save them in one of those formats.`,
  );
}

/**
 * Loads a folder of images (one subfolder per class), decoded and resized with sharp.
 * Images that cannot be decoded are skipped and reported, with why, in `info.skipped`.
 * @throws DatasetError `missing`, `emptyClass`, `tooFewClasses`, or `unreadable` when a class has no readable image
 */
export async function loadImageFolder(
  ref: FolderRef,
  opts: LoadOptions = {},
): Promise<LoadedDataset> {
  const shape = folderShape(ref);
  const scan = await scanImageFolder(ref.path, ref.testFraction ?? DEFAULT_TEST_FRACTION);
  const total = scan.train.length + scan.test.length + (scan.validation?.length ?? 0);
  const progress: Progress = { done: 0, total, opts };
  const train = await decodeSplit(scan.train, scan.classNames.length, shape, progress);
  checkEveryClassReadable(scan, train.split);
  const test = await decodeSplit(scan.test, scan.classNames.length, shape, progress);
  const validation =
    scan.validation === null
      ? null
      : await decodeSplit(scan.validation, scan.classNames.length, shape, progress);
  const skipped = skippedImages([
    ...train.skipped,
    ...test.skipped,
    ...(validation?.skipped ?? []),
  ]);
  const info: DatasetInfo = {
    ...describeScan(ref, scan, shape),
    trainCount: train.split.count,
    testCount: test.split.count,
    ...(validation === null ? {} : { validationCount: validation.split.count }),
    ...(skipped ? { skipped } : {}),
  };
  return {
    info,
    train: train.split,
    test: test.split,
    ...(validation === null ? {} : { validation: validation.split }),
  };
}

/** An image folder's classes and counts, from listing it (no image is decoded, so none is known to be skipped). */
export async function describeImageFolder(ref: FolderRef): Promise<DatasetInfo> {
  const shape = folderShape(ref);
  return describeScan(
    ref,
    await scanImageFolder(ref.path, ref.testFraction ?? DEFAULT_TEST_FRACTION),
    shape,
  );
}

function describeScan(
  ref: FolderRef,
  scan: ImageFolderScan,
  shape: readonly [number, number, number],
): DatasetInfo {
  return {
    ref,
    title: basename(scan.root),
    inputShape: shape,
    classNames: scan.classNames,
    trainCount: scan.train.length,
    testCount: scan.test.length,
    ...(scan.validation === null ? {} : { validationCount: scan.validation.length }),
    source: scan.root,
  };
}
