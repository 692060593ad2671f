import { z } from 'zod';
import { pathSchema } from '../api/pathSchema';

/** Height and width of an image folder's images after resizing. */
const imageSize = z.tuple([z.number().int().min(1).max(4096), z.number().int().min(1).max(4096)]);

/**
 * Where a data set comes from: the one definition, used by the project file, the API's argument
 * checks and (as {@link DatasetRef}) the code. MNIST ships with NetCanvas; the others live in
 * folders. Unknown fields are refused, so a typo is reported rather than silently dropped.
 */
export const datasetRefSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('mnist') }),
  /** Without a path, Debian's /usr/share/datasets/fashion-mnist. */
  z.strictObject({ kind: z.literal('fashion-mnist'), path: pathSchema.optional() }),
  z.strictObject({ kind: z.literal('cifar10'), path: pathSchema }),
  z.strictObject({
    kind: z.literal('folder'),
    path: pathSchema,
    /** Height and width every image is resized to. */
    imageSize,
    color: z.enum(['grayscale', 'rgb']),
    /**
     * Share of each class held out as the test split when the folder has no `train/` and
     * `test/` subfolders (default 0.2). The choice is deterministic: the same files always
     * land in the same split.
     */
    testFraction: z.number().gt(0).lt(1).optional(),
  }),
]);

type Deep<T> = T extends readonly unknown[] ? Readonly<T> : T;
type ReadonlyRef<T> = { readonly [K in keyof T]: Deep<T[K]> };

/** Where a data set comes from (see {@link datasetRefSchema}). */
export type DatasetRef = ReadonlyRef<z.output<typeof datasetRefSchema>>;

/** The kinds of data set NetCanvas reads. */
export type DatasetKind = DatasetRef['kind'];

/** The reference of one kind. */
export type DatasetRefOf<K extends DatasetKind> = Extract<DatasetRef, { readonly kind: K }>;
