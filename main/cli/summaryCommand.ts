import type { Command } from 'commander';
import { inferGraph } from '../../shared/graph/inferGraph';
import { formatIssues, formatSummary } from '../../shared/summary/formatSummary';
import { errorMessage } from '../../shared/errors/errorMessage';
import { ModelTextError } from '../../shared/summary/readModelText';
import { summaryJson } from '../../shared/summary/summaryJson';
import { readModelFile } from './readModelFile';

/** Where the command writes; the real process streams unless a test passes its own. */
export interface CommandOutput {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

const processOutput: CommandOutput = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

/**
 * `netcanvas summary FILE [--json]`: prints the Keras-style summary (or its JSON form) of a project
 * file or a Keras / TensorFlow.js model file. Returns the exit code:
 * - 0: the model is valid (warnings are printed after the table, or listed in the JSON);
 * - 1: the file cannot be read or parsed, or is not a model: nothing on stdout, one line on stderr,
 *   `netcanvas: FILE: what is wrong and where`;
 * - 1: the model reads but has errors (a kernel larger than its input, a loop, ...): the table or
 *   JSON is printed with the errors, and stderr gets the same one line naming the first error.
 */
export async function runSummary(
  file: string,
  options: { readonly json?: boolean },
  out: CommandOutput = processOutput,
): Promise<number> {
  const fail = (why: string) => {
    out.stderr(`netcanvas: ${file}: ${why.replace(/\s*\n\s*/g, ' ')}\n`);
    return 1;
  };
  let model;
  try {
    model = await readModelFile(file);
  } catch (e) {
    if (e instanceof ModelTextError) return fail(e.message);
    return fail(`unexpected problem: ${errorMessage(e)}`);
  }
  const report = inferGraph(
    model.graph,
    model.classes === undefined ? {} : { classes: model.classes },
  );
  if (options.json) out.stdout(`${JSON.stringify(summaryJson(model.graph, report), null, 2)}\n`);
  else
    out.stdout(
      formatSummary(model.graph, report, { name: model.name }) + formatIssues(model.graph, report),
    );
  const errors = report.issues.filter((i) => i.severity === 'error');
  const first = errors[0];
  if (!first) return 0;
  const layer = model.graph.nodes.find((n) => n.id === first.nodeId)?.name;
  const more =
    errors.length > 1
      ? ` (and ${errors.length - 1} more error${errors.length > 2 ? 's' : ''})`
      : '';
  return fail(`${layer === undefined ? '' : `layer '${layer}': `}${first.message}${more}`);
}

/** Registers `summary` on the `netcanvas` program. */
export function registerSummary(program: Command): void {
  program
    .command('summary')
    .description(
      "print a model's layers, output shapes and parameter counts as Keras's model.summary() does",
    )
    .argument('<file>', 'a NetCanvas project file or a Keras / TensorFlow.js model.json')
    .option('--json', 'print JSON instead of the Keras-style table')
    .action(async (file: string, options: { json?: boolean }) => {
      process.exitCode = await runSummary(file, options);
    });
}
