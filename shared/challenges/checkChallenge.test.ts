import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../api/backendApi';
import { newRunRecord } from '../api/backendApi';
import { inferGraph } from '../graph/inferGraph';
import { setParam } from '../graph/edits';
import type { Graph } from '../graph/types';
import { stackGraph } from '../templates/stackGraph';
import type { DatasetRef } from '../training/datasetTypes';
import { DEFAULT_TRAINING } from '../training/settings';
import type { TrainingSettings } from '../training/settings';
import { BUILTIN_CHALLENGES } from './builtinChallenges';
import type { ChallengeFile } from './challengeFile';
import { checkChallenge } from './checkChallenge';

const small = BUILTIN_CHALLENGES[0]!;
const start = small.start!;
/** The starting CNN with its hidden Dense layer at 16 units: 17,786 parameters. */
const shrunk = setParam(start, 'dense', 'units', 16);
const training: TrainingSettings = { ...DEFAULT_TRAINING, epochs: 1 };

const work = (graph: Graph, t: TrainingSettings = training) => ({
  graph,
  report: inferGraph(graph),
  dataset: { kind: 'mnist' } as DatasetRef,
  training: t,
});
const stateOf = (challenge: ChallengeFile, w: ReturnType<typeof work>, runs: RunRecord[] = []) =>
  Object.fromEntries(
    checkChallenge(challenge, w, runs, (g) => inferGraph(g)).map((c) => [c.id, c.state]),
  );

function finished(
  graph: Graph,
  accuracy: number,
  settings: TrainingSettings = training,
  status: RunRecord['status'] = 'done',
): RunRecord {
  const run = newRunRecord(
    'r1',
    { title: 'CNN', graph, dataset: { kind: 'mnist' }, settings, backend: 'auto' },
    0,
    0,
  );
  return {
    ...run,
    status,
    result: {
      testLoss: 0.1,
      testAccuracy: accuracy,
      confusion: [],
      perClassAccuracy: [],
      misclassified: [],
    },
  };
}

describe('checkChallenge', () => {
  it('judges the parameter budget from the inferred network, as it is edited', () => {
    expect(stateOf(small, work(start)).maxParams).toBe('unmet');
    expect(checkChallenge(small, work(start)).find((c) => c.id === 'maxParams')).toMatchObject({
      label: 'At most 20,000 parameters',
      detail: '30,762 now',
    });
    expect(stateOf(small, work(shrunk)).maxParams).toBe('met');
  });

  it('does not count parameters of a network with errors', () => {
    const brokenGraph = setParam(start, 'conv2d', 'filters', -3);
    expect(
      checkChallenge(small, work(brokenGraph)).find((c) => c.id === 'maxParams'),
    ).toMatchObject({ state: 'unknown', detail: 'fix the network’s errors to count them' });
  });

  it('knows the accuracy only once a run has finished', () => {
    expect(stateOf(small, work(shrunk)).minTestAccuracy).toBe('unknown');
    expect(
      stateOf(small, work(shrunk), [finished(shrunk, 0.99, training, 'running')]).minTestAccuracy,
    ).toBe('unknown');
    expect(stateOf(small, work(shrunk), [finished(shrunk, 0.965)]).minTestAccuracy).toBe('unmet');
    expect(
      stateOf(small, work(shrunk), [finished(shrunk, 0.965), finished(shrunk, 0.972)])
        .minTestAccuracy,
    ).toBe('met');
  });

  it('counts only runs that keep the fixed settings and the network conditions', () => {
    const twoEpochs = checkChallenge(
      small,
      work(shrunk),
      [finished(shrunk, 0.99, { ...training, epochs: 2 })],
      (g) => inferGraph(g),
    );
    expect(twoEpochs.find((c) => c.id === 'minTestAccuracy')).toMatchObject({
      state: 'unknown',
      detail: 'the last run does not count: trained for more than 1 epoch',
    });
    const big = checkChallenge(small, work(shrunk), [finished(start, 0.99)], (g) => inferGraph(g));
    expect(big.find((c) => c.id === 'minTestAccuracy')).toMatchObject({
      state: 'unknown',
      detail: 'the last run does not count: its network breaks a condition above',
    });
    const fixedBatch: ChallengeFile = { ...small, fixedSettings: { epochs: 1, batchSize: 32 } };
    const batch = checkChallenge(fixedBatch, work(shrunk), [finished(shrunk, 0.99)], (g) =>
      inferGraph(g),
    );
    expect(batch.find((c) => c.id === 'minTestAccuracy')).toMatchObject({
      state: 'unknown',
      detail: 'the last run does not count: a fixed setting was changed (batchSize)',
    });
  });

  it('checks required, forbidden and counted layer classes', () => {
    const layers = BUILTIN_CHALLENGES[2]!;
    const flat = layers.start!;
    expect(stateOf(layers, work(flat))).toMatchObject({
      'required:Conv2D': 'unmet',
      'max:Dense': 'met',
    });
    const cnn = stackGraph([
      ['InputLayer', { shape: [28, 28, 1] }],
      ['Conv2D', { filters: 8, kernel_size: [3, 3] }],
      ['Flatten'],
      ['Dense', { units: 32 }],
      ['Dense', { units: 10, activation: 'softmax' }],
    ]);
    expect(stateOf(layers, work(cnn))).toMatchObject({
      'required:Conv2D': 'met',
      'max:Dense': 'unmet',
    });
    const noDropout: ChallengeFile = {
      ...small,
      goal: { dataset: 'mnist', forbiddenLayers: ['Conv2D'] },
    };
    expect(stateOf(noDropout, work(cnn))['forbidden:Conv2D']).toBe('unmet');
    expect(stateOf(noDropout, work(flat))['forbidden:Conv2D']).toBe('met');
  });

  it('checks the data set and the epochs the learner set', () => {
    expect(stateOf(small, { ...work(shrunk), dataset: { kind: 'fashion-mnist' } }).dataset).toBe(
      'unmet',
    );
    expect(stateOf(small, work(shrunk, { ...training, epochs: 3 })).maxEpochs).toBe('unmet');
    expect(stateOf(small, work(shrunk)).maxEpochs).toBe('met');
  });
});
