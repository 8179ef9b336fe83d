// A device's own topics (contract 2.2).
export type DeviceTopicName =
  'set' | 'state' | 'availability' | 'stranger' | 'action' | 'hand_shake';

export function deviceTopic(id: string, name: DeviceTopicName): string {
  return `hearth/devices/${id}/${name}`;
}

/** `hearth/devices/<id>/<rest>` -> id and rest; null for other topics. */
export function parseDeviceTopic(topic: string): { id: string; rest: string } | null {
  if (!topic.startsWith('hearth/devices/')) return null;
  const tail = topic.slice('hearth/devices/'.length);
  const slash = tail.indexOf('/');
  if (slash <= 0) return null;
  return { id: tail.slice(0, slash), rest: tail.slice(slash + 1) };
}
