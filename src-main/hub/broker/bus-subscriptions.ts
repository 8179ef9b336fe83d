// The hub's own subscriptions on the bus: filters matched here, handlers isolated from each
// other so one that throws cannot stop a lock's state from reaching the others.
import type { Logger } from '../log.js';
import type { InboundMessage, MessageHandler } from './bus.js';
import { isValidFilter, topicMatches } from './topic-filter.js';

interface Entry {
  filter: string;
  handler: MessageHandler;
}

export class BusSubscriptions {
  private readonly entries = new Set<Entry>();

  constructor(private readonly log: Logger) {}

  add(filter: string, handler: MessageHandler): () => void {
    if (!isValidFilter(filter))
      throw new TypeError(`not an MQTT topic filter: ${JSON.stringify(filter)}`);
    const entry = { filter, handler };
    this.entries.add(entry);
    return () => {
      this.entries.delete(entry);
    };
  }

  deliver(message: InboundMessage): void {
    for (const entry of [...this.entries]) {
      if (!topicMatches(entry.filter, message.topic)) continue;
      try {
        const result: unknown = entry.handler(message);
        if (result instanceof Promise)
          result.catch((error: unknown) => this.failed(entry, message, error));
      } catch (error) {
        this.failed(entry, message, error);
      }
    }
  }

  clear(): void {
    this.entries.clear();
  }

  private failed(entry: Entry, message: InboundMessage, error: unknown): void {
    this.log.error('a message handler failed', {
      filter: entry.filter,
      topic: message.topic,
      clientId: message.clientId,
      error,
    });
  }
}
