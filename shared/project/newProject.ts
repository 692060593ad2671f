import type { Graph } from '../graph/types';
import type { DatasetRef } from '../training/datasetTypes';
import type { TrainingSettings } from '../training/settings';
import { DEFAULT_TRAINING } from '../training/settings';
import type { ProjectFile } from './projectFile';
import { PROJECT_VERSION } from './projectFile';

/** A fresh project around a graph, with MNIST and default training settings unless given. */
export function newProject(
  name: string,
  graph: Graph,
  dataset: DatasetRef = { kind: 'mnist' },
  training: Partial<TrainingSettings> = {},
): ProjectFile {
  return {
    format: 'netcanvas-project',
    version: PROJECT_VERSION,
    name,
    graph,
    dataset,
    training: { ...DEFAULT_TRAINING, ...training },
  };
}
