// The device registry: every device that ever asked to join, its decision, its secret's hash
// and what it last reported. Persisted in state.json; the retained `hearth/devices` topic and
// the device events keep every viewer current. The owner's decisions (approve, reject, remove,
// re-pair) go through here, and each one that takes rights away closes the device's
// connection at once and clears what it retained.
import type { DeviceKind, DeviceView } from '../../shared/devices.js';
import type {
  AccessDirectory,
  DeviceAccessView,
  IntegrationAccessView,
} from '../access/access-directory.js';
import { generateToken, hashToken } from '../auth/tokens.js';
import type { MessageBus } from '../broker/bus.js';
import type { EventBus } from '../events.js';
import type { Logger } from '../log.js';
import type { DeviceRecord } from '../store/state-schema.js';
import type { BridgeMapping } from '../../shared/bridge-mapping.js';
import type { StateStore } from '../store/state-store.js';
import { ApiError } from '../api/error-catalogue.js';
import { byJoiningOrder, toDeviceView } from './device-view.js';
import { newDeviceRecord } from './new-device-record.js';
import { DeviceListTopic } from './device-list-topic.js';
import { DeviceLiveness } from './device-liveness.js';
import { ReportedState } from './reported-state.js';
import { mosquittoPasswordHash } from '../broker-config/mosquitto-password.js';
import { deviceTopic } from './topics.js';

export interface DeviceRegistryOptions {
  store: StateStore;
  events: EventBus;
  /** Publishes as the hub (the broker may start after the registry is made). */
  publish: MessageBus['publish'];
  /** Closes a client's connection at once (the embedded broker's disconnectClient). */
  kick: (clientId: string) => void;
  /** Integration accounts, looked up for the access rules. */
  integration: (id: string) => IntegrationAccessView | undefined;
  log: Logger;
}

export class DeviceRegistry implements AccessDirectory {
  /** Secrets not yet used, kept in memory only, so a joining device can be sent its secret again. */
  private readonly unusedSecrets = new Map<string, string>();
  private readonly reported: ReportedState;
  private readonly liveness: DeviceLiveness;
  private readonly listTopic: DeviceListTopic;

  constructor(private readonly options: DeviceRegistryOptions) {
    this.reported = new ReportedState(options.store);
    this.listTopic = new DeviceListTopic(() => this.list(), options.publish, options.log);
    this.liveness = new DeviceLiveness({
      reported: this.reported,
      events: options.events,
      publish: options.publish,
      listChanged: () => this.publishList(),
    });
  }

  /** Every state report of an approved device, changed or not (a lock confirming a command). */
  onReport(listener: (id: string, state: string) => void): () => void {
    return this.liveness.onReport(listener);
  }

  // ---- reading -------------------------------------------------------------------------

  list(): DeviceView[] {
    return Object.values(this.options.store.state.devices)
      .map((record) => this.view(record))
      .sort(byJoiningOrder);
  }

  get(id: string): DeviceView {
    return this.view(this.record(id));
  }

  find(id: string): DeviceRecord | undefined {
    const record = Object.hasOwn(this.options.store.state.devices, id)
      ? this.options.store.state.devices[id]
      : undefined;
    return record && this.reported.merged(record);
  }

  isOnline(id: string): boolean {
    return this.liveness.isOnline(id);
  }

  // ---- AccessDirectory -------------------------------------------------------------------

  device(id: string): DeviceAccessView | undefined {
    const record = this.find(id);
    return (
      record && {
        status: record.status,
        secretHash: record.secretHash,
        secretUsed: record.secretUsed,
        bridged: record.bridge !== null,
      }
    );
  }

  allowDevicesWithoutSecret(): boolean {
    return this.options.store.state.settings.devices.allowWithoutSecret;
  }

  integration(id: string): IntegrationAccessView | undefined {
    return this.options.integration(id);
  }

  deviceLoggedIn(id: string, withSecret: boolean): void {
    const record = this.find(id);
    if (!record || record.status !== 'approved') return;
    const now = new Date().toISOString();
    if (withSecret && !record.secretUsed) {
      // From now on this id connects only with its secret; the copy in memory is not needed.
      this.unusedSecrets.delete(id);
      this.change(
        id,
        (draft) => {
          draft.secretUsed = true;
          draft.lastSeen = now;
        },
        'soon',
      );
    }
  }

  // ---- joining ---------------------------------------------------------------------------
  // A join is written with the next batch of the store (putDevice 'soon'), not on its own: a
  // thousand devices joining at once would otherwise rewrite state.json three thousand times.
  // What a device is told (its secret, its status) waits for whenSaved(), so a crash never
  // loses a join the device was told about.

  /** Resolves once every join so far is in state.json; answers to devices wait for it. */
  whenSaved(): Promise<void> {
    return this.options.store.whenSaved();
  }

  /** Adds a device that asked to join, as pending (or approved while joining is open). */
  addJoining(
    id: string,
    kind: DeviceKind,
    name: string,
    address: string,
    approve: boolean,
  ): DeviceRecord {
    this.options.store.putDevice(id, newDeviceRecord(id, kind, name, address, null), 'soon');
    if (approve) return this.approveRecord(id, 'soon');
    // It asked over its connection: it is there, waiting (shown online, not offline).
    this.liveness.setWaiting(id, true);
    this.announce('device_pending', id);
    return this.record(id);
  }

  /**
   * A device a bridge announced (a discovery config, a Frigate camera): pending until the owner
   * approves it, or approved at once where the owner's consent came first (Frigate: making its
   * integration account). Nothing connects under its id; its bridge's topics carry it.
   */
  addBridged(
    id: string,
    kind: DeviceKind,
    name: string,
    bridge: BridgeMapping,
    approve: boolean,
  ): DeviceRecord {
    if (this.find(id)) throw new ApiError('invalid_input', `there is already a device "${id}"`);
    const address = bridge.integrationId
      ? `integration ${bridge.integrationId}`
      : 'external broker';
    this.options.store.putDevice(id, newDeviceRecord(id, kind, name, address, bridge), 'now');
    if (approve) return this.approveRecord(id, 'now');
    this.announce('device_pending', id);
    return this.record(id);
  }

  /** A bridge announced a device again (new topics or payloads); the owner's decision stands. */
  updateBridged(id: string, bridge: BridgeMapping): void {
    const record = this.record(id);
    if (JSON.stringify(record.bridge) === JSON.stringify(bridge)) return;
    this.change(id, (draft) => void (draft.bridge = bridge));
    this.announce('device_updated', id);
  }

  /** A pending device asked again: note where from, and its kind and name as it says now. */
  refreshJoining(id: string, kind: DeviceKind, name: string, address: string): void {
    this.change(
      id,
      (draft) => {
        draft.address = address;
        draft.kind = kind;
        draft.name = name;
        draft.lastSeen = new Date().toISOString();
      },
      'soon',
    );
    if (this.find(id)?.status === 'pending') this.liveness.setWaiting(id, true);
  }

  /**
   * The secret to send a joining device: the unused one from memory, or (after a restart, when
   * only its hash is left) a fresh one replacing it. Null once the device has used its secret.
   */
  secretToDeliver(id: string): string | null {
    const record = this.record(id);
    if (record.status !== 'approved' || record.secretUsed) return null;
    const kept = this.unusedSecrets.get(id);
    if (kept && record.secretHash === hashToken(kept)) return kept;
    return this.issueSecret(id);
  }

  /** The secret just given to a device, while it has not logged in with it (memory only). */
  unusedSecret(id: string): string | undefined {
    return this.unusedSecrets.get(id);
  }

  // ---- the owner's decisions ---------------------------------------------------------------

  /** The owner's approval is written at once; `soon` is for a hand_shake while joining is open. */
  approve(id: string, when: 'now' | 'soon' = 'now'): DeviceView {
    const record = this.record(id);
    // Approving an approved device changes nothing: no new secret (contract 2.3.3).
    if (record.status === 'approved') return this.view(record);
    return this.view(this.approveRecord(id, when));
  }

  reject(id: string): DeviceView {
    this.record(id);
    this.revoke(id);
    this.change(id, (draft) => {
      draft.status = 'rejected';
      draft.secretHash = null;
      draft.brokerHash = null;
      draft.secretUsed = false;
    });
    this.announce('device_rejected', id);
    return this.get(id);
  }

  /** A factory-reset device: its secret is revoked; it joins again, keeping name and history. */
  repair(id: string): DeviceView {
    this.record(id);
    this.revoke(id);
    this.change(id, (draft) => {
      draft.status = 'pending';
      draft.secretHash = null;
      draft.brokerHash = null;
      draft.secretUsed = false;
    });
    this.announce('device_pending', id);
    return this.get(id);
  }

  remove(id: string): void {
    const { name } = this.record(id);
    this.revoke(id);
    this.options.store.putDevice(id, null, 'now');
    this.options.events.emit('device_left', { id, name, reason: 'removed by the owner' });
    this.publishList();
  }

  update(
    id: string,
    changes: { name?: string | undefined; kind?: DeviceKind | undefined },
  ): DeviceView {
    this.record(id);
    this.change(id, (draft) => {
      if (changes.name !== undefined) draft.name = changes.name;
      if (changes.kind !== undefined) draft.kind = changes.kind;
    });
    this.announce('device_updated', id);
    return this.get(id);
  }

  // ---- what devices report ------------------------------------------------------------------

  setOnline(id: string, online: boolean): void {
    const record = this.find(id);
    if (record?.status === 'approved') this.liveness.setOnline(record, online);
  }

  /** A connection without a secret came or went: it counts only for a device still waiting. */
  setWaitingConnected(id: string, online: boolean): void {
    const record = this.find(id);
    if (record?.status === 'pending' && !record.bridge) this.liveness.setWaiting(id, online);
  }

  recordState(id: string, state: string, battery: number | null): void {
    const record = this.find(id);
    if (record?.status === 'approved') this.liveness.recordState(record, state, battery);
  }

  /** The retained `hearth/devices` list, coalesced (DeviceListTopic). */
  publishList(): void {
    this.listTopic.changed();
  }

  stop(): void {
    this.listTopic.stop();
  }

  // ---- inside -------------------------------------------------------------------------------

  /** Approved and given its secret in one write (a thousand devices joining at once). */
  private approveRecord(id: string, when: 'now' | 'soon'): DeviceRecord {
    if (this.find(id)?.bridge) {
      // Reached through its bridge's topics: it never logs in, so it gets no secret.
      this.change(id, (draft) => void (draft.status = 'approved'), when);
      this.announce('device_joined', id);
      return this.record(id);
    }
    // Its connection while it waited does not make it online as an approved device: that takes
    // a login with its secret (a lock command sent before would never be confirmed).
    this.liveness.setWaiting(id, false);
    const secret = generateToken();
    this.unusedSecrets.set(id, secret);
    this.change(
      id,
      (draft) => {
        draft.status = 'approved';
        draft.secretHash = hashToken(secret);
        draft.brokerHash = mosquittoPasswordHash(secret);
        draft.secretUsed = false;
      },
      when,
    );
    // Sent once its hash is saved, in case the device is listening; again on each hand_shake
    // until it is used.
    void this.whenSaved()
      .then(() =>
        this.options.publish(deviceTopic(id, 'hand_shake'), `approved ${secret}`, { qos: 1 }),
      )
      .catch(() => {});
    this.announce('device_joined', id);
    return this.record(id);
  }

  private issueSecret(id: string): string {
    // Its connection while it waited does not make it online as an approved device: that takes
    // a login with its secret (a lock command sent before would never be confirmed).
    this.liveness.setWaiting(id, false);
    const secret = generateToken();
    this.unusedSecrets.set(id, secret);
    this.change(
      id,
      (draft) => {
        draft.secretHash = hashToken(secret);
        draft.brokerHash = mosquittoPasswordHash(secret);
        draft.secretUsed = false;
      },
      'soon',
    );
    return secret;
  }

  /** Takes a device's rights away now: connection closed, secret gone, retained messages cleared. */
  private revoke(id: string): void {
    this.unusedSecrets.delete(id);
    this.reported.forget(id);
    this.options.kick(id);
    this.liveness.forget(id);
    for (const topic of ['state', 'availability'] as const) {
      // An empty retained message removes the retained one (MQTT-3.3.1-10/11).
      void this.options
        .publish(deviceTopic(id, topic), '', { qos: 1, retain: true })
        .catch(() => {});
    }
  }

  /** Changes one record: 'now' for the owner's decisions, 'soon' for joining (see above). */
  private change(
    id: string,
    mutate: (draft: DeviceRecord) => void,
    when: 'now' | 'soon' = 'now',
  ): void {
    const { devices } = this.options.store.state;
    if (!Object.hasOwn(devices, id)) return;
    const draft = { ...devices[id]! };
    mutate(draft);
    this.options.store.putDevice(id, draft, when);
  }

  private announce(
    type: 'device_joined' | 'device_pending' | 'device_rejected' | 'device_updated',
    id: string,
  ): void {
    this.options.events.emit(type, { device: this.get(id) });
    this.publishList();
  }

  private record(id: string): DeviceRecord {
    const record = this.find(id);
    if (!record) throw new ApiError('unknown_device', `there is no device "${id}"`, { id });
    return record;
  }

  private view(record: DeviceRecord): DeviceView {
    return toDeviceView(record, this.liveness.isOnline(record.id));
  }
}
