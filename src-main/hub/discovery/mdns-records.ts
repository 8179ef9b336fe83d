// The DNS-SD records that describe the hub (RFC 6763), and which of them answer a question.
// Pure data: the socket side lives in mdns-announcer.ts.
import type { ResponseOutgoingPacket } from 'multicast-dns';
import type { HostAddresses } from './host-addresses.js';

// OPT is an EDNS pseudo-record, never one of ours.
export type MdnsRecord = Exclude<ResponseOutgoingPacket['answers'][number], { type: 'OPT' }>;

export interface MdnsAnnouncement {
  /** The instance name people see in a browser of services, e.g. 'Hearth' or the hub's name. */
  name: string;
  hubId: string;
  version: string;
  ports: {
    http: number;
    mqtt: number | null;
    mqtts: number | null;
    ws: number | null;
    /** The API over TLS; absent or null when off. */
    https?: number | null;
  };
  /** The address the hub listens on (`--host`); a specific one is the only address announced. */
  host?: string;
}

export const SERVICES_META = '_services._dns-sd._udp.local';
export const HEARTH_SERVICE = '_hearth._tcp.local';
export const MQTT_SERVICE = '_mqtt._tcp.local';
export const API_PATH = '/api/v1';

// RFC 6762 §10: 120 s for records tied to a host's addresses, 75 min for the others.
const HOST_TTL = 120;
const OTHER_TTL = 4500;

export interface MdnsNames {
  hearthInstance: string;
  mqttInstance: string | null;
  host: string;
}

export function mdnsNames(announcement: MdnsAnnouncement): MdnsNames {
  const label = instanceLabel(announcement.name);
  // Our own host name rather than the machine's: avahi or Bonjour already own `<machine>.local`,
  // and a second responder claiming it with other addresses would make them rename the machine.
  const idPart = announcement.hubId.replace(/[^a-z0-9]/gi, '').slice(0, 8) || 'hub';
  return {
    hearthInstance: `${label}.${HEARTH_SERVICE}`,
    mqttInstance: announcement.ports.mqtt === null ? null : `${label}.${MQTT_SERVICE}`,
    host: `hearth-${idPart.toLowerCase()}.local`,
  };
}

/** A DNS label: dots would split it (the encoder knows no escapes), and 63 bytes is the limit. */
function instanceLabel(name: string): string {
  let label =
    [...name]
      .map((char) => (char === '.' || char.charCodeAt(0) < 32 ? '-' : char))
      .join('')
      .trim() || 'Hearth';
  while (Buffer.byteLength(label) > 63) label = [...label].slice(0, -1).join('');
  return label;
}

export function txtEntries(announcement: MdnsAnnouncement): string[] {
  const { ports } = announcement;
  const entries = [`id=${announcement.hubId}`, `version=${announcement.version}`];
  if (ports.mqtt !== null) entries.push(`mqtt=${ports.mqtt}`);
  if (ports.ws !== null) entries.push(`ws=${ports.ws}`);
  if (ports.mqtts !== null) entries.push(`mqtts=${ports.mqtts}`);
  if (ports.https != null) entries.push(`https=${ports.https}`);
  entries.push(`path=${API_PATH}`);
  return entries;
}

/** Every record the hub owns, with full TTLs (or 0 for the goodbye). */
export function allRecords(
  announcement: MdnsAnnouncement,
  addresses: HostAddresses,
  ttl?: number,
): MdnsRecord[] {
  const names = mdnsNames(announcement);
  const hostTtl = ttl ?? HOST_TTL;
  const otherTtl = ttl ?? OTHER_TTL;
  // PTR records are shared (other hubs answer the same name); the rest are ours alone, so
  // their cache-flush bit tells caches to drop anything older (RFC 6762 §10.2).
  const records: MdnsRecord[] = [
    { name: SERVICES_META, type: 'PTR', ttl: otherTtl, data: HEARTH_SERVICE },
    { name: HEARTH_SERVICE, type: 'PTR', ttl: otherTtl, data: names.hearthInstance },
    {
      name: names.hearthInstance,
      type: 'SRV',
      ttl: hostTtl,
      flush: true,
      data: { priority: 0, weight: 0, port: announcement.ports.http, target: names.host },
    },
    {
      name: names.hearthInstance,
      type: 'TXT',
      ttl: otherTtl,
      flush: true,
      data: txtEntries(announcement),
    },
  ];
  if (names.mqttInstance !== null && announcement.ports.mqtt !== null) {
    records.push(
      { name: SERVICES_META, type: 'PTR', ttl: otherTtl, data: MQTT_SERVICE },
      { name: MQTT_SERVICE, type: 'PTR', ttl: otherTtl, data: names.mqttInstance },
      {
        name: names.mqttInstance,
        type: 'SRV',
        ttl: hostTtl,
        flush: true,
        data: { priority: 0, weight: 0, port: announcement.ports.mqtt, target: names.host },
      },
      // DNS-SD requires a TXT record for every instance, even an empty one (RFC 6763 §6.1).
      {
        name: names.mqttInstance,
        type: 'TXT',
        ttl: otherTtl,
        flush: true,
        data: [`id=${announcement.hubId}`],
      },
    );
  }
  for (const address of addresses.v4) {
    records.push({ name: names.host, type: 'A', ttl: hostTtl, flush: true, data: address });
  }
  for (const address of addresses.v6) {
    records.push({ name: names.host, type: 'AAAA', ttl: hostTtl, flush: true, data: address });
  }
  return records;
}

export interface QuestionLike {
  name: string;
  type: string;
}

export interface Answer {
  answers: MdnsRecord[];
  additionals: MdnsRecord[];
}

/**
 * The records that answer `questions`, and the additional records a browser would ask for next
 * (RFC 6763 §12: SRV and TXT after a PTR, the addresses after an SRV). `known` are the answers
 * the querier already holds (known-answer suppression, RFC 6762 §7.1).
 */
export function answerQuestions(
  records: MdnsRecord[],
  questions: QuestionLike[],
  known: ReadonlyArray<ResponseOutgoingPacket['answers'][number]> = [],
): Answer {
  const answers = new Map<string, MdnsRecord>();
  for (const question of questions) {
    const name = question.name.toLowerCase();
    for (const record of records) {
      if (record.name.toLowerCase() !== name) continue;
      if (question.type !== 'ANY' && question.type !== record.type) continue;
      if (known.some((k) => isKnown(k, record))) {
        continue;
      }
      answers.set(recordKey(record), record);
    }
  }
  const additionals = new Map<string, MdnsRecord>();
  const addFor = (name: string, types: string[]): void => {
    for (const record of records) {
      if (record.name.toLowerCase() !== name.toLowerCase() || !types.includes(record.type)) {
        continue;
      }
      const key = recordKey(record);
      if (!answers.has(key)) additionals.set(key, record);
    }
  };
  for (const record of answers.values()) {
    if (record.type === 'PTR' && record.name !== SERVICES_META) {
      addFor(record.data, ['SRV', 'TXT']);
    }
  }
  for (const record of [...answers.values(), ...additionals.values()]) {
    if (record.type === 'SRV') addFor(record.data.target, ['A', 'AAAA']);
  }
  return { answers: [...answers.values()], additionals: [...additionals.values()] };
}

function ttlOf(record: { ttl?: number }): number {
  return record.ttl ?? 0;
}

function isKnown(known: ResponseOutgoingPacket['answers'][number], ours: MdnsRecord): boolean {
  if (known.type === 'OPT') return false;
  // A known answer with less than half its life left is refreshed all the same.
  return sameRecord(known, ours) && ttlOf(known) >= ttlOf(ours) / 2;
}

function sameRecord(a: MdnsRecord, b: MdnsRecord): boolean {
  return (
    a.type === b.type && a.name.toLowerCase() === b.name.toLowerCase() && dataKey(a) === dataKey(b)
  );
}

function recordKey(record: MdnsRecord): string {
  return `${record.name.toLowerCase()}|${record.type}|${dataKey(record)}`;
}

function dataKey(record: MdnsRecord): string {
  const { data } = record as { data: unknown };
  if (typeof data === 'string') return data.toLowerCase();
  // A TXT record decodes as Buffers; compare its text.
  if (Array.isArray(data)) return JSON.stringify(data.map((d: unknown) => String(d)));
  if (Buffer.isBuffer(data)) return data.toString();
  return JSON.stringify(data);
}
