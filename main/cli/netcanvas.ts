import { Command, CommanderError } from 'commander';
import { errorMessage } from '../../shared/errors/errorMessage';
import { registerSummary } from './summaryCommand';
import { registerExport } from './exportCommand';
import { registerTrain } from './trainCommand';

/** The `netcanvas` command line (design.md's contract). Returns the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('netcanvas')
    .description('NetCanvas: build, inspect, train and export neural networks')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerSummary(program);
  registerTrain(program);
  registerExport(program);
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 1;
    process.stderr.write(`netcanvas: ${errorMessage(e)}\n`);
    return 1;
  }
}
