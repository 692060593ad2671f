import { KerasImportError } from './kerasImportError';

/** A JSON object. */
export type JsonObject = Readonly<Record<string, unknown>>;

export const isObject = (v: unknown): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value as a message shows it: JSON, cut short. */
export function show(v: unknown): string {
  let s: string;
  try {
    s = v === undefined ? 'nothing' : (JSON.stringify(v) ?? typeof v);
  } catch {
    s = String(v);
  }
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** Deeper than any model file Keras or tfjs writes (about 12 levels), shallow enough to walk safely. */
export const MAX_DEPTH = 64;

/**
 * Throws when `value` nests deeper than `max` arrays/objects. Walks with an explicit stack, so a
 * hostile file (100k nested arrays) cannot overflow the call stack here or in later recursive code.
 */
export function checkDepth(value: unknown, max = MAX_DEPTH): void {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (typeof v !== 'object' || v === null) continue;
    if (depth > max)
      throw new KerasImportError(
        '',
        `the JSON nests deeper than ${max} levels; no Keras or TensorFlow.js model file does that`,
      );
    for (const child of Array.isArray(v) ? v : Object.values(v))
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
  }
}
