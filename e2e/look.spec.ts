import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page, TestInfo } from '@playwright/test';

// How the app looks and holds together, checked as a reviewer would: every view in both themes
// passes axe (no serious or critical violation, colour contrast included), nothing scrolls
// sideways from 1024×700 up, the toolbar stays one line, and screenshots of every view at
// 1440×900 and 1024×700 in both themes are attached to the report to be looked at.

const appUrl = () => {
  const url = process.env.NETCANVAS_URL;
  if (!url) throw new Error('NETCANVAS_URL is not set: the global setup starts the web shell');
  return url;
};

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
] as const;

const VIEWS = ['Start', 'Build', 'Train', 'Compare', 'Insight'] as const;
type View = (typeof VIEWS)[number];

/** Collects uncaught page errors, to assert there were none. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

async function show(page: Page, view: View) {
  if (view === 'Start') {
    await expect(page.getByRole('main', { name: 'Start' })).toBeVisible();
    return;
  }
  const tab = page.getByRole('tab', { name: view, exact: true });
  if (!(await tab.isVisible())) {
    await page.getByRole('button', { name: /CNN 32-64 'valid'/ }).click();
    await expect(page.getByRole('region', { name: 'Model summary' })).toBeVisible();
  }
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  if (view === 'Build') await expect(page.getByTestId('block-conv2d')).toBeVisible();
  if (view === 'Train')
    await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
}

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 4)
          .map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`)
          .join(' | ')}`,
    );
}

/** Sideways overflow of the page itself: what a learner would have to scroll to see. */
const horizontalOverflow = (page: Page) =>
  page.evaluate<number>(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  );

async function attach(page: Page, testInfo: TestInfo, name: string) {
  await testInfo.attach(name, { body: await page.screenshot(), contentType: 'image/png' });
}

for (const theme of ['light', 'dark'] as const) {
  test(`every view in the ${theme} theme: no serious axe violation, no sideways scroll, screenshots`, async ({
    page,
  }, testInfo) => {
    test.setTimeout(240_000);
    const errors = watchErrors(page);
    await page.emulateMedia({ colorScheme: theme });
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.goto(appUrl());
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      for (const view of VIEWS) {
        await show(page, view);
        // The toolbar never wraps: the top bar keeps its one-line height.
        expect(
          (await page.getByRole('banner').boundingBox())?.height,
          `top bar height on ${view}`,
        ).toBeLessThanOrEqual(56);
        expect(
          await horizontalOverflow(page),
          `sideways scroll on ${view} at ${size.width}×${size.height}`,
        ).toBeLessThanOrEqual(0);
        if (view === 'Build') {
          // Every column of the model summary shows inside the side panel, Param # included.
          const side = await page.getByRole('region', { name: 'Layer details' }).boundingBox();
          const param = await page.getByRole('columnheader', { name: 'Param #' }).boundingBox();
          expect(
            (param?.x ?? Infinity) + (param?.width ?? 0),
            `Param # column inside the side panel at ${size.width}×${size.height}`,
          ).toBeLessThanOrEqual((side?.x ?? 0) + (side?.width ?? 0));
        }
        if (size.width === 1440)
          expect(await seriousViolations(page), `axe on ${view} (${theme})`).toEqual([]);
        await attach(page, testInfo, `${view}-${size.width}x${size.height}-${theme}`);
      }
    }
    expect(errors).toEqual([]);
  });
}

test('the theme follows the system until the learner picks one, and the choice is remembered', async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(appUrl());
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html).toHaveAttribute('data-theme', 'dark');
  const toggle = page.getByRole('button', { name: 'Dark theme' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await toggle.click();
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.reload();
  // Still light although the system is dark: the learner's choice wins.
  await expect(html).toHaveAttribute('data-theme', 'light');
  await page.evaluate('localStorage.clear()');
});

test('at 1024 px every command stays reachable on one line (a button or the overflow menu), and a long name truncates with the full name on hover', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(appUrl());
  await page.getByRole('button', { name: /CNN 32-64 'valid'/ }).click();
  const banner = page.getByRole('banner');
  await expect(banner.getByRole('tab', { name: 'Insight', exact: true })).toBeVisible();
  const names = [
    'New',
    'Open',
    'Save',
    'Save As',
    'Import',
    'Export',
    'Undo',
    'Redo',
    'Auto-layout',
  ];
  const onBar = await Promise.all(
    names.map((name) => banner.getByRole('button', { name, exact: true }).count()),
  );
  // The open menu hides the rest of the page from assistive technology: count its items apart.
  await page.getByRole('button', { name: 'More commands' }).click();
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  const inMenu = await Promise.all(
    names.map((name) =>
      menu.getByRole('menuitem', { name: new RegExp(`^${name}\\s*(Ctrl\\S*|[A-Z?])?$`) }).count(),
    ),
  );
  expect(names.map((name, i) => `${name}: ${(onBar[i] ?? 0) + (inMenu[i] ?? 0)}`)).toEqual(
    names.map((name) => `${name}: 1`),
  );
  expect(
    inMenu.some((n) => n > 0),
    'something moved to the menu at 1024 px',
  ).toBe(true);
  await page.keyboard.press('Escape');
  // Save As a very long name: the name is cut with an ellipsis, the bar stays one line.
  await page.keyboard.press('Control+Shift+S');
  const long = 'A convolutional network for handwritten digits with two stages and a dense head';
  const dialog = page.getByRole('dialog', { name: 'Save As' });
  await dialog.getByLabel('Project name').fill(long);
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  const name = banner.getByText(long, { exact: true });
  await expect(name).toBeVisible();
  expect(
    await name.evaluate(
      (el: { scrollWidth: number; clientWidth: number }) => el.scrollWidth > el.clientWidth,
    ),
  ).toBe(true);
  expect((await banner.boundingBox())?.height).toBeLessThanOrEqual(56);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await name.hover();
  await expect(page.getByRole('tooltip')).toContainText(long);
});

test('side panels fold away and come back', async ({ page }) => {
  await page.goto(appUrl());
  await page.getByRole('button', { name: /CNN 32-64 'valid'/ }).click();
  const palette = page.getByRole('navigation', { name: 'Layers' });
  const summary = page.getByRole('region', { name: 'Model summary' });
  await expect(palette).toBeVisible();
  await page.getByRole('button', { name: 'Layers palette' }).click();
  await expect(palette).toHaveCount(0);
  await page.getByRole('button', { name: 'Inspector and summary' }).click();
  await expect(summary).toHaveCount(0);
  await expect(page.getByTestId('block-conv2d')).toBeVisible();
  await page.getByRole('button', { name: 'Layers palette' }).click();
  await page.getByRole('button', { name: 'Inspector and summary' }).click();
  await expect(palette).toBeVisible();
  await expect(summary).toBeVisible();
});

test('the shortcuts sheet lists the same keys the app answers to', async ({ page }) => {
  await page.goto(appUrl());
  await page.getByRole('button', { name: /CNN 32-64 'valid'/ }).click();
  await expect(page.getByTestId('block-conv2d')).toBeVisible();
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  for (const [keys, what] of [
    ['Ctrl+E', 'Export the model'],
    ['F', 'Fit the network in view'],
    ['L', 'Tidy the network into rows'],
    ['Ctrl+Shift+Z / Ctrl+Y', 'Redo'],
  ])
    await expect(sheet.getByRole('row', { name: `${keys} ${what}` })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);
  // Ctrl+E, listed there, opens the Export dialog.
  await page.keyboard.press('Control+e');
  await expect(page.getByRole('dialog', { name: 'Export' })).toBeVisible();
});
