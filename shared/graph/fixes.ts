import type { ParamValue } from './types';

/** A layer to create, as a fix proposes it. */
export interface LayerSpec {
  readonly type: string;
  readonly params: Readonly<Record<string, ParamValue>>;
}

/** A one-click repair, expressed as data so the canvas (or a test) can apply it. */
export type Fix =
  | {
      readonly kind: 'insertBetween';
      readonly label: string;
      readonly sourceId: string;
      readonly targetId: string;
      readonly layer: LayerSpec;
    }
  | {
      readonly kind: 'setParam';
      readonly label: string;
      readonly nodeId: string;
      readonly param: string;
      readonly value: ParamValue;
    }
  | {
      readonly kind: 'removeParam';
      readonly label: string;
      readonly nodeId: string;
      readonly param: string;
    };
