// The hub's own subscriptions on the bus: filters matched here, handlers isolated from each
// other so one that throws cannot stop a lock's state from reaching the others.
// Every client message passes through here, so the filters are split once when added and
// indexed by their first level: a message on a topic no hub filter can match (a bridge's
// `zigbee2mqtt/...`, say) costs one map lookup, no split, no allocation.
import type { Logger } from '../log.js';
import type { InboundMessage, MessageHandler } from './bus.js';
import { isValidFilter } from './topic-filter.js';

interface Entry {
  filter: string;
  levels: readonly string[];
  handler: MessageHandler;
}

export class BusSubscriptions {
  /** Filters whose first level is a plain word, by that word. */
  private readonly byFirstLevel = new Map<string, Entry[]>();
  /** Filters starting with `+` or `#`: asked about every topic. */
  private wildcardFirst: Entry[] = [];

  constructor(private readonly log: Logger) {}

  add(filter: string, handler: MessageHandler): () => void {
    if (!isValidFilter(filter))
      throw new TypeError(`not an MQTT topic filter: ${JSON.stringify(filter)}`);
    const levels = filter.split('/');
    const entry: Entry = { filter, levels, handler };
    const first = levels[0]!;
    // Lists are replaced, never changed in place: a delivery in progress keeps its own.
    if (first === '+' || first === '#') this.wildcardFirst = [...this.wildcardFirst, entry];
    else this.byFirstLevel.set(first, [...(this.byFirstLevel.get(first) ?? []), entry]);
    return () => {
      if (first === '+' || first === '#') {
        this.wildcardFirst = this.wildcardFirst.filter((other) => other !== entry);
        return;
      }
      const rest = (this.byFirstLevel.get(first) ?? []).filter((other) => other !== entry);
      if (rest.length > 0) this.byFirstLevel.set(first, rest);
      else this.byFirstLevel.delete(first);
    };
  }

  /** Whether any filter may match `topic`: when not, the message need not even be built. */
  wants(topic: string): boolean {
    return this.wildcardFirst.length > 0 || this.byFirstLevel.has(firstLevel(topic));
  }

  deliver(message: InboundMessage): void {
    const { topic } = message;
    const named = this.byFirstLevel.get(firstLevel(topic));
    if (!named && this.wildcardFirst.length === 0) return;
    const topicLevels = topic.split('/');
    for (const list of [named ?? [], this.wildcardFirst]) {
      for (const entry of list) {
        if (levelsMatch(entry.levels, topicLevels)) this.run(entry, message);
      }
    }
  }

  clear(): void {
    this.byFirstLevel.clear();
    this.wildcardFirst = [];
  }

  private run(entry: Entry, message: InboundMessage): void {
    try {
      const result: unknown = entry.handler(message);
      if (result instanceof Promise)
        result.catch((error: unknown) => this.failed(entry, message, error));
    } catch (error) {
      this.failed(entry, message, error);
    }
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

function firstLevel(topic: string): string {
  const slash = topic.indexOf('/');
  return slash === -1 ? topic : topic.slice(0, slash);
}

/** topicMatches (topic-filter.ts) on pre-split levels. */
function levelsMatch(filter: readonly string[], topic: readonly string[]): boolean {
  // [MQTT-4.7.2-1] a filter starting with a wildcard does not match topics starting with `$`.
  if (topic[0]!.startsWith('$') && (filter[0] === '+' || filter[0] === '#')) return false;
  for (let i = 0; i < filter.length; i++) {
    const level = filter[i];
    // `#` also matches the parent level: `a/#` matches `a` [MQTT-4.7.1-2].
    if (level === '#') return true;
    if (i >= topic.length) return false;
    if (level !== '+' && level !== topic[i]) return false;
  }
  return filter.length === topic.length;
}
