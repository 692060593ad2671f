import { layerDef } from './catalogue';

/** The base of Keras's automatic names for a class: `conv2d`, `max_pooling2d`; unknown classes lower-cased. */
export function namePrefixOf(type: string): string {
  return layerDef(type)?.namePrefix ?? type.toLowerCase();
}

/**
 * Keras's automatic layer names: each call gives the next free name for its class, `conv2d`,
 * then `conv2d_1`, `conv2d_2`, ..., skipping names already `taken` (and those it gave).
 * The one place the naming rule is written: the canvas's edits, the Keras reader and the test
 * builders all name layers through it.
 */
export function layerNamer(taken: Iterable<string> = []): (type: string) => string {
  const used = new Set(taken);
  const next = new Map<string, number>();
  return (type) => {
    const base = namePrefixOf(type);
    let k = next.get(base) ?? 0;
    let name = k === 0 ? base : `${base}_${k}`;
    while (used.has(name)) name = `${base}_${++k}`;
    next.set(base, k + 1);
    used.add(name);
    return name;
  };
}
