// The hub's HTTP API with the admin token over kept-alive connections (as a phone app would).
import { Agent, request } from 'node:http';

const agent = new Agent({ keepAlive: true, maxSockets: 32 });

export interface Reply {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the bench reads many shapes
  body: any;
  ms: number;
}

export function call(
  baseUrl: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
  timeoutMs = 10_000,
): Promise<Reply> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (payload !== undefined) headers['content-type'] = 'application/json';
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = request(
      `${baseUrl}${path}`,
      { method, headers, agent, timeout: timeoutMs },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          let parsed: unknown = text;
          try {
            parsed = text ? JSON.parse(text) : null;
          } catch {
            // not JSON: keep the text
          }
          resolve({ status: res.statusCode ?? 0, body: parsed, ms });
        });
      },
    );
    req.on('timeout', () =>
      req.destroy(new Error(`${method} ${path}: no answer in ${timeoutMs} ms`)),
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Closes the kept-alive sockets so the bench can exit. */
export const closeHttp = (): void => agent.destroy();

export interface EventStream {
  /** Resolves with the data of the next event of `type`; rejects after `timeoutMs`. */
  next(type: string, timeoutMs: number): Promise<string>;
  /** Calls `listener` for every event of `type` from now on; returns how to stop. */
  on(type: string, listener: (data: string) => void): () => void;
  close(): void;
}

/** GET /api/v1/events (Server-Sent Events) on a connection of its own. */
export function eventStream(baseUrl: string, token: string): Promise<EventStream> {
  const listeners = new Set<{ type: string; listener: (data: string) => void }>();
  const on = (type: string, listener: (data: string) => void): (() => void) => {
    const entry = { type, listener };
    listeners.add(entry);
    return () => void listeners.delete(entry);
  };
  return new Promise((resolve, reject) => {
    const req = request(
      `${baseUrl}/api/v1/events`,
      { headers: { authorization: `Bearer ${token}` }, agent: false },
      (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          reject(new Error(`GET /api/v1/events answered ${res.statusCode}`));
          return;
        }
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          for (let end = text.indexOf('\n\n'); end >= 0; end = text.indexOf('\n\n')) {
            const frame = text.slice(0, end);
            text = text.slice(end + 2);
            let type = 'message';
            const data: string[] = [];
            for (const line of frame.split('\n')) {
              if (line.startsWith('event: ')) type = line.slice(7);
              else if (line.startsWith('data: ')) data.push(line.slice(6));
            }
            if (data.length === 0) continue;
            for (const entry of [...listeners]) {
              if (entry.type === type) entry.listener(data.join('\n'));
            }
          }
        });
        res.on('error', () => {});
        resolve({
          on,
          next: (type, timeoutMs) =>
            new Promise((resolveNext, rejectNext) => {
              const timer = setTimeout(() => {
                off();
                rejectNext(new Error(`no ${type} event in ${timeoutMs} ms`));
              }, timeoutMs);
              const off = on(type, (data) => {
                clearTimeout(timer);
                off();
                resolveNext(data);
              });
            }),
          close: () => req.destroy(),
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}
