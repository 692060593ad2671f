import { formatCount } from '../layers/shapeUtils';

/** Bytes per weight: NetCanvas models are float32, as Keras's default. */
export const BYTES_PER_PARAM = 4;

/**
 * A byte count as Keras's summary prints it (`476.29 KB`, `0.00 B`): powers of 1024, two decimals,
 * like keras.src.utils.summary_utils.readable_memory_size.
 */
export function readableSize(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
  let size = bytes;
  for (const unit of units.slice(0, -1)) {
    if (size / 1024 < 1) return `${size.toFixed(2)} ${unit}`;
    size /= 1024;
  }
  return `${size.toFixed(2)} PB`;
}

/** `121,930`: a count with thousands separators, as Python's `f"{n:,}"` (the shared `formatCount`). */
export const withCommas = formatCount;
