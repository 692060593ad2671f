import type { DatasetRef } from '../training/datasetTypes';
import type { TrainingSettings } from '../training/settings';
import { newProject } from '../project/newProject';
import type { StackLayer } from './stackGraph';
import { stackGraph } from './stackGraph';
import type { Lesson, ProjectTemplate } from './templateTypes';

const relu = 'relu';
const mnistInput: StackLayer = ['InputLayer', { shape: [28, 28, 1] }];
const softmax10: StackLayer = ['Dense', { units: 10, activation: 'softmax' }];

function template(
  id: string,
  name: string,
  description: string,
  kerasTotal: number,
  layers: readonly StackLayer[],
  dataset: DatasetRef = { kind: 'mnist' },
  training: Partial<TrainingSettings> = {},
): ProjectTemplate {
  return {
    id,
    description,
    kerasTotal,
    project: newProject(name, stackGraph(layers), dataset, training),
  };
}

/** Conv-pool stages then a Dense head over MNIST: the shape of most tutorial CNNs. */
const mnistCnn = (
  convs: readonly [filters: number, kernel: number][],
  padding: 'valid' | 'same',
  dense: number,
): StackLayer[] => [
  mnistInput,
  ...convs.flatMap(([filters, k]): StackLayer[] => [
    ['Conv2D', { filters, kernel_size: [k, k], padding, activation: relu }],
    ['MaxPooling2D', { pool_size: [2, 2] }],
  ]),
  ['Flatten'],
  ['Dense', { units: dense, activation: relu }],
  softmax10,
];

const MLP: readonly StackLayer[] = [
  mnistInput,
  ['Flatten'],
  ['Dense', { units: 512, activation: relu }],
  ['Dense', { units: 512, activation: relu }],
  softmax10,
];
const CNN_VALID = mnistCnn(
  [
    [32, 3],
    [64, 3],
  ],
  'valid',
  64,
);
/** The lesson trains both networks with the same settings, so only the architecture differs. */
// Batch 32 (Keras's default): more steps per epoch, so the CNN overtakes the MLP on a few thousand images.
const LESSON_TRAINING: Partial<TrainingSettings> = {
  epochs: 5,
  batchSize: 32,
  validationSplit: 0.1,
  seed: 42,
};

/** Every template the app offers, in the order the gallery lists them. */
export const PROJECT_TEMPLATES: readonly ProjectTemplate[] = [
  template(
    'mlp',
    'MLP 784-512-512-10',
    'A feed-forward network: every pixel connects to 512 neurons, twice. The baseline a CNN is measured against.',
    669_706,
    MLP,
    undefined,
    { batchSize: 128 },
  ),
  template(
    'cnn-same',
    "CNN 32-64 'same' + Dense 64",
    "Two 3×3 convolutions with padding 'same' keep the image size until each pooling: 28 → 14 → 7.",
    220_234,
    mnistCnn(
      [
        [32, 3],
        [64, 3],
      ],
      'same',
      64,
    ),
  ),
  template(
    'cnn-valid',
    "CNN 32-64 'valid' + Dense 64",
    'The classic Keras MNIST CNN: each 3×3 convolution trims a pixel from every border, so 28 → 26 → 13 → 11 → 5.',
    121_930,
    CNN_VALID,
  ),
  template(
    'cnn-dropout',
    'CNN 16-32 + Dropout + Dense 128',
    'Two convolutions, one pooling, and dropout before and after a Dense 128: most weights sit in that Dense layer.',
    596_042,
    [
      mnistInput,
      ['Conv2D', { filters: 16, kernel_size: [3, 3], activation: relu }],
      ['Conv2D', { filters: 32, kernel_size: [3, 3], activation: relu }],
      ['MaxPooling2D', { pool_size: [2, 2] }],
      ['Dropout', { rate: 0.25 }],
      ['Flatten'],
      ['Dense', { units: 128, activation: relu }],
      ['Dropout', { rate: 0.5 }],
      softmax10,
    ],
    undefined,
    { epochs: 8, batchSize: 128 },
  ),
  template(
    'cnn-30-70',
    'CNN 30@5×5, 70@3×3 + Dense 100',
    'A 5×5 first layer sees larger strokes; count its (5·5·1 + 1)·30 = 780 weights by hand.',
    195_860,
    mnistCnn(
      [
        [30, 5],
        [70, 3],
      ],
      'valid',
      100,
    ),
  ),
  template(
    'cifar10-cnn',
    'CIFAR-10 CNN 16-32-64 + Dense 500',
    "Colour 32×32 photos in ten classes: three 2×2 'same' convolutions, each halved by pooling, then Dense 500 with dropout; keeps the best epoch.",
    528_054,
    [
      ['InputLayer', { shape: [32, 32, 3] }],
      ...[16, 32, 64].flatMap((filters): StackLayer[] => [
        ['Conv2D', { filters, kernel_size: [2, 2], padding: 'same', activation: relu }],
        ['MaxPooling2D', { pool_size: [2, 2] }],
      ]),
      ['Dropout', { rate: 0.3 }],
      ['Flatten'],
      ['Dense', { units: 500, activation: relu }],
      ['Dropout', { rate: 0.4 }],
      softmax10,
    ],
    // The CIFAR-10 binary files are not shipped: the learner points the project at their folder.
    { kind: 'cifar10', path: 'cifar-10-batches-bin' },
    { epochs: 20, batchSize: 32, optimizer: 'rmsprop', keepBest: true },
  ),
  template(
    'hotdog-cnn',
    'Hotdog / not hotdog (image folder)',
    'Two classes from a folder of photos (one subfolder per class), resized to 64×64 grayscale: three convolution-pooling stages and a small Dense head.',
    170_946,
    [
      ['InputLayer', { shape: [64, 64, 1] }],
      ...[16, 32, 64].flatMap((filters): StackLayer[] => [
        ['Conv2D', { filters, kernel_size: [3, 3], activation: relu }],
        ['MaxPooling2D', { pool_size: [2, 2] }],
      ]),
      ['Flatten'],
      ['Dense', { units: 64, activation: relu }],
      ['Dropout', { rate: 0.5 }],
      ['Dense', { units: 2, activation: 'softmax' }],
    ],
    // A folder name to replace with the learner's own, holding e.g. hotdog/ and not_hotdog/.
    { kind: 'folder', path: 'hotdog', imageSize: [64, 64], color: 'grayscale' },
    { epochs: 15, batchSize: 32, validationSplit: 0.2, keepBest: true },
  ),
  template(
    'lesson-ffnn',
    'Lesson: feed-forward network',
    'The feed-forward half of the lesson: 669,706 weights, and no idea that neighbouring pixels belong together.',
    669_706,
    MLP,
    undefined,
    LESSON_TRAINING,
  ),
  template(
    'lesson-cnn',
    'Lesson: convolutional network',
    'The convolutional half of the lesson: about five times fewer weights, shared across the image, and more accurate.',
    121_930,
    CNN_VALID,
    undefined,
    LESSON_TRAINING,
  ),
  template(
    'mobilenet-mini',
    'MobileNet-style: depthwise + pointwise',
    'MobileNet’s trick on MNIST: each block filters every channel on its own (DepthwiseConv2D, 3·3 weights per channel) and then mixes channels with a 1×1 Conv2D, for 4,090 weights in all.',
    4_090,
    [
      mnistInput,
      [
        'Conv2D',
        { filters: 16, kernel_size: [3, 3], strides: [2, 2], padding: 'same', activation: relu },
      ],
      ...(
        [
          [32, 1],
          [64, 2],
        ] as const
      ).flatMap(([filters, stride]): StackLayer[] => [
        [
          'DepthwiseConv2D',
          { kernel_size: [3, 3], strides: [stride, stride], padding: 'same', use_bias: false },
        ],
        ['BatchNormalization'],
        ['Activation', { activation: relu }],
        ['Conv2D', { filters, kernel_size: [1, 1], activation: relu }],
      ]),
      ['GlobalAveragePooling2D'],
      softmax10,
    ],
    undefined,
    { epochs: 5, batchSize: 64 },
  ),
  template(
    'autoencoder',
    'Convolutional autoencoder (MNIST)',
    'Squeezes each digit through a 7×7×8 bottleneck and draws it again: the loss is how far the reconstruction is from the input.',
    1_977,
    [
      mnistInput,
      ['Conv2D', { filters: 16, kernel_size: [3, 3], padding: 'same', activation: relu }],
      ['MaxPooling2D', { pool_size: [2, 2] }],
      ['Conv2D', { filters: 8, kernel_size: [3, 3], padding: 'same', activation: relu }],
      ['MaxPooling2D', { pool_size: [2, 2] }],
      ['UpSampling2D', { size: [2, 2] }],
      ['Conv2D', { filters: 8, kernel_size: [3, 3], padding: 'same', activation: relu }],
      ['UpSampling2D', { size: [2, 2] }],
      ['Conv2D', { filters: 1, kernel_size: [3, 3], padding: 'same', activation: 'sigmoid' }],
    ],
    undefined,
    { task: 'reconstruct', epochs: 5, batchSize: 128 },
  ),
];

/** Feed-forward vs convolutional on MNIST, trained side by side with the same settings. */
export const FFNN_VS_CNN: Lesson = {
  id: 'ffnn-vs-cnn',
  title: 'Feed-forward vs convolutional on MNIST',
  description:
    'Train the 669,706-weight MLP and the 121,930-weight CNN side by side: the CNN has about five times fewer weights and ends up more accurate.',
  templateIds: ['lesson-ffnn', 'lesson-cnn'],
};

/** Every lesson. */
export const LESSONS: readonly Lesson[] = [FFNN_VS_CNN];

/** A template by id, or undefined when there is none. */
export function templateById(id: string): ProjectTemplate | undefined {
  return PROJECT_TEMPLATES.find((t) => t.id === id);
}
