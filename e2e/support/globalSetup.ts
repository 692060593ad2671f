import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Starts the web shell once for the suite, as a user would with `npm run web`, and hands the
 * printed URL (with its session token) to the specs through NETCANVAS_URL.
 */
export default async function globalSetup(): Promise<() => void> {
  const home = mkdtempSync(join(tmpdir(), 'netcanvas-e2e-'));
  const server = spawn(process.execPath, ['bin/netcanvas-web.mjs', '--port', '0', '--no-open'], {
    env: { ...process.env, NETCANVAS_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`web shell did not start within 60 s:\n${log}`)),
      60_000,
    );
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const m = /NetCanvas is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(log);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.on('exit', (code) => reject(new Error(`web shell exited with ${code}:\n${log}`)));
  });
  process.env.NETCANVAS_URL = url;
  process.env.NETCANVAS_HOME = home;
  return () => {
    server.kill('SIGTERM');
    rmSync(home, { recursive: true, force: true });
  };
}
