import type { ChallengeFile } from '../challenges/challengeFile';
import type { Graph } from '../graph/types';
import type { DatasetRef } from '../training/datasetTypes';
import type { TrainingSettings } from '../training/settings';

/** The project-file format version this build writes. Older versions are migrated on load. */
export const PROJECT_VERSION = 1;

/** What a `.netcanvas.json` project file holds: the graph, the data set and how to train. */
export interface ProjectFile {
  readonly format: 'netcanvas-project';
  readonly version: typeof PROJECT_VERSION;
  readonly name: string;
  readonly graph: Graph;
  readonly dataset: DatasetRef;
  readonly training: TrainingSettings;
  /** Canvas viewport, so a reopened project looks as it was left. */
  readonly viewport?: { readonly x: number; readonly y: number; readonly zoom: number };
  /**
   * The challenge the learner is working on, so a reopened project keeps it. Absent (as in every
   * file written before challenges existed): no challenge. It carries its own format version and
   * is migrated by `shared/challenges/migrations.ts`.
   */
  readonly challenge?: ChallengeFile;
}
