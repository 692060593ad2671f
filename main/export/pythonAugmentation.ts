// The training settings' data augmentation as Keras preprocessing layers. They sit in the model
// right after its Input, where Keras applies them while training and skips them when predicting
// or evaluating, as NetCanvas augments training batches only. None has weights, so the parameter
// count is unchanged.
import type { Augmentation } from '../../shared/training/augmentation';
import { isAugmenting } from '../../shared/training/augmentation';
import type { DatasetRef } from '../../shared/training/datasetTypes';
import { pyValue } from './pythonLayers';

/** The (height, width, channels) of the data set's images. */
export function datasetImageShape(ref: DatasetRef): [number, number, number] {
  switch (ref.kind) {
    case 'mnist':
    case 'fashion-mnist':
      return [28, 28, 1];
    case 'cifar10':
      return [32, 32, 3];
    case 'folder':
      return [ref.imageSize[0], ref.imageSize[1], ref.color === 'rgb' ? 3 : 1];
  }
}

/**
 * The lines that define `augmentation`, or null when there is none. A network whose Input is not
 * an image (a flat vector of the pixels, say) gets its samples reshaped to the data set's images
 * for the augmentation and back, as NetCanvas augments the images before handing them over.
 */
export function pythonAugmentation(
  a: Augmentation | undefined,
  inputShape: readonly (number | null)[],
  dataset: DatasetRef,
): string[] | null {
  if (!isAugmenting(a)) return null;
  const image = datasetImageShape(dataset);
  const reshape = inputShape.length !== 3 || inputShape.some((d, i) => d !== image[i]);
  // fill_mode="constant": pixels moved in from outside the image are 0, as NetCanvas fills them.
  const fill = 'fill_mode="constant", seed=SEED';
  const steps = [
    ...(reshape ? [`layers.Reshape(${pyValue(image)})`] : []),
    ...(a.shift > 0 ? [`layers.RandomTranslation(${a.shift}, ${a.shift}, ${fill})`] : []),
    ...(a.rotation > 0 ? [`layers.RandomRotation(${a.rotation}, ${fill})`] : []),
    ...(a.zoom > 0 ? [`layers.RandomZoom(${a.zoom}, ${fill})`] : []),
    ...(a.flip ? ['layers.RandomFlip("horizontal", seed=SEED)'] : []),
    ...(reshape ? ['layers.Reshape(INPUT_SHAPE)'] : []),
  ];
  return [
    '# Data augmentation: a random shift, rotation, zoom or mirror of each training image, new every',
    '# epoch. Keras applies these layers only while training.',
    'augmentation = keras.Sequential(',
    '    [',
    ...steps.map((s) => `        ${s},`),
    '    ],',
    '    name="augmentation",',
    ')',
  ];
}
