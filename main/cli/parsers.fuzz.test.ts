// A bounded fuzz of every parser entry point: project files, Keras / tfjs model.json, Keras 3
// config.json (readModelText reads them all), the summary, shape inference and the exports built
// from what was read. Seeds are real files, mutated at random places with random JSON; every
// input must be read or refused with the parser's own error (0 crashes) within a second (0 hangs).
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inferGraph } from '../../shared/graph/inferGraph';
import { JsonTextError, parseJsonText } from '../../shared/json/parseJsonText';
import { KerasExportError } from '../../shared/keras/kerasExportError';
import { toKerasTopology } from '../../shared/keras/toKerasTopology';
import {
  parseProjectFile,
  ProjectFileError,
  serializeProject,
} from '../../shared/project/parseProject';
import { PROJECT_TEMPLATES } from '../../shared/templates/projectTemplates';
import { formatIssues, formatSummary } from '../../shared/summary/formatSummary';
import { ModelTextError, readModelText } from '../../shared/summary/readModelText';
import { summaryJson } from '../../shared/summary/summaryJson';
import { pythonScript } from '../export/pythonScript';

const fixtures = join(import.meta.dirname, '..', '..', 'shared', 'keras', 'fixtures');
const seeds: unknown[] = [
  ...['keras', 'tfjs'].flatMap((d) =>
    readdirSync(join(fixtures, d)).map(
      (f) => JSON.parse(readFileSync(join(fixtures, d, f), 'utf8')) as unknown,
    ),
  ),
  ...PROJECT_TEMPLATES.slice(0, 4).map((t) => JSON.parse(serializeProject(t.project)) as unknown),
];

/** Every path to a value inside `v` (objects and arrays), the root included. */
function paths(
  v: unknown,
  at: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  out.push(at);
  if (typeof v === 'object' && v !== null)
    for (const [k, child] of Object.entries(v))
      paths(child, [...at, Array.isArray(v) ? Number(k) : k], out);
  return out;
}

/** `v` with the value at `path` replaced (a deep copy). */
function replaced(v: unknown, path: readonly (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const copy = (Array.isArray(v) ? [...(v as unknown[])] : { ...(v as object) }) as Record<
    string | number,
    unknown
  >;
  copy[head ?? 0] = replaced(copy[head ?? 0], rest, value);
  return copy;
}

const mutation = fc.tuple(
  fc.nat(),
  fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.constantFrom(1e308, -1, 0, 1e9, '', 'same', null, [1e9, 1e9, 3], [null, -5]),
  ),
);
const mutatedText = fc
  .tuple(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 4 }))
  .map(([seed, changes]) => {
    let v = seed;
    for (const [i, value] of changes) {
      const all = paths(v);
      v = replaced(v, all[i % all.length] ?? [], value);
    }
    return JSON.stringify(v);
  });
/** Text that is mostly not JSON: cut-off files, random characters, deep brackets. */
const brokenText = fc.oneof(
  mutatedText.chain((t) => fc.nat(t.length).map((n) => t.slice(0, n))),
  fc.string({ maxLength: 200 }),
  fc.nat(200).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
);

const TIME_LIMIT_MS = 20_000;
const HANG_MS = 1000;

/** Runs `f`, failing on any error but the expected kinds, and on a call slower than {@link HANG_MS}. */
function within(f: () => void, expected: readonly (abstract new (...a: never[]) => Error)[]): void {
  const started = performance.now();
  try {
    f();
  } catch (e) {
    if (!expected.some((E) => e instanceof E)) throw e;
  }
  expect(performance.now() - started).toBeLessThan(HANG_MS);
}

describe('fuzzed model and project files', () => {
  it('readModelText, the summary, inference and the exports: no crash, no hang', () => {
    fc.assert(
      fc.property(
        fc.oneof({ weight: 3, arbitrary: mutatedText }, { weight: 1, arbitrary: brokenText }),
        (text) => {
          within(() => {
            const model = readModelText(text);
            const report = inferGraph(model.graph);
            formatSummary(model.graph, report, { name: model.name });
            formatIssues(model.graph, report);
            summaryJson(model.graph, report);
            if (!report.ok) return;
            within(() => toKerasTopology(model.graph), [KerasExportError]);
            within(
              () =>
                pythonScript({
                  graph: model.graph,
                  settings: model.project?.training ?? PROJECT_TEMPLATES[0]!.project.training,
                  name: model.name,
                  dataset: { kind: 'mnist' },
                }),
              [KerasExportError],
            );
          }, [ModelTextError]);
        },
      ),
      { seed: 11, numRuns: 3000, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
  }, 60_000);

  it('parseProjectFile and parseJsonText: no crash, no hang', () => {
    fc.assert(
      fc.property(fc.oneof(mutatedText, brokenText), (text) => {
        within(() => parseProjectFile(text), [ProjectFileError]);
        within(() => parseJsonText(text), [JsonTextError]);
      }),
      { seed: 13, numRuns: 3000, interruptAfterTimeLimit: TIME_LIMIT_MS / 2 },
    );
  }, 60_000);
});
