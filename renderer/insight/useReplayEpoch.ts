import { useEffect, useRef, useState } from 'react';
import type { NetCanvasApi, Prediction } from '../../shared/api/backendApi';
import type { LayerKernels } from '../../shared/explain/insightData';
import type { EpochConfusion } from '../../shared/training/epochSnapshots';
import { errorMessage } from '../../shared/errors/errorMessage';

/** Test images a replayed epoch's confusion matrix is computed on: enough to read, quick on wasm. */
export const REPLAY_CONFUSION_SAMPLES = 1000;

/** What the replay shows for one epoch: its answer for the current input and its kernels. */
export interface ReplayedEpoch {
  readonly epoch: number;
  /** Null while there is no input yet (nothing drawn or picked). */
  readonly prediction: Prediction | null;
  readonly kernels: readonly LayerKernels[];
  /** Milliseconds from asking to having the answer. */
  readonly ms: number;
}

/**
 * The replayed epoch `epoch` of run `runId` for the input `pixels`: its prediction and kernels
 * (one request at a time, the newest epoch asked next, so dragging the slider never queues up
 * stale work) and, arriving later, its confusion matrix. Kernels and confusion matrices are kept
 * per epoch: moving back to an epoch costs one forward pass.
 */
export function useReplayEpoch(
  api: NetCanvasApi,
  runId: string,
  epoch: number | null,
  pixels: readonly number[] | null,
) {
  const [view, setView] = useState<ReplayedEpoch | null>(null);
  const [confusion, setConfusion] = useState<EpochConfusion | null>(null);
  const [error, setError] = useState<string | null>(null);
  const kernels = useRef(new Map<number, readonly LayerKernels[]>());
  const confusions = useRef(new Map<number, EpochConfusion>());
  const wanted = useRef<{ epoch: number; pixels: readonly number[] | null } | null>(null);
  const busy = useRef(false);
  const wantedConfusion = useRef<number | null>(null);
  const busyConfusion = useRef(false);
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  // Plain functions over refs: a stale closure only ever reads refs and the current props.
  function pump(): void {
    const job = wanted.current;
    if (busy.current || !job) return;
    wanted.current = null;
    busy.current = true;
    const t0 = performance.now();
    const known = kernels.current.get(job.epoch);
    Promise.all([
      job.pixels ? api.predict(runId, job.pixels, job.epoch) : Promise.resolve(null),
      known ? Promise.resolve(known) : api.modelInsight(runId, job.epoch).then((i) => i.kernels),
    ])
      .then(
        ([prediction, k]) => {
          kernels.current.set(job.epoch, k);
          if (!live.current) return;
          setView({ epoch: job.epoch, prediction, kernels: k, ms: performance.now() - t0 });
          setError(null);
        },
        (e: unknown) => live.current && setError(errorMessage(e)),
      )
      .finally(() => {
        busy.current = false;
        pump();
      });
  }
  function pumpConfusion(): void {
    const e = wantedConfusion.current;
    if (busyConfusion.current || e === null) return;
    wantedConfusion.current = null;
    const known = confusions.current.get(e);
    if (known) {
      setConfusion(known);
      return;
    }
    busyConfusion.current = true;
    api
      .epochConfusion(runId, e, REPLAY_CONFUSION_SAMPLES)
      .then(
        (c) => {
          confusions.current.set(e, c);
          // Shown only while it is still the epoch asked for (or nothing newer is waiting).
          if (live.current && wantedConfusion.current === null) setConfusion(c);
        },
        (err: unknown) => live.current && setError(errorMessage(err)),
      )
      .finally(() => {
        busyConfusion.current = false;
        pumpConfusion();
      });
  }

  useEffect(() => {
    if (epoch === null) return;
    wanted.current = { epoch, pixels };
    pump();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- pump and pumpConfusion read refs and this run's props only; the panel is keyed by run.
  }, [epoch, pixels]);
  useEffect(() => {
    if (epoch === null) return;
    wantedConfusion.current = epoch;
    pumpConfusion();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- as above: a plain function over refs.
  }, [epoch]);

  return { view, confusion: confusion?.epoch === epoch ? confusion : null, error };
}
