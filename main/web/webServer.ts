// The web shell: the same renderer and backend as the desktop app, served on 127.0.0.1 only.
// Like Jupyter, a random session token guards everything: it arrives in the URL once, becomes an
// HttpOnly cookie, and every request without it (files, API, WebSocket) is refused. The Host and
// Origin checks stop other web pages in the user's browser from reaching the API (DNS rebinding,
// cross-site requests).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { WebSocketServer } from 'ws';
import { API_ERROR_STATUS } from '../../shared/api/apiSchemas';
import type { ApiErrorCode, ApiReply } from '../../shared/api/apiSchemas';
import { capMessage } from '../../shared/errors/capMessage';
import { errorMessage } from '../../shared/errors/errorMessage';
import { JsonTextError, parseJsonText } from '../../shared/json/parseJsonText';
import type { Unsubscribe } from '../../shared/api/backendApi';
import type { RunEvent } from '../../shared/training/runEvents';
import type { Dispatch } from '../services/dispatchApi';

/**
 * The session cookie's name. Cookies ignore ports, so two web shells in one browser (two ports)
 * would overwrite each other's cookie under one name and log each other out: each server names
 * its cookie after its port and a random session part.
 */
export const cookieName = (port: number, session: string): string =>
  `netcanvas_token_${port}_${session}`;
/** Largest request body: a project or a drawn image is far smaller. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

const STATUS = API_ERROR_STATUS;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export interface WebServerOptions {
  readonly dispatch: Dispatch;
  readonly subscribe: (listener: (event: RunEvent) => void) => Unsubscribe;
  /** The built renderer (dist/renderer). */
  readonly staticDir: string;
  /** 0 picks a free port. */
  readonly port?: number;
  /** Fixed in tests; random otherwise. */
  readonly token?: string;
}

export interface WebServer {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  /** The session cookie's name (see {@link cookieName}). */
  readonly cookieName: string;
  close(): Promise<void>;
}

/** The content security policy of every page: only this server's scripts and connections. */
export function contentSecurityPolicy(port: number): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // React Flow positions nodes with inline styles.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

function sameToken(given: string | undefined | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieToken(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return null;
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

function refuse(
  res: ServerResponse,
  code: ApiErrorCode,
  error: string,
  headers: Record<string, string> = {},
): void {
  sendJson(
    res,
    STATUS[code],
    { ok: false, code, error: capMessage(error) } satisfies ApiReply<never>,
    headers,
  );
}

/** The request's path and query, or null for a malformed %-escape (a client's mistake, not ours). */
function requestUrl(req: IncomingMessage): URL | null {
  try {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    decodeURIComponent(url.pathname);
    return url;
  } catch {
    return null;
  }
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Starts the web shell's server on 127.0.0.1. */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('hex');
  const session = randomBytes(4).toString('hex');
  const staticRoot = resolve(options.staticDir);
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  const cookie = () => cookieName(port, session);

  /** Token in the URL or the cookie, and a Host header naming this server. */
  const authorise = (req: IncomingMessage, url: URL): 'ok' | 'badHost' | 'noToken' => {
    if (!allowedHosts().has(req.headers.host ?? '')) return 'badHost';
    return sameToken(url.searchParams.get('token'), token) ||
      sameToken(cookieToken(req, cookie()), token)
      ? 'ok'
      : 'noToken';
  };

  const serveStatic = async (res: ServerResponse, pathname: string): Promise<void> => {
    const relative = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
    let file = join(staticRoot, relative);
    if (file !== staticRoot && !file.startsWith(staticRoot + sep))
      return refuse(res, 'forbidden', 'Path outside the app.');
    let info = await stat(file).catch(() => null);
    if (!info?.isFile()) {
      // The app is one page: unknown paths get it too, so a reload anywhere works.
      file = join(staticRoot, 'index.html');
      info = await stat(file).catch(() => null);
      if (!info?.isFile()) {
        res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(
          `The app is not built (no ${file}). Run "npm run build", then start the web shell again.\n`,
        );
        return;
      }
    }
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': info.size,
      'content-security-policy': contentSecurityPolicy(port),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': extname(file) === '.html' ? 'no-store' : 'max-age=3600',
    });
    createReadStream(file).pipe(res);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = requestUrl(req);
    if (!url) return refuse(res, 'badRequest', 'The address has a malformed %-escape.');
    const auth = authorise(req, url);
    if (auth === 'badHost')
      return refuse(
        res,
        'forbidden',
        'This server only answers requests addressed to 127.0.0.1 or localhost.',
      );
    if (auth === 'noToken')
      return refuse(
        res,
        'unauthorized',
        'Open NetCanvas with the address the web shell printed (it carries the session token).',
      );

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return refuse(res, 'badRequest', 'API calls are POST requests.');
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedOrigins().has(origin))
        return refuse(res, 'forbidden', 'Requests from other sites are refused.');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
        return refuse(res, 'badRequest', 'API calls send JSON.');
      const body = await readBody(req);
      // The rest of the body is not read: say so, or the client would send its next request on
      // a connection the server is about to close (ECONNRESET).
      if (body === null)
        return refuse(
          res,
          'tooLarge',
          `The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`,
          { connection: 'close' },
        );
      let args: unknown;
      try {
        // A scan refuses absurd nesting before JSON.parse spends seconds of the event loop on it.
        args = body === '' ? [] : parseJsonText(body);
      } catch (e) {
        if (e instanceof JsonTextError)
          return refuse(res, 'badRequest', `The request body cannot be read: ${e.message}.`);
        throw e;
      }
      const reply = await options.dispatch(url.pathname.slice('/api/'.length), args);
      return sendJson(res, reply.ok ? 200 : STATUS[reply.code], reply);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD')
      return refuse(res, 'badRequest', 'Only GET serves the app.');
    if (url.searchParams.has('token')) {
      // Trade the URL token for a cookie, then drop it from the address bar (and from history).
      url.searchParams.delete('token');
      res.writeHead(302, {
        'set-cookie': `${cookie()}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        location: `${url.pathname}${url.search}`,
        'cache-control': 'no-store',
      });
      res.end();
      return;
    }
    return serveStatic(res, url.pathname);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) refuse(res, 'internal', errorMessage(e));
      else res.destroy();
    });
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 });
  server.on('upgrade', (req, socket, head) => {
    const url = requestUrl(req);
    const origin = req.headers.origin;
    const ok =
      url !== null &&
      url.pathname === '/api/events' &&
      authorise(req, url) === 'ok' &&
      (origin === undefined || allowedOrigins().has(origin));
    if (!ok) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => sockets.emit('connection', ws, req));
  });
  const unsubscribe = options.subscribe((event) => {
    const text = JSON.stringify(event);
    for (const client of sockets.clients) if (client.readyState === client.OPEN) client.send(text);
  });

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => done());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    cookieName: cookie(),
    close: async () => {
      unsubscribe();
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
