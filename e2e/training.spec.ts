import type { Locator, Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { drawOne } from './support/drawDigit';

// Train the feed-forward template on a slice of MNIST from the Training dashboard, as a learner
// would: pick the network, set a few settings, press Train, watch the curves, stop or finish.

function appUrl(): string {
  const url = process.env.NETCANVAS_URL;
  if (!url)
    throw new Error(
      'NETCANVAS_URL is not set: e2e/support/globalSetup.ts starts the web shell and sets it',
    );
  return url;
}

async function openTemplateAndDashboard(page: Page) {
  await page.goto(appUrl());
  await page.getByRole('button', { name: /MLP 784-512-512-10/ }).click();
  await page.getByRole('tab', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
}

async function setField(page: Page, label: string, value: string) {
  const field = page.getByLabel(label, { exact: true });
  await field.fill(value);
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
}

/** Number of values the chart has drawn (the dashboard keeps it on the chart's figure). */
const pointsIn = async (chart: Locator) => Number((await chart.getAttribute('data-points')) ?? '0');

test('train a tiny run, watch the loss curve grow, and stop it', async ({ page }, testInfo) => {
  // The first run of a fresh web shell starts its worker cold (load tfjs, MNIST and the backend):
  // on a busy machine that alone can take a minute, so the waits below allow for it.
  test.setTimeout(240_000);
  await openTemplateAndDashboard(page);
  await setField(page, 'Training samples', '20000');
  await setField(page, 'Epochs', '3');
  await setField(page, 'Batch size', '32');
  // The first listing waits for the backend probe (a child process that may load native tfjs and
  // Dawn, given up to 60 s on a busy machine): wait for it, not for the default 15 s.
  await expect(page.getByText(/Auto picks/)).toBeVisible({ timeout: 90_000 });

  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const progress = page.getByRole('progressbar', { name: 'Training progress' });
  await expect(progress).toHaveAttribute(
    'aria-valuetext',
    /Epoch 1 of 3 · batch \d+ of \d+ · [\d,]+ samples\/s · ETA/,
    { timeout: 120_000 },
  );

  const loss = page.getByRole('group', { name: 'Loss' });
  await expect.poll(() => pointsIn(loss), { timeout: 30_000 }).toBeGreaterThan(0);
  const before = await pointsIn(loss);
  const textBefore = (await progress.getAttribute('aria-valuetext')) ?? '';
  await expect.poll(() => pointsIn(loss), { timeout: 30_000 }).toBeGreaterThan(before);
  // The curve and the progress line update on their own throttles: wait for the line to move too,
  // rather than reading it the moment the curve grew.
  await expect(progress).not.toHaveAttribute('aria-valuetext', textBefore, { timeout: 30_000 });
  await testInfo.attach('dashboard-training', {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });

  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(progress).toHaveAttribute('aria-valuetext', /stopped after/, { timeout: 15_000 });
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Stop' })).toBeDisabled();
});

test('a finished run shows test accuracy, the confusion matrix and predicted (true) images', async ({
  page,
}, testInfo) => {
  await openTemplateAndDashboard(page);
  await setField(page, 'Training samples', '600');
  await setField(page, 'Epochs', '1');
  await setField(page, 'Validation split', '0.1');
  await page.getByRole('button', { name: 'Train', exact: true }).click();

  const result = page.getByRole('region', { name: 'Test result' });
  await expect(result).toBeVisible({ timeout: 90_000 });
  // 600 images and one epoch already beat guessing (10%) by far.
  const accuracy = result.getByText(/%$/).first();
  await expect
    .poll(async () => Number((await accuracy.textContent())?.replace('%', '')))
    .toBeGreaterThan(40);
  const matrix = result.getByRole('table', { name: /Confusion matrix/ });
  await expect(matrix.getByRole('columnheader')).toHaveCount(12);
  await expect(matrix.getByRole('rowheader')).toHaveCount(10);
  await expect(result.getByRole('img', { name: /predicted \d, true \d/ }).first()).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Training progress' })).toHaveAttribute(
    'aria-valuenow',
    '100',
  );
  await testInfo.attach('dashboard-done', {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });

  // Insight: draw a stroke and the trained network answers with probabilities and activations.
  await page.getByRole('tab', { name: 'Insight', exact: true }).click();
  await drawOne(page);
  const probabilities = page.getByRole('list', { name: 'Class probabilities' });
  await expect(probabilities.getByRole('meter')).toHaveCount(10);
  await expect(page.getByRole('region', { name: /Activations of dense/ }).first()).toBeVisible();
  await testInfo.attach('insight', {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });
});
