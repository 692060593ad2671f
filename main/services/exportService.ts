import type { DistributionStrategy, ExportFormat, ExportResult } from '../../shared/api/backendApi';
import type { Graph } from '../../shared/graph/types';
import type { DatasetRef } from '../../shared/training/datasetTypes';
import type { TrainingSettings } from '../../shared/training/settings';
import { exportModel } from '../export/exportModel';
import type { ExportService } from './serviceTypes';

/**
 * Exports a bare graph (no training): tfjs files with freshly initialised weights, the Keras
 * topology JSON, or the Python Keras script. The Python script loads `dataset` (MNIST unless the
 * shell knows the project's data set).
 */
export function createExportService(dataset: DatasetRef = { kind: 'mnist' }): ExportService {
  return {
    exportGraph: (
      graph: Graph,
      settings: TrainingSettings,
      name: string,
      format: ExportFormat,
      target: string,
      strategy?: DistributionStrategy,
    ): Promise<ExportResult> =>
      exportModel(
        { graph, settings, name, dataset, ...(strategy ? { strategy } : {}) },
        format,
        target,
      ),
  };
}
