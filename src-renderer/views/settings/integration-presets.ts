// What a new integration account may do, per kind of bridge: the topic rights each preset
// grants (the hub checks them again: createIntegration in
// src-main/shared/operations/integrations.ts), the custom rights typed as lines, and what the
// owner types into the bridge afterwards. Pure functions, so the card only renders.
import type { OperationOutput } from '../../../src-main/shared/hub-api.js';

export interface TopicRight {
  filter: string;
  publish: boolean;
  subscribe: boolean;
}
export type IntegrationView = OperationOutput<'listIntegrations'>['integrations'][number];
export type CreatedIntegration = OperationOutput<'createIntegration'>;

export type PresetId = 'zigbee2mqtt' | 'frigate' | 'esphome' | 'custom';
export const presetIds: PresetId[] = ['zigbee2mqtt', 'frigate', 'esphome', 'custom'];

/** The hub's topic prefixes (settings discovery.homeAssistantPrefix and frigate.topicPrefix). */
export interface Prefixes {
  homeAssistant: string;
  frigate: string;
}

export const defaultPrefixes: Prefixes = { homeAssistant: 'homeassistant', frigate: 'frigate' };

/** The name a preset suggests for the account (the owner may change it). */
export function presetName(preset: PresetId, node: string): string {
  switch (preset) {
    case 'zigbee2mqtt':
      return 'Zigbee2MQTT';
    case 'frigate':
      return 'Frigate';
    case 'esphome':
      return node.trim();
    case 'custom':
      return '';
  }
}

const both = (filter: string): TopicRight => ({ filter, publish: true, subscribe: true });
const publishOnly = (filter: string): TopicRight => ({ filter, publish: true, subscribe: false });
const subscribeOnly = (filter: string): TopicRight => ({
  filter,
  publish: false,
  subscribe: true,
});

/**
 * The rights a preset grants. Zigbee2MQTT and ESPHome/Tasmota devices announce themselves by
 * publishing their configs under the Home Assistant prefix; Frigate publishes its events and
 * listens for its own commands under its prefix. An ESPHome/Tasmota device needs its node name
 * (null rights until it is typed).
 */
export function presetRights(
  preset: Exclude<PresetId, 'custom'>,
  prefixes: Prefixes,
  node: string,
): TopicRight[] | null {
  switch (preset) {
    case 'zigbee2mqtt':
      return [both('zigbee2mqtt/#'), publishOnly(`${prefixes.homeAssistant}/#`)];
    case 'frigate':
      return [publishOnly(`${prefixes.frigate}/#`), subscribeOnly(`${prefixes.frigate}/#`)];
    case 'esphome': {
      const name = node.trim();
      if (name === '') return null;
      return [both(`${name}/#`), publishOnly(`${prefixes.homeAssistant}/#`)];
    }
  }
}

/** A node name as ESPHome and Tasmota use it in topics: one topic level, no wildcards. */
export function nodeProblem(node: string): 'empty' | 'level' | null {
  const name = node.trim();
  if (name === '') return 'empty';
  if (/[/+#\s]/.test(name)) return 'level';
  return null;
}

export type LineProblem =
  { kind: 'none' } | { kind: 'mode'; line: number; text: string } | { kind: 'tooMany' };

export type ParsedRights = { ok: true; rights: TopicRight[] } | { ok: false; problem: LineProblem };

const MAX_RIGHTS = 64;

/**
 * Custom rights, one per line: `filter publish`, `filter subscribe` or `filter both`. The
 * filter itself is the hub's to judge (it answers with the exact reason); here only the shape
 * of each line is checked.
 */
export function parseRightLines(text: string): ParsedRights {
  const rights: TopicRight[] = [];
  const lines = text.split('\n');
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '') continue;
    const match = /^(\S+)\s+(publish|subscribe|both)$/i.exec(line);
    if (!match) return { ok: false, problem: { kind: 'mode', line: index + 1, text: line } };
    const mode = match[2]!.toLowerCase();
    rights.push({
      filter: match[1]!,
      publish: mode !== 'subscribe',
      subscribe: mode !== 'publish',
    });
  }
  if (rights.length === 0) return { ok: false, problem: { kind: 'none' } };
  if (rights.length > MAX_RIGHTS) return { ok: false, problem: { kind: 'tooMany' } };
  return { ok: true, rights };
}

/** One right as the list shows it, e.g. `zigbee2mqtt/#` publish + subscribe. */
export function rightMode(
  right: Pick<TopicRight, 'publish' | 'subscribe'>,
): 'both' | 'publish' | 'subscribe' {
  return right.publish && right.subscribe ? 'both' : right.publish ? 'publish' : 'subscribe';
}

/** Where the bridge connects: the hub's MQTT port, or the external broker's. */
export interface BrokerAddress {
  host: string;
  port: number | null;
  tls: boolean;
  /** The host is this computer's loopback: right only for a bridge on the same computer. */
  loopback: boolean;
}

export function brokerAddress(
  info: OperationOutput<'getInfo'>,
  pageHost: string | null,
): BrokerAddress {
  if (info.broker !== 'embedded') {
    try {
      const url = new URL(info.broker);
      const tls = url.protocol === 'mqtts:' || url.protocol === 'wss:';
      const port = url.port ? Number(url.port) : tls ? 8883 : 1883;
      return { host: url.hostname, port, tls, loopback: isLoopback(url.hostname) };
    } catch {
      // Not a URL: fall through to the hub's own address.
    }
  }
  const host = pageHost && pageHost !== '' ? pageHost : '127.0.0.1';
  const tls = info.ports.mqtt === null && info.ports.mqtts !== null;
  return {
    host,
    port: tls ? info.ports.mqtts : info.ports.mqtt,
    tls,
    loopback: isLoopback(host),
  };
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host.startsWith('127.') || host === '[::1]' || host === '::1';
}

/**
 * The bridge's own MQTT settings, as its configuration file spells them, ready to paste. Null
 * for custom accounts (the panel cannot know which program uses it).
 */
export function configSnippet(
  preset: PresetId,
  address: BrokerAddress,
  account: { username: string; password: string },
): string | null {
  const port = address.port ?? (address.tls ? 8883 : 1883);
  const scheme = address.tls ? 'mqtts' : 'mqtt';
  const user = yamlString(account.username);
  const password = yamlString(account.password);
  switch (preset) {
    case 'zigbee2mqtt':
      return [
        '# configuration.yaml',
        'mqtt:',
        `  server: ${scheme}://${address.host}:${port}`,
        `  user: ${user}`,
        `  password: ${password}`,
        'homeassistant:',
        '  enabled: true',
      ].join('\n');
    case 'frigate':
      return [
        '# config.yml',
        'mqtt:',
        '  enabled: true',
        `  host: ${address.host}`,
        `  port: ${port}`,
        `  user: ${user}`,
        `  password: ${password}`,
      ].join('\n');
    case 'esphome':
      return [
        '# ESPHome YAML',
        'mqtt:',
        `  broker: ${address.host}`,
        `  port: ${port}`,
        `  username: ${user}`,
        `  password: ${password}`,
        '  discovery: true',
      ].join('\n');
    case 'custom':
      return null;
  }
}

/** Quoted, since a username holds a colon. */
function yamlString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
