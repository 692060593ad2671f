import type { Command } from 'commander';
import { Option } from 'commander';
import type { DistributionStrategy, ExportFormat } from '../../shared/api/backendApi';
import {
  DISTRIBUTION_STRATEGIES,
  DISTRIBUTION_STRATEGY_IDS,
  EXPORT_FORMATS,
  EXPORT_FORMAT_IDS,
  exportFormatInfo,
} from '../../shared/api/exportFormats';
import { inferGraph } from '../../shared/graph/inferGraph';
import { errorMessage } from '../../shared/errors/errorMessage';
import { ModelTextError } from '../../shared/summary/readModelText';
import { DEFAULT_TRAINING } from '../../shared/training/settings';
import { exportModel } from '../export/exportModel';
import { hasWeightsManifest, loadTrainedModel } from '../export/loadTrainedModel';
import { readModelFile } from './readModelFile';
import type { CommandOutput } from './summaryCommand';

export interface ExportOptions {
  readonly format: ExportFormat;
  readonly out: string;
  /** How an exported Python script trains; `single` when absent. */
  readonly strategy?: DistributionStrategy;
}

/**
 * `netcanvas export FILE --format tfjs|keras-json|python|onnx --out PATH [--strategy S]`: a project
 * file or a Keras / TensorFlow.js model.json, written in another format. A tfjs model.json with
 * weights keeps its weights in a tfjs or ONNX export; otherwise those hold freshly initialised
 * weights. `--strategy` picks how a Python script trains (one device, one machine's GPUs, several machines).
 */
export async function runExport(
  file: string,
  opts: ExportOptions,
  out: CommandOutput,
): Promise<number> {
  const fail = (why: string) => {
    out.stderr(`netcanvas: ${why.replace(/\s*\n\s*/g, ' ')}\n`);
    return 1;
  };
  if (opts.strategy && opts.strategy !== 'single' && opts.format !== 'python')
    return fail(
      `--strategy ${opts.strategy} applies to the Python script only; add --format python or leave --strategy out.`,
    );
  try {
    const model = await readModelFile(file).catch((e: unknown) => {
      throw e instanceof ModelTextError ? new Error(`${file}: ${e.message}`) : e;
    });
    const { project, json } = model;
    const report = inferGraph(model.graph);
    if (!report.ok)
      return fail(
        `${file}: ${report.issues.find((i) => i.severity === 'error')?.message ?? 'the network has errors'}`,
      );
    const trained =
      exportFormatInfo(opts.format).weights && !project && hasWeightsManifest(json)
        ? await loadTrainedModel(file)
        : undefined;
    const { files } = await exportModel(
      {
        graph: model.graph,
        settings: project?.training ?? DEFAULT_TRAINING,
        dataset: project?.dataset ?? { kind: 'mnist' },
        name: model.name,
        ...(trained ? { model: trained } : {}),
        ...(opts.strategy ? { strategy: opts.strategy } : {}),
      },
      opts.format,
      opts.out,
    );
    trained?.dispose();
    out.stdout(`${files.join('\n')}\n`);
    return 0;
  } catch (e) {
    return fail(errorMessage(e));
  }
}

const processOutput: CommandOutput = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

/** Registers `export` on the `netcanvas` program. */
export function registerExport(program: Command): void {
  program
    .command('export')
    .description(
      'write a project file or Keras / TensorFlow.js model.json as TensorFlow.js files, Keras JSON, a Python Keras script or ONNX',
    )
    .argument('<FILE>', 'NetCanvas project file, or Keras / TensorFlow.js model.json')
    .addOption(
      new Option('--format <FORMAT>', EXPORT_FORMATS.map((f) => `${f.id}: ${f.cliHelp}`).join('; '))
        .choices(EXPORT_FORMAT_IDS)
        .makeOptionMandatory(),
    )
    .requiredOption('--out <PATH>', 'folder (tfjs) or file to write')
    .addOption(
      new Option(
        '--strategy <STRATEGY>',
        `python only: where the script trains; ${DISTRIBUTION_STRATEGIES.map((s) => `${s.id}: ${s.cliHelp}`).join('; ')}`,
      )
        .choices(DISTRIBUTION_STRATEGY_IDS)
        .default('single'),
    )
    .action(async (file: string, opts: ExportOptions) => {
      process.exitCode = await runExport(file, opts, processOutput);
    });
}
