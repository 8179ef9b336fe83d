// The names of integration accounts, so a bridged device can say which bridge announced it
// ("integration Zigbee2MQTT" rather than its id). Only an admin may list them, and only when
// some device came through one; otherwise the map stays empty and ids are shown.
import { useEffect, useState } from 'react';
import type { HubSession } from '../../api/hub-session.js';

const none: ReadonlyMap<string, string> = new Map();

export function useIntegrationNames(
  session: HubSession,
  wanted: boolean,
  /** Changes when a device names an integration not yet known: the names are read again. */
  key: string,
): ReadonlyMap<string, string> {
  const [names, setNames] = useState(none);
  useEffect(() => {
    if (!wanted) return;
    let current = true;
    session.api.listIntegrations({}).then(
      (result) => {
        if (current) {
          setNames(new Map(result.integrations.map((item) => [item.id, item.name])));
        }
      },
      // Not essential: the device then shows the integration's id.
      () => {},
    );
    return () => {
      current = false;
    };
  }, [session, wanted, key]);
  return names;
}
