import type { TrainingTask } from '../../shared/training/task';
import { useEffect, useRef, useState } from 'react';
import type { Prediction } from '../../shared/api/backendApi';
import type { LayerKernels, WeightHistogram } from '../../shared/explain/insightData';
import type { DatasetRef } from '../../shared/training/datasetTypes';
import type { ConfusionResult } from '../../shared/training/runEvents';
import { useBackend } from '../backend/useBackend';
import { PixelCanvas } from '../training/PixelCanvas';
import { DrawPad } from './DrawPad';
import { FeatureMaps } from './FeatureMaps';
import { inkToPixels, type Ink } from './inkGrid';
import { useInsightInput } from './insightInput';
import { KernelImages, WeightHistograms } from './KernelsAndHistograms';
import { StepByStep } from './StepByStep';
import type { StepTarget } from './stepTarget';
import { TestImagePicker } from './TestImagePicker';
import { TrainingReplay } from './TrainingReplay';
import type { PickedImage } from './TestImagePicker';
import './insight.css';
import { errorMessage } from '../../shared/errors/errorMessage';

export interface InsightPanelProps {
  readonly runId: string;
  /** The network's input: height, width, channels. */
  readonly inputShape: readonly [number, number, number];
  readonly classNames: readonly string[];
  /** Each Conv2D layer's kernels, once the backend provides them. */
  readonly kernels?: readonly LayerKernels[];
  readonly histograms?: {
    readonly before?: readonly WeightHistogram[];
    readonly after?: readonly WeightHistogram[];
  };
  /** Milliseconds between predictions while drawing: fast enough to follow the pen, no faster. */
  readonly throttleMs?: number;
  /** The run's data set: its test images can be picked as the input instead of a drawing. */
  readonly dataset?: DatasetRef;
  /** The run's misclassified test images, offered first in the picker. */
  readonly misclassified?: ConfusionResult['misclassified'];
  /** A layer to bring into view and mark (the block selected on the canvas). */
  readonly focusLayer?: string | null;
  /** 'reconstruct' (an autoencoder): the output is an image, shown beside the input instead of class probabilities. */
  readonly task?: TrainingTask;
}

/**
 * Draw a digit (or drop an image) and watch the trained network answer: what it receives,
 * its class probabilities, each layer's feature maps and activations, its kernels and weights.
 */
export function InsightPanel(props: InsightPanelProps) {
  const {
    runId,
    inputShape,
    classNames,
    kernels,
    histograms,
    throttleMs = 80,
    dataset,
    misclassified = [],
    focusLayer = null,
    task = 'classify',
  } = props;
  const api = useBackend();
  // Back from another tab: the same input as before, asked again below.
  const [saved] = useState(() => {
    const s = useInsightInput.getState();
    return s.runId === runId ? s : null;
  });
  const [input, setInput] = useState<PickedImage | null>(saved?.input ?? null);
  // The prediction and the input it answers (a test image's caption, or '' for a drawing).
  const [prediction, setPrediction] = useState<{
    readonly answer: Prediction;
    readonly input: string;
  } | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The cell the step-by-step view explains, if one was clicked.
  const [target, setTarget] = useState<StepTarget | null>(null);
  const pending = useRef<PickedImage | null>(null);
  const busy = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastSent = useRef(0);

  // One request in flight at a time; while drawing, the newest pixels wait at most `throttleMs`.
  // Plain functions over refs: a stale closure only ever reads refs and the current props.
  function schedule(): void {
    if (timer.current) return;
    const wait = Math.max(0, throttleMs - (Date.now() - lastSent.current));
    timer.current = setTimeout(() => {
      timer.current = null;
      send();
    }, wait);
  }
  function send(): void {
    const next = pending.current;
    if (!next || busy.current) return;
    pending.current = null;
    busy.current = true;
    lastSent.current = Date.now();
    api
      .predict(runId, next.pixels)
      .then(
        (answer) => {
          setPrediction({ answer, input: next.caption });
          setError(null);
        },
        (e: unknown) => setError(errorMessage(e)),
      )
      .finally(() => {
        busy.current = false;
        if (pending.current) schedule();
      });
  }
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const showInput = (picked: PickedImage, ink: Ink | null = null) => {
    setInput(picked);
    useInsightInput.getState().remember(runId, picked, ink);
    pending.current = picked;
    schedule();
  };
  const onInk = (ink: Ink) => showInput({ pixels: inkToPixels(ink, inputShape), caption: '' }, ink);
  useEffect(() => {
    if (!saved?.input) return;
    pending.current = saved.input;
    schedule();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on mount: `saved` never changes and `schedule` only reads refs
  }, []);

  const probabilities = prediction?.answer.probabilities ?? [];
  const best = probabilities.indexOf(Math.max(...probabilities));
  const received = `What the network receives: ${input?.caption ? `${input.caption}, ` : ''}${inputShape.join('×')}, scaled to 0–1`;
  return (
    <div className="nc-insight" aria-label="Insight">
      <div className="nc-insight-side">
        <div className="nc-insight-input">
          <DrawPad onInk={onInk} initialInk={saved?.ink} />
          {input && (
            <PixelCanvas pixels={input.pixels} shape={inputShape} label={received} size={112} />
          )}
        </div>
        {error && <p role="alert">{error}</p>}
        {prediction && task === 'reconstruct' && (
          <figure className="nc-insight-reconstruction" data-input={prediction.input || 'drawing'}>
            <PixelCanvas
              pixels={probabilities.map((v) => Math.round(Math.min(Math.max(v, 0), 1) * 255))}
              shape={inputShape}
              label={`Reconstruction of ${prediction.input || 'the drawing'}`}
              size={112}
            />
            <figcaption>What the network gives back: its reconstruction of the input</figcaption>
          </figure>
        )}
        {prediction && task === 'classify' && (
          <ol
            className="nc-insight-probabilities"
            aria-label="Class probabilities"
            data-input={prediction.input || 'drawing'}
          >
            {probabilities.map((p, i) => (
              <li key={i} aria-current={i === best ? 'true' : undefined}>
                <span>{classNames[i] ?? String(i)}</span>
                <meter
                  min={0}
                  max={1}
                  value={p}
                  aria-label={`${classNames[i] ?? String(i)} probability`}
                />
                <span>{`${(p * 100).toFixed(1)}%`}</span>
              </li>
            ))}
          </ol>
        )}
        {dataset && (
          <TestImagePicker
            dataset={dataset}
            shape={inputShape}
            classNames={classNames}
            misclassified={misclassified}
            onPick={showInput}
          />
        )}
      </div>
      <div className="nc-insight-inside">
        {prediction ? (
          <FeatureMaps
            activations={prediction.answer.activations}
            leftOut={prediction.answer.leftOut}
            focusLayer={focusLayer}
            onCell={setTarget}
            target={target}
            step={
              target &&
              input && (
                <StepByStep
                  runId={runId}
                  pixels={input.pixels}
                  target={target}
                  onMove={setTarget}
                  onClose={() => setTarget(null)}
                />
              )
            }
          />
        ) : (
          <p className="nc-insight-hint">
            Draw a digit on the pad, drop an image on it, or pick a test image: each layer’s feature
            maps appear here.
          </p>
        )}
        {kernels && <KernelImages kernels={kernels} />}
        {(histograms?.before ?? histograms?.after) && (
          <WeightHistograms before={histograms.before} after={histograms.after} />
        )}
        <TrainingReplay
          key={runId}
          runId={runId}
          pixels={input?.pixels ?? null}
          classNames={classNames}
        />
      </div>
    </div>
  );
}
