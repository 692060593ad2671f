import { useId } from 'react';
import type { Augmentation } from '../../shared/training/augmentation';
import { MAX_AUGMENTATION_FACTOR } from '../../shared/training/augmentation';
import type { TrainingSettings } from '../../shared/training/settings';

/** What "Augment training images" starts from: gentle enough for digits, which must not be mirrored. */
const STARTING: Augmentation = { shift: 0.1, rotation: 0.05, zoom: 0.1, flip: false };

const FACTORS: readonly { key: 'shift' | 'rotation' | 'zoom'; label: string }[] = [
  { key: 'shift', label: 'Shift (fraction of the size)' },
  { key: 'rotation', label: 'Rotation (fraction of a turn)' },
  { key: 'zoom', label: 'Zoom (fraction)' },
];

/** The data augmentation settings: off by default; each factor from 0 to 0.5, and a mirror switch. */
export function AugmentationFields({
  settings,
  onChange,
}: {
  settings: TrainingSettings;
  onChange: (s: TrainingSettings) => void;
}) {
  const id = useId();
  const a = settings.augmentation;
  const set = (next: Augmentation | null) => {
    const { augmentation: _old, ...rest } = settings;
    onChange(next ? { ...rest, augmentation: next } : rest);
  };
  return (
    <>
      <label className="nc-check">
        <input
          type="checkbox"
          checked={a !== undefined}
          onChange={(e) => set(e.target.checked ? STARTING : null)}
        />
        Augment training images
      </label>
      {a && (
        <div className="nc-subfields">
          {FACTORS.map(({ key, label }) => (
            <div className="nc-field" key={key}>
              <label htmlFor={`${id}-${key}`}>{label}</label>
              <input
                id={`${id}-${key}`}
                type="number"
                min={0}
                max={MAX_AUGMENTATION_FACTOR}
                step={0.05}
                value={a[key]}
                onChange={(e) => {
                  const n = Number(e.target.value);
                  if (e.target.value !== '' && n >= 0 && n <= MAX_AUGMENTATION_FACTOR)
                    set({ ...a, [key]: n });
                }}
              />
            </div>
          ))}
          <label className="nc-check">
            <input
              type="checkbox"
              checked={a.flip}
              onChange={(e) => set({ ...a, flip: e.target.checked })}
            />
            Mirror left–right (not for digits or text)
          </label>
        </div>
      )}
    </>
  );
}
