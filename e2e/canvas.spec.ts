import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

const appUrl = () => {
  const url = process.env.NETCANVAS_URL;
  if (!url) throw new Error('NETCANVAS_URL is not set: the global setup starts the web shell');
  return url;
};

async function emptyCanvas(page: Page) {
  await page.goto(appUrl());
  await page.getByRole('button', { name: /Empty canvas/ }).click();
  await expect(page.getByRole('region', { name: 'Model summary' })).toBeVisible();
}

/** Clicks a palette block: it is appended after the selected layer, wired in, and selected. */
async function add(page: Page, type: string, settings: Record<string, string> = {}) {
  await page.getByRole('navigation', { name: 'Layers' }).getByRole('button', { name: type, exact: true }).click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector.getByRole('heading', { name: type })).toBeVisible();
  for (const [name, value] of Object.entries(settings)) {
    const choice = inspector.getByRole('combobox', { name, exact: true });
    if ((await choice.count()) > 0) await choice.selectOption(value);
    else await inspector.getByRole('textbox', { name, exact: true }).fill(value);
  }
}

test('build the 121,930-parameter CNN from the palette and see Keras shapes and totals', async ({ page }, testInfo) => {
  await emptyCanvas(page);
  await add(page, 'Conv2D', { filters: '32', activation: 'relu' });
  await add(page, 'MaxPooling2D');
  await add(page, 'Conv2D', { filters: '64', activation: 'relu' });
  await add(page, 'MaxPooling2D');
  await add(page, 'Flatten');
  await add(page, 'Dense', { units: '64', activation: 'relu' });
  await add(page, 'Dense', { units: '10', activation: 'softmax' });

  const summary = page.getByRole('region', { name: 'Model summary' });
  await expect(summary).toContainText('Total params: 121,930');
  await expect(summary).toContainText('Trainable params: 121,930');
  await expect(summary).toContainText('Non-trainable params: 0');
  for (const [row, shape, params] of [
    ['conv2d (Conv2D)', '(None, 26, 26, 32)', '320'],
    ['max_pooling2d (MaxPooling2D)', '(None, 13, 13, 32)', '0'],
    ['conv2d_1 (Conv2D)', '(None, 11, 11, 64)', '18,496'],
    ['max_pooling2d_1 (MaxPooling2D)', '(None, 5, 5, 64)', '0'],
    ['flatten (Flatten)', '(None, 1600)', '0'],
    ['dense (Dense)', '(None, 64)', '102,464'],
    ['dense_1 (Dense)', '(None, 10)', '650'],
  ])
    await expect(summary.getByRole('row', { name: `${row} ${shape} ${params}` })).toBeVisible();
  // Selecting a block opens its arithmetic with the learner's own numbers.
  await page.getByRole('button', { name: /fit view/i }).click();
  await page.getByTestId('block-conv2d').click();
  const how = page.getByRole('region', { name: 'How this is computed' });
  await expect(how).toContainText('floor((28 − 3 + 0) / 1) + 1 = 26');
  await expect(how).toContainText('(3 × 3 × 1 + 1) × 32 = 320');
  // The wire out of the first convolution carries its shape.
  await page.getByRole('button', { name: /fit view/i }).click();
  await expect(page.getByTestId('edge-shape').filter({ hasText: '(None, 26, 26, 32)' })).toBeVisible();
  await testInfo.attach('canvas', { body: await page.screenshot(), contentType: 'image/png' });
});

test('Dense straight after Conv2D warns, and one click inserts Flatten', async ({ page }) => {
  await emptyCanvas(page);
  await add(page, 'Conv2D', { filters: '8' });
  await add(page, 'Dense', { units: '10' });
  const dense = page.getByTestId('block-dense');
  await expect(dense).toContainText(/per pixel|Flatten/);
  await dense.getByRole('button', { name: /Flatten/ }).click();
  const summary = page.getByRole('region', { name: 'Model summary' });
  await expect(summary.getByRole('row', { name: /flatten \(Flatten\) \(None, 5408\)/ })).toBeVisible();
  await expect(summary).toContainText(`Total params: ${(80 + 5408 * 10 + 10).toLocaleString('en-US')}`);
});

test('an impossible setting turns the block red and says why; undo brings the network back', async ({ page }) => {
  await emptyCanvas(page);
  await add(page, 'Conv2D', { kernel_size: '30, 30' });
  const conv = page.getByTestId('block-conv2d');
  await expect(conv.getByRole('alert')).toContainText(/30×30 window does not fit in its 28×28 input/);
  await expect(conv).toHaveClass(/nc-block-error/);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(conv.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Model summary' })).toContainText('(None, 26, 26, 32)');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(conv.getByRole('alert')).toBeVisible();
});

test('a selected block stays selected across the tabs, and shift-click adds to the selection', async ({ page }) => {
  await emptyCanvas(page);
  await add(page, 'Conv2D');
  await add(page, 'Flatten');
  await page.getByTestId('block-conv2d').click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector.getByRole('heading', { name: 'Conv2D' })).toBeVisible();
  // Leaving the canvas and coming back redraws it with the same selection (once this looped forever).
  await page.getByRole('tab', { name: 'Train', exact: true }).click();
  await page.getByRole('tab', { name: 'Build', exact: true }).click();
  await expect(page.getByTestId('block-flatten')).toBeVisible();
  await expect(inspector.getByRole('heading', { name: 'Conv2D' })).toBeVisible();
  await page.getByTestId('block-flatten').click({ modifiers: ['Shift'] });
  await expect(inspector).toContainText('Select a layer');
  await expect(page.getByTestId('block-conv2d').locator('xpath=..')).toHaveClass(/selected/);
  await expect(page.getByTestId('block-flatten').locator('xpath=..')).toHaveClass(/selected/);
});
