// Parsing discovery configs in tests: from a topic and a JSON config to the outcome, with every
// entity checked against the shared schemas the device record uses.
import assert from 'node:assert/strict';
import {
  BridgeMappingSchema,
  CameraMappingSchema,
  LockMappingSchema,
} from '../../../src-main/shared/bridge-mapping.js';
import { DeviceIdParamSchema, DeviceNameSchema } from '../../../src-main/shared/devices.js';
import { parseDiscoveryTopic } from '../../../src-main/hub/bridges/ha/discovery-topic.js';
import {
  parseDiscoveryConfig,
  type DiscoveredEntity,
  type DiscoveryOutcome,
} from '../../../src-main/hub/bridges/ha/parse-discovery.js';
import { payloadOf } from './fixtures.js';

export function parse(topic: string, config: unknown): DiscoveryOutcome {
  const parsed = parseDiscoveryTopic(topic, 'homeassistant');
  assert.ok(parsed, `${topic} is a discovery topic`);
  return parseDiscoveryConfig(
    parsed,
    typeof config === 'string' ? Buffer.from(config) : payloadOf(config),
  );
}

/** The entities, each checked against the shared schemas the device record uses. */
export function entitiesOf(outcome: DiscoveryOutcome): DiscoveredEntity[] {
  assert.equal(outcome.kind, 'entities', JSON.stringify(outcome));
  const { entities } = outcome as Extract<DiscoveryOutcome, { kind: 'entities' }>;
  for (const entity of entities) {
    DeviceIdParamSchema.parse(entity.deviceId);
    assert.equal(DeviceNameSchema.parse(entity.name), entity.name);
    if (entity.lock) LockMappingSchema.parse(entity.lock);
    if (entity.camera) CameraMappingSchema.parse(entity.camera);
    BridgeMappingSchema.parse({
      source: 'ha-discovery',
      integrationId: null,
      configTopic: 'homeassistant/x/config',
      model: entity.model,
      availability: entity.availability,
      lock: entity.lock,
      camera: entity.camera,
      frigateCamera: null,
      removalRequested: false,
    });
  }
  return entities;
}

export function only(outcome: DiscoveryOutcome): DiscoveredEntity {
  const entities = entitiesOf(outcome);
  assert.equal(entities.length, 1);
  return entities[0] as DiscoveredEntity;
}
