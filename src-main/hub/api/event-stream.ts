// GET /api/v1/events: Server-Sent Events (contract 3.3). Each hub event is sent as
// `event: <type>` with the event's JSON; a comment line every 20 s keeps proxies and phones
// from timing the stream out. A closed stream removes its listener at once.
import type { RequestHandler } from 'express';
import type { EventBus } from '../events.js';

const HEARTBEAT_MS = 20_000;

export function eventStream(events: EventBus): RequestHandler {
  return (req, res) => {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write(': connected to Hearth\n\n');
    const owner = {};
    events.onAny((event) => {
      res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
    }, owner);
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    const close = (): void => {
      clearInterval(heartbeat);
      events.removeOwner(owner);
    };
    req.on('close', close);
    res.on('error', close);
  };
}
