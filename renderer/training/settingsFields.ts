// Validation of the settings form as the learner types: each field parses its text against the
// project schema's bounds and says, in words, what it accepts.
import { trainingSchema } from '../../shared/project/projectSchema';
import type { TrainingSettings } from '../../shared/training/settings';

export type NumericField =
  | 'learningRate'
  | 'momentum'
  | 'batchSize'
  | 'epochs'
  | 'validationSplit'
  | 'seed'
  | 'patience'
  | 'limit';

interface FieldSpec {
  readonly label: string;
  /** What the field accepts, said to the learner when the text does not fit. */
  readonly accepts: string;
  readonly integer: boolean;
  readonly check: (n: number) => boolean;
  /** Empty text means "off" (null) rather than an error. */
  readonly emptyIsNull?: boolean;
}

const shape = trainingSchema.shape;
const ok = (schema: { safeParse(v: unknown): { success: boolean } }) => (n: number) =>
  schema.safeParse(n).success;

export const FIELDS: Readonly<Record<NumericField, FieldSpec>> = {
  learningRate: {
    label: 'Learning rate',
    accepts: 'a number above 0 and at most 10, such as 0.001',
    integer: false,
    check: ok(shape.learningRate),
  },
  momentum: {
    label: 'Momentum',
    accepts: 'a number from 0 to 1, such as 0.9',
    integer: false,
    check: ok(shape.momentum),
  },
  batchSize: {
    label: 'Batch size',
    accepts: 'a whole number from 1 to 65536, such as 64',
    integer: true,
    check: ok(shape.batchSize),
  },
  epochs: {
    label: 'Epochs',
    accepts: 'a whole number from 1 to 10000',
    integer: true,
    check: ok(shape.epochs),
  },
  validationSplit: {
    label: 'Validation split',
    accepts: 'a fraction from 0 up to (not including) 1, such as 0.1 for 10%',
    integer: false,
    check: ok(shape.validationSplit),
  },
  seed: {
    label: 'Seed',
    accepts: 'a whole number, such as 42',
    integer: true,
    check: ok(shape.seed),
  },
  patience: {
    label: 'Patience',
    accepts: 'a whole number of epochs from 0 to 1000',
    integer: true,
    check: (n) => Number.isInteger(n) && n >= 0 && n <= 1000,
  },
  limit: {
    label: 'Training samples',
    accepts: 'a whole number of at least 1, or empty for all',
    integer: true,
    check: ok(shape.limit),
    emptyIsNull: true,
  },
};

export type ParsedField =
  | { readonly ok: true; readonly value: number | null }
  | { readonly ok: false; readonly message: string };

/** Parses the text of a numeric field; the message names the field and what it accepts. */
export function parseField(field: NumericField, text: string): ParsedField {
  const spec = FIELDS[field];
  const trimmed = text.trim();
  if (trimmed === '')
    return spec.emptyIsNull
      ? { ok: true, value: null }
      : { ok: false, message: `${spec.label} is empty: enter ${spec.accepts}.` };
  const n = Number(trimmed);
  if (!Number.isFinite(n))
    return {
      ok: false,
      message: `${spec.label} "${trimmed}" is not a number: enter ${spec.accepts}.`,
    };
  if (spec.integer && !Number.isInteger(n))
    return { ok: false, message: `${spec.label} must be a whole number: enter ${spec.accepts}.` };
  if (!spec.check(n))
    return {
      ok: false,
      message: `${spec.label} ${trimmed} is out of range: enter ${spec.accepts}.`,
    };
  return { ok: true, value: n };
}

/** The text a field shows for the current settings. */
export function fieldText(settings: TrainingSettings, field: NumericField): string {
  if (field === 'patience') return String(settings.earlyStopping?.patience ?? 3);
  const v = settings[field];
  return v === null ? '' : String(v);
}

/** Settings with one parsed field applied. */
export function withField(
  settings: TrainingSettings,
  field: NumericField,
  value: number | null,
): TrainingSettings {
  if (field === 'patience') {
    return settings.earlyStopping
      ? { ...settings, earlyStopping: { ...settings.earlyStopping, patience: value ?? 0 } }
      : settings;
  }
  if (field === 'limit') return { ...settings, limit: value };
  return { ...settings, [field]: value ?? 0 };
}
