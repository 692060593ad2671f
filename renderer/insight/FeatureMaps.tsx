import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import type { Prediction } from '../../shared/api/backendApi';
import { symmetricLimit } from '../../shared/insight/divergingScale';
import { STEP_LAYER_CLASSES } from '../../shared/insight/layerArithmetic';
import { familyLook } from '../theme/layerFamilies';
import { ScaleLegend } from './ScaleLegend';
import type { StepTarget } from './stepTarget';
import { ValueCanvas } from './ValueCanvas';

/** An id for a layer's section, safe in a URL fragment and unique on the page. */
const sectionId = (name: string) => `nc-insight-layer-${name.replace(/[^\w-]/g, '_')}`;

// The layers whose arithmetic "Convolution step by step" redoes; an answer without classes (an
// older backend) offers it everywhere and the backend says which layers it cannot redo.
const STEPPABLE: ReadonlySet<string> = new Set(STEP_LAYER_CLASSES);
const canStep = (kerasClass: string | undefined) =>
  kerasClass === undefined || STEPPABLE.has(kerasClass);

/** A layer's Keras class with its family's icon and colour, as its block on the canvas shows it. */
function LayerClass({ kerasClass }: { readonly kerasClass: string }) {
  const look = familyLook(kerasClass);
  const Icon = look.icon;
  return (
    <span
      className="nc-insight-class"
      title={look.label}
      style={{ background: look.background, borderColor: look.color }}
    >
      <Icon size={13} aria-hidden="true" color={look.color} />
      {kerasClass}
    </span>
  );
}

function scrollTo(id: string): void {
  document.getElementById(id)?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
}

export interface FeatureMapsProps {
  readonly activations: Prediction['activations'];
  /** The layers not drawn (Dropout, Flatten...) and why: listed under the index. */
  readonly leftOut?: Prediction['leftOut'];
  /** The block selected on the canvas: brought into view and marked. */
  readonly focusLayer?: string | null;
  /** A cell was clicked: show how it is computed. */
  readonly onCell?: (target: StepTarget) => void;
  /** The cell being explained, and its explanation, drawn under its layer. */
  readonly target?: StepTarget | null;
  readonly step?: ReactNode;
  /**
   * Put before every accessible name and id, so a second copy (the training replay's) is told
   * apart from the first; its index of layers is then named `${labelPrefix}layer index`.
   */
  readonly labelPrefix?: string;
}

/**
 * Each layer's feature maps as a grid (Conv2D, pooling, depthwise, normalisation, merges...), and
 * each vector (Dense, global pooling...) as a strip, on the diverging scale (layer by layer, so
 * that the maps of one layer compare), headed by the layer's class in its family's colour, with an
 * index to jump between them. Clicking a cell of a Conv2D, pooling or Dense layer asks how it is
 * computed; the other layers' cells are not clickable.
 */
export function FeatureMaps({
  activations,
  leftOut = [],
  focusLayer = null,
  onCell,
  target = null,
  step = null,
  labelPrefix = '',
}: FeatureMapsProps) {
  const idOf = (name: string) => sectionId(`${labelPrefix}${name}`);
  const names = Object.keys(activations);
  const focused = focusLayer !== null && names.includes(focusLayer) ? focusLayer : null;
  // Scroll once per focus change, not on every prediction while the learner draws.
  const scrolled = useRef<string | null>(null);
  useEffect(() => {
    if (focused && scrolled.current !== focused) scrollTo(sectionId(`${labelPrefix}${focused}`));
    scrolled.current = focused;
  }, [focused, labelPrefix]);
  return (
    <div className="nc-insight-maps">
      <nav aria-label={labelPrefix ? `${labelPrefix}layer index` : 'Layers'}>
        {names.map((name) => (
          <button
            key={name}
            type="button"
            aria-current={name === focused ? 'true' : undefined}
            onClick={() => scrollTo(idOf(name))}
          >
            {name}
          </button>
        ))}
      </nav>
      {leftOut.length > 0 && (
        <p className="nc-insight-note">
          {`Not drawn: ${leftOut.map((l) => `${l.name} (${l.kerasClass}: ${l.reason})`).join('; ')}.`}
        </p>
      )}
      {Object.entries(activations).map(([name, { shape, values, kerasClass }]) => {
        const limit = symmetricLimit(values);
        const title = `${name} ${shape.join('×')}`;
        const common = {
          id: idOf(name),
          className: name === focused ? 'nc-insight-focused' : undefined,
          'aria-current': name === focused ? ('true' as const) : undefined,
        };
        const here = target?.layer === name;
        const click = canStep(kerasClass) ? onCell : undefined;
        const heading = (
          <div className="nc-insight-heading">
            <h4>{title}</h4>
            {kerasClass && <LayerClass kerasClass={kerasClass} />}
            <ScaleLegend limit={limit} label={`${labelPrefix}Scale of ${name}`} />
            {click && (
              <button
                type="button"
                className="nc-link"
                onClick={() => click({ layer: name, row: 0, col: 0, channel: 0 })}
              >
                {`Step through ${name}`}
              </button>
            )}
          </div>
        );
        if (shape.length === 3) {
          const [h = 0, w = 0, c = 0] = shape;
          return (
            <section key={name} aria-label={`${labelPrefix}Feature maps of ${name}`} {...common}>
              {heading}
              <div className="nc-insight-grid">
                {Array.from({ length: c }, (_, ch) => (
                  <ValueCanvas
                    key={ch}
                    rows={h}
                    cols={w}
                    values={values}
                    step={c}
                    offset={ch}
                    limit={limit}
                    label={`${labelPrefix}${name} map ${ch + 1}`}
                    size={Math.max(48, Math.min(96, w * 3))}
                    marks={
                      here && target.channel === ch
                        ? [{ row: target.row, col: target.col }]
                        : undefined
                    }
                    onCell={click && ((row, col) => click({ layer: name, row, col, channel: ch }))}
                  />
                ))}
              </div>
              {here && step}
            </section>
          );
        }
        return (
          <section key={name} aria-label={`${labelPrefix}Activations of ${name}`} {...common}>
            {heading}
            <ValueCanvas
              rows={1}
              cols={values.length}
              values={values}
              limit={limit}
              label={`${labelPrefix}${name} activations`}
              size={Math.min(640, Math.max(120, values.length * 12))}
              marks={here ? [{ row: 0, col: target.col }] : undefined}
              onCell={click && ((_, col) => click({ layer: name, row: 0, col, channel: 0 }))}
            />
            {here && step}
          </section>
        );
      })}
    </div>
  );
}
