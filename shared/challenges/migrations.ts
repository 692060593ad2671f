/**
 * Upgrades challenge data from `version` to the current version, one step at a time.
 * `steps[n]` turns a version-n file into a version-(n+1) file. Version 1 is the first format,
 * so there are no steps yet; the hook exists so a future format change only adds an entry.
 */
const steps: Readonly<Record<number, (data: Record<string, unknown>) => Record<string, unknown>>> =
  {};

export function migrateChallenge(data: unknown, version: number): unknown {
  let current = data as Record<string, unknown>;
  for (let v = version; steps[v]; v++) {
    const step = steps[v];
    if (step) current = { ...step(current), version: v + 1 };
  }
  return current;
}
