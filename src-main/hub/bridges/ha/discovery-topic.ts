// Home Assistant MQTT discovery config topics (https://www.home-assistant.io/integrations/mqtt/
// #discovery-topic): `<prefix>/<component>/[<node_id>/]<object_id>/config`, and device-based
// discovery's `<prefix>/device/[<node_id>/]<object_id>/config`. Pure: no MQTT here.

export interface DiscoveryTopic {
  /** `lock`, `image`, `camera`, `sensor`…, or `device` for a device-based config. */
  component: string;
  nodeId: string | null;
  objectId: string;
  /** `<prefix>/device/…`: one config holding several components (`cmps`). */
  deviceBased: boolean;
}

/** The longest config topic Hearth keeps (BridgeMappingSchema.configTopic). */
export const MAX_CONFIG_TOPIC_LENGTH = 512;

// Home Assistant's own TOPIC_MATCHER: the component is `\w+`, ids are [a-zA-Z0-9_-]+.
const COMPONENT = /^[A-Za-z0-9_]+$/;
const ID = /^[A-Za-z0-9_-]+$/;

/**
 * Splits a discovery config topic, or null when it is not one (another prefix, not ending in
 * `/config`, a level too many or too few, a character Home Assistant does not allow in an id, or
 * longer than Hearth keeps). `prefix` is the discovery prefix (`homeassistant` by default; it may
 * have levels of its own, without a trailing slash).
 */
export function parseDiscoveryTopic(topic: string, prefix: string): DiscoveryTopic | null {
  if (prefix === '' || topic.length > MAX_CONFIG_TOPIC_LENGTH) return null;
  if (!topic.startsWith(`${prefix}/`)) return null;
  const levels = topic.slice(prefix.length + 1).split('/');
  if (levels.length !== 3 && levels.length !== 4) return null;
  if (levels[levels.length - 1] !== 'config') return null;
  const component = levels[0] ?? '';
  const nodeId = levels.length === 4 ? (levels[1] ?? '') : null;
  const objectId = levels[levels.length - 2] ?? '';
  if (!COMPONENT.test(component) || !ID.test(objectId)) return null;
  if (nodeId !== null && !ID.test(nodeId)) return null;
  return { component, nodeId, objectId, deviceBased: component === 'device' };
}
