import type { Fix } from './fixes';

/** Every problem NetCanvas can report about a graph, by stable code. */
export type IssueCode =
  | 'cycle'
  | 'noInput'
  | 'missingInput'
  | 'tooManyInputs'
  | 'tooFewInputs'
  | 'unknownLayer'
  | 'unknownParam'
  | 'badParam'
  | 'tooLarge'
  | 'needsImage'
  | 'needsKnownSize'
  | 'kernelTooLarge'
  | 'nonPositiveOutput'
  | 'shapesDoNotMatch'
  | 'concatMismatch'
  | 'reshapeMismatch'
  | 'stridesWithDilation'
  | 'badEdge'
  | 'duplicateName'
  | 'denseOnImage'
  | 'softmaxNotLast'
  | 'classCountMismatch'
  | 'outputShrinksToOne'
  | 'multipleOutputs'
  | 'unreachable';

export type Severity = 'error' | 'warning';

/** A problem with one node (or the whole graph when `nodeId` is absent), written for a learner. */
export interface Issue {
  readonly code: IssueCode;
  readonly severity: Severity;
  readonly nodeId?: string;
  /** Plain words: what is wrong, where, with the numbers involved. */
  readonly message: string;
  /** How to fix it, in words. */
  readonly hint: string;
  /** A mechanical fix the canvas can apply in one click. */
  readonly fix?: Fix;
}

/** An issue before the graph pass has attached severity and node. */
export interface IssueDraft {
  readonly code: IssueCode;
  readonly message: string;
  readonly hint: string;
  readonly fix?: Fix;
}
