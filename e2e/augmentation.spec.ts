import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';

// Data augmentation as a learner meets it: off for digits, switched on in the training settings,
// previewed on the data set's samples, and written into the Python export as Keras layers.

function appUrl(): string {
  const url = process.env.NETCANVAS_URL;
  if (!url)
    throw new Error(
      'NETCANVAS_URL is not set: e2e/support/globalSetup.ts starts the web shell and sets it',
    );
  return url;
}

test('switch on augmentation: a strip of augmented samples appears, and the Python export augments too', async ({
  page,
}) => {
  await page.goto(appUrl());
  await page.getByRole('button', { name: /CNN 32-64 'valid'/ }).click();
  await page.getByRole('tab', { name: 'Train', exact: true }).click();
  const samples = page.getByRole('list', { name: 'Sample images' }).getByRole('listitem');
  await expect(samples).toHaveCount(10);
  const augment = page.getByRole('checkbox', { name: 'Augment training images' });
  await expect(augment).not.toBeChecked();
  await expect(page.getByRole('list', { name: 'Augmented samples' })).toHaveCount(0);

  await augment.check();
  await expect(
    page.getByRole('list', { name: 'Augmented samples' }).getByRole('listitem'),
  ).toHaveCount(10);
  await page.getByLabel('Rotation (fraction of a turn)').fill('0.1');
  await expect(page.getByRole('checkbox', { name: /Mirror left–right/ })).not.toBeChecked();

  await page.getByRole('button', { name: 'Export' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.getByLabel('Format').selectOption({ label: 'Python Keras script' });
  await dialog.getByRole('button', { name: 'Export files' }).click();
  const listed = dialog.getByRole('list', { name: 'Exported files' }).getByRole('listitem');
  await expect(listed.first()).toBeVisible();
  const py = readFileSync((await listed.first().textContent()) ?? '', 'utf8');
  expect(py).toContain('layers.RandomTranslation(0.1, 0.1, fill_mode="constant", seed=SEED)');
  expect(py).toContain('layers.RandomRotation(0.1, fill_mode="constant", seed=SEED)');
  expect(py).not.toContain('RandomFlip');
});
