// A camera as the contract has it join (2.3): permit-join open, hand_shake as a camera, then a
// fresh connection that logs in with the secret it was sent. Plain mqtt.js, nothing simulated.
import type { MqttClient } from 'mqtt';
import { api, connectDevice } from '../../helpers/devices.js';
import type { TestHub } from '../../helpers/in-process-hub.js';

export interface JoinedDevice {
  id: string;
  secret: string;
  client: MqttClient;
  /** HTTP Basic with the id and the secret. */
  basic: string;
  end(): Promise<void>;
}

export async function joinDevice(hub: TestHub, id: string, kind = 'camera'): Promise<JoinedDevice> {
  const opened = await api(hub.httpUrl, hub.token, 'POST', '/api/v1/permit-join', { seconds: 60 });
  if (opened.status !== 200) throw new Error(`permit-join: ${opened.status}`);
  const joining = await connectDevice(hub.mqttUrl, id);
  const answer = await joining.handShake(`${kind} ${id}`);
  await joining.end();
  const match = /^approved (\S+)$/.exec(answer);
  if (!match) throw new Error(`${id} was not approved: ${answer}`);
  const secret = match[1]!;
  const device = await connectDevice(hub.mqttUrl, id, { secret });
  return {
    id,
    secret,
    client: device.client,
    basic: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`,
    end: device.end,
  };
}
