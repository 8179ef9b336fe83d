// --broker-dynsec: while Hearth runs on a Mosquitto with the dynamic-security plugin, the
// plugin follows the devices through its own API ($CONTROL/dynamic-security/v1), because it
// reads its file only at start. Each time the state is on disk, what changed since the last
// sync becomes commands: a device approved (its client, bound to its id, with the secret it was
// just given: the plugin takes passwords in the clear and hashes them itself), its first login
// (its id closed to anonymous clients), a device rejected, re-paired or removed (its client
// gone). Commands wait while the broker is away and go out when it is back, in order.
import type { HubBroker } from '../broker/hub-broker.js';
import type { Logger } from '../log.js';
import type { HubState } from '../store/state-schema.js';
import type { NotInStep } from './keep-in-step.js';
import { DYNSEC_TOPIC, dynsecCommands, type DynsecCommand } from './mosquitto-dynsec.js';

export interface DynsecInStepOptions {
  broker: Pick<HubBroker, 'publish' | 'connection' | 'onConnectionChange' | 'subscribe'>;
  onSaved: (listener: (state: Readonly<HubState>) => void) => () => void;
  state: () => Readonly<HubState>;
  /** The secret a device was just given, while Hearth still holds it (until its first login). */
  secretOf: (id: string) => string | undefined;
  onProblem: (problem: NotInStep | null) => void;
  log: Logger;
}

interface Synced {
  brokerHash: string;
  closed: boolean;
}

// Answers the plugin gives for a command that found things as Hearth wanted them already.
const HARMLESS = /already exists|not found/i;

export function keepDynsecInStep(options: DynsecInStepOptions): () => void {
  const { broker, log } = options;
  // The plugin's file was exported from this state (or kept in step by an earlier run).
  const synced = new Map<string, Synced>();
  for (const device of Object.values(options.state().devices)) {
    const now = wanted(device);
    if (now) synced.set(device.id, now);
  }
  const queue: DynsecCommand[][] = [];
  let sending = false;

  const flush = async (): Promise<void> => {
    if (sending) return;
    sending = true;
    try {
      while (queue.length > 0 && broker.connection.state === 'connected') {
        const batch = queue[0]!;
        try {
          await broker.publish(DYNSEC_TOPIC, JSON.stringify({ commands: batch }), { qos: 1 });
          queue.shift();
        } catch {
          return; // the broker went away: the rest waits for it to come back
        }
      }
    } finally {
      sending = false;
    }
  };

  const sync = (state: Readonly<HubState>): void => {
    const missingSecret: string[] = [];
    const present = new Set<string>();
    for (const device of Object.values(state.devices)) {
      const now = wanted(device);
      const before = synced.get(device.id);
      if (!now) continue;
      present.add(device.id);
      if (!before || before.brokerHash !== now.brokerHash) {
        const secret = options.secretOf(device.id);
        if (secret === undefined) {
          missingSecret.push(device.id);
          continue;
        }
        queue.push([
          ...(before ? dynsecCommands.removeDevice(device.id) : []),
          ...dynsecCommands.addDevice(device.id, secret),
          ...(now.closed ? dynsecCommands.closeJoining(device.id) : []),
        ]);
        synced.set(device.id, now);
      } else if (now.closed && !before.closed) {
        queue.push(dynsecCommands.closeJoining(device.id));
        synced.set(device.id, now);
      }
    }
    for (const id of [...synced.keys()]) {
      if (present.has(id)) continue;
      queue.push(dynsecCommands.removeDevice(id));
      synced.delete(id);
    }
    options.onProblem(
      missingSecret.length === 0
        ? null
        : {
            problem: 'secret_not_sent',
            folder: null,
            error: null,
            devices: missingSecret.join(', '),
            count: missingSecret.length,
          },
    );
    void flush();
  };

  const stops = [
    options.onSaved(sync),
    broker.onConnectionChange((connection) => {
      if (connection.state === 'connected') void flush();
    }),
    broker.subscribe(`${DYNSEC_TOPIC}/response`, (message) => {
      for (const problem of refusals(message.payload)) {
        log.warn('the broker refused a dynamic-security command', { problem });
      }
    }),
  ];
  return () => stops.forEach((stop) => stop());
}

function wanted(device: HubState['devices'][string]): Synced | null {
  if (device.status !== 'approved' || device.brokerHash === null) return null;
  return { brokerHash: device.brokerHash, closed: device.secretUsed };
}

/** The errors in a plugin response, but for those that mean "already as wanted". */
function refusals(payload: Buffer): string[] {
  try {
    const parsed = JSON.parse(payload.toString('utf8')) as {
      responses?: Array<{ command?: string; error?: string }>;
    };
    return (parsed.responses ?? [])
      .filter((response) => response.error && !HARMLESS.test(response.error))
      .map((response) => `${response.command ?? '?'}: ${response.error}`);
  } catch {
    return [];
  }
}
