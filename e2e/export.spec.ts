import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-node';

const appUrl = () => {
  const url = process.env.NETCANVAS_URL;
  if (!url) throw new Error('NETCANVAS_URL is not set: the global setup starts the web shell');
  return url;
};

/** Exports from the open Export dialog and returns the files it lists, each checked to exist. */
async function exportFiles(dialog: Locator): Promise<string[]> {
  await dialog.getByRole('button', { name: 'Export files' }).click();
  const listed = dialog.getByRole('list', { name: 'Exported files' }).getByRole('listitem');
  await expect(listed.first()).toBeVisible();
  const files = await listed.allTextContents();
  for (const f of files) expect(existsSync(f), `${f} exists`).toBe(true);
  return files;
}

async function openExport(page: Page): Promise<Locator> {
  await page.goto(appUrl());
  await page.getByRole('button', { name: /CNN 32-64 'valid'/ }).click();
  await expect(page.getByRole('region', { name: 'Model summary' })).toBeVisible();
  await page.getByRole('button', { name: 'Export' }).click();
  return page.getByRole('dialog', { name: 'Export' });
}

test('export ONNX from the drawn network: ONNX Runtime loads it and classifies a digit into 10 classes', async ({
  page,
}) => {
  const dialog = await openExport(page);
  await dialog.getByLabel('Format').selectOption({ label: 'ONNX (model + weights)' });
  const [file] = await exportFiles(dialog);
  expect(file).toMatch(/\.onnx$/);
  const session = await ort.InferenceSession.create(readFileSync(file ?? ''));
  const out = await session.run({
    [session.inputNames[0] ?? '']: new ort.Tensor(
      'float32',
      new Float32Array(784).fill(0.5),
      [1, 28, 28, 1],
    ),
  });
  const probabilities = Array.from(out[session.outputNames[0] ?? '']?.data as Float32Array);
  expect(probabilities).toHaveLength(10);
  expect(probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
});

test('export a Python script that trains on several machines', async ({ page }) => {
  const dialog = await openExport(page);
  await dialog.getByLabel('Format').selectOption({ label: 'Python Keras script' });
  await dialog
    .getByLabel('Train on')
    .selectOption({ label: 'Several machines (MultiWorkerMirroredStrategy)' });
  const [file] = await exportFiles(dialog);
  const py = readFileSync(file ?? '', 'utf8');
  expect(py).toContain('strategy = tf.distribute.MultiWorkerMirroredStrategy()');
  expect(py).toContain('with strategy.scope():');
  // The choice is only offered for the format that trains.
  await dialog.getByLabel('Format').selectOption({ label: 'Keras JSON (architecture)' });
  await expect(dialog.getByLabel('Train on')).toHaveCount(0);
});
