// `npm run web`: the app in a browser, served from this machine to this machine only.
import { Command, InvalidArgumentError } from 'commander';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import open from 'open';
import { createBackendProbe } from '../compute/probeBackends';
import { createBackend } from '../services/createBackend';
import { createDispatch } from '../services/dispatchApi';
import { createExportService } from '../services/exportService';
import { DEFAULT_CIFAR10_DIR } from '../../datasets/loadDataset';
import { FASHION_MNIST_DIR } from '../../datasets/fashionMnist';
import { errorMessage } from '../../shared/errors/errorMessage';
import { workspaceGuard } from '../services/pathGuard';
import { ProjectService, workspaceDir } from '../services/projectService';
import { createRunService } from '../services/runService';
import { startWebServer } from './webServer';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function portNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError('a port is a whole number from 0 to 65535');
  return n;
}

/** Starts the web shell; resolves once it is listening. Returns the exit code on failure. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('netcanvas-web')
    .description('Serve NetCanvas on 127.0.0.1 and open it in the browser')
    .option('--port <n>', 'port to listen on (0: any free port)', portNumber, 0)
    .option('--no-open', 'do not open the browser')
    .exitOverride();
  try {
    program.parse(argv);
  } catch {
    return 1;
  }
  const opts = program.opts<{ port: number; open: boolean }>();
  const version = (
    JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }
  ).version;
  // Any process on this machine can call the web shell: every path must really be inside the
  // workspace; data sets may also come from the folders NetCanvas itself looks in.
  const workspace = workspaceDir();
  const projects = new ProjectService(workspaceGuard(workspace));
  const datasetGuard = workspaceGuard(workspace, [FASHION_MNIST_DIR, DEFAULT_CIFAR10_DIR]);
  // Each training run gets its own process; closing the shell ends them all.
  const runs = createRunService();
  const api = createBackend({
    shell: 'web',
    version,
    projects,
    runs,
    datasetGuard,
    exports: createExportService(),
    backends: createBackendProbe(),
  });
  const server = await startWebServer({
    dispatch: createDispatch(api),
    subscribe: (listener) => api.onRunEvent(listener),
    staticDir: join(root, 'dist', 'renderer'),
    port: opts.port,
  });
  console.log(`NetCanvas is running at ${server.url}`);
  console.log(`Projects are saved in ${projects.workspace}. Press Ctrl+C to stop.`);
  const stop = () => {
    void Promise.all([server.close(), runs.dispose()]).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  if (opts.open) {
    await open(server.url).catch((e: unknown) => {
      console.log(
        `Could not open a browser (${errorMessage(e)}); open the address above yourself.`,
      );
    });
  }
  return 0;
}
