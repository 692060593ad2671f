import type {
  BackendListing,
  DistributionStrategy,
  ExportFormat,
  ExportResult,
  ModelInsight,
  Prediction,
  RunRecord,
  RunRequest,
  Unsubscribe,
} from '../../shared/api/backendApi';
import type { Graph } from '../../shared/graph/types';
import type { LayerArithmetic } from '../../shared/insight/layerArithmetic';
import type { CellImages } from '../../shared/insight/mistakes';
import type { RobustnessScores } from '../../shared/insight/robustness';
import type { TrainingSettings } from '../../shared/training/settings';
import type { RunEvent, RunId } from '../../shared/training/runEvents';
import type { EpochConfusion, EpochSnapshots } from '../../shared/training/epochSnapshots';

/**
 * Training runs, each in its own process (main/training). The web shell and Electron main
 * both hold one of these; the API layer only forwards to it.
 */
export interface RunService {
  start(request: RunRequest): Promise<RunId>;
  stop(id: RunId): Promise<void>;
  list(): RunRecord[];
  onEvent(listener: (event: RunEvent) => void): Unsubscribe;
  /** With `epoch`: as the weights were after that epoch (the training replay). */
  predict(id: RunId, pixels: readonly number[], epoch?: number): Promise<Prediction>;
  /** The trained model's Conv2D kernels and weight histograms before and after training (or after `epoch`). */
  insight(id: RunId, epoch?: number): Promise<ModelInsight>;
  /** One layer's input, output and weights for one input: Insight's step-by-step view. */
  layerArithmetic(id: RunId, layer: string, pixels: readonly number[]): Promise<LayerArithmetic>;
  /** A confusion-matrix cell's test images with saliency maps: Insight's "Mistakes". */
  cellImages(
    id: RunId,
    trueClass: number,
    predictedClass: number,
    limit: number,
  ): Promise<CellImages>;
  /** Accuracy on transformed copies of the test images: the fair experiment's Robustness. */
  robustness(id: RunId, samples: number): Promise<RobustnessScores>;
  /** Writes a trained run's model (with weights for tfjs) to `target` (a folder for tfjs, else a file). */
  exportRun(
    id: RunId,
    format: ExportFormat,
    target: string,
    strategy?: DistributionStrategy,
    epoch?: number,
  ): Promise<ExportResult>;
  /** Which epochs' weights the run keeps for the replay, and its best epoch. */
  epochSnapshots(id: RunId): Promise<EpochSnapshots>;
  /** The confusion matrix after epoch `epoch` on the first `samples` test images. */
  epochConfusion(id: RunId, epoch: number, samples: number): Promise<EpochConfusion>;
  /** Makes epoch `epoch`'s weights the run's model, keeping the final weights aside. */
  useEpoch(id: RunId, epoch: number): Promise<EpochSnapshots>;
  /** Makes the run's final weights (kept aside by `useEpoch`) its model again. */
  restoreFinalWeights(id: RunId): Promise<EpochSnapshots>;
  /** Stops every run and ends their processes. */
  dispose(): Promise<void>;
}

/** Model export without training: the architecture of a graph, in each format. */
export interface ExportService {
  exportGraph(
    graph: Graph,
    settings: TrainingSettings,
    name: string,
    format: ExportFormat,
    target: string,
    strategy?: DistributionStrategy,
  ): Promise<ExportResult>;
}

/** Which compute backends load here, probed in a child process so the app never loads native tfjs itself. */
export interface BackendProbe {
  listBackends(): Promise<BackendListing>;
}
