import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { PROJECT_TEMPLATES } from '../shared/templates/projectTemplates';

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
  await page
    .getByRole('navigation', { name: 'Layers' })
    .getByRole('button', { name: type, exact: true })
    .click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector.getByRole('heading', { name: type })).toBeVisible();
  for (const [name, value] of Object.entries(settings)) {
    const choice = inspector.getByRole('combobox', { name, exact: true });
    if ((await choice.count()) > 0) await choice.selectOption(value);
    else await inspector.getByRole('textbox', { name, exact: true }).fill(value);
  }
}

test('build the 121,930-parameter CNN from the palette and see Keras shapes and totals', async ({
  page,
}, testInfo) => {
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
  await expect(
    page.getByTestId('edge-shape').filter({ hasText: '(None, 26, 26, 32)' }),
  ).toBeVisible();
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
  await expect(
    summary.getByRole('row', { name: /flatten \(Flatten\) \(None, 5408\)/ }),
  ).toBeVisible();
  await expect(summary).toContainText(
    `Total params: ${(80 + 5408 * 10 + 10).toLocaleString('en-US')}`,
  );
});

test('an impossible setting turns the block red and says why; undo brings the network back', async ({
  page,
}) => {
  await emptyCanvas(page);
  await add(page, 'Conv2D', { kernel_size: '30, 30' });
  const conv = page.getByTestId('block-conv2d');
  await expect(conv.getByRole('alert')).toContainText(
    /30×30 window does not fit in its 28×28 input/,
  );
  await expect(conv).toHaveClass(/nc-block-error/);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(conv.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Model summary' })).toContainText(
    '(None, 26, 26, 32)',
  );
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(conv.getByRole('alert')).toBeVisible();
});

test('a selected block stays selected across the tabs, and shift-click adds to the selection', async ({
  page,
}) => {
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

/** Opens a template from the start screen by its project name. */
async function openTemplate(page: Page, name: string) {
  await page.goto(appUrl());
  await page.getByRole('button', { name }).first().click();
  await expect(page.getByRole('region', { name: 'Model summary' })).toBeVisible();
  await expect(page.locator('.nc-block').first()).toBeVisible();
}

/** The canvas's pan and zoom, as React Flow applies them. */
const viewTransform = (page: Page) =>
  page.evaluate<string>(
    `getComputedStyle(document.querySelector('.react-flow__viewport')).transform`,
  );

type Smallest = { min: number; count: number };
/**
 * The smallest on-screen text (font size × zoom) among the blocks and wire labels in view, and the
 * shapes or counts cut off by their block's edge. (A string: the specs compile without the DOM.)
 */
const readability = (page: Page) =>
  page.evaluate<{ blocks: Smallest; wires: Smallest; cutOff: string[] }>(`(() => {
    const viewport = document.querySelector('.react-flow__viewport');
    const canvas = document.querySelector('.nc-canvas').getBoundingClientRect();
    const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
    const inView = (r) =>
      r.width > 0 && r.bottom > canvas.top && r.top < canvas.bottom && r.right > canvas.left && r.left < canvas.right;
    const smallest = (selector) => {
      let min = Infinity;
      let count = 0;
      for (const el of document.querySelectorAll(selector)) {
        const hasText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
        if (!hasText || !inView(el.getBoundingClientRect())) continue;
        count++;
        min = Math.min(min, parseFloat(getComputedStyle(el).fontSize) * zoom);
      }
      return { min, count };
    };
    const cutOff = [...document.querySelectorAll('[data-testid=output-shape], [data-testid=param-count]')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => el.textContent);
    return { blocks: smallest('.nc-block, .nc-block *'), wires: smallest('.nc-edge-label, .nc-edge-label *'), cutOff };
  })()`);

/** Whether any two blocks on screen cover each other. */
const blocksOverlap = (page: Page) =>
  page.evaluate<boolean>(`(() => {
    const r = [...document.querySelectorAll('.nc-block')].map((e) => e.getBoundingClientRect());
    return r.some((a, i) => r.slice(i + 1).some((b) => a.bottom > b.top && b.bottom > a.top && a.right > b.left && b.right > a.left));
  })()`);

// Every template the start screen offers as a card (the lesson's two networks open from the lesson card).
for (const template of PROJECT_TEMPLATES.filter((t) => !t.id.startsWith('lesson-'))) {
  test(`the ${template.id} template opens readable: block text ≥ 12 px, wire labels ≥ 11 px, from its input`, async ({
    page,
  }) => {
    await openTemplate(page, template.project.name);
    await expect(page.getByTestId('block-input_layer')).toBeInViewport();
    const { blocks, wires, cutOff } = await readability(page);
    expect(blocks.count).toBeGreaterThan(10);
    expect(blocks.min).toBeGreaterThanOrEqual(12);
    expect(wires.count).toBeGreaterThan(2);
    expect(wires.min).toBeGreaterThanOrEqual(11);
    expect(cutOff).toEqual([]);
  });
}

test('drop a layer under the last block, onto a wire, and anywhere: wired in, inserted, or waiting, with no view jump', async ({
  page,
}) => {
  await emptyCanvas(page);
  const palette = page.getByRole('navigation', { name: 'Layers' });
  const canvas = page.locator('.nc-canvas');
  const summary = page.getByRole('region', { name: 'Model summary' });
  const canvasBox = await canvas.boundingBox();
  const inputBox = await page.getByTestId('block-input_layer').boundingBox();
  if (!canvasBox || !inputBox) throw new Error('no canvas');
  const at = (x: number, y: number) => ({ x: x - canvasBox.x, y: y - canvasBox.y });

  // Under the last block: Flatten is wired after the input.
  const before = await viewTransform(page);
  await palette.getByRole('button', { name: 'Flatten', exact: true }).dragTo(canvas, {
    targetPosition: at(inputBox.x + inputBox.width / 2, inputBox.y + inputBox.height + 60),
  });
  await expect(
    summary.getByRole('row', { name: /flatten \(Flatten\) \(None, 784\)/ }),
  ).toBeVisible();
  await expect(
    page.getByRole('group', { name: 'input_layer to flatten, (None, 28, 28, 1)' }),
  ).toBeAttached();
  expect(await viewTransform(page)).toBe(before);

  // Onto that wire's label: a Conv2D goes in between, and Flatten now takes its output.
  const label = page.getByTestId('edge-shape').filter({ hasText: '(None, 28, 28, 1)' });
  await palette.getByRole('button', { name: 'Conv2D', exact: true }).dragTo(label);
  await expect(
    summary.getByRole('row', { name: /flatten \(Flatten\) \(None, 21632\)/ }),
  ).toBeVisible();
  await expect(
    page.getByRole('group', { name: 'conv2d to flatten, (None, 26, 26, 32)' }),
  ).toBeAttached();
  expect(await viewTransform(page)).toBe(before);
  // Blocks below made room: none covers another.
  expect(await blocksOverlap(page)).toBe(false);

  // Far from any block: a Dense waits calmly for its wire (no alert), and the view stays.
  await palette.getByRole('button', { name: 'Dense', exact: true }).dragTo(canvas, {
    targetPosition: { x: canvasBox.width - 140, y: 80 },
  });
  const dense = page.getByTestId('block-dense');
  await expect(dense).toContainText('Connect me');
  await expect(dense.getByRole('alert')).toHaveCount(0);
  expect(await viewTransform(page)).toBe(before);
});

test('wire a block from the keyboard with Connect to…', async ({ page }) => {
  await emptyCanvas(page);
  await add(page, 'Flatten');
  const palette = page.getByRole('navigation', { name: 'Layers' });
  const canvas = page.locator('.nc-canvas');
  const box = await canvas.boundingBox();
  if (!box) throw new Error('no canvas');
  await palette
    .getByRole('button', { name: 'Dense', exact: true })
    .dragTo(canvas, { targetPosition: { x: box.width - 140, y: 80 } });
  await expect(page.getByTestId('block-dense')).toContainText('Connect me');
  await page.getByTestId('block-flatten').click();
  const trigger = page.getByRole('button', { name: 'Connect flatten to…' });
  await trigger.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: /dense/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'flatten to dense, (None, 784)' })).toBeAttached();
  await expect(
    page
      .getByRole('region', { name: 'Model summary' })
      .getByRole('row', { name: /dense \(Dense\) \(None, 10\) 7,850/ }),
  ).toBeVisible();
  await expect(page.getByTestId('block-dense')).not.toContainText('Connect me');
});

test('an empty canvas says what to do next', async ({ page }) => {
  await emptyCanvas(page);
  await expect(page.getByText('Drag a layer here, or click one in the palette')).toHaveCount(0);
  await page.getByTestId('block-input_layer').click();
  await page.keyboard.press('Delete');
  await expect(page.getByText('Drag a layer here, or click one in the palette')).toBeVisible();
});
