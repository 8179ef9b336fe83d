// GET /api/v1/events: Server-Sent Events (contract 3.3). Each hub event is sent as
// `event: <type>` with an `id:` and the event's JSON; a comment line every 20 s keeps proxies
// and phones from timing the stream out. A phone that reconnects with `Last-Event-ID` gets what
// it missed from a bounded replay buffer. A reader that stops reading is dropped rather than
// allowed to grow the hub's memory, and revoking a token closes its streams at once.
import type { RequestHandler, Response } from 'express';
import type { EventBus } from '../events.js';
import { callerOf } from './auth.js';

const HEARTBEAT_MS = 20_000;
/** Bytes a stream may have waiting in its socket before the reader counts as gone. */
const MAX_BUFFERED_BYTES = 1024 * 1024;
const REPLAY_EVENTS = 500;

export class EventStreams {
  private readonly open = new Map<Response, string>();
  private readonly replay: string[] = [];
  private seq = 0;
  private readonly listeners = new Set<(frame: string) => void>();

  /** `inUse` hears, at each heartbeat, which token keeps a stream open (its "last used"). */
  constructor(
    events: EventBus,
    private readonly inUse: (tokenId: string) => void = () => {},
  ) {
    // One listener for all streams: each event is numbered and framed once.
    events.onAny((event) => {
      const frame = `id: ${++this.seq}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
      this.replay.push(frame);
      if (this.replay.length > REPLAY_EVENTS) this.replay.shift();
      for (const listener of this.listeners) listener(frame);
    });
  }

  handler(): RequestHandler {
    return (req, res) => {
      const tokenId = callerOf(req).tokenId;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write(': connected to Hearth\n\n');
      this.open.set(res, tokenId);
      const send = (text: string): void => {
        if (res.writableLength > MAX_BUFFERED_BYTES) {
          res.destroy();
          return;
        }
        res.write(text);
      };
      const lastSeen = Number(req.get('last-event-id'));
      if (Number.isSafeInteger(lastSeen) && lastSeen > 0) {
        const first = this.seq - this.replay.length + 1;
        for (let id = Math.max(lastSeen + 1, first); id <= this.seq; id++)
          send(this.replay[id - first]!);
      }
      this.listeners.add(send);
      const heartbeat = setInterval(() => {
        send(': keep-alive\n\n');
        this.inUse(tokenId);
      }, HEARTBEAT_MS);
      heartbeat.unref();
      const close = (): void => {
        clearInterval(heartbeat);
        this.listeners.delete(send);
        this.open.delete(res);
      };
      req.on('close', close);
      res.on('close', close);
      res.on('error', close);
    };
  }

  /** Ends every stream opened with this token (it was revoked). */
  closeFor(tokenId: string): void {
    for (const [res, owner] of this.open) if (owner === tokenId) res.end();
  }

  get count(): number {
    return this.open.size;
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}
