import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { BUILTIN_CHALLENGES } from '../shared/challenges/builtinChallenges';
import { serializeChallenge } from '../shared/challenges/parseChallenge';

const appUrl = () => {
  const url = process.env.NETCANVAS_URL;
  if (!url) throw new Error('NETCANVAS_URL is not set: the global setup starts the web shell');
  return url;
};

const condition = (page: Page, label: string) =>
  page.getByRole('region', { name: 'Challenge' }).getByRole('listitem').filter({ hasText: label });

test('a shipped challenge: the parameter budget is judged live, and a locked block stays', async ({
  page,
}) => {
  await page.goto(appUrl());
  await page
    .getByRole('region', { name: 'Challenges' })
    .getByRole('button', { name: /Under 20,000 parameters/ })
    .click();
  const challenge = page.getByRole('region', { name: 'Challenge' });
  await expect(
    challenge.getByRole('heading', { name: 'Under 20,000 parameters, 97% on MNIST in one epoch' }),
  ).toBeVisible();
  await expect(condition(page, 'At most 20,000 parameters')).toHaveText(
    'At most 20,000 parameters: not met (30,762 now)',
  );
  await expect(condition(page, 'test accuracy')).toHaveText(
    'At least 97.0% test accuracy: not yet known (train to find out)',
  );

  // Halving the hidden Dense layer brings the network under budget.
  await page.getByRole('button', { name: /fit view/i }).click();
  await page.getByTestId('block-dense').click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await inspector.getByRole('textbox', { name: 'units', exact: true }).fill('16');
  await expect(condition(page, 'At most 20,000 parameters')).toHaveText(
    'At most 20,000 parameters: met (17,786 now)',
  );

  // The last layer is locked: read-only in the inspector, and Delete leaves it where it is.
  await page.getByTestId('block-dense_1').click();
  await expect(inspector).toContainText('Locked by the challenge');
  await expect(inspector.getByRole('textbox', { name: 'units', exact: true })).toHaveAttribute(
    'readonly',
    '',
  );
  await page.keyboard.press('Delete');
  await expect(challenge.getByRole('status').filter({ hasText: 'locked' })).toHaveText(
    'dense_1 is locked by the challenge: it cannot be deleted or changed.',
  );
  await expect(page.getByTestId('block-dense_1')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Model summary' })).toContainText(
    'Total params: 17,786',
  );

  // Hints come one at a time.
  await challenge.getByRole('button', { name: /Show a hint/ }).click();
  await expect(challenge.getByRole('list', { name: 'Hints' }).getByRole('listitem')).toHaveCount(1);

  // The fixed number of epochs is read-only in the training settings.
  await page.getByRole('tab', { name: 'Train' }).click();
  await expect(page.getByRole('textbox', { name: 'Epochs' })).toHaveAttribute('readonly', '');
  await expect(page.getByRole('textbox', { name: 'Epochs' })).toHaveValue('1');
});

test("a teacher's challenge file in the workspace opens as a new project with its goal", async ({
  page,
}) => {
  const home = process.env.NETCANVAS_HOME;
  if (!home) throw new Error('NETCANVAS_HOME is not set');
  const own = {
    ...BUILTIN_CHALLENGES[2]!,
    title: 'Ms Rivera’s tiny CNN',
    goal: { dataset: 'mnist' as const, maxParams: 8000, requiredLayers: ['Conv2D'] },
  };
  writeFileSync(join(home, 'tiny-cnn.challenge.json'), serializeChallenge(own));
  await page.goto(appUrl());
  await page.getByRole('button', { name: /Open a project or Keras model/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'tiny-cnn (challenge)' }).click();
  const challenge = page.getByRole('region', { name: 'Challenge' });
  await expect(challenge.getByRole('heading', { name: 'Ms Rivera’s tiny CNN' })).toBeVisible();
  await expect(condition(page, 'At most 8,000 parameters')).toHaveText(
    'At most 8,000 parameters: met (7,850 now)',
  );
  await expect(condition(page, 'Uses a Conv2D layer')).toHaveText(
    'Uses a Conv2D layer: not met (none yet)',
  );
});

for (const theme of ['light', 'dark'] as const) {
  test(`the Challenge region passes axe in the ${theme} theme, with a condition in each state`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(appUrl());
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await page
      .getByRole('region', { name: 'Challenges' })
      .getByRole('button', { name: /Under 20,000 parameters/ })
      .click();
    await page.getByRole('button', { name: /fit view/i }).click();
    await page.getByTestId('block-dense_1').click();
    await page.keyboard.press('Delete');
    const challenge = page.getByRole('region', { name: 'Challenge' });
    await expect(challenge.getByRole('status').filter({ hasText: 'locked' })).toBeVisible();
    await challenge.getByRole('button', { name: /Show a hint/ }).click();
    // Met (data set), not met (parameters) and not yet known (accuracy), the lock notice and a hint.
    await expect(
      challenge.locator('.nc-challenge-met, .nc-challenge-unmet, .nc-challenge-unknown'),
    ).toHaveCount(4);
    const result = await new AxeBuilder({ page })
      .include('[aria-label="Challenge"]')
      .include('[aria-label="Inspector"]')
      .analyze();
    expect(
      result.violations.map(
        (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
      ),
    ).toEqual([]);
  });
}
