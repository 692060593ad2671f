import type { Locator } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { drawOne } from './support/drawDigit';

// Look inside a trained CNN as a learner would: train the tutorial network briefly, draw a digit,
// pick test images, see each layer's feature maps, the first layer's kernels and how the weights
// moved, and jump from a block on the canvas to what it sees.

function appUrl(): string {
  const url = process.env.NETCANVAS_URL;
  if (!url) throw new Error('NETCANVAS_URL is not set: e2e/support/globalSetup.ts starts the web shell and sets it');
  return url;
}

const best = (list: Locator) => list.locator('li[aria-current="true"] span').first();

test('train the tutorial CNN briefly, then draw, pick test images and look inside it', async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  await page.goto(appUrl());
  await page.getByRole('button', { name: /CNN 32-64 'valid' \+ Dense 64/ }).click();

  // The arithmetic behind a shape, with the learner's numbers.
  await page.getByRole('button', { name: /fit view/i }).click();
  await page.getByTestId('block-conv2d').click();
  await expect(page.getByRole('region', { name: 'How this is computed' })).toContainText('floor((28 − 3 + 0) / 1) + 1 = 26');
  // No trained run yet: nothing to look into.
  await expect(page.getByRole('button', { name: 'See what this layer sees' })).toHaveCount(0);

  await page.getByRole('tab', { name: 'Train', exact: true }).click();
  for (const [label, value] of [
    ['Training samples', '1500'],
    ['Epochs', '1'],
    ['Batch size', '32'],
  ] as const)
    await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Test result' })).toBeVisible({ timeout: 150_000 });

  // A misread image of the results grid opens in the Insight tab as the network's input.
  const look = page.getByRole('button', { name: /^Look inside with test image \d+$/ }).first();
  const index = /\d+$/.exec((await look.getAttribute('aria-label')) ?? '')?.[0] ?? '?';
  await look.click();
  await expect(page.getByRole('tab', { name: 'Insight', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('list', { name: 'Class probabilities' })).toHaveAttribute('data-input', new RegExp(`^test image ${index} \\(true \\d\\)$`));

  await drawOne(page);
  const probabilities = page.getByRole('list', { name: 'Class probabilities' });
  // The test image's answer is still shown until the drawing's arrives: wait for that one.
  await expect(probabilities).toHaveAttribute('data-input', 'drawing');
  await expect(probabilities.getByRole('meter')).toHaveCount(10);
  const meters = await probabilities.getByRole('meter').all();
  const values = await Promise.all(meters.map(async (m) => Number(await m.getAttribute('value'))));
  expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 3);

  // Each convolution's and pooling layer's feature maps, titled with the output shape.
  const conv = page.getByRole('region', { name: 'Feature maps of conv2d', exact: true });
  await expect(conv.getByRole('heading')).toHaveText('conv2d 26×26×32');
  await expect(conv.getByRole('img')).toHaveCount(32);
  await expect(page.getByRole('region', { name: 'Feature maps of max_pooling2d_1', exact: true }).getByRole('heading')).toHaveText('max_pooling2d_1 5×5×64');
  await expect(page.getByRole('region', { name: 'Activations of dense', exact: true }).getByRole('heading')).toHaveText('dense 64');

  // The first layer's kernels and each weight tensor before and after training.
  const kernels = page.getByRole('region', { name: 'Kernels of conv2d', exact: true });
  await expect(kernels.getByRole('heading')).toHaveText('conv2d: 32 kernels of 3×3×1');
  await expect(kernels.getByRole('img')).toHaveCount(32);
  const weights = page.getByRole('group', { name: 'conv2d kernel', exact: true });
  await expect(weights.getByRole('heading')).toHaveText('conv2d kernel: 288 weights');
  await expect(weights.getByRole('figure', { name: 'before' })).toBeVisible();
  await expect(weights.getByRole('figure', { name: 'after' })).toBeVisible();
  await testInfo.attach('insight-drawn', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });

  // Test images instead of a drawing: the first three of MNIST's test split are a 7, a 2 and a 1.
  // After 1,500 images the network gets most of them; sensible means at least two of three.
  let right = 0;
  for (const [index, digit] of [
    [0, '7'],
    [1, '2'],
    [2, '1'],
  ] as const) {
    await page.getByRole('button', { name: `Use test image ${index}: a ${digit}` }).click();
    const input = page.getByRole('img', { name: new RegExp(`What the network receives: test image ${index} \\(true ${digit}\\)`) });
    await expect(input).toBeVisible();
    await expect.poll(async () => (await probabilities.getAttribute('data-input')) ?? '').toBe(`test image ${index} (true ${digit})`);
    if ((await best(probabilities).textContent()) === digit) right++;
  }
  expect(right).toBeGreaterThanOrEqual(2);
  // The ones it got wrong are offered too.
  await expect(page.getByRole('button', { name: /^Use test image \d+: predicted \d, true \d$/ }).first()).toBeVisible();

  // From a block on the canvas to what it sees.
  await page.getByRole('tab', { name: 'Build', exact: true }).click();
  await page.getByRole('button', { name: /fit view/i }).click();
  await page.getByTestId('block-conv2d_1').click();
  await page.getByRole('button', { name: 'See what this layer sees' }).click();
  await expect(page.getByRole('navigation', { name: 'Layers' }).getByRole('button', { name: 'conv2d_1', exact: true })).toHaveAttribute('aria-current', 'true');
  const focused = page.getByRole('region', { name: 'Feature maps of conv2d_1', exact: true });
  await expect(focused).toHaveAttribute('aria-current', 'true');
  await expect(focused).toBeInViewport();
  await testInfo.attach('insight-test-image', { body: await page.screenshot(), contentType: 'image/png' });
});
