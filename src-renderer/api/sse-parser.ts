// A small Server-Sent Events parser (the WHATWG "event stream" format). EventSource cannot
// send an Authorization header, so the panel reads the stream with fetch() and parses it here.

export interface SseMessage {
  event: string;
  data: string;
  id: string | null;
}

export interface SseHandlers {
  onMessage(message: SseMessage): void;
  /** The server's `retry:` field, in milliseconds. */
  onRetry?(ms: number): void;
}

export class SseParser {
  private buffer = '';
  private eventType = '';
  private dataLines: string[] = [];
  private lastId: string | null = null;
  private readonly handlers: SseHandlers;

  constructor(handlers: SseHandlers) {
    this.handlers = handlers;
  }

  /** Feeds decoded text; complete lines are processed, a partial one waits for more. */
  push(chunk: string): void {
    this.buffer += chunk;
    let start = 0;
    for (let i = 0; i < this.buffer.length; i++) {
      const char = this.buffer[i];
      if (char !== '\n' && char !== '\r') continue;
      // A CR at the very end may be the first half of a CRLF split across chunks.
      if (char === '\r' && i === this.buffer.length - 1) break;
      this.processLine(this.buffer.slice(start, i));
      if (char === '\r' && this.buffer[i + 1] === '\n') i++;
      start = i + 1;
    }
    this.buffer = this.buffer.slice(start);
  }

  private processLine(line: string): void {
    if (line === '') {
      this.dispatch();
      return;
    }
    if (line.startsWith(':')) return; // a comment, e.g. a keep-alive
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        this.eventType = value;
        break;
      case 'data':
        this.dataLines.push(value);
        break;
      case 'id':
        if (!value.includes('\0')) this.lastId = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.handlers.onRetry?.(Number(value));
        break;
      default:
        break; // unknown fields are ignored, as the format requires
    }
  }

  private dispatch(): void {
    const type = this.eventType || 'message';
    const hasData = this.dataLines.length > 0;
    const data = this.dataLines.join('\n');
    this.eventType = '';
    this.dataLines = [];
    if (hasData) this.handlers.onMessage({ event: type, data, id: this.lastId });
  }
}
