import { expect, test } from '@playwright/test';

// The feed-forward vs CNN lesson: from launch, one click trains both networks side by side and
// the comparison fills in as they learn.

function appUrl(): string {
  const url = process.env.NETCANVAS_URL;
  if (!url)
    throw new Error(
      'NETCANVAS_URL is not set: e2e/support/globalSetup.ts starts the web shell and sets it',
    );
  return url;
}

test('the lesson trains the MLP and the CNN side by side and compares them', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await page.goto(appUrl());
  await page
    .getByLabel('Train on')
    .selectOption({ label: '3,000 images, 2 epochs (a quick look)' });
  await page.getByRole('button', { name: 'Train both' }).click();

  const comparison = page.getByRole('region', { name: 'Comparison' });
  await expect(comparison).toBeVisible();
  const table = comparison.getByRole('table', { name: 'Comparison' });
  const row = (name: RegExp) =>
    table.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
  const mlp = row(/feed-forward/i);
  const cnn = row(/convolutional/i);
  await expect(mlp.getByRole('cell').first()).toHaveText('669,706');
  await expect(cnn.getByRole('cell').first()).toHaveText('121,930');

  // Both train at once: each shows as running before either has finished.
  await expect(mlp.getByRole('cell').last()).toHaveText(/running|done/, { timeout: 60_000 });
  await expect(cnn.getByRole('cell').last()).toHaveText(/running|done/, { timeout: 60_000 });
  const loss = comparison.getByRole('group', { name: 'Training loss' });
  await expect
    .poll(async () => Number((await loss.getAttribute('data-points')) ?? '0'), { timeout: 60_000 })
    .toBeGreaterThan(1);

  await expect(mlp.getByRole('cell').last()).toHaveText('done', { timeout: 150_000 });
  await expect(cnn.getByRole('cell').last()).toHaveText('done', { timeout: 150_000 });
  for (const r of [mlp, cnn]) {
    await expect(r.getByRole('cell').nth(1)).toHaveText(/^\d+\.\d%/);
    await expect(r.getByRole('cell').nth(5)).toHaveText(/^[\d,]+$/);
  }
  await expect(comparison.getByRole('group')).toHaveCount(4);
  await testInfo.attach('comparison', {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });
});

test('two runs picked from the list can be compared', async ({ page }) => {
  await page.goto(appUrl());
  // The views open with a project; any template will do.
  await page.getByRole('button', { name: /MLP 784-512-512-10/ }).click();
  await page.getByRole('tab', { name: 'Compare', exact: true }).click();
  const list = page.getByRole('table', { name: 'Runs' });
  const boxes = list.getByRole('checkbox');
  // The lesson above left two runs behind in this web shell's session.
  await expect.poll(() => boxes.count()).toBeGreaterThanOrEqual(2);
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.getByRole('table', { name: 'Comparison' }).getByRole('row')).toHaveCount(3);
});
