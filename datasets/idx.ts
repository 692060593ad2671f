import { basename } from 'node:path';
import { DatasetError } from './datasetError';
import type { Split } from './loadedDataset';
import { readDataFile, readDataFileHead } from './readDataFile';

/** What an IDX file holds: uint8 images (3 dimensions) or uint8 labels (1 dimension). */
export type IdxKind = 'images' | 'labels';

/** The header of an IDX file (http://yann.lecun.com/exdb/mnist/, "file formats"). */
export interface IdxHeader {
  readonly kind: IdxKind;
  /** e.g. [60000, 28, 28] for images, [60000] for labels. */
  readonly dims: readonly number[];
  /** Where the values start: 4 + 4 × dimensions. */
  readonly dataOffset: number;
  /** Size the whole (uncompressed) file must have. */
  readonly byteLength: number;
}

/** An IDX file's dimensions and its values, a view into the file's bytes (no copy). */
export interface IdxArray {
  readonly dims: readonly number[];
  readonly data: Uint8Array;
}

const RANK: Record<IdxKind, number> = { images: 3, labels: 1 };
const UBYTE = 0x08;
const hex = (b: Uint8Array) =>
  `0x${[...b.subarray(0, 4)].map((x) => x.toString(16).padStart(2, '0')).join('')}`;

/**
 * Reads and checks an IDX header: magic number 0x00000803 for uint8 images, 0x00000801 for
 * uint8 labels, then one big-endian uint32 per dimension.
 * @throws DatasetError `badMagic` or `truncated`
 */
export function parseIdxHeader(head: Uint8Array, path: string, kind: IdxKind): IdxHeader {
  const rank = RANK[kind];
  const expected = `0x000008${rank.toString(16).padStart(2, '0')}`;
  if (head.length < 4) throw truncated(path, 4 + 4 * rank, head.length, kind);
  if (head[0] !== 0 || head[1] !== 0 || head[2] !== UBYTE || head[3] !== rank) {
    throw new DatasetError('badMagic', path, badMagicMessage(head, path, kind, expected));
  }
  const dataOffset = 4 + 4 * rank;
  if (head.length < dataOffset) throw truncated(path, dataOffset, head.length, kind);
  const view = new DataView(head.buffer, head.byteOffset, dataOffset);
  const dims: number[] = [];
  for (let d = 0; d < rank; d++) dims.push(view.getUint32(4 + 4 * d, false));
  return { kind, dims, dataOffset, byteLength: dataOffset + dims.reduce((a, b) => a * b, 1) };
}

function badMagicMessage(head: Uint8Array, path: string, kind: IdxKind, expected: string): string {
  const found = hex(head);
  const name = basename(path);
  const other: IdxKind = kind === 'images' ? 'labels' : 'images';
  const swapped =
    head[0] === 0 && head[1] === 0 && head[2] === UBYTE && head[3] === RANK[other]
      ? ` It looks like an IDX ${other} file: are the images and labels files swapped?`
      : ' It is not an IDX file (or not one of uint8 values); get the original file again.';
  return `${name} (${path}) is not an IDX ${kind} file: its magic number is ${found}, expected ${expected}.${swapped}`;
}

function truncated(path: string, expected: number, got: number, kind: IdxKind): DatasetError {
  return new DatasetError(
    'truncated',
    path,
    `The IDX ${kind} file ${path} is cut short: expected ${expected} bytes, got ${got}. It was probably not fully downloaded or copied; get it again.`,
  );
}

/**
 * Parses a whole IDX file already in memory. The values are a view into `bytes`, not a copy.
 * @throws DatasetError `badMagic` or `truncated`
 */
export function parseIdx(bytes: Uint8Array, path: string, kind: IdxKind): IdxArray {
  const header = parseIdxHeader(bytes, path, kind);
  if (bytes.length < header.byteLength)
    throw truncated(path, header.byteLength, bytes.length, kind);
  const data = new Uint8Array(
    bytes.buffer,
    bytes.byteOffset + header.dataOffset,
    header.byteLength - header.dataOffset,
  );
  return { dims: header.dims, data };
}

/** Reads and parses an IDX file, gzipped or not. */
export async function readIdx(path: string, kind: IdxKind): Promise<IdxArray> {
  return parseIdx(await readDataFile(path, `IDX ${kind}`), path, kind);
}

/**
 * Reads only an IDX file's header. For an uncompressed file it also checks the file's size,
 * so a truncated file is caught without reading it.
 */
export async function readIdxHeader(path: string, kind: IdxKind): Promise<IdxHeader> {
  const { head, size } = await readDataFileHead(path, 4 + 4 * RANK[kind], `IDX ${kind}`);
  const header = parseIdxHeader(head, path, kind);
  if (size !== null && size < header.byteLength)
    throw truncated(path, header.byteLength, size, kind);
  return header;
}

function checkCounts(
  images: readonly number[],
  labels: readonly number[],
  imagesPath: string,
  labelsPath: string,
) {
  const [n = 0] = images;
  const [m = 0] = labels;
  if (n !== m) {
    throw new DatasetError(
      'countMismatch',
      imagesPath,
      `${imagesPath} holds ${n} images but ${labelsPath} holds ${m} labels: the two files must come from the same set (both train or both t10k).`,
    );
  }
}

/** Throws `badLabel` when a label is not below `classCount`. */
export function checkLabels(labels: Uint8Array, classCount: number, path: string): void {
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i] ?? 0;
    if (l >= classCount) {
      throw new DatasetError(
        'badLabel',
        path,
        `${path}: sample ${i} has label ${l}, but this data set has ${classCount} classes (0 to ${classCount - 1}). Is it the right labels file?`,
      );
    }
  }
}

/**
 * Loads an IDX images file and its labels file into one split (channels = 1).
 * @throws DatasetError on a missing, corrupt or mismatched file, or an out-of-range label
 */
export async function loadIdxSplit(
  imagesPath: string,
  labelsPath: string,
  classCount: number,
): Promise<Split> {
  const [images, labels] = await Promise.all([
    readIdx(imagesPath, 'images'),
    readIdx(labelsPath, 'labels'),
  ]);
  checkCounts(images.dims, labels.dims, imagesPath, labelsPath);
  checkLabels(labels.data, classCount, labelsPath);
  const [count = 0, h = 0, w = 0] = images.dims;
  // Labels are small: copy them out of the file buffer; the images stay a view (no 47 MB copy).
  return { images: images.data, labels: labels.data.slice(), count, shape: [h, w, 1] };
}

/** Counts and shape of an IDX pair, from the headers only. */
export async function describeIdxSplit(
  imagesPath: string,
  labelsPath: string,
): Promise<{ readonly count: number; readonly shape: readonly [number, number, number] }> {
  const [images, labels] = await Promise.all([
    readIdxHeader(imagesPath, 'images'),
    readIdxHeader(labelsPath, 'labels'),
  ]);
  checkCounts(images.dims, labels.dims, imagesPath, labelsPath);
  const [count = 0, h = 0, w = 0] = images.dims;
  return { count, shape: [h, w, 1] };
}
