// auto's choice of compute backend by measurement (main/compute/autoBackend.ts) on the templates
// that are models A (mlp), B (cnn-valid) and C (cnn-dropout) of train.bench.ts, at batch 64,
// without the cache: each loaded backend's samples/s within the 2 s bound and what auto picks.
//   node --import tsx bench/choose.bench.ts [--models A,B,C] [--batch 64] [--budget 2000] [--json]
//   --dawn null   WebGPU on Dawn's null adapter (no GPU work: host overhead only). Auto never
//                 chooses it; here it is timed beside the others to check the machinery.
import { parseArgs } from 'node:util';
import { COMPUTE_BACKENDS } from '../shared/training/runEvents';
import type { ComputeBackend } from '../shared/training/runEvents';
import { backendChoiceLine } from '../shared/training/backendChoice';
import { DEFAULT_TRAINING } from '../shared/training/settings';
import { PROJECT_TEMPLATES } from '../shared/templates/projectTemplates';
import { toKerasTopology } from '../shared/keras/toKerasTopology';
import { buildModel } from '../main/training/buildModel';
import { stepTimer } from '../main/compute/autoBackend';
import { chooseBackend } from '../main/compute/chooseBackend';
import { tryBackend } from '../main/compute/selectBackend';
import { initBackend } from '../main/compute/initBackend';

const { values: args } = parseArgs({
  options: {
    models: { type: 'string', default: 'A,B,C' },
    batch: { type: 'string', default: '64' },
    budget: { type: 'string', default: '2000' },
    dawn: { type: 'string', default: 'default' },
    json: { type: 'boolean', default: false },
  },
});

const TEMPLATE: Record<string, string> = { A: 'mlp', B: 'cnn-valid', C: 'cnn-dropout' };

async function main(): Promise<void> {
  const dawnOptions = args.dawn === 'null' ? ['backend=null'] : [];
  const first = await initBackend('auto', { dawnOptions });
  const loaded: ComputeBackend[] = [first.name];
  const details: string[] = [];
  for (const name of COMPUTE_BACKENDS.slice(COMPUTE_BACKENDS.indexOf(first.name) + 1)) {
    const result = await tryBackend(name);
    if (result.ok) loaded.push(name);
    details.push(`${name}: ${result.ok ? result.detail : result.reason}`);
  }
  if (!args.json)
    console.log(`loaded: ${loaded.join(', ')} (first: ${first.name}; ${details.join('; ')})`);
  const settings = { ...DEFAULT_TRAINING, batchSize: Number(args.batch) };
  for (const model of args.models.split(',')) {
    const template = PROJECT_TEMPLATES.find((t) => t.id === TEMPLATE[model]);
    if (!template) throw new Error(`unknown model ${model} (A, B or C)`);
    const graph = template.project.graph;
    const build = () => buildModel(toKerasTopology(graph), settings);
    const choice = await chooseBackend({
      loaded,
      measure: stepTimer({ build, inputShape: [28, 28, 1], settings }),
      budgetMs: Number(args.budget),
    });
    const report = {
      name: choice.name,
      skipped: [],
      ...(choice.measured ? { measured: choice.measured } : {}),
    };
    if (args.json)
      console.log(
        JSON.stringify({
          model,
          batch: settings.batchSize,
          dawn: args.dawn,
          chosen: choice.name,
          ...choice.measured,
        }),
      );
    else
      console.log(
        `model ${model}, batch ${settings.batchSize}: ${backendChoiceLine(report) ?? `using ${choice.name} (nothing to compare)`} [${choice.measured?.ms ?? 0} ms]`,
      );
  }
}

await main();
// Dawn and the wasm thread pool keep the event loop alive.
process.exit(0);
