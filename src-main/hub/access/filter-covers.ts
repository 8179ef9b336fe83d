// Whether one MQTT topic filter grants everything another asks for: an integration account
// granted `zigbee2mqtt/#` may subscribe to `zigbee2mqtt/+/state`, not to `#`.

/**
 * True when every topic `requested` can match is also matched by `granted`. Both must be valid
 * filters (aedes has checked the requested one). `$` topics are never reached by a filter that
 * starts with a wildcard [MQTT-4.7.2-1], so such a grant covers no `$` filter.
 */
export function filterCovers(granted: string, requested: string): boolean {
  if (requested.startsWith('$') && (granted.startsWith('+') || granted.startsWith('#'))) {
    return false;
  }
  const grantedLevels = granted.split('/');
  const requestedLevels = requested.split('/');
  for (let i = 0; i < grantedLevels.length; i++) {
    const level = grantedLevels[i];
    // `#` matches this level, everything below it, and the parent level [MQTT-4.7.1-2].
    if (level === '#') return true;
    const asked = requestedLevels[i];
    if (asked === undefined) return false;
    if (asked === '#') return false; // only a `#` grant covers a `#` request
    if (level === '+') continue; // covers any one level, `+` included
    if (asked !== level) return false; // a literal covers only itself, never `+`
  }
  return grantedLevels.length === requestedLevels.length;
}
