/**
 * A minimal Chrome DevTools Protocol client over a WebSocket, for the targets Playwright does not
 * expose as pages: the extension's real popup and side panel. Flat sessions: one socket, each
 * command addressed by `sessionId`.
 */
import WebSocket from 'ws';

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void; method: string };
/** A CDP event: its method, params and (for attached targets) the session it came from. */
export type CdpEvent = { method: string; params: Record<string, unknown>; sessionId?: string };

/** A connection to the browser endpoint. */
export class CdpConnection {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(event: CdpEvent) => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as {
        id?: number;
        result?: unknown;
        error?: { message: string };
        method?: string;
        params?: Record<string, unknown>;
        sessionId?: string;
      };
      if (message.id === undefined) {
        if (message.method) {
          const event: CdpEvent = {
            method: message.method,
            params: message.params ?? {},
            ...(message.sessionId ? { sessionId: message.sessionId } : {}),
          };
          for (const listener of this.listeners) listener(event);
        }
        return;
      }
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (message.error) waiting.reject(new Error(`${waiting.method}: ${message.error.message}`));
      else waiting.resolve(message.result);
    });
    socket.on('close', () => {
      for (const p of this.pending.values()) p.reject(new Error(`${p.method}: connection closed`));
      this.pending.clear();
    });
  }

  /** Connects to a `ws://127.0.0.1:PORT/devtools/browser/…` endpoint. */
  static async connect(url: string): Promise<CdpConnection> {
    const socket = new WebSocket(url, { perMessageDeflate: false });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new CdpConnection(socket);
  }

  /** Sends one command (to the browser, or to an attached target's session) and awaits its result. */
  send<T = Record<string, unknown>>(
    method: string,
    params: object = {},
    sessionId?: string,
    timeoutMs = 15_000,
  ): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        // What was asked, so a timeout names its step (an evaluate's expression, cut short).
        const expression = (params as { expression?: unknown }).expression;
        const what = typeof expression === 'string' ? ` of ${JSON.stringify(expression.slice(0, 160))}` : '';
        reject(new Error(`${method}${what}: no answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {
        method,
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    });
  }

  /** Listens to every event (of the browser and of attached targets); returns a function that stops. */
  onEvent(listener: (event: CdpEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Closes the socket (the browser keeps running). */
  close(): void {
    this.socket.close();
  }
}
