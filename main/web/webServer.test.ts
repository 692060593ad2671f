import { mkdtempSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { RunEvent } from '../../shared/training/runEvents';
import type { Dispatch } from '../services/dispatchApi';
import { MAX_BODY_BYTES, startWebServer } from './webServer';
import type { WebServer } from './webServer';

const TOKEN = 'a'.repeat(48);

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so the Host header can be forged as a DNS-rebinding page would. */
function send(
  port: number,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<Answer>((done, fail) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: opts.method ?? 'GET',
        headers: { host: `127.0.0.1:${port}`, ...opts.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', fail);
    req.end(opts.body);
  });
}

describe('startWebServer', () => {
  let server: WebServer;
  let emit: (e: RunEvent) => void = () => undefined;
  const calls: [string, unknown][] = [];
  let cookie = '';

  beforeEach(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nc-web-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>NetCanvas</title>');
    const dispatch: Dispatch = (method, args) => {
      calls.push([method, args]);
      return Promise.resolve(
        method === 'appInfo'
          ? { ok: true, value: { shell: 'web' } }
          : { ok: false, code: 'notFound', error: 'no' },
      );
    };
    calls.length = 0;
    server = await startWebServer({
      dispatch,
      subscribe: (listener) => {
        emit = listener;
        return () => undefined;
      },
      staticDir: dir,
      token: TOKEN,
    });
    cookie = `${server.cookieName}=${TOKEN}`;
  });
  afterEach(() => server.close());

  it('listens on 127.0.0.1 only and prints the tokened address', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${TOKEN}`);
  });

  it('refuses the page and the API without the token', async () => {
    expect((await send(server.port, '/')).status).toBe(401);
    expect((await send(server.port, '/?token=wrong')).status).toBe(401);
    const api = await send(server.port, '/api/appInfo', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '[]',
    });
    expect(api.status).toBe(401);
    expect(calls).toHaveLength(0);
  });

  it('trades the URL token for an HttpOnly SameSite=Strict cookie and strips it from the address', async () => {
    const first = await send(server.port, `/?token=${TOKEN}`);
    expect(first.status).toBe(302);
    expect(first.headers.location).toBe('/');
    expect(String(first.headers['set-cookie'])).toMatch(
      new RegExp(`^${cookie}; HttpOnly; SameSite=Strict`),
    );
    const page = await send(server.port, '/', { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>NetCanvas</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('refuses a forged Host header even with the token (DNS rebinding)', async () => {
    const page = await send(server.port, '/', {
      headers: { cookie, host: `evil.example:${server.port}` },
    });
    expect(page.status).toBe(403);
  });

  it('answers POST /api/<method> with the dispatcher reply and its status', async () => {
    const headers = {
      cookie,
      'content-type': 'application/json',
      origin: `http://127.0.0.1:${server.port}`,
    };
    const ok = await send(server.port, '/api/appInfo', { method: 'POST', headers, body: '[]' });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toEqual({ ok: true, value: { shell: 'web' } });
    const missing = await send(server.port, '/api/nope', {
      method: 'POST',
      headers,
      body: '["x"]',
    });
    expect(missing.status).toBe(404);
    expect(calls).toEqual([
      ['appInfo', []],
      ['nope', ['x']],
    ]);
  });

  it('refuses cross-site posts, non-JSON bodies and bodies over the limit', async () => {
    const headers = { cookie, 'content-type': 'application/json' };
    const crossSite = await send(server.port, '/api/appInfo', {
      method: 'POST',
      headers: { ...headers, origin: 'http://evil.example' },
      body: '[]',
    });
    expect(crossSite.status).toBe(403);
    const notJson = await send(server.port, '/api/appInfo', { method: 'POST', headers, body: '[' });
    expect(notJson.status).toBe(400);
    const huge = await send(server.port, '/api/appInfo', {
      method: 'POST',
      headers,
      body: `["${'x'.repeat(MAX_BODY_BYTES)}"]`,
    });
    expect(huge.status).toBe(413);
    expect(calls).toHaveLength(0);
  });

  it('pushes run events over the WebSocket only to clients with the token', async () => {
    const refused = new WebSocket(`ws://127.0.0.1:${server.port}/api/events`);
    const refusal = await new Promise<string>((done) =>
      refused.on('error', (e) => done(e.message)),
    );
    expect(refusal).toMatch(/403/);

    const client = new WebSocket(`ws://127.0.0.1:${server.port}/api/events`, {
      headers: { cookie },
    });
    await new Promise((done) => client.on('open', done));
    const received = new Promise<string>((done) =>
      client.on('message', (data: Buffer) => done(data.toString())),
    );
    const event = { type: 'status', runId: 'run-1', status: 'running' } as unknown as RunEvent;
    emit(event);
    expect(JSON.parse(await received)).toEqual(event);
    client.close();
  });
});

/** Two requests on one keep-alive connection, as a browser sends them. */
function sendTwice(
  port: number,
  first: { path: string; headers: Record<string, string>; body: string },
  second: { path: string; headers: Record<string, string>; body: string },
) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const one = (r: typeof first) =>
    new Promise<Answer>((done, fail) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: r.path,
          method: 'POST',
          agent,
          headers: { host: `127.0.0.1:${port}`, ...r.headers },
        },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (body += c));
          res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on('error', fail);
      req.end(r.body);
    });
  return one(first)
    .then(async (a) => [a, await one(second)] as const)
    .finally(() => agent.destroy());
}

describe('the web shell under misuse', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nc-web2-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>NetCanvas</title>');
  const dispatch: Dispatch = (method, args) =>
    Promise.resolve({ ok: true, value: { method, args } });
  const start = () =>
    startWebServer({ dispatch, subscribe: () => () => undefined, staticDir: dir });

  it('keeps two shells on two ports logged in in one browser (one cookie each)', async () => {
    const a = await start();
    const b = await start();
    try {
      const ca =
        String((await send(a.port, `/?token=${a.token}`)).headers['set-cookie']).split(';')[0] ??
        '';
      const cb =
        String((await send(b.port, `/?token=${b.token}`)).headers['set-cookie']).split(';')[0] ??
        '';
      expect(ca.split('=')[0]).not.toBe(cb.split('=')[0]);
      // Cookies ignore ports: the browser sends both cookies to both servers.
      const both = `${ca}; ${cb}`;
      expect((await send(a.port, '/', { headers: { cookie: both } })).status).toBe(200);
      expect((await send(b.port, '/', { headers: { cookie: both } })).status).toBe(200);
      expect((await send(a.port, '/', { headers: { cookie: `${cb}` } })).status).toBe(401);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('closes the connection after a 413 and says so, so the next request does not fail', async () => {
    const s = await start();
    try {
      const cookie = `${s.cookieName}=${s.token}`;
      const headers = { cookie, 'content-type': 'application/json' };
      const [big, next] = await sendTwice(
        s.port,
        { path: '/api/appInfo', headers, body: `["${'x'.repeat(MAX_BODY_BYTES)}"]` },
        { path: '/api/appInfo', headers, body: '[]' },
      );
      expect(big.status).toBe(413);
      expect(big.headers.connection).toBe('close');
      expect(next.status).toBe(200);
    } finally {
      await s.close();
    }
  });

  it('answers a malformed %-escape with 400 and stays up', async () => {
    const s = await start();
    try {
      const cookie = `${s.cookieName}=${s.token}`;
      const bad = await send(s.port, '/%E0%A4%A', { headers: { cookie } });
      expect(bad.status).toBe(400);
      expect(JSON.parse(bad.body)).toMatchObject({
        code: 'badRequest',
        error: expect.stringMatching(/%-escape/) as unknown,
      });
      const api = await send(s.port, '/api/%zz', {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: '[]',
      });
      expect(api.status).toBe(400);
      expect((await send(s.port, '/', { headers: { cookie } })).status).toBe(200);
    } finally {
      await s.close();
    }
  });

  it('refuses 8 million nested arrays by a scan, without blocking the server', async () => {
    const s = await start();
    try {
      const headers = { cookie: `${s.cookieName}=${s.token}`, 'content-type': 'application/json' };
      const started = Date.now();
      const deep = await send(s.port, '/api/appInfo', {
        method: 'POST',
        headers,
        body: `${'['.repeat(8_000_000)}${']'.repeat(8_000_000)}`,
      });
      expect(deep.status).toBe(400);
      expect((JSON.parse(deep.body) as { error: string }).error).toMatch(
        /nests deeper than 64 levels/,
      );
      expect(Date.now() - started).toBeLessThan(1500);
    } finally {
      await s.close();
    }
  });
});
