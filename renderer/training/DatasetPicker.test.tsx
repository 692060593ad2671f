// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BackendProvider } from '../backend/useBackend';
import { DatasetPicker } from './DatasetPicker';
import type { FakeApi } from '../backend/fakeApi';
import { createFakeApi, MNIST_INFO } from '../backend/fakeApi';

function renderPicker(fake: FakeApi) {
  const onChange = vi.fn();
  render(
    <BackendProvider api={fake}>
      <DatasetPicker value={{ kind: 'mnist' }} onChange={onChange} />
    </BackendProvider>,
  );
  return onChange;
}

beforeEach(() => {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('DatasetPicker', () => {
  it('says how to get a missing data set instead of switching to it', async () => {
    const onChange = renderPicker(createFakeApi());
    await screen.findByRole('option', { name: 'Fashion-MNIST (not available)' });
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Data set' }),
      'Fashion-MNIST (not available)',
    );
    expect(screen.getByRole('note').textContent).toBe(
      'Fashion-MNIST is not installed: run `sudo apt install dataset-fashion-mnist`.',
    );
    expect(onChange).not.toHaveBeenCalled();
  });

  it('reads an image folder with the size and colour typed in, and shows why it cannot', async () => {
    const folderInfo = {
      ...MNIST_INFO,
      ref: { kind: 'folder', path: '/data/hotdog', imageSize: [64, 64], color: 'grayscale' },
      title: 'hotdog',
    } as const;
    const fake = createFakeApi({
      describe: (ref) =>
        ref.kind === 'folder' && ref.path === '/data/hotdog'
          ? Promise.resolve(folderInfo)
          : ref.kind === 'mnist'
            ? Promise.resolve(MNIST_INFO)
            : Promise.reject(
                new Error(
                  `No class folders in ${'path' in ref ? ref.path : '?'}: put each class's images in its own subfolder.`,
                ),
              ),
    });
    const onChange = renderPicker(fake);
    await screen.findByRole('option', { name: 'Image folder (one subfolder per class)…' });
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Data set' }),
      'Image folder (one subfolder per class)…',
    );
    await userEvent.type(screen.getByLabelText('Image folder'), '/data/empty');
    await userEvent.click(screen.getByRole('button', { name: 'Use this folder' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      "No class folders in /data/empty: put each class's images in its own subfolder.",
    );
    expect(onChange).not.toHaveBeenCalled();

    await userEvent.clear(screen.getByLabelText('Image folder'));
    await userEvent.type(screen.getByLabelText('Image folder'), '/data/hotdog');
    await userEvent.clear(screen.getByLabelText('Image size (pixels)'));
    await userEvent.type(screen.getByLabelText('Image size (pixels)'), '64');
    await userEvent.selectOptions(screen.getByLabelText('Colour'), 'grayscale');
    await userEvent.click(screen.getByRole('button', { name: 'Use this folder' }));
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledWith(folderInfo.ref, folderInfo));
  });

  it('refuses an image size it cannot use before asking the backend', async () => {
    const fake = createFakeApi();
    renderPicker(fake);
    await screen.findByRole('option', { name: 'Image folder (one subfolder per class)…' });
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'Data set' }),
      'Image folder (one subfolder per class)…',
    );
    await userEvent.type(screen.getByLabelText('Image folder'), '/data/x');
    await userEvent.clear(screen.getByLabelText('Image size (pixels)'));
    await userEvent.type(screen.getByLabelText('Image size (pixels)'), '4');
    const asked = fake.described.length;
    await userEvent.click(screen.getByRole('button', { name: 'Use this folder' }));
    expect(screen.getByRole('alert').textContent).toMatch(/from 8 to 512/);
    expect(fake.described.length).toBe(asked);
  });
});
