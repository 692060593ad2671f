import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { DatasetListing } from '../../shared/api/backendApi';
import type { Augmentation } from '../../shared/training/augmentation';
import { isAugmenting } from '../../shared/training/augmentation';
import type { DatasetInfo, DatasetPreview, DatasetRef } from '../../shared/training/datasetTypes';
import { errorMessage } from '../../shared/errors/errorMessage';
import { DATASET_KINDS } from '../../shared/training/datasetKinds';
import { useBackend } from '../backend/useBackend';
import { useBackendQuery } from '../backend/useBackendQuery';
import { choiceKey, datasetChoices, refKey } from './datasetChoices';
import { formatCount } from './format';
import { AugmentedStrip } from './AugmentedStrip';
import { SampleStrip } from './SampleStrip';

export interface DatasetPickerProps {
  readonly value: DatasetRef;
  readonly onChange: (ref: DatasetRef, info: DatasetInfo | null) => void;
  /** The description of `value` once read (null while reading or when it cannot be read). */
  readonly onDescribed?: (info: DatasetInfo | null) => void;
  /** The training settings' augmentation, previewed on the samples when on. */
  readonly augmentation?: Augmentation | undefined;
  readonly seed?: number;
}

/** Choose the data set, see its shape, classes and a strip of samples; missing ones say how to get them. */
export function DatasetPicker({
  value,
  onChange,
  onDescribed,
  augmentation,
  seed = 0,
}: DatasetPickerProps) {
  const api = useBackend();
  const id = useId();
  const [selected, setSelected] = useState(() => choiceKey(value));
  const [path, setPath] = useState('path' in value && value.path ? value.path : '');
  const [size, setSize] = useState(value.kind === 'folder' ? String(value.imageSize[0]) : '64');
  const [color, setColor] = useState<'grayscale' | 'rgb'>(
    value.kind === 'folder' ? value.color : 'rgb',
  );
  const [actionError, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const described = useRef(onDescribed);
  described.current = onDescribed;

  const listQuery = useBackendQuery<DatasetListing>((api) => api.listDatasets(), []);
  const listing = listQuery.data;

  // Describe and preview whatever the project trains on, including after another project opens.
  const valueKey = JSON.stringify(value);
  const current = useMemo(() => JSON.parse(valueKey) as DatasetRef, [valueKey]);
  const infoQuery = useBackendQuery<DatasetInfo>((api) => api.describeDataset(current), [current]);
  const info = infoQuery.data;
  const previewQuery = useBackendQuery<DatasetPreview>(
    (api) => (info ? api.datasetPreview(current, 1) : null),
    [info, current],
  );
  const preview = previewQuery.data;
  useEffect(() => {
    setSelected(choiceKey(current));
  }, [current]);
  useEffect(() => {
    described.current?.(info);
  }, [info]);
  const error =
    actionError ??
    infoQuery.error ??
    previewQuery.error ??
    (listQuery.error && `Could not list the data sets: ${listQuery.error}`);

  const choices = datasetChoices(listing);
  // The project may name a data set by another path than the listing does (Fashion-MNIST): match by kind.
  const choice =
    choices.find((c) => c.key === selected) ??
    choices.find((c) => c.ref !== null && c.kind === value.kind && selected === choiceKey(value));

  const choose = (ref: DatasetRef) => {
    setBusy(true);
    setError(null);
    api
      .describeDataset(ref)
      .then((d) => onChange(ref, d))
      .catch((e: unknown) => setError(errorMessage(e)))
      .finally(() => setBusy(false));
  };

  const pick = (key: string) => {
    setSelected(key);
    setError(null);
    const c = choices.find((x) => x.key === key);
    if (c?.ref && !c.problem) choose(c.ref);
  };

  const folderRef = (): DatasetRef | string => {
    const p = path.trim();
    if (!p) return 'Type the folder that holds the data set.';
    if (choice?.kind === 'cifar10') return { kind: 'cifar10', path: p };
    const n = Number(size);
    if (!Number.isInteger(n) || n < 8 || n > 512)
      return 'Image size must be a whole number of pixels from 8 to 512.';
    return { kind: 'folder', path: p, imageSize: [n, n], color };
  };

  return (
    <section className="nc-dataset" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Data set</h3>
      <div className="nc-field">
        <label htmlFor={`${id}-select`}>Data set</label>
        <select
          id={`${id}-select`}
          value={choice?.key ?? selected}
          onChange={(e) => pick(e.target.value)}
        >
          {!choice && <option value={selected}>{selected}</option>}
          {choices.map((c) => (
            <option key={c.key} value={c.key}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      {choice?.problem && (
        <p className="nc-missing" role="note">
          {choice.problem}
        </p>
      )}
      {choice && choice.ref === null && (
        <form
          className="nc-folder"
          onSubmit={(e) => {
            e.preventDefault();
            const ref = folderRef();
            if (typeof ref === 'string') setError(ref);
            else choose(ref);
          }}
        >
          <div className="nc-field">
            <label htmlFor={`${id}-path`}>{DATASET_KINDS[choice.kind].pathLabel ?? 'Folder'}</label>
            <input
              id={`${id}-path`}
              type="text"
              value={path}
              placeholder="/home/me/data"
              onChange={(e) => setPath(e.target.value)}
            />
          </div>
          {choice.kind === 'folder' && (
            <>
              <div className="nc-field">
                <label htmlFor={`${id}-size`}>Image size (pixels)</label>
                <input
                  id={`${id}-size`}
                  type="text"
                  inputMode="numeric"
                  value={size}
                  onChange={(e) => setSize(e.target.value)}
                />
              </div>
              <div className="nc-field">
                <label htmlFor={`${id}-color`}>Colour</label>
                <select
                  id={`${id}-color`}
                  value={color}
                  onChange={(e) => setColor(e.target.value as 'grayscale' | 'rgb')}
                >
                  <option value="rgb">RGB</option>
                  <option value="grayscale">grayscale</option>
                </select>
              </div>
            </>
          )}
          <button type="submit" disabled={busy}>
            Use this folder
          </button>
        </form>
      )}
      {error && (
        <p className="nc-error" role="alert">
          {error}
        </p>
      )}
      {info && (
        <div className="nc-dataset-info">
          <p>
            <strong>{info.title}</strong>: images of {info.inputShape.join(' × ')} (height × width ×
            channels), {formatCount(info.trainCount)} for training and {formatCount(info.testCount)}{' '}
            for testing.
          </p>
          <p>
            {info.classNames.length} classes: {info.classNames.join(', ')}
          </p>
          {preview && <SampleStrip preview={preview} classNames={info.classNames} />}
          {preview && isAugmenting(augmentation) && (
            <AugmentedStrip preview={preview} augmentation={augmentation} seed={seed} />
          )}
        </div>
      )}
      {listing && listing.missing.length > 0 && (
        <details className="nc-missing-list">
          <summary>Data sets not installed ({listing.missing.length})</summary>
          <ul>
            {listing.missing.map((m) => (
              <li key={refKey(m.ref)}>
                <strong>{m.title}</strong>: {m.message}
                {m.installCommand && (
                  <p className="nc-install-command">
                    To install it, run: <code>{m.installCommand}</code>
                  </p>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
