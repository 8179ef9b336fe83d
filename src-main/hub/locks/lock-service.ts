// The one lock service every path calls (HTTP, MQTT actions, the panel, action files,
// auto-relock). It sends LOCK/UNLOCK/OPEN on the lock's `set` topic and resolves on the lock's
// own word (contract 2.4): the target state confirms, JAMMED fails at once, silence fails as
// "no confirmation". An offline lock fails at once and nothing is queued for it: an unlock
// delivered hours late is a break-in. A newer command for the same lock supersedes the older.
import type { MessageBus } from '../broker/bus.js';
import { BrokerUnavailableError, type HubBroker } from '../broker/hub-broker.js';
import type { DeviceRegistry } from '../devices/device-registry.js';
import { deviceTopic } from '../devices/topics.js';
import type { DeviceRecord } from '../store/state-schema.js';
import type { EventBus } from '../events.js';
import type { AuditLog } from './audit-log.js';
import {
  TARGET_STATE,
  type CommandResult,
  type CommandWord,
  type LockErrorCode,
  type Requester,
} from './lock-types.js';

interface InFlight {
  command: CommandWord;
  finish: (result: CommandResult) => void;
}

export interface LockServiceOptions {
  registry: DeviceRegistry;
  publish: MessageBus['publish'];
  /** Commands fail at once as broker_unavailable while it is not connected (never queued). */
  broker?: Pick<HubBroker, 'connection' | 'onConnectionChange' | 'description'>;
  audit: AuditLog;
  events: EventBus;
  confirmTimeoutMs: () => number;
}

export class LockService {
  private readonly inFlight = new Map<string, InFlight>();
  private readonly stopReports: () => void;
  private readonly stopBrokerWatch: () => void;

  constructor(private readonly options: LockServiceOptions) {
    this.stopReports = options.registry.onReport((id, state) => this.onReport(id, state));
    // A command in flight when the broker goes away cannot be confirmed any more: it fails now,
    // as broker_unavailable, rather than waiting out its timeout as "no confirmation".
    this.stopBrokerWatch =
      options.broker?.onConnectionChange((connection) => {
        if (connection.state === 'connected') return;
        for (const [id, flight] of [...this.inFlight]) {
          const name = this.options.registry.find(id)?.name ?? id;
          flight.finish(
            this.failure(
              id,
              'broker_unavailable',
              this.brokerMessage(`before ${name} confirmed`),
              0,
            ),
          );
        }
      }) ?? (() => {});
  }

  /** Approved locks, for lock-all. */
  lockIds(): string[] {
    return this.options.registry
      .list()
      .filter((device) => device.kind === 'lock' && device.status === 'approved')
      .map((device) => device.id);
  }

  async command(id: string, command: CommandWord, who: Requester): Promise<CommandResult> {
    const started = performance.now();
    const result = await this.run(id, command, started);
    const device = this.options.registry.find(id);
    this.options.audit.record({
      lockId: id,
      lockName: device?.name ?? id,
      command,
      source: who.source,
      actor: who.actor,
      by: who.by,
      result: result.ok ? 'ok' : result.code,
      state: result.state,
      ms: result.ms,
      ...(result.ok ? {} : { message: result.message }),
    });
    this.options.events.emit('lock_command', {
      id,
      command,
      source: who.source,
      result: result.ok ? 'ok' : result.code,
      ms: result.ms,
      by: who.by,
    });
    return result;
  }

  stop(): void {
    this.stopReports();
    this.stopBrokerWatch();
    for (const [id, flight] of this.inFlight) {
      flight.finish(this.failure(id, 'no_confirmation', 'the hub is stopping', 0));
    }
  }

  private run(id: string, command: CommandWord, started: number): Promise<CommandResult> {
    const elapsed = (): number => Math.round(performance.now() - started);
    const device = this.options.registry.find(id);
    if (!device || device.status !== 'approved') {
      return Promise.resolve(
        this.failure(id, 'unknown_device', `there is no approved device "${id}"`, elapsed()),
      );
    }
    if (device.kind !== 'lock') {
      return Promise.resolve(
        this.failure(id, 'not_a_lock', `${device.name} is a ${device.kind}, not a lock`, elapsed()),
      );
    }
    // Checked before "offline": with the broker away, every lock looks offline, and the
    // broker is what the owner must fix.
    if (this.options.broker && this.options.broker.connection.state !== 'connected') {
      return Promise.resolve(
        this.failure(id, 'broker_unavailable', this.brokerMessage(), elapsed()),
      );
    }
    if (!this.options.registry.isOnline(id)) {
      return Promise.resolve(
        this.failure(
          id,
          'offline',
          `${device.name} is offline; the command was not sent`,
          elapsed(),
        ),
      );
    }
    const target = commandTarget(device, command);
    if ('problem' in target) {
      return Promise.resolve(this.failure(id, 'not_supported', target.problem, elapsed()));
    }
    const previous = this.inFlight.get(id);
    previous?.finish(
      this.failure(
        id,
        'superseded',
        `a newer ${command} for ${device.name} replaced this command`,
        elapsed(),
      ),
    );

    return new Promise<CommandResult>((resolve) => {
      const timer = setTimeout(() => {
        const last = this.stateOf(id);
        flight.finish(
          this.failure(
            id,
            'no_confirmation',
            `${device.name} did not confirm ${TARGET_STATE[command]} within ${this.options.confirmTimeoutMs()} ms; it last reported ${last}`,
            elapsed(),
          ),
        );
      }, this.options.confirmTimeoutMs());
      const flight: InFlight = {
        command,
        finish: (result) => {
          clearTimeout(timer);
          if (this.inFlight.get(id) === flight) this.inFlight.delete(id);
          resolve({ ...result, ms: elapsed() });
        },
      };
      this.inFlight.set(id, flight);
      this.options
        .publish(target.topic, target.payload, {
          qos: 1,
          retain: false,
          expirySeconds: this.options.confirmTimeoutMs() / 1000,
        })
        .then(() => {
          // An optimistic lock (no state topic) cannot say what it did: never "locked".
          if (target.confirmable) return;
          flight.finish(
            this.failure(
              id,
              'no_confirmation',
              `${command} was sent to ${device.name}, but it cannot report its state (its bridge announced no state topic), so Hearth cannot say whether it worked`,
              elapsed(),
            ),
          );
        })
        .catch((error: unknown) => {
          const unavailable = error instanceof BrokerUnavailableError;
          flight.finish(
            this.failure(
              id,
              unavailable ? 'broker_unavailable' : 'offline',
              unavailable
                ? this.brokerMessage()
                : `the command could not be sent: ${String(error)}`,
              elapsed(),
            ),
          );
        });
    });
  }

  /**
   * Fails a command in flight for a reason outside the lock (its bridge announced new topics or
   * payloads mid-command: what it answers can no longer be read as the answer to this).
   */
  cancel(id: string, message: string): void {
    this.inFlight.get(id)?.finish(this.failure(id, 'superseded', message, 0));
  }

  /** Only reports that arrive after the command was sent count: a stale state confirms nothing. */
  private onReport(id: string, state: string): void {
    const flight = this.inFlight.get(id);
    if (!flight) return;
    if (state === TARGET_STATE[flight.command]) {
      flight.finish({ ok: true, id, state: state.toLowerCase(), ms: 0 });
    } else if (state === 'JAMMED') {
      const name = this.options.registry.find(id)?.name ?? id;
      flight.finish(this.failure(id, 'jammed', `${name} reported JAMMED`, 0));
    }
    // LOCKING/UNLOCKING and states it was not asked for: keep waiting for its word.
  }

  /** Without `inFlight`: nothing was sent. With it: the command went out, unconfirmed. */
  private brokerMessage(inFlight?: string): string {
    const broker = this.options.broker;
    const at = broker ? ` at ${broker.description}` : '';
    const why = broker?.connection.error ? ` (${broker.connection.error})` : '';
    return inFlight
      ? `the connection to the MQTT broker${at} was lost ${inFlight}${why}; it is not known whether the lock got the command`
      : `the MQTT broker${at} is unavailable${why}; the command was not sent`;
  }

  private stateOf(id: string): string {
    return this.options.registry.find(id)?.state?.toLowerCase() ?? 'unknown';
  }

  private failure(id: string, code: LockErrorCode, message: string, ms: number): CommandResult {
    return { ok: false, id, state: this.stateOf(id), ms, code, message };
  }
}

/** Where a command goes and what it says: the lock's own `set`, or its bridge's topic. */
function commandTarget(
  device: DeviceRecord,
  command: CommandWord,
): { topic: string; payload: string; confirmable: boolean } | { problem: string } {
  const mapping = device.bridge?.lock;
  if (!device.bridge)
    return { topic: deviceTopic(device.id, 'set'), payload: command, confirmable: true };
  if (!mapping)
    return { problem: `${device.name} has no lock commands in its bridge's announcement` };
  const payload =
    command === 'LOCK'
      ? mapping.payloadLock
      : command === 'UNLOCK'
        ? mapping.payloadUnlock
        : mapping.payloadOpen;
  if (payload === null) {
    return { problem: `${device.name} cannot unlatch: its bridge announced no open command` };
  }
  return { topic: mapping.commandTopic, payload, confirmable: mapping.stateTopic !== null };
}
