import { useEffect, useState } from 'react';
import { whenIdle } from './whenIdle';

/**
 * `value`, once the browser has a moment with nothing else to do: while the learner types, it
 * stays at what it was when they paused. For what nobody reads mid-keystroke (accessible names of
 * 300 wires) but that costs a lot to hand over on every change.
 */
export function useIdleValue<T>(value: T): T {
  const [idle, setIdle] = useState(value);
  useEffect(() => (idle === value ? undefined : whenIdle(() => setIdle(value))), [idle, value]);
  return idle;
}
