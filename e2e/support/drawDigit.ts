import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** Draws a "1" on the Insight tab's pad: one stroke down the middle, as a learner would with the mouse. */
export async function drawOne(page: Page): Promise<void> {
  const pad = page.getByRole('img', { name: /Drawing pad/ });
  // boundingBox() does not wait: right after a tab switch the pad may not be laid out yet.
  await expect(pad).toBeVisible();
  const box = await pad.boundingBox();
  if (!box) throw new Error('the drawing pad is not on screen');
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.15);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.85, { steps: 12 });
  await page.mouse.up();
}
