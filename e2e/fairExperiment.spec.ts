import { expect, test } from '@playwright/test';

// The fair experiment as a learner runs it: train a CNN briefly, build a feed-forward network
// with the same parameter budget, train it the same way, and score both on moved and disturbed
// copies of the test images.

function appUrl(): string {
  const url = process.env.NETCANVAS_URL;
  if (!url)
    throw new Error(
      'NETCANVAS_URL is not set: e2e/support/globalSetup.ts starts the web shell and sets it',
    );
  return url;
}

test('match a CNN’s parameter budget with a feed-forward network and compare their robustness', async ({
  page,
}, testInfo) => {
  // Two trainings and twelve scorings on a shared CI machine; every wait waits for what it asserts.
  test.setTimeout(900_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(appUrl());
  await page.getByRole('button', { name: /CNN 32-64 'valid' \+ Dense 64/ }).click();
  await page.getByRole('tab', { name: 'Train', exact: true }).click();
  for (const [label, value] of [
    ['Training samples', '1500'],
    ['Epochs', '1'],
    ['Batch size', '32'],
  ] as const)
    await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Test result' })).toBeVisible({ timeout: 600_000 });

  await page.getByRole('tab', { name: 'Compare', exact: true }).click();
  const fair = page.getByRole('region', { name: 'Match parameter budget' });
  await fair.getByLabel('Network to match').selectOption({ label: "CNN 32-64 'valid' + Dense 64" });
  await fair.getByRole('button', { name: 'Match parameter budget' }).click();
  const matched = fair.getByRole('group', { name: 'Matched network' });
  await expect(matched).toContainText('MLP 784-153-10: 121,645 parameters against 121,930 (-0.2%)');
  await matched.getByRole('button', { name: 'Train it with the same data and settings' }).click();
  await expect(matched.getByRole('status')).toContainText('Training “MLP 784-153-10 (matches');

  // The pair is compared at once; both finish, then both are scored.
  const comparison = page.getByRole('region', { name: 'Comparison' });
  const table = comparison.getByRole('table', { name: 'Comparison' });
  await expect(table.getByRole('row')).toHaveCount(3);
  const mlp = table
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: /MLP 784-153-10/ }) });
  await expect(mlp.getByRole('cell').first()).toHaveText('121,645');
  await expect(mlp.getByRole('cell').last()).toHaveText('done', { timeout: 600_000 });

  const robustness = comparison.getByRole('region', { name: 'Robustness' });
  await robustness.getByRole('button', { name: 'Score robustness' }).click();
  const scores = robustness.getByRole('table');
  await expect(scores.getByRole('columnheader')).toHaveCount(3, { timeout: 600_000 });
  await expect(robustness.getByRole('status')).toHaveCount(0, { timeout: 600_000 });
  for (const condition of [
    'untouched test images',
    'shifted by 2 pixels',
    'shifted by 4 pixels',
    'rotated by ±15°',
    'Gaussian noise, σ 0.3',
    'colours inverted',
  ]) {
    const row = scores
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: condition, exact: true }) });
    await expect(row.getByRole('cell')).toHaveText([/^\d+\.\d%$/, /^\d+\.\d%$/]);
  }
  // Shifting by 4 pixels costs each network some accuracy: the lesson's claim, measured.
  const percent = async (condition: string, column: number) =>
    Number.parseFloat(
      (await scores
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: condition, exact: true }) })
        .getByRole('cell')
        .nth(column)
        .textContent()) ?? 'NaN',
    );
  for (const column of [0, 1])
    expect(await percent('shifted by 4 pixels', column)).toBeLessThan(
      await percent('untouched test images', column),
    );
  await testInfo.attach('robustness', {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });
  expect(pageErrors).toEqual([]);
});
