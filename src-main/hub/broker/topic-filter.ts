// MQTT topic-filter matching for the hub's own subscriptions (clients' subscriptions are
// matched by aedes). Kept here so the bus needs no library beyond aedes.

/** A filter is valid when `#` stands alone as its last level and `+` alone in a level. */
export function isValidFilter(filter: string): boolean {
  if (filter.length === 0) return false;
  const levels = filter.split('/');
  return levels.every((level, index) => {
    if (level.includes('#')) return level === '#' && index === levels.length - 1;
    if (level.includes('+')) return level === '+';
    return true;
  });
}

export function topicMatches(filter: string, topic: string): boolean {
  // [MQTT-4.7.2-1] a filter starting with a wildcard does not match topics starting with `$`.
  if (topic.startsWith('$') && (filter.startsWith('+') || filter.startsWith('#'))) return false;
  const filterLevels = filter.split('/');
  const topicLevels = topic.split('/');
  for (let i = 0; i < filterLevels.length; i++) {
    const level = filterLevels[i];
    // `#` also matches the parent level: `a/#` matches `a` [MQTT-4.7.1-2].
    if (level === '#') return true;
    if (i >= topicLevels.length) return false;
    if (level !== '+' && level !== topicLevels[i]) return false;
  }
  return filterLevels.length === topicLevels.length;
}
