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
}
