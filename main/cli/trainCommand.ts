import { skippedImagesNote } from '../../shared/training/skippedImages';
import { resolve } from 'node:path';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import { describeDataset } from '../../datasets/loadDataset';
import type { Graph } from '../../shared/graph/types';
import { inferGraph } from '../../shared/graph/inferGraph';
import { errorMessage } from '../../shared/errors/errorMessage';
import { backendChoiceLine } from '../../shared/training/backendChoice';
import type { DatasetRef } from '../../shared/training/datasetTypes';
import { COMPUTE_BACKENDS } from '../../shared/training/runEvents';
import type { BackendChoice, RunEvent } from '../../shared/training/runEvents';
import { DEFAULT_TRAINING } from '../../shared/training/settings';
import type { TrainingSettings } from '../../shared/training/settings';
import { RECONSTRUCTION_LOSS_WORDS, taskOf } from '../../shared/training/task';
import { hasWeightsManifest } from '../export/loadTrainedModel';
import { createRunService } from '../services/runService';
import { readModelFile } from './readModelFile';
import type { CommandOutput } from './summaryCommand';

export const DATASET_HELP = `data set to train on:
  mnist                 MNIST (ships with NetCanvas)
  fashion-mnist[:DIR]   Fashion-MNIST (default DIR /usr/share/datasets/fashion-mnist, Debian's dataset-fashion-mnist)
  cifar10:DIR           CIFAR-10 binary version (the folder holding data_batch_1.bin ... test_batch.bin)
  folder:DIR            one subfolder per class (images resized to the network's Input, grayscale if it has 1 channel)`;

/** The network's Input shape (height, width, channels), for sizing an image folder's images. */
function inputImageShape(graph: Graph): [number, number, number] | null {
  const report = inferGraph(graph);
  const shape = report.nodes.get(report.inputIds[0] ?? '')?.outputShape?.slice(1);
  if (shape?.length !== 3 || shape.some((d) => d === null)) return null;
  return shape as [number, number, number];
}

/**
 * `--dataset` as a DatasetRef (see {@link DATASET_HELP}).
 * @throws InvalidArgumentError naming the accepted forms
 */
export function parseDatasetSpec(
  spec: string,
  graph: Graph,
  project: DatasetRef | null,
): DatasetRef {
  const at = spec.indexOf(':');
  const kind = at < 0 ? spec : spec.slice(0, at);
  const dir = at < 0 ? '' : resolve(spec.slice(at + 1));
  if (kind === 'mnist' && at < 0) return { kind: 'mnist' };
  if (kind === 'fashion-mnist')
    return at < 0 ? { kind: 'fashion-mnist' } : { kind: 'fashion-mnist', path: dir };
  if (kind === 'cifar10' && dir) return { kind: 'cifar10', path: dir };
  if (kind === 'folder' && dir) {
    if (project?.kind === 'folder') return { ...project, path: dir };
    const shape = inputImageShape(graph);
    if (!shape)
      throw new InvalidArgumentError(
        'folder:DIR needs a network whose Input is an image (height, width, channels).',
      );
    return {
      kind: 'folder',
      path: dir,
      imageSize: [shape[0], shape[1]],
      color: shape[2] === 1 ? 'grayscale' : 'rgb',
    };
  }
  throw new InvalidArgumentError(
    `'${spec}' is not a data set; use mnist, fashion-mnist[:DIR], cifar10:DIR or folder:DIR.`,
  );
}

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError('must be a whole number of at least 1.');
  return n;
}

function fraction(v: string): number {
  const n = Number(v);
  if (!(n >= 0 && n < 1)) throw new InvalidArgumentError('must be at least 0 and less than 1.');
  return n;
}

export interface TrainOptions {
  readonly dataset: string;
  readonly epochs?: number;
  readonly batchSize?: number;
  readonly limit?: number;
  readonly validationSplit?: number;
  readonly backend: BackendChoice;
  readonly out?: string;
  readonly json?: boolean;
}

/** A RunEvent as one JSON line: `event` names it, the run id is left out (one run). */
function jsonLine(event: Record<string, unknown>): string {
  return `${JSON.stringify(event)}\n`;
}

/** An autoencoder's event without the accuracy fields it does not have, nor its images (large, for the app). */
function withoutAccuracy(event: Record<string, unknown>): Record<string, unknown> {
  const { accuracy: _a, valAccuracy: _v, reconstructions: _r, points, ...rest } = event;
  return Array.isArray(points)
    ? {
        ...rest,
        points: points.map((p: Record<string, unknown>) => ({
          epoch: p.epoch,
          batch: p.batch,
          loss: p.loss,
        })),
      }
    : rest;
}

const fmt = (n: number | null, digits = 4) => (n === null ? '-' : n.toFixed(digits));

/**
 * `netcanvas train FILE --dataset NAME ...`: trains in a separate process, prints progress,
 * evaluates on the whole test split and writes the tfjs model to `--out`. Returns the exit code.
 */
export async function runTrain(
  file: string,
  opts: TrainOptions,
  out: CommandOutput,
): Promise<number> {
  const fail = (why: string) => {
    out.stderr(`netcanvas: ${why}\n`);
    return 1;
  };
  let model;
  try {
    model = await readModelFile(file);
  } catch (e) {
    return fail(`${file}: ${errorMessage(e)}`);
  }
  const { project, json } = model;
  const report = inferGraph(model.graph);
  if (!report.ok)
    return fail(
      `${file}: ${report.issues.find((i) => i.severity === 'error')?.message ?? 'the network has errors'}`,
    );
  let dataset: DatasetRef;
  try {
    dataset = parseDatasetSpec(opts.dataset, model.graph, project?.dataset ?? null);
  } catch (e) {
    return fail(errorMessage(e));
  }
  try {
    await describeDataset(dataset);
  } catch (e) {
    return fail(errorMessage(e));
  }
  const settings: TrainingSettings = {
    ...(project?.training ?? DEFAULT_TRAINING),
    ...(opts.epochs === undefined ? {} : { epochs: opts.epochs }),
    ...(opts.batchSize === undefined ? {} : { batchSize: opts.batchSize }),
    ...(opts.limit === undefined ? {} : { limit: opts.limit }),
    ...(opts.validationSplit === undefined ? {} : { validationSplit: opts.validationSplit }),
  };
  // A tfjs model.json with weights keeps training from them.
  const weightsFrom = !project && hasWeightsManifest(json) ? resolve(file) : null;
  const service = createRunService({ workerOptions: { weightsFrom } });
  // An autoencoder has no accuracy: its lines name the reconstruction loss only.
  const reconstruct = taskOf(settings) === 'reconstruct';
  const lossWord = reconstruct ? RECONSTRUCTION_LOSS_WORDS : 'loss';
  const barFormat = reconstruct
    ? 'epoch {epoch}/{epochs} [{bar}] {value}/{total} batches | reconstruction loss {loss} | {speed} samples/s | ETA {eta_formatted}'
    : 'epoch {epoch}/{epochs} [{bar}] {value}/{total} batches | loss {loss} acc {acc} | {speed} samples/s | ETA {eta_formatted}';
  const bar =
    !opts.json && process.stderr.isTTY
      ? new SingleBar({ format: barFormat, stream: process.stderr })
      : null;
  let started: Extract<RunEvent, { type: 'started' }> | null = null;
  const id = await service.start({
    title: model.name,
    graph: model.graph,
    dataset,
    settings,
    backend: opts.backend,
  });
  const onSigint = () => void service.stop(id);
  process.once('SIGINT', onSigint);
  try {
    const end = await new Promise<Extract<RunEvent, { type: 'done' | 'stopped' | 'failed' }>>(
      (resolveEnd) => {
        service.onEvent((event) => {
          const { runId: _omit, type, ...rest } = event;
          if (opts.json && type !== 'done')
            out.stdout(jsonLine({ event: type, ...(reconstruct ? withoutAccuracy(rest) : rest) }));
          switch (event.type) {
            case 'started':
              started = event;
              if (!opts.json)
                out.stderr(
                  `Training ${model.name} (${report.totals.total.toLocaleString('en-US')} params) on ${event.trainSamples} samples, validating on ${event.validationSamples}, backend ${event.backend.name}\n`,
                );
              // How auto chose, e.g. "webgpu 8,400 samples/s, wasm 1,100 samples/s: using webgpu".
              if (!opts.json && event.backend.measured?.timings.length)
                out.stderr(`${backendChoiceLine(event.backend) ?? ''}\n`);
              if (!opts.json && event.skippedImages)
                out.stderr(`${skippedImagesNote(event.skippedImages)}\n`);
              bar?.start(event.batchesPerEpoch, 0, {
                epoch: 1,
                epochs: settings.epochs,
                loss: '-',
                acc: '-',
                speed: 0,
              });
              break;
            case 'batch':
              bar?.update(event.batch, {
                epoch: event.epoch,
                loss: fmt(event.loss),
                acc: fmt(event.accuracy),
                speed: Math.round(event.samplesPerSecond),
              });
              break;
            case 'epoch':
              bar?.update(started?.batchesPerEpoch ?? 0);
              if (!opts.json) {
                bar?.stop();
                out.stderr(
                  reconstruct
                    ? `epoch ${event.epoch}/${settings.epochs}: ${lossWord} ${fmt(event.loss)} val ${lossWord} ${fmt(event.valLoss)} (${Math.round(event.samplesPerSecond)} samples/s)\n`
                    : `epoch ${event.epoch}/${settings.epochs}: loss ${fmt(event.loss)} accuracy ${fmt(event.accuracy)} val_loss ${fmt(event.valLoss)} val_accuracy ${fmt(event.valAccuracy)} (${Math.round(event.samplesPerSecond)} samples/s)\n`,
                );
                if (event.epoch < settings.epochs)
                  bar?.start(started?.batchesPerEpoch ?? 0, 0, {
                    epoch: event.epoch + 1,
                    epochs: settings.epochs,
                    loss: '-',
                    acc: '-',
                    speed: 0,
                  });
              }
              break;
            case 'evaluating':
              bar?.stop();
              if (!opts.json) out.stderr('Evaluating on the test split...\n');
              break;
            case 'done':
            case 'stopped':
            case 'failed':
              bar?.stop();
              resolveEnd(event);
              break;
          }
        });
      },
    );
    if (end.type === 'failed') return fail(end.message);
    if (end.type === 'stopped') {
      out.stderr('Training stopped.\n');
      return 130;
    }
    const files = opts.out ? (await service.exportRun(id, 'tfjs', opts.out)).files : [];
    const backend = service.list()[0]?.backend?.name ?? null;
    const { result } = end;
    if (opts.json) {
      out.stdout(
        jsonLine({
          event: 'done',
          ...(reconstruct ? { task: 'reconstruct' } : {}),
          testAccuracy: reconstruct ? null : result.testAccuracy,
          testLoss: result.testLoss,
          samplesPerSecond: end.samplesPerSecond,
          backend,
          trainingMs: end.trainingMs,
          trainSamples:
            (started as Extract<RunEvent, { type: 'started' }> | null)?.trainSamples ?? null,
          totalParams: report.totals.total,
          bestEpoch: end.bestEpoch,
          stoppedEarly: end.stoppedEarly,
          perClassAccuracy: result.perClassAccuracy,
          confusion: result.confusion,
          files,
        }),
      );
    } else {
      out.stdout(
        (reconstruct
          ? `Test ${lossWord} ${result.testLoss.toFixed(4)}; `
          : `Test accuracy ${(result.testAccuracy * 100).toFixed(2)}%, test loss ${result.testLoss.toFixed(4)}; `) +
          `${Math.round(end.samplesPerSecond)} samples/s on ${backend ?? '?'} (${(end.trainingMs / 1000).toFixed(1)} s training)\n`,
      );
      if (files.length > 0)
        out.stdout(
          `Model written to ${resolve(opts.out ?? '')} (${files.map((f) => f.split('/').at(-1)).join(', ')})\n`,
        );
    }
    return 0;
  } catch (e) {
    return fail(errorMessage(e));
  } finally {
    process.off('SIGINT', onSigint);
    await service.dispose();
  }
}

const processOutput: CommandOutput = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

/** Registers `train` on the `netcanvas` program. */
export function registerTrain(program: Command): void {
  program
    .command('train')
    .description(
      'train a project file or Keras / TensorFlow.js model.json on a data set, evaluate it and export it',
    )
    .argument(
      '<FILE>',
      'NetCanvas project file, or Keras / TensorFlow.js model.json (with weights: training continues from them)',
    )
    .requiredOption('--dataset <NAME>', DATASET_HELP)
    .option('--epochs <N>', "epochs (default: the project's, else 5)", positiveInt)
    .option('--batch-size <N>', "samples per batch (default: the project's, else 64)", positiveInt)
    .option('--limit <N>', 'use at most N training samples', positiveInt)
    .option(
      '--validation-split <F>',
      'share of the training samples held out for validation, 0 to <1',
      fraction,
    )
    .addOption(
      new Option('--backend <NAME>', 'compute backend')
        .choices(['auto', ...COMPUTE_BACKENDS])
        .default('auto'),
    )
    .option('--out <DIR>', 'write the trained model here (TensorFlow.js model.json + weights.bin)')
    .option('--json', 'print one JSON object per line; the last is {"event":"done",...}')
    .action(async (file: string, opts: TrainOptions) => {
      process.exitCode = await runTrain(file, opts, processOutput);
    });
}
