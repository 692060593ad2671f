import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

// Unsaved work is never thrown away without asking: New, Open and Import ask "Save changes to
// NAME?" (Save, Don't save, Cancel); closing the tab asks through the browser; Undo and Redo are
// only offered when there is something to undo or redo.

const appUrl = () => {
  const url = process.env.NETCANVAS_URL;
  if (!url) throw new Error('NETCANVAS_URL is not set: the global setup starts the web shell');
  return url;
};

const TEMPLATE = "CNN 32-64 'valid' + Dense 64";

async function openAndEdit(page: Page) {
  await page.goto(appUrl());
  await page.getByRole('button', { name: /CNN 32-64 'valid'/ }).click();
  await page.getByTestId('block-conv2d').click();
  await page
    .getByRole('complementary', { name: 'Inspector' })
    .getByRole('textbox', { name: 'filters', exact: true })
    .fill('48');
  await expect(page.getByRole('region', { name: 'Model summary' })).toContainText(
    '(None, 26, 26, 48)',
  );
}

test("New, Open and Import ask before unsaved work is replaced: Cancel keeps it, Don't save drops it", async ({
  page,
}) => {
  await openAndEdit(page);
  const question = page.getByRole('alertdialog', { name: `Save changes to "${TEMPLATE}"?` });
  for (const command of ['New', 'Open', 'Import'] as const) {
    await page.getByRole('button', { name: command, exact: true }).click();
    await expect(question).toBeVisible();
    await question.getByRole('button', { name: 'Cancel' }).click();
    await expect(question).toHaveCount(0);
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Model summary' })).toContainText(
      '(None, 26, 26, 48)',
    );
  }
  // Escape is Cancel too.
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await page.keyboard.press('Escape');
  await expect(question).toHaveCount(0);
  await expect(page.getByTestId('block-conv2d')).toContainText('48');
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await question.getByRole('button', { name: "Don't save" }).click();
  await expect(page.getByRole('main', { name: 'Start' })).toBeVisible();
  // Thrown away on purpose: the next start does not offer it as lost work.
  await page.reload();
  await expect(page.getByRole('main', { name: 'Start' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Recover' })).toHaveCount(0);
});

test('Save in the question saves the work, then goes on to Open', async ({ page }) => {
  await openAndEdit(page);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Save', exact: true }).click();
  const open = page.getByRole('dialog', { name: 'Open project' });
  await expect(open).toBeVisible();
  await expect(page.getByRole('banner')).not.toContainText('unsaved');
  await open.getByRole('button', { name: TEMPLATE }).click();
  await expect(page.getByTestId('block-conv2d')).toContainText('48');
});

test('closing the tab with unsaved work asks first; with none it closes at once', async ({
  page,
  context,
}) => {
  await openAndEdit(page);
  const asked: string[] = [];
  page.on('dialog', (d) => {
    asked.push(d.type());
    void d.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => asked).toEqual(['beforeunload']);
  expect(page.isClosed()).toBe(false);

  const clean = await context.newPage();
  await clean.goto(appUrl());
  await clean.getByRole('button', { name: /CNN 32-64 'valid'/ }).click();
  await expect(clean.getByTestId('block-conv2d')).toBeVisible();
  const closed = clean.waitForEvent('close');
  await clean.close({ runBeforeUnload: true });
  await closed;
});

test('Undo and Redo are offered only when there is something to undo or redo', async ({ page }) => {
  await page.goto(appUrl());
  await page.getByRole('button', { name: /CNN 32-64 'valid'/ }).click();
  const undo = page.getByRole('button', { name: 'Undo', exact: true });
  const redo = page.getByRole('button', { name: 'Redo', exact: true });
  await expect(undo).toBeDisabled();
  await expect(redo).toBeDisabled();
  await page.getByTestId('block-conv2d').click();
  await page
    .getByRole('complementary', { name: 'Inspector' })
    .getByRole('textbox', { name: 'filters', exact: true })
    .fill('48');
  await expect(undo).toBeEnabled();
  await expect(redo).toBeDisabled();
  // Playwright's fill is one edit: one Undo takes it back, and then there is nothing left to undo.
  await undo.click();
  await expect(page.getByRole('region', { name: 'Model summary' })).toContainText(
    '(None, 26, 26, 32)',
  );
  await expect(undo).toBeDisabled();
  await expect(redo).toBeEnabled();
});
