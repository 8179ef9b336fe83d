// A phone, end to end (issue 7): pairing code -> pair -> event stream -> lock a simulated door
// -> see its lock_state event -> token revoked -> stream closed and requests refused.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTestHub, type TestHub } from '../helpers/in-process-hub.js';
import { checkedFetch } from '../helpers/openapi-check.js';
import { api, connectDevice } from '../helpers/devices.js';

let hub: TestHub;
before(async () => {
  hub = await startTestHub();
});
after(async () => {
  await hub.close();
});

async function joinLock(id: string): Promise<Awaited<ReturnType<typeof connectDevice>>> {
  await api(hub.httpUrl, hub.token, 'POST', '/api/v1/permit-join', { seconds: 30 });
  const joining = await connectDevice(hub.mqttUrl, id);
  const secret = (await joining.handShake('lock Front door')).split(' ')[1]!;
  await joining.end();
  const lock = await connectDevice(hub.mqttUrl, id, { secret });
  await lock.client.subscribeAsync(`hearth/devices/${id}/set`, { qos: 1 });
  lock.client.on('message', (topic, payload) => {
    if (topic !== `hearth/devices/${id}/set`) return;
    const state = payload.toString() === 'LOCK' ? 'LOCKED' : 'UNLOCKED';
    void lock.client.publishAsync(`hearth/devices/${id}/state`, state, { qos: 1, retain: true });
  });
  await lock.client.publishAsync(`hearth/devices/${id}/state`, 'UNLOCKED', {
    qos: 1,
    retain: true,
  });
  return lock;
}

test('pair, watch, lock, see it, lose access', async () => {
  const lock = await joinLock('front-door');
  const { code } = (await api(hub.httpUrl, hub.token, 'POST', '/api/v1/pairing-codes')).body as {
    code: string;
  };
  const paired = await checkedFetch(`${hub.httpUrl}/api/v1/pair`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, name: 'Phone' }),
  });
  const phone = (await paired.json()) as { token: string; id: string };

  const stream = await checkedFetch(`${hub.httpUrl}/api/v1/events`, {
    headers: { authorization: `Bearer ${phone.token}` },
  });
  const reader = stream.body!.getReader();
  let seen = '';
  const sawLocked = (async () => {
    while (!/event: lock_state\ndata: .*"state":"locked"/.test(seen)) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`stream ended before lock_state: ${seen}`);
      seen += new TextDecoder().decode(value);
    }
  })();

  const locked = await api(hub.httpUrl, phone.token, 'POST', '/api/v1/devices/front-door/lock');
  assert.equal(locked.status, 200, JSON.stringify(locked.body));
  assert.equal(locked.body.state, 'locked');
  await sawLocked;
  const audit = (await api(hub.httpUrl, phone.token, 'GET', '/api/v1/audit?limit=5')).body
    .entries as Array<{ actor: string; result: string }>;
  assert.equal(audit[0]?.result, 'ok');
  assert.match(audit[0]!.actor, new RegExp(phone.id), 'the audit log names the phone');

  assert.equal(
    (await api(hub.httpUrl, hub.token, 'DELETE', `/api/v1/tokens/${phone.id}`)).status,
    200,
  );
  for (;;) {
    const { done } = await reader.read();
    if (done) break;
  }
  const refused = await api(hub.httpUrl, phone.token, 'POST', '/api/v1/devices/front-door/unlock');
  assert.equal(refused.status, 401);
  assert.equal(
    (await api(hub.httpUrl, hub.token, 'GET', '/api/v1/devices/front-door')).body.state,
    'locked',
    'nothing unlocked it',
  );
  await lock.end();
});
