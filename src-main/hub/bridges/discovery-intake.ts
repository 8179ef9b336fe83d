// Home Assistant MQTT discovery (issue 11): configs under `<prefix>/…/config` become devices
// waiting for the owner's approval, exactly like a device's hand_shake. Only an integration
// account (or an admin token) may announce devices on Hearth's own broker, and only devices whose
// topics lie inside its rights; on an external broker the broker decided who may publish there.
// An announced device that changes its topics or payloads mid-command fails that command; an
// empty config withdraws it, and removing it then waits for the owner.
import type { CodesOfKind } from '../../shared/messages/activity.js';
import { activityEntry } from '../activity/activity-entry.js';
import type { ActivityLog } from '../activity/activity-log.js';
import type { InboundMessage, MessageBus } from '../broker/bus.js';
import type { IntegrationAccessView } from '../access/access-directory.js';
import type { DeviceRegistry } from '../devices/device-registry.js';
import type { Logger } from '../log.js';
import type { LockService } from '../locks/lock-service.js';
import type { Settings } from '../store/state-schema.js';
import type { BridgeMapping } from '../../shared/bridge-mapping.js';
import { outsideRights } from './bridge-rights.js';
import { parseDiscoveryTopic } from './ha/discovery-topic.js';
import { parseDiscoveryConfig, type DiscoveredEntity } from './ha/parse-discovery.js';
import { SenderBudget } from './sender-budget.js';

type DiscoveryRefusal = CodesOfKind<'discovery_refused'>;

export interface DiscoveryIntakeDeps {
  bus: MessageBus;
  registry: DeviceRegistry;
  locks: Pick<LockService, 'cancel'>;
  settings: () => Settings['discovery'];
  onSettingsChange: (listener: () => void) => () => void;
  integration: (id: string) => IntegrationAccessView | undefined;
  activity: Pick<ActivityLog, 'record'>;
  /** On an external broker, messages carry no sender: the broker's rules are the gate. */
  external: boolean;
  /** Calls back when the owner approves a device a discovery config announced. */
  onApproved: (listener: () => void) => () => void;
  /** Calls back each time an external broker is reachable again (to say the birth message). */
  onBrokerBack: (listener: () => void) => () => void;
  log: Logger;
}

/** More bridged devices than this and new announcements are refused (a flood of configs). */
export const MAX_BRIDGED_DEVICES = 500;

export function startDiscoveryIntake(deps: DiscoveryIntakeDeps): () => void {
  const budget = new SenderBudget({ perWindow: 30, windowMs: 10_000 });
  let unsubscribe: Array<() => void> = [];
  let prefix = '';

  const listen = (): void => {
    const settings = deps.settings();
    const wanted = settings.homeAssistant ? settings.homeAssistantPrefix : '';
    if (wanted === prefix) return;
    unsubscribe.forEach((stop) => stop());
    unsubscribe = [];
    prefix = wanted;
    if (!prefix) return;
    const handle = (message: InboundMessage): void => received(message);
    // `<prefix>/<component>/<object>/config` (device-based too) and the form with a node id.
    unsubscribe.push(deps.bus.subscribe(`${prefix}/+/+/config`, handle));
    unsubscribe.push(deps.bus.subscribe(`${prefix}/+/+/+/config`, handle));
    birth();
  };

  // Home Assistant's birth message: bridges announce (again) when they hear it.
  const birth = (): void => {
    if (prefix) void deps.bus.publish(`${prefix}/status`, 'online', { qos: 1 }).catch(() => {});
  };

  /** `detail`: the config's problem in the bridge's own terms, for whoever set the bridge up. */
  const refuse = (
    message: InboundMessage,
    why: Exclude<DiscoveryRefusal, 'discovery_bad_config'> | { detail: string },
  ): void => {
    const topic = message.topic.slice(0, 200);
    const extras = {
      actor: message.clientId ?? 'broker',
      data: { topic: message.topic.slice(0, 512) },
    };
    deps.activity.record(
      typeof why === 'string'
        ? activityEntry(why, { topic }, extras)
        : activityEntry('discovery_bad_config', { topic, detail: why.detail }, extras),
    );
  };

  const received = (message: InboundMessage): void => {
    const sender = senderOf(message, deps.external);
    if (sender === null) return refuse(message, 'discovery_not_an_integration');
    if (!budget.take(sender.key)) {
      if (budget.firstRefusal(sender.key)) refuse(message, 'discovery_burst');
      return;
    }
    const topic = parseDiscoveryTopic(message.topic, prefix);
    if (!topic) return refuse(message, 'discovery_unknown_topic');
    const outcome = parseDiscoveryConfig(topic, message.payload);
    if (outcome.kind === 'refused') return refuse(message, { detail: outcome.problem });
    if (outcome.kind === 'removed') return withdraw(message.topic);
    for (const entity of outcome.entities) {
      const problem = announce(entity, message.topic, sender.integrationId);
      if (problem) return refuse(message, { detail: problem });
    }
  };

  const announce = (
    entity: DiscoveredEntity,
    configTopic: string,
    integrationId: string | null,
  ): string | null => {
    const mapping: BridgeMapping = {
      source: 'ha-discovery',
      integrationId,
      configTopic,
      model: entity.model,
      availability: entity.availability,
      lock: entity.lock,
      camera: entity.camera,
      frigateCamera: null,
      removalRequested: false,
    };
    if (integrationId !== null) {
      const account = deps.integration(integrationId);
      if (!account) return `integration ${integrationId} no longer exists`;
      const outside = outsideRights(mapping, account.rights, integrationId);
      if (outside) return outside;
    }
    const clash = commandClash(deps.registry, entity, configTopic);
    if (clash) return clash;
    const existing = deps.registry.find(entity.deviceId);
    if (existing && !existing.bridge) {
      return `${entity.deviceId} is the id of a device that joined Hearth itself`;
    }
    if (existing && existing.bridge?.configTopic !== configTopic) {
      return `${entity.deviceId} was already announced by another config (${existing.bridge?.configTopic ?? 'unknown'})`;
    }
    if (existing) {
      const lockChanged = JSON.stringify(existing.bridge?.lock) !== JSON.stringify(mapping.lock);
      deps.registry.updateBridged(entity.deviceId, mapping);
      if (lockChanged) {
        deps.locks.cancel(
          entity.deviceId,
          `${existing.name}'s bridge announced new topics or payloads during the command; send it again`,
        );
      }
      return null;
    }
    const bridged = deps.registry.list().filter((device) => device.bridge !== null).length;
    if (bridged >= MAX_BRIDGED_DEVICES) {
      return `Hearth already holds ${MAX_BRIDGED_DEVICES} devices announced by bridges; remove some first`;
    }
    deps.registry.addBridged(entity.deviceId, entity.kind, entity.name, mapping, false);
    return null;
  };

  /** An empty config: its devices wait for the owner to confirm their removal. */
  const withdraw = (configTopic: string): void => {
    for (const device of deps.registry.list()) {
      const record = deps.registry.find(device.id);
      if (!record?.bridge || record.bridge.configTopic !== configTopic) continue;
      if (record.bridge.removalRequested) continue;
      deps.registry.updateBridged(device.id, { ...record.bridge, removalRequested: true });
      deps.activity.record(
        activityEntry('device_withdrawn', { name: record.name }, { actor: device.id }),
      );
    }
  };

  // Approved: say the birth message again, so its bridge sends its state now (Zigbee2MQTT and
  // ESPHome republish states on it) rather than at its next change. Debounced: approving ten
  // devices at once says it once.
  let birthTimer: NodeJS.Timeout | null = null;
  const stopApprovals = deps.onApproved(() => {
    birthTimer ??= setTimeout(() => {
      birthTimer = null;
      birth();
    }, 300);
  });

  listen();
  const stopSettings = deps.onSettingsChange(listen);
  const stopBirth = deps.onBrokerBack(birth);
  return () => {
    if (birthTimer) clearTimeout(birthTimer);
    stopApprovals();
    stopSettings();
    stopBirth();
    unsubscribe.forEach((stop) => stop());
  };
}

/** Who may announce: an integration account, an admin token, or anyone on an external broker. */
function senderOf(
  message: InboundMessage,
  external: boolean,
): { key: string; integrationId: string | null } | null {
  const who = message.principal;
  if (who?.kind === 'integration')
    return { key: `i:${who.integrationId}`, integrationId: who.integrationId };
  if (who?.kind === 'token' && who.scope === 'admin')
    return { key: `t:${who.tokenId}`, integrationId: null };
  if (who === null && external) return { key: 'external', integrationId: null };
  return null;
}

/** Another bridged device (from another config) already takes commands on that topic. */
function commandClash(
  registry: DeviceRegistry,
  entity: DiscoveredEntity,
  configTopic: string,
): string | null {
  const command = entity.lock?.commandTopic;
  if (!command) return null;
  for (const device of registry.list()) {
    if (device.id === entity.deviceId || !device.bridge) continue;
    const record = registry.find(device.id);
    const bridge = record?.bridge;
    if (record && bridge?.lock?.commandTopic === command && bridge.configTopic !== configTopic) {
      return `command_topic ${command} already belongs to ${record.name}`;
    }
  }
  return null;
}
