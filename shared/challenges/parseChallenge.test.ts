import { describe, expect, it } from 'vitest';
import { newProject } from '../project/newProject';
import { parseProjectFile, serializeProject } from '../project/parseProject';
import { stackGraph } from '../templates/stackGraph';
import { BUILTIN_CHALLENGES } from './builtinChallenges';
import type { ChallengeFile } from './challengeFile';
import { challengeProject } from './challengeProject';
import { parseChallengeFile, serializeChallenge } from './parseChallenge';

const good: ChallengeFile = {
  format: 'netcanvas-challenge',
  version: 1,
  title: 'Small and right',
  goal: {
    dataset: 'mnist',
    maxParams: 20_000,
    minTestAccuracy: 0.98,
    maxEpochs: 1,
    requiredLayers: ['Conv2D'],
    forbiddenLayers: ['Dropout'],
    maxLayers: { Dense: 1 },
  },
  start: stackGraph([
    ['InputLayer', { shape: [28, 28, 1] }],
    ['Flatten'],
    ['Dense', { units: 10, activation: 'softmax' }],
  ]),
  lockedBlocks: ['input_layer', 'dense'],
  fixedSettings: { epochs: 1, batchSize: 32 },
  hints: ['Try a convolution.'],
};

const broken = (mutate: (c: Record<string, unknown>) => void) => {
  const data = JSON.parse(serializeChallenge(good)) as Record<string, unknown>;
  mutate(data);
  return JSON.stringify(data);
};
const goal = (c: Record<string, unknown>) => c.goal as Record<string, unknown>;

describe('challenge files', () => {
  it('round-trips a challenge through its text form', () => {
    expect(parseChallengeFile(serializeChallenge(good))).toEqual(good);
  });

  it('reads a challenge with only a data set and one condition', () => {
    const c = parseChallengeFile(
      '{"format":"netcanvas-challenge","version":1,"title":"T","goal":{"dataset":"fashion-mnist","maxParams":1000}}',
    );
    expect(c.goal).toEqual({ dataset: 'fashion-mnist', maxParams: 1000 });
  });

  it.each([
    ['an empty file', '', 'the file is empty'],
    [
      'a project instead',
      serializeProject(newProject('P', good.start!)),
      'format: not a NetCanvas challenge (expected "format": "netcanvas-challenge")',
    ],
    [
      'a newer version',
      broken((c) => (c.version = 2)),
      'version: this challenge was written for a newer NetCanvas (file version 2, this one reads up to 1); update NetCanvas to open it',
    ],
    [
      'a version that is text',
      broken((c) => (c.version = 'one')),
      'version: expected a whole number ≥ 1, got "one"',
    ],
    [
      'no title',
      broken((c) => delete c.title),
      'title: Invalid input: expected string, received undefined',
    ],
    [
      'a data set NetCanvas cannot find by itself',
      broken((c) => (goal(c).dataset = 'imagenet')),
      'goal.dataset: Invalid option: expected one of "mnist"|"fashion-mnist"',
    ],
    [
      'a parameter budget that is text',
      broken((c) => (goal(c).maxParams = '20k')),
      'goal.maxParams: Invalid input: expected number, received string',
    ],
    [
      'an accuracy given in percent',
      broken((c) => (goal(c).minTestAccuracy = 98)),
      'goal.minTestAccuracy: Too big: expected number to be <=1',
    ],
    [
      'zero epochs',
      broken((c) => (goal(c).maxEpochs = 0)),
      'goal.maxEpochs: Too small: expected number to be >=1',
    ],
    [
      'a misspelt layer class',
      broken((c) => (goal(c).requiredLayers = ['Conv2d'])),
      'goal.requiredLayers[0]: "Conv2d" is not a layer NetCanvas knows (Keras class names, like Conv2D or Dense)',
    ],
    [
      'a misspelt layer class as a key',
      broken((c) => (goal(c).maxLayers = { dense: 1 })),
      'goal.maxLayers.dense: "dense" is not a layer NetCanvas knows (Keras class names, like Conv2D or Dense)',
    ],
    [
      'a misspelt goal field',
      broken((c) => (goal(c).maxParameters = 5)),
      'goal: Unrecognized key: "maxParameters"',
    ],
    [
      'a goal with only a data set',
      broken((c) => (c.goal = { dataset: 'mnist' })),
      'goal: a goal needs at least one condition besides the data set (maxParams, minTestAccuracy, maxEpochs, requiredLayers, forbiddenLayers or maxLayers)',
    ],
    [
      'a locked block that is not there',
      broken((c) => (c.lockedBlocks = ['input_layer', 'conv2d'])),
      'lockedBlocks[1]: "conv2d" is not a block of the starting network (start.nodes[…].id)',
    ],
    [
      'a bad starting block',
      broken((c) => ((c.start as { nodes: { position: unknown }[] }).nodes[1]!.position = 'top')),
      'start.nodes[1].position: Invalid input: expected object, received string',
    ],
    [
      'a setting that cannot be fixed',
      broken((c) => (c.fixedSettings = { augmentation: null })),
      'fixedSettings: Unrecognized key: "augmentation"',
    ],
    [
      'a fixed batch size of 0',
      broken((c) => (c.fixedSettings = { batchSize: 0 })),
      'fixedSettings.batchSize: Too small: expected number to be >=1',
    ],
    [
      'more fixed epochs than allowed',
      broken((c) => (c.fixedSettings = { epochs: 3 })),
      'fixedSettings.epochs: 3 epochs is more than the goal allows (goal.maxEpochs is 1)',
    ],
    [
      'an empty hint',
      broken((c) => (c.hints = ['Try this.', ''])),
      'hints[1]: Too small: expected string to have >=1 characters',
    ],
  ])('names the exact problem in %s', (_t, text, message) => {
    expect(() => parseChallengeFile(text)).toThrow(message);
    try {
      parseChallengeFile(text);
    } catch (e) {
      expect((e as Error).message).toBe(message);
    }
  });
});

describe('a challenge travels with the project', () => {
  it('is kept when the project is saved and reopened', () => {
    const project = challengeProject(good);
    expect(parseProjectFile(serializeProject(project)).challenge).toEqual(good);
  });

  it('starts from the challenge: its network, data set, fixed settings and epochs', () => {
    const project = challengeProject(good);
    expect(project.graph).toEqual(good.start);
    expect(project.dataset).toEqual({ kind: 'mnist' });
    expect([project.training.epochs, project.training.batchSize]).toEqual([1, 32]);
  });

  it('names a problem inside the challenge by its path in the project', () => {
    const text = serializeProject(challengeProject(good)).replace(
      '"maxParams": 20000',
      '"maxParams": -1',
    );
    expect(() => parseProjectFile(text)).toThrow(
      'challenge.goal.maxParams: Too small: expected number to be >=1',
    );
  });

  it('reads a project written before challenges existed as one without a challenge', () => {
    expect(
      parseProjectFile(serializeProject(newProject('Old', good.start!))).challenge,
    ).toBeUndefined();
  });
});

describe('the challenges that ship with NetCanvas', () => {
  it.each(BUILTIN_CHALLENGES.map((c) => [c.title, c] as const))(
    '%s is a valid challenge file',
    (_t, c) => {
      expect(parseChallengeFile(serializeChallenge(c))).toEqual(c);
    },
  );
});
