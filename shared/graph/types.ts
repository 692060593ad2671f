/**
 * A tensor shape as Keras prints it: the batch dimension first, `null` where unknown.
 * `[null, 28, 28, 1]` is a batch of 28x28 grayscale images.
 */
export type Shape = readonly (number | null)[];

/** Canvas position of a block, in React Flow coordinates. */
export interface Position {
  readonly x: number;
  readonly y: number;
}

/** A value a layer parameter can hold in the project file (Keras's snake_case config values). */
export type ParamValue = number | string | boolean | null | readonly number[];

/** One layer block on the canvas. `type` is the Keras class name (`Conv2D`, `Dense`, ...). */
export interface LayerNode {
  readonly id: string;
  readonly type: string;
  /** The Keras layer name, unique in the graph (`conv2d`, `conv2d_1`, ...). */
  readonly name: string;
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly position: Position;
}

/**
 * A wire from one layer's output to another's input. A layer with several inputs
 * (Add, Concatenate) takes them in the order its incoming edges appear in `Graph.edges`.
 */
export interface Edge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
}

/** The network a learner draws: the single source of truth for shapes, training and export. */
export interface Graph {
  readonly nodes: readonly LayerNode[];
  readonly edges: readonly Edge[];
}
