import { useEffect, useMemo, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { convStep } from '../../shared/insight/convStep';
import { densePreActivations, denseStep } from '../../shared/insight/denseStep';
import type { LayerArithmetic } from '../../shared/insight/layerArithmetic';
import { poolStep } from '../../shared/insight/poolStep';
import { useBackendQuery } from '../backend/useBackendQuery';
import { ConvStepView } from './ConvStepView';
import { DenseStepView } from './DenseStepView';
import { PoolStepView } from './PoolStepView';
import type { StepTarget } from './stepTarget';

export interface StepByStepProps {
  readonly runId: string;
  /** The input the feature maps answer: the same pixels are asked about. */
  readonly pixels: readonly number[];
  readonly target: StepTarget;
  readonly onMove: (target: StepTarget) => void;
  readonly onClose: () => void;
}

const KEYS: Readonly<Record<string, readonly [number, number]>> = {
  ArrowUp: [-1, 0],
  ArrowDown: [1, 0],
  ArrowLeft: [0, -1],
  ArrowRight: [0, 1],
};

/** The title of the explained cell: "conv2d, map 3, row 5, column 7" or "dense, unit 12". */
function cellTitle(a: LayerArithmetic, t: StepTarget): string {
  if (a.kerasClass === 'Dense') return `${a.layer} (Dense), unit ${t.col + 1}`;
  return `${a.layer} (${a.kerasClass}), map ${t.channel + 1}, row ${t.row + 1}, column ${t.col + 1}`;
}

function windowLine(a: LayerArithmetic): string {
  const w = a.window;
  if (!w) return `${a.kernel?.shape[0] ?? '?'} inputs, each times its own weight`;
  const size = `${w.kernelSize.join('×')} window`;
  return `${size}, stride ${w.strides.join('×')}${a.kerasClass === 'Conv2D' ? `, dilation ${w.dilationRate.join('×')}` : ''}, padding '${w.padding}'`;
}

/**
 * "Convolution step by step": how one output cell of a Conv2D, pooling or Dense layer comes out
 * of its input, redone with the learner's own numbers (shared/insight) and checked against the
 * network's own value. Arrow keys move to the neighbouring cell.
 */
export function StepByStep({ runId, pixels, target, onMove, onClose }: StepByStepProps) {
  const region = useRef<HTMLElement>(null);
  const { layer } = target;
  const { data: arithmetic, error } = useBackendQuery<LayerArithmetic>(
    (api) => api.layerArithmetic(runId, layer, pixels),
    [runId, layer, pixels],
  );
  // Keep the focus here after a click on a map, so the arrow keys work at once.
  useEffect(() => {
    region.current?.focus({ preventScroll: true });
  }, [target]);
  useEffect(() => {
    region.current?.scrollIntoView?.({ block: 'nearest' });
  }, [layer]);

  const a = arithmetic?.layer === layer ? arithmetic : null;
  // Softmax over a Dense layer's units needs every unit's z: computed once per input, not per click.
  const denseZ = useMemo(
    () => (a?.kerasClass === 'Dense' && a.activation === 'softmax' ? densePreActivations(a) : null),
    [a],
  );
  const [oh = 1, ow = 1] = a?.output.shape ?? [];
  const units = a?.kerasClass === 'Dense' ? (a.output.shape[0] ?? 1) : 0;
  const step = useMemo(() => {
    if (!a) return null;
    try {
      if (a.kerasClass === 'Conv2D') return convStep(a, target.row, target.col, target.channel);
      if (a.kerasClass === 'Dense') return denseStep(a, target.col, 10, denseZ);
      return poolStep(a, target.row, target.col, target.channel);
    } catch {
      return null; // a target from the previous input's shape; the move below puts it back in range
    }
  }, [a, target, denseZ]);

  const onKeyDown = (e: KeyboardEvent) => {
    const move = KEYS[e.key];
    if (e.key === 'Escape') return onClose();
    if (!move || !a) return;
    e.preventDefault();
    if (a.kerasClass === 'Dense') {
      const d = move[0] + move[1];
      onMove({ ...target, col: Math.max(0, Math.min(units - 1, target.col + d)) });
    } else
      onMove({
        ...target,
        row: Math.max(0, Math.min(oh - 1, target.row + move[0])),
        col: Math.max(0, Math.min(ow - 1, target.col + move[1])),
      });
  };

  return (
    <section
      ref={region}
      className="nc-step"
      aria-label="Convolution step by step"
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <div className="nc-step-head">
        <h4>{a ? cellTitle(a, target) : `${layer}: reading the layer…`}</h4>
        <button type="button" className="nc-link" onClick={onClose}>
          Close
        </button>
      </div>
      {error && <p role="alert">{`This layer’s numbers could not be read: ${error}`}</p>}
      {a && (
        <p className="nc-insight-note">
          {`${windowLine(a)}. Arrow keys move to the neighbouring ${a.kerasClass === 'Dense' ? 'unit' : 'cell'}; click any cell of the maps above.`}
        </p>
      )}
      {a && step?.kind === 'conv' && <ConvStepView a={a} step={step} />}
      {a && (step?.kind === 'max' || step?.kind === 'average') && (
        <PoolStepView a={a} step={step} />
      )}
      {a && step?.kind === 'dense' && <DenseStepView step={step} hasBias={a.bias !== null} />}
    </section>
  );
}
