// An integration account's topic rights (contract 2.3.5), checked when the owner makes the
// account and compiled once per login, so a publish is a set lookup, a prefix test, or a walk
// along the topic string: never a split or any other allocation per packet (profiled: the
// split was the largest cost the hub added to a QoS 1 publish).
import { isValidFilter } from '../broker/topic-filter.js';
import type { TopicRight } from '../store/state-schema.js';
import { filterCovers } from './filter-covers.js';

export interface IntegrationRights {
  publishExact: ReadonlySet<string>;
  /** `a/b/#`: the topic is `a/b` or starts with `a/b/` (`#` alone: any topic). */
  publishPrefixes: readonly string[];
  /** Filters with `+` (and maybe a final `#`), pre-split. */
  publishPatterns: ReadonlyArray<readonly string[]>;
  subscribe: readonly string[];
}

/** Why a right cannot be granted, or null when it can. */
export function rightProblem(right: TopicRight): string | null {
  const { filter } = right;
  if (!right.publish && !right.subscribe) return `"${filter}" grants neither publish nor subscribe`;
  if (filter.length === 0 || filter.length > 256) return 'a filter is 1-256 characters';
  // [MQTT-4.7.3-2] no NUL in topic names or filters.
  if (filter.includes('\0') || !isValidFilter(filter))
    return `"${filter}" is not an MQTT topic filter`;
  if (filter.startsWith('$')) return `"${filter}": $ topics are the broker's`;
  // An external broker's rules read %c and %u as placeholders (docs/scale.md): never in a right.
  if (filter.includes('%')) return `"${filter}": '%' is not allowed in a topic right`;
  if (right.publish && isHubTopic(filter)) {
    return `"${filter}": topics under hearth/ are written by the hub only`;
  }
  return null;
}

export function compileIntegrationRights(rights: readonly TopicRight[]): IntegrationRights {
  const publishExact = new Set<string>();
  const publishPrefixes: string[] = [];
  const publishPatterns: string[][] = [];
  const subscribe: string[] = [];
  for (const right of rights) {
    if (right.publish) {
      const { filter } = right;
      if (!/[+#]/.test(filter)) publishExact.add(filter);
      else if (!filter.includes('+') && (filter === '#' || filter.endsWith('/#'))) {
        publishPrefixes.push(filter.slice(0, -2));
      } else publishPatterns.push(filter.split('/'));
    }
    if (right.subscribe) subscribe.push(right.filter);
  }
  return { publishExact, publishPrefixes, publishPatterns, subscribe };
}

export function integrationMayPublish(rights: IntegrationRights, topic: string): boolean {
  // Whatever its rights say (a `#` grant included): never the hub's topics or the broker's.
  if (topic.startsWith('$') || isHubTopic(topic)) return false;
  if (rights.publishExact.has(topic)) return true;
  for (const prefix of rights.publishPrefixes) {
    // `#` alone (prefix ''), or the prefix level itself [MQTT-4.7.1-2], or anything below it.
    if (prefix === '' || topic === prefix) return true;
    if (topic.length > prefix.length && topic.startsWith(prefix) && topic[prefix.length] === '/') {
      return true;
    }
  }
  for (const pattern of rights.publishPatterns) if (patternMatches(pattern, topic)) return true;
  return false;
}

export function integrationMaySubscribe(rights: IntegrationRights, filter: string): boolean {
  return rights.subscribe.some((granted) => filterCovers(granted, filter));
}

export function isHubTopic(topic: string): boolean {
  return topic === 'hearth' || topic.startsWith('hearth/');
}

/** Walks the topic's levels in place (indexOf), comparing each with the pattern's. */
function patternMatches(pattern: readonly string[], topic: string): boolean {
  let start = 0;
  for (let i = 0; i < pattern.length; i++) {
    const level = pattern[i]!;
    if (level === '#') return true;
    if (start > topic.length) return false; // the topic has fewer levels
    const slash = topic.indexOf('/', start);
    const end = slash === -1 ? topic.length : slash;
    if (level !== '+' && (end - start !== level.length || !topic.startsWith(level, start))) {
      return false;
    }
    start = end + 1;
  }
  return start === topic.length + 1; // every level of the topic was matched
}
