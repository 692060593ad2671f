import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';

// The convolutional autoencoder template, as a learner meets it: opened from the start screen,
// trained a little on MNIST, its dashboard judging it by the reconstruction alone (test images
// beside what the network drew from them) and never by an accuracy it does not have.

function appUrl(): string {
  const url = process.env.NETCANVAS_URL;
  if (!url)
    throw new Error(
      'NETCANVAS_URL is not set: e2e/support/globalSetup.ts starts the web shell and sets it',
    );
  return url;
}

async function setField(page: Page, label: string, value: string) {
  const field = page.getByLabel(label, { exact: true });
  await field.fill(value);
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
}

test('the autoencoder template trains to reconstruct its input and shows each test image beside its reconstruction', async ({
  page,
}, testInfo) => {
  // A fresh web shell starts its worker cold (tfjs, MNIST, the backend probe): allow for a busy machine.
  test.setTimeout(240_000);
  await page.goto(appUrl());
  await page.getByRole('button', { name: /Convolutional autoencoder \(MNIST\)/ }).click();
  await expect(
    page.getByRole('group', { name: 'UpSampling2D up_sampling2d', exact: true }),
  ).toBeVisible();
  await page.getByRole('tab', { name: 'Train', exact: true }).click();

  // The template sets the task; the form says what it means.
  await expect(page.getByLabel('Task', { exact: true })).toHaveValue('reconstruct');
  await expect(page.getByText(/The target is the input image itself/)).toBeVisible();
  await setField(page, 'Training samples', '512');
  await setField(page, 'Epochs', '2');
  await setField(page, 'Batch size', '64');
  await page.getByRole('button', { name: 'Train', exact: true }).click();

  // At the end of the first epoch, test images appear beside their reconstruction.
  const strip = page.getByRole('region', { name: 'Test images and their reconstruction' });
  await expect(strip.getByRole('heading', { name: /after epoch 1/ })).toBeVisible({
    timeout: 150_000,
  });
  await expect(strip.getByRole('img', { name: /^test image \d+$/ })).toHaveCount(6);
  await expect(strip.getByRole('img', { name: /^reconstruction of test image \d+$/ })).toHaveCount(
    6,
  );

  const result = page.getByRole('region', { name: 'Test result' });
  await expect(result).toBeVisible({ timeout: 120_000 });
  await expect(result.getByText('Test reconstruction loss')).toBeVisible();
  const loss = result.getByRole('definition').first();
  await expect.poll(async () => Number(await loss.textContent())).toBeGreaterThan(0);
  // After training the strip shows the test result's reconstructions.
  await expect(
    strip.getByRole('heading', { name: 'Test images and their reconstruction' }),
  ).toBeVisible();
  await expect(strip.getByRole('img', { name: /^reconstruction of test image \d+$/ })).toHaveCount(
    6,
  );

  // One chart, the reconstruction loss; no accuracy anywhere on the dashboard.
  await expect(page.getByRole('group', { name: 'Reconstruction loss' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Accuracy' })).toHaveCount(0);
  const run = page.getByRole('region', { name: 'Training run' });
  await expect(run.getByText(/accuracy/i)).toHaveCount(0);
  await expect(result.getByRole('table', { name: /Confusion matrix/ })).toHaveCount(0);
  await testInfo.attach('autoencoder-done', {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });
});
