// Announces the hub on the LAN with multicast DNS (RFC 6762) and DNS-SD (RFC 6763), so phones
// and devices find it without typing an address: `_hearth._tcp` (the HTTP API) and, when the
// broker listens, `_mqtt._tcp`. mDNS is a convenience: any socket trouble is one warning and
// the hub runs on without it.
import type { RemoteInfo } from 'node:dgram';
import makeMdns from 'multicast-dns';
import type { MulticastDNS, QueryPacket } from 'multicast-dns';
import type { Logger } from '../log.js';
import { hostAddresses } from './host-addresses.js';
import {
  allRecords,
  answerQuestions,
  mdnsNames,
  type MdnsAnnouncement,
  type MdnsRecord,
} from './mdns-records.js';

export type { MdnsAnnouncement } from './mdns-records.js';
export { shouldAnnounce } from './should-announce.js';

export interface MdnsAnnouncer {
  /** Sends goodbye packets (TTL 0) and closes the socket; bounded in time, safe to repeat. */
  stop(): Promise<void>;
}

const MDNS_PORT = 5353;
// RFC 6762 §8.3: at least two announcements a second apart; the gap may double each time.
const ANNOUNCE_DELAYS_MS = [0, 1000, 3000];
// How long start waits for the socket to bind, and stop for the goodbye and the close.
const BIND_TIMEOUT_MS = 3000;
const STOP_STEP_TIMEOUT_MS = 1000;
// RFC 6762 §6.7: answers to a legacy (non-5353) querier carry at most a 10 s TTL.
const LEGACY_TTL = 10;

export async function startMdnsAnnouncer(
  announcement: MdnsAnnouncement,
  log: Logger,
): Promise<MdnsAnnouncer> {
  const names = mdnsNames(announcement);
  const ourNames = new Set(
    [names.hearthInstance, names.mqttInstance, names.host]
      .filter((name): name is string => name !== null)
      .map((name) => name.toLowerCase()),
  );
  // Answers are built on demand so that an address the machine gains later is answered too.
  const records = (ttl?: number): MdnsRecord[] =>
    allRecords(announcement, hostAddresses(announcement.host), ttl);

  let warned = false;
  let broken = false;
  const problem = (error: unknown, context: string): void => {
    if (warned) {
      log.debug(`mDNS: ${context}`, { error });
      return;
    }
    warned = true;
    log.warn(`mDNS announcement unavailable (${context}); the hub runs on without it`, {
      error,
    });
  };

  let mdns: MulticastDNS;
  try {
    mdns = makeMdns({ port: MDNS_PORT, reuseAddr: true, loopback: true });
  } catch (error) {
    problem(error, 'cannot open a socket');
    return { stop: async () => {} };
  }
  // Unheard, an 'error' event would throw and end the hub.
  mdns.on('error', (error: Error) => {
    broken = true;
    problem(error, 'socket error');
  });
  // Warnings: an interface refused to join the group (retried every 5 s), an undecodable
  // packet from the LAN. Each kind once, at debug: none of it stops the announcement.
  const seenWarnings = new Set<string>();
  mdns.on('warning', (error: Error) => {
    if (seenWarnings.has(error.message) || seenWarnings.size >= 20) return;
    seenWarnings.add(error.message);
    log.debug('mDNS warning', { error });
  });

  const ready = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), BIND_TIMEOUT_MS);
    mdns.once('ready', () => {
      clearTimeout(timer);
      resolve(true);
    });
    mdns.once('error', () => {
      clearTimeout(timer);
      resolve(false);
    });
  });
  if (!ready || broken) {
    if (!ready && !broken) problem(new Error('timed out binding port 5353'), 'cannot bind');
    await closeQuietly(mdns);
    return { stop: async () => {} };
  }

  const timers = new Set<NodeJS.Timeout>();
  const later = (delay: number, run: () => void): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, delay);
    timer.unref();
    timers.add(timer);
  };
  const send = (
    packet: { answers: MdnsRecord[]; additionals?: MdnsRecord[] } & Partial<QueryPacket>,
    to?: RemoteInfo,
  ): void => {
    if (broken) return;
    const sent = (error: Error | null): void => {
      if (error) problem(error, 'cannot send');
    };
    try {
      if (to) mdns.respond(packet, { address: to.address, port: to.port }, sent);
      else mdns.respond(packet, sent);
    } catch (error) {
      // Encoding runs synchronously here; whatever a stranger's query led to, not our crash.
      problem(error, 'cannot encode a reply');
    }
  };

  const answer = (query: QueryPacket, from: RemoteInfo): void => {
    if (!query.questions.some((q) => isOurs(q.name, ourNames))) return;
    const { answers, additionals } = answerQuestions(records(), query.questions, query.answers);
    if (answers.length === 0) return;
    if (from.port !== MDNS_PORT) {
      // A one-shot (legacy) resolver wants a plain DNS reply, sent back to it (§6.7).
      const cap = (r: MdnsRecord): MdnsRecord => ({ ...r, ttl: LEGACY_TTL, flush: false });
      const reply = { id: query.id, questions: query.questions };
      send({ ...reply, answers: answers.map(cap), additionals: additionals.map(cap) }, from);
      return;
    }
    // Shared records (PTR) are answered after 20–120 ms so that several responders on the
    // LAN do not collide (§6); our unique records go out at once.
    const shared = answers.some((r) => r.type === 'PTR');
    if (shared) later(20 + Math.random() * 100, () => send({ answers, additionals }));
    else send({ answers, additionals });
  };

  mdns.on('query', (query: QueryPacket, from: RemoteInfo) => {
    try {
      answer(query, from);
    } catch (error) {
      // Queries come from anyone on the LAN: an odd one is skipped, never thrown at the hub.
      log.debug('mDNS: skipped a query', { error });
    }
  });
  for (const delay of ANNOUNCE_DELAYS_MS) later(delay, () => send({ answers: records() }));
  log.info('announcing the hub with mDNS', {
    service: names.hearthInstance,
    host: names.host,
    mqtt: names.mqttInstance,
  });

  let stopping: Promise<void> | null = null;
  const stop = async (): Promise<void> => {
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    if (!broken) {
      // Goodbye (§10.1): the same records with TTL 0, so caches drop the hub at once.
      await withTimeout(
        new Promise<void>((resolve) => mdns.respond({ answers: records(0) }, () => resolve())),
        STOP_STEP_TIMEOUT_MS,
      );
    }
    broken = true;
    await closeQuietly(mdns);
  };
  return { stop: () => (stopping ??= stop()) };
}

function isOurs(name: string, ours: Set<string>): boolean {
  const lower = name.toLowerCase();
  // Service browsers ask for the types; resolvers ask for our instance and host names.
  return (
    ours.has(lower) ||
    lower === '_services._dns-sd._udp.local' ||
    lower === '_hearth._tcp.local' ||
    lower === '_mqtt._tcp.local'
  );
}

async function closeQuietly(mdns: MulticastDNS): Promise<void> {
  await withTimeout(
    new Promise<void>((resolve) => {
      try {
        mdns.destroy(() => resolve());
      } catch {
        resolve(); // an already closed socket: nothing left to close
      }
    }),
    STOP_STEP_TIMEOUT_MS,
  );
}

function withTimeout(promise: Promise<void>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    timer.unref();
    void promise.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
