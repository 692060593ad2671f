/** Images an image folder could not use, and why: reported when it loads, in the run's events, the dashboard and the CLI. */
export interface SkippedImages {
  readonly count: number;
  /** How many files for each reason, most common first. */
  readonly reasons: readonly { readonly reason: string; readonly count: number }[];
  /** The first few files, each with its reason, so the learner can find and fix them. */
  readonly first: readonly { readonly path: string; readonly reason: string }[];
}

/** At most this many skipped files are listed by path. */
export const SKIPPED_LISTED = 10;

/** Gathers skipped files into a {@link SkippedImages} report, or undefined when none was skipped. */
export function skippedImages(
  files: readonly { readonly path: string; readonly reason: string }[],
): SkippedImages | undefined {
  if (files.length === 0) return undefined;
  const byReason = new Map<string, number>();
  for (const f of files) byReason.set(f.reason, (byReason.get(f.reason) ?? 0) + 1);
  const reasons = [...byReason]
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count);
  return { count: files.length, reasons, first: files.slice(0, SKIPPED_LISTED) };
}

/**
 * One line for a learner: `Skipped 3 images that could not be read: 2 not a PNG, JPEG, WebP or
 * GIF image, 1 empty file (0 bytes). First: /data/pets/dog/notes.jpg (empty file (0 bytes)).`
 */
export function skippedImagesNote(s: SkippedImages): string {
  const first = s.first[0];
  const why = s.reasons.map((r) => `${r.count} ${r.reason}`).join(', ');
  return `Skipped ${s.count} image${s.count === 1 ? '' : 's'} that could not be read: ${why}.${first ? ` First: ${first.path} (${first.reason}).` : ''}`;
}
