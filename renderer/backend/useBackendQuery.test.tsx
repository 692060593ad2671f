// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NetCanvasApi } from '../../shared/api/backendApi';
import type { TestImages } from '../../shared/training/datasetTypes';
import { BackendError } from './backendError';
import { BackendProvider } from './useBackend';
import { useBackendQuery } from './useBackendQuery';
import type { BackendQuery } from './useBackendQuery';

/** A promise the test settles when it wants to. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Answers `call` (or fails it with an Error) and waits until the answer has been handed on. */
function settle<T>(call: ReturnType<typeof deferred<T>>, outcome: T | Error): Promise<unknown> {
  if (outcome instanceof Error) call.reject(outcome);
  else call.resolve(outcome);
  return call.promise.catch(() => undefined);
}

const page = (start: number): TestImages => ({
  shape: [1, 1, 1],
  total: 100,
  images: [{ index: start, label: 0, pixels: [0] }],
});

let seen: BackendQuery<TestImages> | null = null;

/** Shows the first image index of the page it asked for, the error, or "loading". */
function Page({ start }: { start: number | null }) {
  const q = useBackendQuery(
    (api) => (start === null ? null : api.testImages({ kind: 'mnist' }, start, 1)),
    [start],
  );
  seen = q;
  return (
    <p role="status">
      {q.loading
        ? 'loading'
        : q.error
          ? `error: ${q.error}`
          : q.data
            ? `image ${q.data.images[0]?.index}`
            : 'nothing'}
    </p>
  );
}

function renderPage(testImages: NetCanvasApi['testImages'], start: number | null) {
  const api = { testImages } as unknown as NetCanvasApi;
  const view = render(
    <BackendProvider api={api}>
      <Page start={start} />
    </BackendProvider>,
  );
  const rerender = (next: number | null) =>
    view.rerender(
      <BackendProvider api={api}>
        <Page start={next} />
      </BackendProvider>,
    );
  return { ...view, rerender };
}

const status = () => screen.getByRole('status').textContent;

afterEach(() => {
  cleanup();
  seen = null;
});

describe('useBackendQuery', () => {
  it('shows loading, then the answer, and asks again when its inputs change', async () => {
    const testImages = vi.fn((_ref: unknown, start: number) => Promise.resolve(page(start)));
    const { rerender } = renderPage(testImages, 0);
    expect(status()).toBe('loading');
    await waitFor(() => expect(status()).toBe('image 0'));
    rerender(12);
    expect(status()).toBe('loading'); // the old page belonged to other inputs
    await waitFor(() => expect(status()).toBe('image 12'));
    expect(testImages.mock.calls.map((c) => c[1])).toEqual([0, 12]);
  });

  it("shows the backend's sentence when the call fails", async () => {
    const testImages = vi.fn(() =>
      Promise.reject(new BackendError('notFound', 'The MNIST test images are not installed.')),
    );
    renderPage(testImages, 0);
    await waitFor(() => expect(status()).toBe('error: The MNIST test images are not installed.'));
    expect(seen?.data).toBeNull();
  });

  it('makes no call while the query has nothing to ask', () => {
    const testImages = vi.fn(() => Promise.resolve(page(0)));
    renderPage(testImages, null);
    expect(status()).toBe('nothing');
    expect(testImages).not.toHaveBeenCalled();
  });

  it('drops an older answer or failure that arrives after a newer call started', async () => {
    const calls = [deferred<TestImages>(), deferred<TestImages>(), deferred<TestImages>()];
    const testImages = vi.fn(() => calls[testImages.mock.calls.length - 1]!.promise);
    const { rerender } = renderPage(testImages, 0);
    rerender(12);
    rerender(24);
    await act(() => settle(calls[2]!, page(24)));
    expect(status()).toBe('image 24');
    await act(() => settle(calls[0]!, page(0)));
    await act(() => settle(calls[1]!, new Error('late failure')));
    expect(status()).toBe('image 24');
  });

  it('reload asks again with the same inputs and keeps the old answer until the new one comes', async () => {
    const calls = [deferred<TestImages>(), deferred<TestImages>()];
    const testImages = vi.fn(() => calls[testImages.mock.calls.length - 1]!.promise);
    renderPage(testImages, 0);
    await act(() => settle(calls[0]!, page(0)));
    expect(status()).toBe('image 0');
    act(() => seen?.reload());
    expect(testImages).toHaveBeenCalledTimes(2);
    expect(seen?.loading).toBe(true);
    expect(seen?.data?.images[0]?.index).toBe(0);
    await act(() => settle(calls[1]!, page(5)));
    expect(status()).toBe('image 5');
  });
});
