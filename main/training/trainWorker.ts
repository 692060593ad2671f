// The entry of a run's own process: trains one network (or loads one a training process kept),
// streams progress, keeps the trained model on disk when the host asks, then stays alive holding
// it to answer predict, Insight and export requests until the host says exit.
// Runs under `child_process.fork` (messages through process.send) or Electron's utilityProcess
// (messages through process.parentPort); see runService.ts for the host side.
import type * as tf from '@tensorflow/tfjs';
import { planSamples } from '../../datasets/batches';
import { DatasetError } from '../../datasets/datasetError';
import { loadDataset } from '../../datasets/loadDataset';
import type {
  DistributionStrategy,
  ExportFormat,
  ExportResult,
  ModelInsight,
  Prediction,
  RunRequest,
} from '../../shared/api/backendApi';
import { errorMessage } from '../../shared/errors/errorMessage';
import { KerasExportError } from '../../shared/keras/kerasExportError';
import type { WeightHistogram } from '../../shared/explain/insightData';
import { inferGraph } from '../../shared/graph/inferGraph';
import { toKerasTopology } from '../../shared/keras/toKerasTopology';
import type { BackendReport, RunEvent, RunId } from '../../shared/training/runEvents';
import { autoBackend } from '../compute/autoBackend';
import { defaultBackendTimingsFile } from '../compute/backendTimingsCache';
import { initBackend } from '../compute/initBackend';
import { ExportWriteError } from '../export/atomicWrite';
import { WebgpuTrainStep } from '../compute/webgpuTrainStep';
import { exportModel } from '../export/exportModel';
import { loadTrainedModel } from '../export/loadTrainedModel';
import { modelKernels } from '../insight/modelKernels';
import { predictWithActivations, UNIT_SCALING } from '../insight/predictWithActivations';
import { readLayerArithmetic } from '../insight/readLayerArithmetic';
import { cellImages } from '../insight/cellImages';
import { scoreRobustness } from '../insight/scoreRobustness';
import { testSplitFor } from '../insight/testSplit';
import { weightHistograms } from '../insight/weightHistograms';
import { buildModel, InvalidModelError } from './buildModel';
import { checkDataFit } from './checkDataFit';
import { estimateMemory, memoryLimits, memoryRefusal } from './estimateMemory';
import { evaluateTest } from './evaluateTest';
import type { TestOptions } from './evaluateTest';
import { keepModel, loadKeptModel } from './keptModel';
import { trainLoop } from './trainLoop';
import { previewIndices } from './reconstructions';
import { taskOf } from '../../shared/training/task';
import { EpochSnapshotKeeper, readEpochIndex, writeEpochIndex } from './epochSnapshotKeeper';
import { EpochModels } from '../insight/epochModels';
import { epochConfusion, restoreFinalModel, useEpochAsModel } from '../insight/replayEpoch';
import type { EpochSnapshots } from '../../shared/training/epochSnapshots';
import { NO_SNAPSHOTS_NOTE } from '../../shared/training/epochSnapshots';
import type {
  HostToWorker,
  LoadMessage,
  ModelChange,
  ReplyFailureCode,
  ReplyValue,
  StartMessage,
  UseEpochMessage,
  WorkerToHost,
} from './workerMessages';
import { isHostToWorker } from './workerMessages';

interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
}

const parentPort = (process as { parentPort?: ParentPort }).parentPort;

function send(message: WorkerToHost): void {
  if (parentPort) parentPort.postMessage(message);
  else process.send?.(message);
}

/** The trained model and what predict/export need to know about it. */
interface Trained {
  readonly model: tf.LayersModel;
  readonly request: RunRequest;
  readonly inputShape: readonly number[];
  readonly classNames: readonly string[];
  /** The weights' histograms when training began, to show how far training moved them. */
  readonly histogramsBefore: readonly WeightHistogram[];
  /** The kept-model folder (with the epochs' snapshots), when the host gave one. */
  readonly modelDir: string | null;
  /** Which epochs can be replayed. */
  readonly snapshots: EpochSnapshots;
  /** The replayed epochs' models, loaded on demand (null without a model folder). */
  readonly epochModels: EpochModels | null;
}

let trained: Trained | null = null;
let stopRequested = false;
/** Settles once a `load` has finished (at once when there is none): requests wait for it. */
let ready: Promise<void> = Promise.resolve();

/** A request that needs the trained model before there is one. */
class NoModelError extends Error {
  override readonly name = 'NoModelError';
  constructor(message = 'This run has no trained model yet.') {
    super(message);
  }
}

const emit = (event: RunEvent): void => send({ type: 'event', event });
const fail = (
  runId: RunId,
  code: Extract<RunEvent, { type: 'failed' }>['code'],
  message: string,
): void => emit({ type: 'failed', runId, code, message });

async function train(msg: StartMessage): Promise<void> {
  const { runId, request, options } = msg;
  const { settings } = request;
  let backend: BackendReport;
  try {
    backend = await initBackend(
      request.backend,
      options.wasmThreads ? { wasmThreads: options.wasmThreads } : {},
    );
  } catch (e) {
    return fail(runId, 'backend', `The compute backend could not start: ${errorMessage(e)}`);
  }
  const report = inferGraph(request.graph);
  if (!report.ok)
    return fail(
      runId,
      'invalidModel',
      `The network has errors: ${report.issues.find((i) => i.severity === 'error')?.message ?? 'see the summary'}`,
    );
  let dataset;
  try {
    dataset = await loadDataset(request.dataset);
  } catch (e) {
    return fail(runId, 'dataset', e instanceof DatasetError ? e.message : errorMessage(e));
  }
  const fit = checkDataFit(request.graph, report, dataset.info, taskOf(settings));
  if (typeof fit === 'string') return fail(runId, 'invalidModel', fit);
  if (request.backend === 'auto') {
    // Auto trains on the fastest backend for this network, timed here (or earlier on this machine).
    const cacheFile =
      options.backendTimingsFile === undefined
        ? defaultBackendTimingsFile()
        : options.backendTimingsFile;
    const build = () => buildModel(toKerasTopology(request.graph), settings);
    try {
      backend = await autoBackend(backend, {
        graph: request.graph,
        build,
        inputShape: fit.inputShape,
        settings,
        cacheFile,
      });
    } catch (e) {
      return fail(runId, 'backend', `Timing the compute backends failed: ${errorMessage(e)}`);
    }
  }
  const dataBytes = dataset.train.images.byteLength + dataset.test.images.byteLength;
  const estimate = estimateMemory(report, settings, dataBytes);
  const limits = memoryLimits(backend.name, options.memoryLimitMB ?? null, {
    budgetMB: options.memoryBudgetMB ?? null,
    reservedMB: options.reservedMB ?? 0,
  });
  const refusal = memoryRefusal(estimate, limits, settings.batchSize);
  if (refusal) return fail(runId, 'outOfMemory', refusal);
  let model: tf.LayersModel;
  try {
    model = await buildModel(toKerasTopology(request.graph), settings);
    if (options.weightsFrom) {
      const start = await loadTrainedModel(options.weightsFrom);
      model.setWeights(start.getWeights());
      start.dispose();
    }
  } catch (e) {
    return fail(
      runId,
      'invalidModel',
      e instanceof InvalidModelError ? e.message : errorMessage(e),
    );
  }
  const histogramsBefore = weightHistograms(model);
  const plan = planSamples(dataset, {
    seed: settings.seed,
    limit: settings.limit,
    validationSplit: settings.validationSplit,
  });
  const classes = dataset.info.classNames.length;
  const outputNode = request.graph.nodes.find((n) => n.name === fit.outputName);
  const activation = outputNode?.params['activation'];
  emit({
    type: 'started',
    runId,
    backend,
    settings,
    trainSamples: plan.train.indices.length,
    validationSamples: plan.validation?.indices.length ?? 0,
    batchesPerEpoch: Math.ceil(plan.train.indices.length / settings.batchSize),
    estimatedMemoryMB: Math.ceil(estimate.totalMB),
    ...(dataset.info.skipped ? { skippedImages: dataset.info.skipped } : {}),
  });
  // On WebGPU, NetCanvas's own step (bench/README.md, "WebGPU step"); tfjs's trainOnBatch elsewhere.
  // Each epoch's weights beside the kept model, for the training replay (never fails the run).
  const keeper = options.keepModelIn
    ? EpochSnapshotKeeper.create(model, options.keepModelIn, settings.epochs)
    : null;
  // Its fused head is softmax cross-entropy: a reconstruct run (mean squared error) takes tfjs's own step.
  const reconstruct = taskOf(settings) === 'reconstruct';
  const gpuStep =
    backend.name === 'webgpu' && !reconstruct ? WebgpuTrainStep.create(model, settings.loss) : null;
  const batchStep = gpuStep && typeof gpuStep !== 'string' ? gpuStep : undefined;
  const outcome = await trainLoop(
    {
      runId,
      model,
      plan,
      settings,
      classes,
      inputShape: fit.inputShape,
      outputLayer: {
        name: fit.outputName,
        activation: typeof activation === 'string' ? activation : null,
      },
      ...(batchStep ? { batchStep } : {}),
      ...(reconstruct
        ? { preview: { split: dataset.test, indices: previewIndices(dataset.test.count) } }
        : {}),
    },
    {
      emit,
      shouldStop: () => stopRequested,
      batchEventsPerSecond: options.batchEventsPerSecond ?? 10,
      ...(keeper
        ? {
            afterEpoch: async (e) =>
              send({ type: 'snapshots', snapshots: await keeper.afterEpoch(model, e) }),
          }
        : {}),
    },
  );
  batchStep?.dispose();
  const modelDir = options.keepModelIn ?? null;
  trained = {
    model,
    request,
    inputShape: fit.inputShape,
    classNames: dataset.info.classNames,
    histogramsBefore,
    modelDir,
    snapshots: keeper?.state() ?? {
      epochs: [],
      every: null,
      best: null,
      modelEpoch: null,
      note: NO_SNAPSHOTS_NOTE,
    },
    epochModels: modelDir ? new EpochModels(modelDir) : null,
  };
  if (outcome.status === 'nan') return fail(runId, 'nan', outcome.message);
  if (outcome.status === 'stopped') {
    await keep(options.keepModelIn);
    return emit({ type: 'stopped', runId });
  }
  emit({ type: 'evaluating', runId });
  const result = await evaluateTest(
    model,
    dataset.test,
    testOptions(settings, classes, fit.inputShape, options.misclassifiedSamples),
  );
  await keep(options.keepModelIn);
  emit({
    type: 'done',
    runId,
    result,
    samplesPerSecond: outcome.samplesPerSecond,
    trainingMs: outcome.trainingMs,
    bestEpoch: outcome.bestEpoch,
    stoppedEarly: outcome.stoppedEarly,
  });
}

/** How the test split is scored: at the end of training, and again when the run's model changes. */
function testOptions(
  settings: RunRequest['settings'],
  classes: number,
  inputShape: readonly number[],
  misclassifiedSamples: number | undefined,
): TestOptions {
  return {
    batchSize: Math.max(settings.batchSize, 256),
    classes,
    inputShape,
    misclassifiedSamples: misclassifiedSamples ?? 24,
    task: taskOf(settings),
  };
}

/**
 * Keeps the trained model in `dir` and tells the host, which may then end this process when it
 * idles. A model that cannot be written stays in memory only: the host then keeps the process.
 */
async function keep(dir: string | null | undefined): Promise<void> {
  if (!dir || !trained) return;
  try {
    await keepModel(
      trained.model,
      {
        inputShape: trained.inputShape,
        classNames: trained.classNames,
        histogramsBefore: trained.histogramsBefore,
      },
      dir,
    );
    send({ type: 'kept' });
  } catch {
    // Not kept: this process holds the only copy, and the host will not end it while idle.
  }
}

/** Loads the model an earlier training process kept, to answer requests with. */
async function load(msg: LoadMessage): Promise<void> {
  await initBackend(msg.backend);
  const { model, meta } = await loadKeptModel(msg.modelDir).catch((e: unknown) => {
    throw new NoModelError(
      `The trained model of this run could not be loaded again: ${errorMessage(e)}`,
    );
  });
  const snapshots = await readEpochIndex(msg.modelDir);
  trained = {
    model,
    request: msg.request,
    inputShape: meta.inputShape,
    classNames: meta.classNames,
    histogramsBefore: meta.histogramsBefore,
    modelDir: msg.modelDir,
    snapshots,
    epochModels: new EpochModels(msg.modelDir),
  };
  send({ type: 'snapshots', snapshots });
}

/**
 * Runs `work` with the run's model, or with the weights as they were after `epoch` (the training
 * replay) when one is given.
 */
async function withModel<T>(
  epoch: number | undefined,
  work: (model: tf.LayersModel, run: Trained) => Promise<T> | T,
): Promise<T> {
  const run = trained;
  if (!run) throw new NoModelError();
  if (epoch === undefined) return work(run.model, run);
  const { epochs } = run.snapshots;
  if (!run.epochModels || !epochs.includes(epoch))
    throw new NoModelError(
      epochs.length === 0
        ? (run.snapshots.note ?? NO_SNAPSHOTS_NOTE)
        : `Epoch ${epoch}'s weights were not kept; this run can replay epochs ${epochs.join(', ')}.`,
    );
  return run.epochModels.use(epoch, (model) => work(model, run));
}

function predict(pixels: readonly number[], epoch?: number): Promise<Prediction> {
  // Probabilities plus every Conv2D, pooling and Dense layer's output, for the insight views.
  return withModel(epoch, (model, run) =>
    predictWithActivations(model, pixels, run.inputShape, UNIT_SCALING),
  );
}

function insight(epoch?: number): Promise<ModelInsight> {
  return withModel(epoch, (model, run) => ({
    kernels: modelKernels(model),
    histograms: { before: run.histogramsBefore, after: weightHistograms(model) },
  }));
}

function exportTrained(
  format: ExportFormat,
  target: string,
  strategy?: DistributionStrategy,
  epoch?: number,
): Promise<ExportResult> {
  return withModel(epoch, (model, { request, classNames }) => {
    const source = {
      graph: request.graph,
      settings: request.settings,
      dataset: request.dataset,
      name: request.title,
      model,
      classNames,
      ...(strategy ? { strategy } : {}),
    };
    return exportModel(source, format, target);
  });
}

/**
 * Makes epoch `epoch`'s weights the run's model, the final weights kept aside, or with `epoch`
 * null the final weights again (main/insight/replayEpoch.ts); with `score`, the test split is
 * scored with the new model, so the run's test result stays its model's.
 */
async function useEpoch(msg: UseEpochMessage): Promise<ModelChange> {
  const run = trained;
  if (!run?.modelDir) throw new NoModelError();
  const { epoch } = msg;
  if (epoch === null && run.snapshots.modelEpoch === null)
    throw new NoModelError("The run's model already holds its final weights.");
  if (epoch !== null) await withModel(epoch, () => undefined);
  const model =
    epoch === null
      ? await restoreFinalModel(run.modelDir)
      : await useEpochAsModel(run.model, run.modelDir, epoch);
  const snapshots = { ...run.snapshots, modelEpoch: epoch };
  await writeEpochIndex(run.modelDir, snapshots);
  run.model.dispose();
  trained = { ...run, model, snapshots };
  send({ type: 'snapshots', snapshots });
  const { settings } = run.request;
  const result = msg.score
    ? await evaluateTest(
        model,
        await testSplitFor(run.request.dataset),
        testOptions(settings, run.classNames.length, run.inputShape, msg.misclassifiedSamples),
      )
    : null;
  return { snapshots, result };
}

/** What kind of failure `e` is, for the host to give the API's matching code. */
function failureCode(e: unknown): ReplyFailureCode {
  if (e instanceof ExportWriteError) return 'writeFailed';
  if (e instanceof KerasExportError) return 'invalidModel';
  if (e instanceof NoModelError) return 'noModel';
  return 'internal';
}

/**
 * Answers request `requestId` with what `answer` gives, or with its error's kind and message.
 * Waits for a `load` first, so a request sent right behind it finds the model.
 */
async function replyTo(
  requestId: number,
  answer: () => ReplyValue | Promise<ReplyValue>,
): Promise<void> {
  try {
    await ready;
    send({ type: 'reply', requestId, ok: true, ...(await answer()) });
  } catch (e) {
    send({ type: 'reply', requestId, ok: false, code: failureCode(e), error: errorMessage(e) });
  }
}

async function handle(msg: HostToWorker): Promise<void> {
  switch (msg.type) {
    case 'start':
      try {
        await train(msg);
      } catch (e) {
        fail(msg.runId, 'crash', `Training failed: ${errorMessage(e)}`);
      }
      return;
    case 'load':
      // A failed load fails the requests waiting on it, each with the reason.
      ready = load(msg);
      return ready.catch(() => undefined);
    case 'stop':
      stopRequested = true;
      return;
    case 'predict':
      return replyTo(msg.requestId, async () => ({
        kind: 'predict',
        value: await predict(msg.pixels, msg.epoch),
      }));
    case 'insight':
      return replyTo(msg.requestId, async () => ({
        kind: 'insight',
        value: await insight(msg.epoch),
      }));
    case 'export':
      return replyTo(msg.requestId, async () => ({
        kind: 'export',
        value: await exportTrained(msg.format, msg.target, msg.strategy, msg.epoch),
      }));
    // The training replay (main/insight/replayEpoch.ts).
    case 'epochConfusion':
      return replyTo(msg.requestId, () =>
        withModel(msg.epoch, async (model, run) => ({
          kind: 'epochConfusion' as const,
          value: await epochConfusion(
            model,
            await testSplitFor(run.request.dataset),
            run.inputShape,
            run.classNames.length,
            msg.epoch,
            msg.samples,
          ),
        })),
      );
    case 'useEpoch':
      return replyTo(msg.requestId, async () => ({
        kind: 'useEpoch',
        value: await useEpoch(msg),
      }));
    // Insight's step-by-step view (main/insight/readLayerArithmetic.ts).
    case 'layerArithmetic':
      return replyTo(msg.requestId, async () => {
        if (!trained) throw new NoModelError();
        return {
          kind: 'layerArithmetic',
          value: await readLayerArithmetic(
            trained.model,
            msg.layer,
            msg.pixels,
            trained.inputShape,
            UNIT_SCALING,
          ),
        };
      });
    // Insight's Mistakes (main/insight/cellImages.ts).
    case 'cellImages':
      return replyTo(msg.requestId, async () => {
        if (!trained) throw new NoModelError();
        const split = await testSplitFor(trained.request.dataset);
        const { model, inputShape, classNames } = trained;
        return {
          kind: 'cellImages',
          value: await cellImages(
            model,
            split,
            inputShape,
            classNames.length,
            msg.trueClass,
            msg.predictedClass,
            msg.limit,
          ),
        };
      });
    // The fair experiment's Robustness (main/insight/scoreRobustness.ts).
    case 'robustness':
      return replyTo(msg.requestId, async () => {
        if (!trained) throw new NoModelError();
        const split = await testSplitFor(trained.request.dataset);
        const { model, inputShape, classNames } = trained;
        return {
          kind: 'robustness',
          value: await scoreRobustness(model, split, inputShape, classNames.length, msg.samples),
        };
      });
    case 'exit':
      process.exit(0);
  }
}

const onMessage = (m: unknown): void => {
  if (isHostToWorker(m)) void handle(m);
};
if (parentPort) parentPort.on('message', (e) => onMessage(e.data));
else process.on('message', onMessage);
// The host going away (its IPC channel closing) ends this process too.
process.on('disconnect', () => process.exit(0));
