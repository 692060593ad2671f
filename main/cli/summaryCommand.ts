import type { Command } from 'commander';

export function registerSummary(program: Command): void {
  program
    .command('summary')
    .argument('<file>', 'a NetCanvas project file or a Keras / TensorFlow.js model.json')
    .option('--json', 'print JSON instead of the Keras-style table')
    .action((file: string) => {
      process.stdout.write(`TODO ${file}\n`);
    });
}
