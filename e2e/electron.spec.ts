// The desktop app, driven through Playwright's Electron launcher where an Electron binary exists.
// Where it does not (its download is skipped on machines that reach only the npm registry) the
// suite says so and skips: run `node node_modules/electron/install.js` where the network allows.
import { _electron as electron, expect, test } from '@playwright/test';
import { join } from 'node:path';
import { electronBinary } from '../scripts/electronBinary.mjs';

const binary = electronBinary();

test.describe('desktop app', () => {
  test.skip(
    binary.path === null,
    `Electron is not available here: ${binary.reason ?? ''}. Install its binary with "node node_modules/electron/install.js" to run these tests.`,
  );

  test('opens the hardened window with the start screen and the bridge', async () => {
    const app = await electron.launch({
      executablePath: binary.path ?? '',
      args: [join(process.cwd(), 'dist/main/electron-main.cjs')],
    });
    const page = await app.firstWindow();
    await expect(page.getByRole('button', { name: /Empty canvas/ })).toBeVisible();
    // The renderer sees the API bridge and no Node.
    expect(await page.evaluate('typeof window.netcanvas.listProjects')).toBe('function');
    expect(await page.evaluate('typeof require')).toBe('undefined');
    await page.getByRole('button', { name: /Empty canvas/ }).click();
    await page
      .getByRole('navigation', { name: 'Layers' })
      .getByRole('button', { name: 'Flatten', exact: true })
      .click();
    await expect(page.getByRole('region', { name: 'Model summary' })).toContainText('(None, 784)');
    await app.close();
  });
});
