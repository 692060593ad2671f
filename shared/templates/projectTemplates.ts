import type { Lesson, ProjectTemplate } from './templateTypes';
import { stackGraph } from './stackGraph';

const MNIST = { kind: 'mnist', classes: 10, inputShape: [28, 28, 1] } as const;
const mnistInput = ['InputLayer', { shape: [28, 28, 1] }] as const;
const relu = 'relu';

/** Every template the app offers, by id, in the order the picker lists them. */
export const TEMPLATES = {
  'mlp-mnist': {
    id: 'mlp-mnist',
    title: 'MLP 784-512-512-10',
    description: 'A feed-forward network: every pixel connects to 512 neurons, twice. The baseline a CNN is measured against.',
    dataset: MNIST,
    training: { epochs: 5, batchSize: 128 },
    graph: stackGraph([mnistInput, ['Flatten'], ['Dense', { units: 512, activation: relu }], ['Dense', { units: 512, activation: relu }], ['Dense', { units: 10, activation: 'softmax' }]]),
    kerasTotal: 669_706,
  },
  'cnn-mnist-same': {
    id: 'cnn-mnist-same',
    title: "CNN 32-64 'same' + Dense 64",
    description: "Two 3×3 convolutions with padding 'same' keep the image size until each pooling: 28 → 14 → 7.",
    dataset: MNIST,
    training: { epochs: 5, batchSize: 64 },
    graph: stackGraph([
      mnistInput,
      ['Conv2D', { filters: 32, kernel_size: [3, 3], padding: 'same', activation: relu }],
      ['MaxPooling2D', { pool_size: [2, 2] }],
      ['Conv2D', { filters: 64, kernel_size: [3, 3], padding: 'same', activation: relu }],
      ['MaxPooling2D', { pool_size: [2, 2] }],
      ['Flatten'],
      ['Dense', { units: 64, activation: relu }],
      ['Dense', { units: 10, activation: 'softmax' }],
    ]),
    kerasTotal: 220_234,
  },
  'cnn-mnist-valid': {
    id: 'cnn-mnist-valid',
    title: "CNN 32-64 'valid' + Dense 64",
    description: 'The classic Keras MNIST CNN: each 3×3 convolution trims a pixel from every border, so 28 → 26 → 13 → 11 → 5.',
    dataset: MNIST,
    training: { epochs: 5, batchSize: 64 },
    graph: stackGraph([
      mnistInput,
      ['Conv2D', { filters: 32, kernel_size: [3, 3], activation: relu }],
      ['MaxPooling2D', { pool_size: [2, 2] }],
      ['Conv2D', { filters: 64, kernel_size: [3, 3], activation: relu }],
      ['MaxPooling2D', { pool_size: [2, 2] }],
      ['Flatten'],
      ['Dense', { units: 64, activation: relu }],
      ['Dense', { units: 10, activation: 'softmax' }],
    ]),
    kerasTotal: 121_930,
  },
  'cnn-mnist-dropout': {
    id: 'cnn-mnist-dropout',
    title: 'CNN 16-32 + Dropout',
    description: 'Two convolutions, one pooling, and dropout before and after a Dense 128: most weights sit in that Dense layer.',
    dataset: MNIST,
    training: { epochs: 8, batchSize: 128 },
    graph: stackGraph([
      mnistInput,
      ['Conv2D', { filters: 16, kernel_size: [3, 3], activation: relu }],
      ['Conv2D', { filters: 32, kernel_size: [3, 3], activation: relu }],
      ['MaxPooling2D', { pool_size: [2, 2] }],
      ['Dropout', { rate: 0.25 }],
      ['Flatten'],
      ['Dense', { units: 128, activation: relu }],
      ['Dropout', { rate: 0.5 }],
      ['Dense', { units: 10, activation: 'softmax' }],
    ]),
    kerasTotal: 596_042,
  },
  'cnn-mnist-30-70': {
    id: 'cnn-mnist-30-70',
    title: 'CNN 30@5×5, 70@3×3 + Dense 100',
    description: 'A 5×5 first layer sees larger strokes; count its (5·5·1 + 1)·30 = 780 weights by hand.',
    dataset: MNIST,
    training: { epochs: 5, batchSize: 64 },
    graph: stackGraph([
      mnistInput,
      ['Conv2D', { filters: 30, kernel_size: [5, 5], activation: relu }],
      ['MaxPooling2D', { pool_size: [2, 2] }],
      ['Conv2D', { filters: 70, kernel_size: [3, 3], activation: relu }],
      ['MaxPooling2D', { pool_size: [2, 2] }],
      ['Flatten'],
      ['Dense', { units: 100, activation: relu }],
      ['Dense', { units: 10, activation: 'softmax' }],
    ]),
    kerasTotal: 195_860,
  },
  'cnn-cifar10': {
    id: 'cnn-cifar10',
    title: 'CIFAR-10 CNN 16-32-64',
    description: "Colour 32×32 images: three 2×2 'same' convolutions, each halved by pooling, then Dense 500 with dropout.",
    dataset: { kind: 'cifar10', classes: 10, inputShape: [32, 32, 3] },
    training: { epochs: 20, batchSize: 32, optimizer: 'rmsprop', keepBest: true },
    graph: stackGraph([
      ['InputLayer', { shape: [32, 32, 3] }],
      ['Conv2D', { filters: 16, kernel_size: [2, 2], padding: 'same', activation: relu }],
      ['MaxPooling2D', { pool_size: [2, 2] }],
      ['Conv2D', { filters: 32, kernel_size: [2, 2], padding: 'same', activation: relu }],
      ['MaxPooling2D', { pool_size: [2, 2] }],
      ['Conv2D', { filters: 64, kernel_size: [2, 2], padding: 'same', activation: relu }],
      ['MaxPooling2D', { pool_size: [2, 2] }],
      ['Dropout', { rate: 0.3 }],
      ['Flatten'],
      ['Dense', { units: 500, activation: relu }],
      ['Dropout', { rate: 0.4 }],
      ['Dense', { units: 10, activation: 'softmax' }],
    ]),
    kerasTotal: 528_054,
  },
  'cnn-hotdog': {
    id: 'cnn-hotdog',
    title: 'Hotdog / not hotdog (image folder)',
    description: 'Two classes from a folder of photos, resized to 64×64 grayscale: three convolution-pooling stages and a small Dense head.',
    dataset: { kind: 'folder', classes: 2, inputShape: [64, 64, 1], imageSize: [64, 64], color: 'grayscale' },
    training: { epochs: 15, batchSize: 32, validationSplit: 0.2, keepBest: true },
    graph: stackGraph([
      ['InputLayer', { shape: [64, 64, 1] }],
      ['Conv2D', { filters: 16, kernel_size: [3, 3], activation: relu }],
      ['MaxPooling2D', { pool_size: [2, 2] }],
      ['Conv2D', { filters: 32, kernel_size: [3, 3], activation: relu }],
      ['MaxPooling2D', { pool_size: [2, 2] }],
      ['Conv2D', { filters: 64, kernel_size: [3, 3], activation: relu }],
      ['MaxPooling2D', { pool_size: [2, 2] }],
      ['Flatten'],
      ['Dense', { units: 64, activation: relu }],
      ['Dropout', { rate: 0.5 }],
      ['Dense', { units: 2, activation: 'softmax' }],
    ]),
    kerasTotal: 170_946,
  },
} satisfies Record<string, ProjectTemplate>;

export type TemplateId = keyof typeof TEMPLATES;

/** Feed-forward vs convolutional on MNIST: the classic side-by-side lesson. */
export const FFNN_VS_CNN = {
  id: 'ffnn-vs-cnn',
  title: 'Feed-forward vs convolutional on MNIST',
  description:
    'Train the 669,706-weight MLP and the 121,930-weight CNN side by side: the CNN has about five times fewer weights and ends up more accurate.',
  templateIds: ['mlp-mnist', 'cnn-mnist-valid'],
} as const satisfies Lesson & { templateIds: readonly [TemplateId, TemplateId] };

/** Every lesson, by id. */
export const LESSONS = { [FFNN_VS_CNN.id]: FFNN_VS_CNN } satisfies Record<string, Lesson>;

/** A template by id, or undefined. */
export function templateById(id: string): ProjectTemplate | undefined {
  return Object.hasOwn(TEMPLATES, id) ? TEMPLATES[id as TemplateId] : undefined;
}
