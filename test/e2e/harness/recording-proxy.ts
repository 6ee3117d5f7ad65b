/**
 * A recording HTTP proxy on 127.0.0.1 for the no-network test. The browser sends *all* its
 * traffic here (loopback included, with `--proxy-bypass-list=<-loopback>`), so every request any
 * part of the extension makes — service worker, panel, popup, content script — is seen. Requests
 * to the allowed origins (the page under review) are forwarded; everything else is recorded and
 * refused, so nothing ever leaves the machine.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running proxy: its address, what it saw, and a way to stop it. */
export interface RecordingProxy {
  url: string;
  /** Every request seen, as `METHOD url` (CONNECT shows `host:port`). */
  seen: string[];
  /** Requests to anything but the allowed origins. */
  refused: string[];
  close(): Promise<void>;
}

/** Starts a proxy that forwards requests to `allowedOrigins` (http only) and refuses the rest. */
export async function startRecordingProxy(allowedOrigins: readonly string[]): Promise<RecordingProxy> {
  const seen: string[] = [];
  const refused: string[] = [];
  const server: Server = createServer((req, res) => {
    const target = req.url ?? '';
    seen.push(`${req.method} ${target}`);
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      refused.push(`${req.method} ${target}`);
      res.writeHead(400).end();
      return;
    }
    if (!allowedOrigins.includes(url.origin) || url.hostname !== '127.0.0.1') {
      refused.push(`${req.method} ${target}`);
      res.writeHead(502).end('refused by the test proxy');
      return;
    }
    const upstream = httpRequest(
      {
        host: '127.0.0.1',
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: req.method,
        headers: req.headers,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.on('connect', (req, socket) => {
    seen.push(`CONNECT ${req.url}`);
    refused.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 502 Refused\r\n\r\n');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    refused,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
