import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { unzipSync } from 'fflate';

const appUrl = () => {
  const url = process.env.NETCANVAS_URL;
  if (!url) throw new Error('NETCANVAS_URL is not set: the global setup starts the web shell');
  return url;
};

const summary = (page: Page) => page.getByRole('region', { name: 'Model summary' });

/** The summary's rows as the learner reads them: "name (Type) | shape | params". */
async function summaryRows(region: Locator): Promise<string[]> {
  const rows = await region.getByRole('rowgroup').nth(1).getByRole('row').all();
  return Promise.all(
    rows.map(async (r) => (await r.getByRole('cell').allTextContents()).join(' | ')),
  );
}

async function openTemplate(page: Page, name: RegExp) {
  await page.goto(appUrl());
  await page.getByRole('button', { name }).click();
  await expect(summary(page)).toBeVisible();
}

test('save a project, start over, open it again: the same graph', async ({ page }, testInfo) => {
  await openTemplate(page, /CNN 32-64 'valid'/);
  // Make it the learner's own: a wider first convolution.
  await page.getByTestId('block-conv2d').click();
  const filters = page
    .getByRole('complementary', { name: 'Inspector' })
    .getByRole('textbox', { name: 'filters', exact: true });
  await filters.fill('48');
  const total = 121_930 - 320 - 18_496 + (9 * 48 + 48) + (9 * 48 * 64 + 64);
  await expect(summary(page)).toContainText(`Total params: ${total.toLocaleString('en-US')}`);
  // Read the rows only once the summary shows the edit (reading them first raced the re-render).
  const rowsBefore = await summaryRows(summary(page));
  expect(rowsBefore[0]).toContain('(None, 26, 26, 48)');

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const saveAs = page.getByRole('dialog', { name: 'Save As' });
  await saveAs.getByLabel('Project name').fill('my wide cnn');
  await testInfo.attach('save-as', { body: await page.screenshot(), contentType: 'image/png' });
  await saveAs.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(saveAs).toHaveCount(0);
  await expect(page.getByRole('banner')).toContainText('my wide cnn');
  await expect(page.getByRole('banner')).not.toContainText('unsaved');

  await page.getByRole('button', { name: 'New' }).click();
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  const open = page.getByRole('dialog', { name: 'Open project' });
  await open.getByRole('button', { name: 'my wide cnn' }).click();
  await expect(summary(page)).toContainText(`Total params: ${total.toLocaleString('en-US')}`);
  await expect.poll(() => summaryRows(summary(page))).toEqual(rowsBefore);
  await expect(page.getByTestId('block-conv2d')).toContainText('48');
});

test('import a Keras model.json: its layers, shapes and total appear on the canvas', async ({
  page,
}, testInfo) => {
  await page.goto(appUrl());
  await page.getByRole('button', { name: 'Import' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import Keras model' });
  await dialog
    .getByLabel(/Open a file/)
    .setInputFiles(join(import.meta.dirname, 'fixtures', 'tiny-cnn.model.json'));
  await expect(summary(page)).toContainText('Total params: 151');
  await expect
    .poll(() => summaryRows(summary(page)))
    .toEqual([
      'conv2d (Conv2D) | (None, 6, 6, 4) | 40',
      'max_pooling2d (MaxPooling2D) | (None, 3, 3, 4) | 0',
      'flatten (Flatten) | (None, 36) | 0',
      'dense (Dense) | (None, 3) | 111',
    ]);
  // Laid out one block per row, each wire labelled with its shape.
  await expect(page.getByTestId('edge-shape').filter({ hasText: '(None, 36)' })).toBeVisible();
  await testInfo.attach('imported', { body: await page.screenshot(), contentType: 'image/png' });
});

test('a file that is not a model says why, and the app keeps working', async ({ page }) => {
  await page.goto(appUrl());
  await page.getByRole('button', { name: 'Import' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import Keras model' });
  await dialog.getByLabel(/Open a file/).setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"hello": 1}'),
  });
  await expect(dialog.getByRole('alert')).toContainText('notes.json');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: /Empty canvas/ }).click();
  await expect(summary(page)).toContainText('Total params: 0');
});

test('export Keras JSON and Python from the drawn network: the files are on disk, in a folder named after the project, and download as one .zip', async ({
  page,
}, testInfo) => {
  await openTemplate(page, /CNN 32-64 'valid'/);
  const home = process.env.NETCANVAS_HOME ?? '';
  for (const [format, check] of [
    [
      'Keras JSON (architecture)',
      (text: string) => expect(JSON.stringify(JSON.parse(text))).toContain('"Conv2D"'),
    ],
    ['Python Keras script', (text: string) => expect(text).toMatch(/Conv2D\(/)],
    ['TensorFlow.js (model.json + weights)', (text: string) => expect(text).toContain('Conv2D')],
  ] as const) {
    await page.getByRole('button', { name: 'Export' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export' });
    await dialog.getByLabel('Format').selectOption({ label: format });
    await dialog.getByRole('button', { name: 'Export files' }).click();
    const listed = dialog.getByRole('list', { name: 'Exported files' }).getByRole('listitem');
    await expect(listed.first()).toBeVisible();
    const files = await listed.allTextContents();
    for (const f of files) {
      // exports/<project>-<yyyy>-<mm>-<dd>-<hhmm>[-n]/...
      const inside = relative(home, f);
      expect(inside, `${f} is written to a folder named after the project and the time`).toMatch(
        /^exports\/cnn-32-64-valid-dense-64-\d{4}-\d{2}-\d{2}-\d{4}(-\d+)?\//,
      );
      expect(existsSync(f), `${f} exists`).toBe(true);
    }
    const main = files.find((f) => /\.(json|py)$/.test(f));
    if (!main) throw new Error(`no model file among ${files.join(', ')}`);
    check(readFileSync(main, 'utf8'));

    // The web shell hands the same files over as one .zip.
    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: /^Download .*\.zip$/ }).click();
    const download = await downloading;
    const folder = basename(dirname(main));
    expect(download.suggestedFilename()).toBe(`${folder}.zip`);
    const zipped = unzipSync(readFileSync(await download.path()));
    expect(Object.keys(zipped).sort()).toEqual(files.map((f) => `${folder}/${basename(f)}`).sort());
    expect(
      Buffer.from(zipped[`${folder}/${basename(main)}`] ?? new Uint8Array()).toString('utf8'),
    ).toBe(readFileSync(main, 'utf8'));
    if (format.startsWith('Python'))
      await testInfo.attach('export', { body: await page.screenshot(), contentType: 'image/png' });
    await dialog.getByRole('button', { name: 'Close' }).click();
  }
});
