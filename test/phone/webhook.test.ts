// Away from home (issue 7): notifications POSTed to the owner's webhook, ntfy-style, tested
// against a local HTTP server.
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { after, before, test } from 'node:test';
import { startTestHub, type TestHub } from '../helpers/in-process-hub.js';
import { api, connectDevice, delay } from '../helpers/devices.js';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

let hub: TestHub;
let receiver: Server;
let received: Received[] = [];
let answerWith = 200;
let receiverUrl = '';

before(async () => {
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(answerWith).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hearth-alerts`;
  hub = await startTestHub();
});
after(async () => {
  await hub.close();
  receiver.close();
});

async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition() && waited < 5_000; waited += 20) await delay(20);
}

test('off by default: nothing is sent', async () => {
  const device = await connectDevice(hub.mqttUrl, 'quiet-sensor');
  await device.handShake('sensor');
  await device.end();
  await delay(200);
  assert.deepEqual(received, []);
});

test('a device waiting for approval and a jammed lock reach the webhook, ntfy-style', async () => {
  received = [];
  const set = await api(hub.httpUrl, hub.token, 'PATCH', '/api/v1/settings', {
    notify: { webhookUrl: receiverUrl },
  });
  assert.equal(set.status, 200, JSON.stringify(set.body));
  const visitor = await connectDevice(hub.mqttUrl, 'garden-gate');
  await visitor.handShake('lock Garden gate');
  await visitor.end();
  await until(() => received.length >= 1);
  assert.equal(received[0]!.headers.title, 'A device asks to join');
  assert.equal(received[0]!.headers.priority, 'default');
  assert.match(
    received[0]!.body,
    /Garden gate \(garden-gate\) from 127\.0\.0\.1 is waiting for your approval/,
  );

  await api(hub.httpUrl, hub.token, 'POST', '/api/v1/devices/garden-gate/approve');
  await api(hub.httpUrl, hub.token, 'POST', '/api/v1/devices/garden-gate/repair');
  await until(() => received.length >= 2);
  received = [];
  await api(hub.httpUrl, hub.token, 'POST', '/api/v1/permit-join', { seconds: 30 });
  const joining = await connectDevice(hub.mqttUrl, 'back-door');
  const secret = (await joining.handShake('lock Back door')).split(' ')[1]!;
  await joining.end();
  const lock = await connectDevice(hub.mqttUrl, 'back-door', { secret });
  await lock.client.publishAsync('hearth/devices/back-door/state', 'JAMMED', {
    qos: 1,
    retain: true,
  });
  await until(() => received.some((r) => r.headers.title === 'Lock jammed'));
  const jammed = received.find((r) => r.headers.title === 'Lock jammed')!;
  assert.equal(jammed.headers.priority, 'urgent');
  assert.match(jammed.body, /back-door reported JAMMED/);
  await lock.end();
});

test('a failing webhook changes nothing for the hub', async () => {
  answerWith = 500;
  received = [];
  await api(hub.httpUrl, hub.token, 'POST', '/api/v1/permit-join', { seconds: 0 });
  const device = await connectDevice(hub.mqttUrl, 'porch-light');
  await device.handShake('other Porch light');
  await device.end();
  await until(() => received.length >= 1);
  assert.equal(
    (await api(hub.httpUrl, hub.token, 'GET', '/api/v1/devices/porch-light')).body.status,
    'pending',
  );
  answerWith = 200;
});

test('only http(s) URLs are accepted as a webhook', async () => {
  for (const webhookUrl of ['ftp://example.com/x', 'not a url', 'file:///etc/passwd']) {
    const response = await api(hub.httpUrl, hub.token, 'PATCH', '/api/v1/settings', {
      notify: { webhookUrl },
    });
    assert.equal(response.status, 400, webhookUrl);
  }
  assert.equal(
    (await api(hub.httpUrl, hub.token, 'GET', '/api/v1/settings')).body.notify.webhookUrl,
    receiverUrl,
  );
});
