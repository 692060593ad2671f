import type { Page } from '@playwright/test';
import { expect } from '@playwright/test';

/** The web shell's address with its session token, from e2e/support/globalSetup.ts. */
export function appUrl(): string {
  const url = process.env.NETCANVAS_URL;
  if (!url)
    throw new Error(
      'NETCANVAS_URL is not set: e2e/support/globalSetup.ts starts the web shell and sets it',
    );
  return url;
}

export interface TinyRun {
  /** The start screen's template button, e.g. /CNN 32-64 'valid' \+ Dense 64/. */
  readonly template: RegExp;
  readonly samples: number;
  readonly epochs: number;
  readonly batchSize: number;
}

/**
 * Opens a template and trains it briefly from the Train tab, as a learner would, waiting for the
 * test result (a cold worker on a busy machine takes a while: the wait is for that, not a guess).
 */
export async function trainTinyRun(page: Page, run: TinyRun): Promise<void> {
  await page.goto(appUrl());
  await page.getByRole('button', { name: run.template }).click();
  await page.getByRole('tab', { name: 'Train', exact: true }).click();
  for (const [label, value] of [
    ['Training samples', run.samples],
    ['Epochs', run.epochs],
    ['Batch size', run.batchSize],
  ] as const) {
    const field = page.getByLabel(label, { exact: true });
    await field.fill(String(value));
    await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  }
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Test result' })).toBeVisible({ timeout: 600_000 });
}
