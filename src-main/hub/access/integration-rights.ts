// An integration account's topic rights (contract 2.3.5), checked when the owner makes the
// account and compiled once per login, so a publish is a set lookup or a walk over a few
// pre-split filters, never a parse.
import { isValidFilter } from '../broker/topic-filter.js';
import type { TopicRight } from '../store/state-schema.js';
import { filterCovers } from './filter-covers.js';

export interface IntegrationRights {
  publishExact: ReadonlySet<string>;
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
  if (right.publish && isHubTopic(filter)) {
    return `"${filter}": topics under hearth/ are written by the hub only`;
  }
  return null;
}

export function compileIntegrationRights(rights: readonly TopicRight[]): IntegrationRights {
  const publishExact = new Set<string>();
  const publishPatterns: string[][] = [];
  const subscribe: string[] = [];
  for (const right of rights) {
    if (right.publish) {
      if (/[+#]/.test(right.filter)) publishPatterns.push(right.filter.split('/'));
      else publishExact.add(right.filter);
    }
    if (right.subscribe) subscribe.push(right.filter);
  }
  return { publishExact, publishPatterns, subscribe };
}

export function integrationMayPublish(rights: IntegrationRights, topic: string): boolean {
  // Whatever its rights say (a `#` grant included): never the hub's topics or the broker's.
  if (topic.startsWith('$') || isHubTopic(topic)) return false;
  if (rights.publishExact.has(topic)) return true;
  if (rights.publishPatterns.length === 0) return false;
  const levels = topic.split('/');
  return rights.publishPatterns.some((pattern) => levelsMatch(pattern, levels));
}

export function integrationMaySubscribe(rights: IntegrationRights, filter: string): boolean {
  return rights.subscribe.some((granted) => filterCovers(granted, filter));
}

export function isHubTopic(topic: string): boolean {
  return topic === 'hearth' || topic.startsWith('hearth/');
}

function levelsMatch(pattern: readonly string[], levels: readonly string[]): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const level = pattern[i];
    if (level === '#') return true;
    if (i >= levels.length) return false;
    if (level !== '+' && level !== levels[i]) return false;
  }
  return pattern.length === levels.length;
}
