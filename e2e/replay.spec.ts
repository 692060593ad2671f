import { expect, test } from '@playwright/test';
import { drawOne } from './support/drawDigit';
import { trainTinyRun } from './support/trainTinyRun';

// Training replayed, as a learner would use it: train the tutorial CNN for three short epochs,
// see its best epoch marked on the curves, open Insight, draw a digit, slide through the epochs
// and watch the answer and the confusion matrix change, export the best epoch, make another epoch
// the run's model (its test result scored again) and restore the final weights.

test('train three short epochs, replay them in Insight, export the best one, use another as the model and restore', async ({
  page,
}, testInfo) => {
  // The shared machine trains slowly when busy; every wait below waits for what it asserts.
  test.setTimeout(900_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(`${e.message}\n${e.stack ?? ''}`));
  await trainTinyRun(page, {
    template: /CNN 32-64 'valid' \+ Dense 64/,
    samples: 600,
    epochs: 3,
    batchSize: 32,
  });

  // The best epoch (lowest validation loss: the run holds validation data) is marked on the curves.
  const loss = page.getByRole('group', { name: 'Loss', exact: true });
  const marker = loss.getByRole('img', { name: /^Best epoch [123] \(lowest validation loss\)$/ });
  await expect(marker).toBeVisible();
  const best = Number(/Best epoch (\d)/.exec((await marker.getAttribute('aria-label')) ?? '')?.[1]);

  // The Train tab's test accuracy: the run's model's, also after it changes below.
  const testAccuracy = async (): Promise<string | null> => {
    await page.getByRole('tab', { name: 'Train', exact: true }).click();
    const result = page.getByRole('region', { name: 'Test result' });
    await expect(result).toBeVisible();
    return result.getByRole('definition').first().textContent();
  };
  const finalAccuracy = await testAccuracy();
  await page.getByRole('tab', { name: 'Insight', exact: true }).click();
  await drawOne(page);
  const replay = page.getByRole('region', { name: 'Training replay' });
  const slider = replay.getByRole('slider', { name: 'Epoch' });
  // It opens at the best epoch, with the drawing's answer after it.
  await expect(slider).toHaveAttribute('aria-valuetext', `Epoch ${best} of 3, the best`);
  await expect(replay).toContainText(`Best epoch ${best}: the lowest validation loss`);
  const answerAfter = (epoch: number) =>
    replay.getByRole('list', { name: `Replay: probabilities after epoch ${epoch}` });
  await expect(answerAfter(best).getByRole('meter')).toHaveCount(10);
  await expect(
    replay
      .getByRole('region', { name: 'Replay: Feature maps of conv2d', exact: true })
      .getByRole('img'),
  ).toHaveCount(32);
  await expect(
    replay
      .getByRole('region', { name: 'Replay: Kernels of conv2d', exact: true })
      .getByRole('button'),
  ).toHaveCount(32);
  await expect(
    replay.getByRole('region', { name: `Replay: confusion matrix after epoch ${best}` }),
  ).toContainText('right on the first 1,000 test images', { timeout: 120_000 });
  const meters = async (epoch: number) =>
    Promise.all(
      (await answerAfter(epoch).getByRole('meter').all()).map(
        async (m) => (await m.getAttribute('value')) ?? '',
      ),
    );
  const atBest = await meters(best);

  // Move the slider with the keyboard to another epoch: the answer and the matrix are that epoch's.
  const other = best === 1 ? 2 : 1;
  await slider.focus();
  await page.keyboard.press(best === 1 ? 'ArrowRight' : 'Home');
  await expect(slider).toHaveAttribute('aria-valuetext', new RegExp(`^Epoch ${other} of 3`));
  await expect(answerAfter(other).getByRole('meter')).toHaveCount(10);
  expect(await meters(other)).not.toEqual(atBest);
  await expect(
    replay.getByRole('region', { name: `Replay: confusion matrix after epoch ${other}` }),
  ).toBeVisible({ timeout: 120_000 });
  await testInfo.attach('training-replay', {
    body: await page.screenshot({ fullPage: true }),
    contentType: 'image/png',
  });

  // The best epoch's weights in one click, through the same export as a run's model.
  await replay.getByRole('button', { name: `Export the best epoch (${best})` }).click();
  const status = replay.getByRole('status');
  await expect(status).toContainText(
    new RegExp(`Epoch ${best}'s weights were exported to .*epoch-${best}`),
    { timeout: 120_000 },
  );
  await expect(status.getByRole('button', { name: /^Download .*\.zip$/ })).toBeVisible();

  // Make the other epoch the run's model: its test result is scored again, on the Train tab too.
  await replay.getByRole('button', { name: 'Use as the run’s model' }).click();
  await page
    .getByRole('dialog', { name: `Use epoch ${other} as the run’s model?` })
    .getByRole('button', { name: `Use epoch ${other}` })
    .click();
  const rescored = replay.getByText(
    /^The run’s test result, scored again with the weights it now holds: test accuracy (\d+\.\d%)/,
  );
  await expect(rescored).toBeVisible({ timeout: 180_000 });
  const otherAccuracy = /test accuracy (\d+\.\d%)/.exec((await rescored.textContent()) ?? '')?.[1];
  await expect(replay).toContainText(`The run’s model holds the weights after epoch ${other}.`);
  expect(await testAccuracy()).toBe(otherAccuracy);
  await page.getByRole('tab', { name: 'Insight', exact: true }).click();

  // And back to the final weights, with their own result again.
  await replay.getByRole('button', { name: 'Restore the final weights' }).click();
  await expect(replay.getByRole('status')).toHaveText(
    "The run's model holds its final weights again.",
    {
      timeout: 180_000,
    },
  );
  await expect(replay.getByRole('button', { name: 'Restore the final weights' })).toHaveCount(0);
  expect(await testAccuracy()).toBe(finalAccuracy);
  expect(pageErrors).toEqual([]);
});
