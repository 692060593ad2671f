import { expect, test } from '@playwright/test';
import { drawOne } from './support/drawDigit';
import { trainTinyRun } from './support/trainTinyRun';

// Insight on a network beyond Conv2D, pooling and Dense: the MobileNet-style template, trained
// briefly. Every layer that outputs feature maps or a vector is drawn in the network's order,
// headed by its class; the step-by-step view opens for Conv2D cells, not for the others.

test('after a short MobileNet-style run, Insight draws its depthwise, normalisation and activation layers', async ({
  page,
}) => {
  test.setTimeout(600_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(`${e.message}\n${e.stack ?? ''}`));
  await trainTinyRun(page, { template: /MobileNet-style/, samples: 200, epochs: 1, batchSize: 32 });
  await page.getByRole('tab', { name: 'Insight', exact: true }).click();
  await drawOne(page);

  await expect(page.getByRole('navigation', { name: 'Layers' }).getByRole('button')).toHaveText([
    'conv2d',
    'depthwise_conv2d',
    'batch_normalization',
    'activation',
    'conv2d_1',
    'depthwise_conv2d_1',
    'batch_normalization_1',
    'activation_1',
    'conv2d_2',
    'global_average_pooling2d',
    'dense',
  ]);
  const depthwise = page.getByRole('region', {
    name: 'Feature maps of depthwise_conv2d',
    exact: true,
  });
  await expect(depthwise.getByRole('heading')).toHaveText('depthwise_conv2d 14×14×16');
  await expect(depthwise.getByText('DepthwiseConv2D', { exact: true })).toBeVisible();
  await expect(depthwise.getByRole('img')).toHaveCount(16);
  await expect(
    page
      .getByRole('region', { name: 'Activations of global_average_pooling2d', exact: true })
      .getByRole('heading'),
  ).toHaveText('global_average_pooling2d 64');

  // A depthwise map's cell opens nothing; a Conv2D cell opens the step-by-step view as before.
  await expect(depthwise.getByRole('button', { name: /^Step through/ })).toHaveCount(0);
  await depthwise.getByRole('img', { name: 'depthwise_conv2d map 1', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Convolution step by step' })).toHaveCount(0);
  const conv = page.getByRole('region', { name: 'Feature maps of conv2d_1', exact: true });
  await conv.getByRole('button', { name: 'Step through conv2d_1' }).click();
  await expect(
    conv.getByRole('region', { name: 'Convolution step by step' }).getByRole('heading').first(),
  ).toHaveText('conv2d_1 (Conv2D), map 1, row 1, column 1', { timeout: 60_000 });
  expect(pageErrors).toEqual([]);
});
