// What an integration account may announce (issue 11): a device whose topics lie inside the
// account's own rights. A Zigbee2MQTT account granted `zigbee2mqtt/#` can announce a lock whose
// state it publishes there and whose commands it reads there, never one that would have Hearth
// command another bridge's device or listen to topics the account could not itself write.
import { filterCovers } from '../access/filter-covers.js';
import type { TopicRight } from '../store/state-schema.js';
import type { BridgeMapping } from '../../shared/bridge-mapping.js';

type Mapping = Pick<BridgeMapping, 'lock' | 'camera' | 'availability'>;

/** The topics Hearth would read for this device (its bridge must be able to publish them). */
export function topicsHeard(mapping: Mapping): string[] {
  return [
    ...(mapping.lock?.stateTopic ? [mapping.lock.stateTopic] : []),
    ...(mapping.camera?.imageTopic ? [mapping.camera.imageTopic] : []),
    ...(mapping.camera?.urlTopic ? [mapping.camera.urlTopic] : []),
    ...(mapping.availability?.topics.map((entry) => entry.topic) ?? []),
  ];
}

/** Why the account may not announce this device, or null when it may. */
export function outsideRights(
  mapping: Mapping,
  rights: readonly TopicRight[],
  account: string,
): string | null {
  const may = (topic: string, what: 'publish' | 'subscribe'): boolean =>
    rights.some((right) => right[what] && filterCovers(right.filter, topic));
  for (const topic of topicsHeard(mapping)) {
    if (!may(topic, 'publish')) {
      return `${topic} is outside what integration ${account} may publish, so its reports there could not be its own`;
    }
  }
  const command = mapping.lock?.commandTopic;
  if (command && !may(command, 'subscribe')) {
    return `command_topic ${command} is outside what integration ${account} may subscribe to: Hearth would be commanding a device that is not its`;
  }
  return null;
}
