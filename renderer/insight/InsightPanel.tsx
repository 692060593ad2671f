import { useEffect, useRef, useState } from 'react';
import type { Prediction } from '../../shared/api/backendApi';
import type { LayerKernels, WeightHistogram } from '../../shared/explain/insightData';
import { useBackend } from '../backend/useBackend';
import { PixelCanvas } from '../training/PixelCanvas';
import { DrawPad } from './DrawPad';
import { FeatureMaps } from './FeatureMaps';
import { inkToPixels, type Ink } from './inkGrid';
import { KernelImages, WeightHistograms } from './KernelsAndHistograms';
import './insight.css';

export interface InsightPanelProps {
  readonly runId: string;
  /** The network's input: height, width, channels. */
  readonly inputShape: readonly [number, number, number];
  readonly classNames: readonly string[];
  /** Each Conv2D layer's kernels, once the backend provides them. */
  readonly kernels?: readonly LayerKernels[];
  readonly histograms?: { readonly before?: readonly WeightHistogram[]; readonly after?: readonly WeightHistogram[] };
  /** Milliseconds between predictions while drawing: fast enough to follow the pen, no faster. */
  readonly throttleMs?: number;
}

/**
 * Draw a digit (or drop an image) and watch the trained network answer: what it receives,
 * its class probabilities, each layer's feature maps and activations, its kernels and weights.
 */
export function InsightPanel({ runId, inputShape, classNames, kernels, histograms, throttleMs = 80 }: InsightPanelProps) {
  const api = useBackend();
  const [pixels, setPixels] = useState<number[] | null>(null);
  const [prediction, setPrediction] = useState<Prediction | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pending = useRef<number[] | null>(null);
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
      .predict(runId, next)
      .then(
        (p) => {
          setPrediction(p);
          setError(null);
        },
        (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
      )
      .finally(() => {
        busy.current = false;
        if (pending.current) schedule();
      });
  }
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const onInk = (ink: Ink) => {
    const next = inkToPixels(ink, inputShape);
    setPixels(next);
    pending.current = next;
    schedule();
  };

  const best = prediction ? prediction.probabilities.indexOf(Math.max(...prediction.probabilities)) : -1;
  return (
    <div className="nc-insight" aria-label="Insight">
      <div className="nc-insight-input">
        <DrawPad onInk={onInk} />
        {pixels && <PixelCanvas pixels={pixels} shape={inputShape} label={`What the network receives: ${inputShape.join('×')}, scaled to 0–1`} size={112} />}
      </div>
      {error && <p role="alert">{error}</p>}
      {prediction && (
        <ol className="nc-insight-probabilities" aria-label="Class probabilities">
          {prediction.probabilities.map((p, i) => (
            <li key={i} aria-current={i === best ? 'true' : undefined}>
              <span>{classNames[i] ?? String(i)}</span>
              <meter min={0} max={1} value={p} aria-label={`${classNames[i] ?? String(i)} probability`} />
              <span>{`${(p * 100).toFixed(1)}%`}</span>
            </li>
          ))}
        </ol>
      )}
      {prediction && <FeatureMaps activations={prediction.activations} />}
      {kernels && <KernelImages kernels={kernels} />}
      {histograms?.before && <WeightHistograms histograms={histograms.before} title="Weights before training" />}
      {histograms?.after && <WeightHistograms histograms={histograms.after} title="Weights after training" />}
    </div>
  );
}
