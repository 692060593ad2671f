import type { Command } from 'commander';
import { Option } from 'commander';
import type { ExportFormat } from '../../shared/api/backendApi';
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
}

/**
 * `netcanvas export FILE --format tfjs|keras-json|python --out PATH`: a project file or a Keras /
 * TensorFlow.js model.json, written in another format. A tfjs model.json with weights keeps its
 * weights in a tfjs export; otherwise tfjs files hold freshly initialised weights.
 */
export async function runExport(file: string, opts: ExportOptions, out: CommandOutput): Promise<number> {
  const fail = (why: string) => {
    out.stderr(`netcanvas: ${why.replace(/\s*\n\s*/g, ' ')}\n`);
    return 1;
  };
  try {
    const model = await readModelFile(file).catch((e: unknown) => {
      throw e instanceof ModelTextError ? new Error(`${file}: ${e.message}`) : e;
    });
    const { project, json } = model;
    const report = inferGraph(model.graph);
    if (!report.ok) return fail(`${file}: ${report.issues.find((i) => i.severity === 'error')?.message ?? 'the network has errors'}`);
    const trained = opts.format === 'tfjs' && !project && hasWeightsManifest(json) ? await loadTrainedModel(file) : undefined;
    const { files } = await exportModel(
      {
        graph: model.graph,
        settings: project?.training ?? DEFAULT_TRAINING,
        dataset: project?.dataset ?? { kind: 'mnist' },
        name: model.name,
        ...(trained ? { model: trained } : {}),
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
    .description('write a project file or Keras / TensorFlow.js model.json as TensorFlow.js files, Keras JSON or a Python Keras script')
    .argument('<FILE>', 'NetCanvas project file, or Keras / TensorFlow.js model.json')
    .addOption(new Option('--format <FORMAT>', 'tfjs: model.json + weights.bin in folder PATH; keras-json: the Keras topology; python: a Keras script').choices(['tfjs', 'keras-json', 'python']).makeOptionMandatory())
    .requiredOption('--out <PATH>', 'folder (tfjs) or file to write')
    .action(async (file: string, opts: ExportOptions) => {
      process.exitCode = await runExport(file, opts, processOutput);
    });
}
