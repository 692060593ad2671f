/** The output cell the step-by-step view explains: a feature-map cell, or a Dense unit (`col`). */
export interface StepTarget {
  readonly layer: string;
  readonly row: number;
  readonly col: number;
  /** The feature map (channel); 0 for a Dense unit. */
  readonly channel: number;
}
