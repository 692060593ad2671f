import { stackGraph } from '../templates/stackGraph';
import type { ChallengeFile } from './challengeFile';

const input = ['InputLayer', { shape: [28, 28, 1] }] as const;
const softmax10 = ['Dense', { units: 10, activation: 'softmax' }] as const;

/**
 * The challenges that ship with NetCanvas, in the order the start screen lists them. Each is an
 * ordinary challenge file (checked by `builtinChallenges.test.ts` through `parseChallengeFile`),
 * and each goal is within reach (docs/challenges.md says what was checked: the first, with a
 * 12,810-parameter CNN, reached 97.41% on MNIST in one epoch with the default settings).
 */
export const BUILTIN_CHALLENGES: readonly ChallengeFile[] = [
  {
    format: 'netcanvas-challenge',
    version: 1,
    title: 'Under 20,000 parameters, 97% on MNIST in one epoch',
    description:
      'This CNN has 30,762 parameters. Make it smaller than 20,000 and still reach 97% test accuracy after a single epoch. Convolutions share their weights; Dense layers do not.',
    goal: { dataset: 'mnist', maxParams: 20_000, minTestAccuracy: 0.97, maxEpochs: 1 },
    start: stackGraph([
      input,
      ['Conv2D', { filters: 16, kernel_size: [3, 3], activation: 'relu' }],
      ['MaxPooling2D', { pool_size: [2, 2] }],
      ['Conv2D', { filters: 32, kernel_size: [3, 3], activation: 'relu' }],
      ['MaxPooling2D', { pool_size: [2, 2] }],
      ['Flatten'],
      ['Dense', { units: 32, activation: 'relu' }],
      softmax10,
    ]),
    lockedBlocks: ['input_layer', 'dense_1'],
    fixedSettings: { epochs: 1 },
    hints: [
      'Select a layer to see in the inspector how its parameters are counted.',
      'Most of the parameters sit in the Dense layer after Flatten: 800 inputs × 32 units.',
      'Halve the hidden Dense layer’s units, or remove it and let the last layer read the features directly.',
      'A smaller batch size gives more training steps in the one epoch.',
    ],
  },
  {
    format: 'netcanvas-challenge',
    version: 1,
    title: 'Beat the feed-forward network on Fashion-MNIST with fewer parameters',
    description:
      'The 784-512-512-10 feed-forward network has 669,706 parameters and reaches about 88% on Fashion-MNIST in five epochs. Reach 87% with fewer than 100,000 parameters.',
    goal: { dataset: 'fashion-mnist', maxParams: 100_000, minTestAccuracy: 0.87, maxEpochs: 5 },
    start: stackGraph([
      input,
      ['Flatten'],
      ['Dense', { units: 512, activation: 'relu' }],
      ['Dense', { units: 512, activation: 'relu' }],
      softmax10,
    ]),
    lockedBlocks: ['input_layer'],
    fixedSettings: { epochs: 5 },
    hints: [
      'A Dense layer on 784 pixels costs 785 parameters per unit.',
      'A Conv2D layer looks at small windows and uses the same few weights everywhere in the image.',
      'Try Conv2D → MaxPooling2D twice, then Flatten and the last Dense layer.',
    ],
  },
  {
    format: 'netcanvas-challenge',
    version: 1,
    title: 'A CNN without Dense layers except the last',
    description:
      'Classify MNIST digits at 97% or better in two epochs where the only Dense layer is the final softmax: convolutions and pooling do the rest.',
    goal: {
      dataset: 'mnist',
      minTestAccuracy: 0.97,
      maxEpochs: 2,
      requiredLayers: ['Conv2D'],
      maxLayers: { Dense: 1 },
    },
    start: stackGraph([input, ['Flatten'], softmax10]),
    lockedBlocks: ['input_layer', 'dense'],
    fixedSettings: { epochs: 2 },
    hints: [
      'Insert layers between the Input and Flatten: drop a Conv2D block on the wire.',
      'Conv2D (32 filters, 3×3, relu) then MaxPooling2D is a good first stage.',
      'A second Conv2D and MaxPooling2D stage makes the Flatten smaller and the last layer cheaper.',
    ],
  },
];
