// The training settings' data augmentation as Keras preprocessing layers. They sit in the model
// right after its Input, where Keras applies them while training and skips them when predicting
// or evaluating, as NetCanvas augments training batches only. None has weights, so the parameter
// count is unchanged.
import type { Augmentation } from '../../shared/training/augmentation';
import { isAugmenting } from '../../shared/training/augmentation';

/** The lines that define `augmentation`, or null when there is none. */
export function pythonAugmentation(a: Augmentation | undefined): string[] | null {
  if (!isAugmenting(a)) return null;
  // fill_mode="constant": pixels moved in from outside the image are 0, as NetCanvas fills them.
  const fill = 'fill_mode="constant", seed=SEED';
  const steps = [
    ...(a.shift > 0 ? [`layers.RandomTranslation(${a.shift}, ${a.shift}, ${fill})`] : []),
    ...(a.rotation > 0 ? [`layers.RandomRotation(${a.rotation}, ${fill})`] : []),
    ...(a.zoom > 0 ? [`layers.RandomZoom(${a.zoom}, ${fill})`] : []),
    ...(a.flip ? ['layers.RandomFlip("horizontal", seed=SEED)'] : []),
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
