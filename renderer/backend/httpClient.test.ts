import { describe, expect, it } from 'vitest';
import { newProject } from '../../shared/project/newProject';
import { BackendError } from './backendError';
import { createHttpClient } from './httpClient';

interface Seen {
  url: string;
  init: RequestInit | undefined;
}

const bodyText = (init: RequestInit | undefined): string =>
  typeof init?.body === 'string' ? init.body : '';

/** A fetch that records each request and answers with `reply(method, args)` as the web shell would. */
function fakeFetch(reply: (method: string, args: unknown[]) => { status: number; body: unknown }) {
  const seen: Seen[] = [];
  const fetchFn: typeof fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    seen.push({ url, init });
    const method = url.split('/api/')[1] ?? '';
    const { status, body } = reply(method, JSON.parse(bodyText(init)) as unknown[]);
    return Promise.resolve(
      new Response(typeof body === 'string' ? body : JSON.stringify(body), { status }),
    );
  };
  return { fetchFn, seen };
}

describe('web shell client', () => {
  it('posts the arguments as a JSON array to /api/<method> with the session cookie', async () => {
    const { fetchFn, seen } = fakeFetch(() => ({
      status: 200,
      body: { ok: true, value: { path: '/w/a.json', project: null } },
    }));
    const api = createHttpClient('http://127.0.0.1:9', fetchFn);
    const project = newProject('Mine', { nodes: [], edges: [] });
    await api.saveProject(project, null);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.url).toBe('http://127.0.0.1:9/api/saveProject');
    expect(seen[0]?.init?.method).toBe('POST');
    expect(seen[0]?.init?.credentials).toBe('same-origin');
    expect(JSON.parse(bodyText(seen[0]?.init))).toEqual([project, null]);
  });

  it('returns the value of a successful reply', async () => {
    const { fetchFn } = fakeFetch((method) => ({
      status: 200,
      body: {
        ok: true,
        value: method === 'listProjects' ? [{ name: 'cnn', path: '/w/cnn.json' }] : null,
      },
    }));
    const api = createHttpClient('', fetchFn);
    await expect(api.listProjects()).resolves.toEqual([{ name: 'cnn', path: '/w/cnn.json' }]);
  });

  it("throws the server's sentence and code when a call fails", async () => {
    const { fetchFn } = fakeFetch(() => ({
      status: 404,
      body: { ok: false, error: 'No project at /w/gone.json.', code: 'notFound' },
    }));
    const api = createHttpClient('', fetchFn);
    const failure = api.openProject('/w/gone.json');
    await expect(failure).rejects.toBeInstanceOf(BackendError);
    await expect(failure).rejects.toMatchObject({
      code: 'notFound',
      message: 'No project at /w/gone.json.',
    });
  });

  it('says the server answered something else when the reply is not an API reply', async () => {
    const { fetchFn } = fakeFetch(() => ({ status: 502, body: '<html>Bad Gateway</html>' }));
    const api = createHttpClient('', fetchFn);
    await expect(api.listRuns()).rejects.toMatchObject({
      code: 'internal',
      message: expect.stringContaining('502') as unknown,
    });
  });

  it('says the web server is unreachable when the request itself fails', async () => {
    const api = createHttpClient('', () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(api.appInfo()).rejects.toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining('npm run web') as unknown,
    });
  });
});
