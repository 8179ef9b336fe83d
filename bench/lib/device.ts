// A device joining as contract 2.3 says, on either broker: connect with its id, hand_shake
// (on `hearth/action` when the hub is the broker, on its own `hearth/devices/<id>/action` on an
// external one), read `approved <secret>`, then log in with username <id> and the secret. On an
// external broker that login is retried for up to 5 s: Mosquitto rereads its password file a few
// milliseconds after the hub writes it.
import type { IClientOptions, MqttClient } from 'mqtt';
import type { DeviceWay } from './hub.js';
import { connect, nextPayload } from './mqtt.js';

/** Logins refused before the broker had reread its password file (external broker only). */
export const loginRetries = { count: 0 };

const LOGIN_RETRY_MS = 5_000;

/** Joins while joining is open; resolves with the device's secret. */
export async function handShake(
  way: DeviceWay,
  id: string,
  words: string,
  localAddress?: string,
): Promise<string> {
  const topic = `hearth/devices/${id}/hand_shake`;
  const joining = await connect(way.target, {
    clientId: id,
    clean: true,
    ...(localAddress ? { localAddress } : {}),
  });
  try {
    await joining.subscribeAsync(topic, { qos: 1 });
    const answer = nextPayload(joining, topic, 10_000);
    const inbox = way.external ? `hearth/devices/${id}/action` : 'hearth/action';
    await joining.publishAsync(inbox, `hand_shake ${id}${words ? ` ${words}` : ''}`, { qos: 1 });
    const [word, secret] = (await answer).split(' ');
    if (word !== 'approved' || !secret) throw new Error(`hand_shake answered "${word}"`);
    return secret;
  } finally {
    await joining.endAsync(true);
  }
}

/** Logs in with the secret (retrying on an external broker until it knows the secret). */
export async function login(
  way: DeviceWay,
  id: string,
  secret: string,
  options: IClientOptions & { localAddress?: string } = {},
): Promise<MqttClient> {
  const deadline = Date.now() + LOGIN_RETRY_MS;
  for (;;) {
    try {
      return await connect(way.target, {
        clientId: id,
        clean: true,
        username: id,
        password: secret,
        ...options,
      });
    } catch (error) {
      if (!way.external || Date.now() > deadline) throw error;
      loginRetries.count++;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
