import { Lock } from 'lucide-react';
import { useEffect, useId, useState } from 'react';
import type { Monitor, OptimizerName, TrainingSettings } from '../../shared/training/settings';
import { MONITORS, OPTIMIZERS } from '../../shared/training/settings';
import type { TrainingTask } from '../../shared/training/task';
import { TASK_LABELS, TASKS, taskOf } from '../../shared/training/task';
import type { NumericField } from './settingsFields';
import { AugmentationFields } from './AugmentationFields';
import { FIELDS, fieldText, parseField, withField } from './settingsFields';

const NUMERIC: readonly NumericField[] = [
  'learningRate',
  'momentum',
  'batchSize',
  'epochs',
  'validationSplit',
  'seed',
  'patience',
  'limit',
];

type Drafts = Record<NumericField, string>;

const draftsOf = (s: TrainingSettings) =>
  Object.fromEntries(NUMERIC.map((f) => [f, fieldText(s, f)])) as Drafts;

export interface SettingsFormProps {
  readonly settings: TrainingSettings;
  readonly onChange: (settings: TrainingSettings) => void;
  /** Called with the fields whose text is not valid (empty when all are). */
  readonly onInvalidChange: (fields: readonly string[]) => void;
  readonly disabled?: boolean;
  /** Settings a challenge fixes (`epochs`, `batchSize`, …): shown read-only. */
  readonly fixed?: readonly string[];
}

/** Keras `compile`/`fit` settings, checked as the learner types; only valid values reach the project. */
export function SettingsForm({
  settings,
  onChange,
  onInvalidChange,
  disabled = false,
  fixed = [],
}: SettingsFormProps) {
  const id = useId();
  const [drafts, setDrafts] = useState<Drafts>(() => draftsOf(settings));

  // Settings changed from outside (another project, undo): show them, but keep text the learner
  // is typing that already means the current value ("0.0" while heading for "0.01").
  useEffect(() => {
    setDrafts((d) => {
      const current = draftsOf(settings);
      let changed = false;
      const next = { ...d };
      for (const f of NUMERIC) {
        const parsed = parseField(f, d[f]);
        if (
          parsed.ok &&
          String(parsed.value ?? '') !== current[f] &&
          !(f === 'patience' && !settings.earlyStopping)
        ) {
          next[f] = current[f];
          changed = true;
        }
      }
      return changed ? next : d;
    });
  }, [settings]);

  const errors = Object.fromEntries(
    NUMERIC.flatMap((f) => {
      const p = parseField(f, drafts[f]);
      return p.ok ? [] : [[f, p.message]];
    }),
  ) as Partial<Record<NumericField, string>>;
  const invalidKey = Object.keys(errors).join(',');
  useEffect(
    () =>
      onInvalidChange(
        invalidKey ? invalidKey.split(',').map((f) => FIELDS[f as NumericField].label) : [],
      ),
    [invalidKey, onInvalidChange],
  );

  const edit = (f: NumericField, text: string) => {
    setDrafts((d) => ({ ...d, [f]: text }));
    const parsed = parseField(f, text);
    if (parsed.ok) onChange(withField(settings, f, parsed.value));
  };

  const numberField = (f: NumericField, extra?: { step?: string; placeholder?: string }) => {
    const inputId = `${id}-${f}`;
    const error = errors[f];
    return (
      <div className="nc-field" key={f}>
        <label htmlFor={inputId}>{FIELDS[f].label}</label>
        <input
          id={inputId}
          type="text"
          inputMode="decimal"
          value={drafts[f]}
          disabled={disabled}
          readOnly={fixed.includes(f)}
          placeholder={extra?.placeholder}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId}-error` : undefined}
          onChange={(e) => edit(f, e.target.value)}
        />
        {error && (
          <span id={`${inputId}-error`} className="nc-field-error">
            {error}
          </span>
        )}
      </div>
    );
  };

  const es = settings.earlyStopping;
  const patience = parseField('patience', drafts.patience);
  return (
    <fieldset className="nc-settings" disabled={disabled}>
      <legend>Training settings</legend>
      {fixed.length > 0 && (
        <p className="nc-locked">
          <Lock aria-hidden size={16} />
          <span>
            The challenge fixes {fixed.join(', ')}: those settings are read-only, so every run is
            judged alike.
          </span>
        </p>
      )}
      <div className="nc-field">
        <label htmlFor={`${id}-task`}>Task</label>
        <select
          id={`${id}-task`}
          value={taskOf(settings)}
          aria-describedby={`${id}-task-hint`}
          onChange={(e) => onChange({ ...settings, task: e.target.value as TrainingTask })}
        >
          {TASKS.map((t) => (
            <option key={t} value={t}>
              {TASK_LABELS[t]}
            </option>
          ))}
        </select>
        <span id={`${id}-task-hint`} className="nc-field-hint">
          {taskOf(settings) === 'reconstruct'
            ? 'The target is the input image itself: the loss is the mean squared error between input and output pixels, and there is no accuracy.'
            : 'The target is the image’s class: the loss is cross-entropy, and accuracy counts the right answers.'}
        </span>
      </div>
      <div className="nc-field">
        <label htmlFor={`${id}-optimizer`}>Optimizer</label>
        <select
          id={`${id}-optimizer`}
          value={settings.optimizer}
          disabled={fixed.includes('optimizer')}
          onChange={(e) => onChange({ ...settings, optimizer: e.target.value as OptimizerName })}
        >
          {OPTIMIZERS.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </div>
      {numberField('learningRate')}
      {settings.optimizer === 'sgd' && numberField('momentum')}
      {numberField('batchSize')}
      {numberField('epochs')}
      {numberField('validationSplit')}
      {numberField('limit', { placeholder: 'all' })}
      {numberField('seed')}
      <label className="nc-check">
        <input
          type="checkbox"
          checked={settings.shuffle}
          disabled={fixed.includes('shuffle')}
          onChange={(e) => onChange({ ...settings, shuffle: e.target.checked })}
        />
        Shuffle every epoch
      </label>
      <label className="nc-check">
        <input
          type="checkbox"
          checked={es !== null}
          onChange={(e) =>
            onChange({
              ...settings,
              earlyStopping: e.target.checked
                ? { monitor: 'val_loss', patience: patience.ok ? (patience.value ?? 3) : 3 }
                : null,
            })
          }
        />
        Early stopping
      </label>
      {es && (
        <div className="nc-subfields">
          <div className="nc-field">
            <label htmlFor={`${id}-monitor`}>Monitor</label>
            <select
              id={`${id}-monitor`}
              value={es.monitor}
              onChange={(e) =>
                onChange({
                  ...settings,
                  earlyStopping: { ...es, monitor: e.target.value as Monitor },
                })
              }
            >
              {MONITORS.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </div>
          {numberField('patience')}
        </div>
      )}
      <label className="nc-check">
        <input
          type="checkbox"
          checked={settings.keepBest}
          disabled={fixed.includes('keepBest')}
          onChange={(e) => onChange({ ...settings, keepBest: e.target.checked })}
        />
        Keep the best epoch&apos;s weights
      </label>
      <AugmentationFields settings={settings} onChange={onChange} />
    </fieldset>
  );
}
