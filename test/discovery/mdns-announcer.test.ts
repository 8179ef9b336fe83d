// The announcer on real sockets, each scenario in a private network namespace made here (so no
// packet reaches the real LAN), with a real multicast-dns client asking the questions a phone
// asks. The fixture does the talking; these tests read its report.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { HubSettingReport } from './fixtures/hub-mdns-setting.js';
import type { ScenarioReport, SeenPacket, SeenRecord } from './fixtures/mdns-scenario.js';
import { LOOPBACK_LAN, WITH_LAN_INTERFACE, listNetns, runScenario, withNetns } from './netns.js';

const HUB_SETTING_FIXTURE = 'test/discovery/fixtures/hub-mdns-setting.ts';
const HUB_ID = '5f0c3a1e-8d2b-4c7a-9e61-2b7d4f0a9c13';
const HOST = 'hearth-5f0c3a1e.local';
const made: string[] = [];

async function scenario(setup: string[][], name: string): Promise<ScenarioReport> {
  return withNetns(setup, (ns) => {
    made.push(ns);
    return runScenario<ScenarioReport>(ns, name);
  });
}

const find = (records: SeenRecord[], name: string, type: string) =>
  records.filter((r) => r.name.toLowerCase() === name.toLowerCase() && r.type === type);

function one(packet: SeenPacket | null | undefined, what: string): SeenPacket {
  assert.ok(packet, `no answer to ${what}`);
  return packet;
}

const warnings = (report: ScenarioReport) => report.logs.filter((l) => /^\S+ warn {2}/.test(l));

after(async () => {
  // Every namespace a test made is gone, whatever happened in it.
  const left = await listNetns();
  assert.deepEqual(
    made.filter((ns) => left.includes(ns)),
    [],
  );
});

describe('mDNS announcer (in a private network namespace)', () => {
  it('announces, answers a browse and resolves, then says goodbye', async () => {
    const report = await scenario(WITH_LAN_INTERFACE, 'announce');

    // RFC 6762 §8.3: at least two unsolicited announcements, at least a second apart (a
    // timer never fires early, so this lower bound is exact, not a speed check).
    assert.ok(report.announcements.length >= 2, `${report.announcements.length} announcements`);
    const [first, second] = report.announcements as [SeenPacket, SeenPacket];
    assert.ok(second.at - first.at >= 900, `announcements ${second.at - first.at} ms apart`);
    for (const type of ['PTR', 'SRV', 'TXT', 'A', 'AAAA']) {
      assert.ok(
        first.answers.some((r) => r.type === type),
        `announcement lacks ${type}`,
      );
    }

    // Browse: PTR for _hearth._tcp, with SRV, TXT and the addresses alongside.
    const browse = one(report.replies.hearth, 'PTR _hearth._tcp.local');
    assert.deepEqual(
      find(browse.answers, '_hearth._tcp.local', 'PTR').map((r) => r.data),
      ['Hearth._hearth._tcp.local'],
    );
    const all = [...browse.answers, ...browse.additionals];
    const [srv] = find(all, 'Hearth._hearth._tcp.local', 'SRV');
    assert.deepEqual(srv?.data, { priority: 0, weight: 0, port: 8080, target: HOST });
    assert.equal(srv?.flush, true);
    assert.deepEqual(find(all, 'Hearth._hearth._tcp.local', 'TXT')[0]?.data, [
      `id=${HUB_ID}`,
      'version=9.8.7',
      'mqtt=1883',
      'ws=8083',
      'mqtts=8883',
      'path=/api/v1',
    ]);
    // The LAN interface's addresses; loopback is not offered when there is a LAN.
    assert.deepEqual(
      find(all, HOST, 'A').map((r) => r.data),
      ['192.0.2.10'],
    );
    assert.deepEqual(
      find(all, HOST, 'AAAA').map((r) => r.data),
      ['2001:db8::10'],
    );

    const services = one(report.replies.services, 'PTR _services._dns-sd._udp.local');
    assert.deepEqual(
      services.answers.map((r) => r.data),
      ['_hearth._tcp.local', '_mqtt._tcp.local'],
    );

    const mqtt = one(report.replies.mqtt, 'PTR _mqtt._tcp.local');
    const mqttAll = [...mqtt.answers, ...mqtt.additionals];
    assert.deepEqual(
      find(mqtt.answers, '_mqtt._tcp.local', 'PTR')[0]?.data,
      'Hearth._mqtt._tcp.local',
    );
    assert.equal(
      (find(mqttAll, 'Hearth._mqtt._tcp.local', 'SRV')[0]?.data as { port: number }).port,
      1883,
    );

    const address = one(report.replies.host, `A ${HOST}`);
    assert.deepEqual(
      address.answers.map((r) => `${r.type} ${r.data as string} ${r.ttl}`),
      ['A 192.0.2.10 120'],
    );

    const instance = one(report.replies.instance, 'ANY HEARTH._hearth._tcp.local');
    assert.deepEqual(instance.answers.map((r) => r.type).sort(), ['SRV', 'TXT']);

    // A one-shot resolver gets a unicast reply to its own port, its id back, TTLs of 10 s.
    const legacy = one(report.replies.legacy, 'a legacy unicast query');
    assert.equal(legacy.id, 4242);
    assert.ok(
      [...legacy.answers, ...legacy.additionals].every((r) => r.ttl === 10 && !r.flush),
      JSON.stringify(legacy),
    );

    // Goodbye: every record again with TTL 0; a second stop is harmless.
    const goodbye = one(report.goodbye, 'the goodbye');
    assert.ok(goodbye.answers.every((r) => r.ttl === 0));
    for (const type of ['PTR', 'SRV', 'TXT', 'A']) {
      assert.ok(
        goodbye.answers.some((r) => r.type === type),
        `goodbye lacks ${type}`,
      );
    }
    assert.equal(report.secondStopResolved, true);
    assert.deepEqual(warnings(report), []);
  });

  it('with MQTT off and a bound host: no _mqtt._tcp, the bound address only', async () => {
    const report = await scenario(LOOPBACK_LAN, 'announce-bound-host');
    const browse = one(report.replies.hearth, 'PTR _hearth._tcp.local');
    const all = [...browse.answers, ...browse.additionals];
    // A dot in the hub's name would split the DNS label.
    const [srv] = find(all, 'Hall-Hub._hearth._tcp.local', 'SRV');
    assert.equal((srv?.data as { port: number }).port, 9090);
    assert.deepEqual(find(all, 'Hall-Hub._hearth._tcp.local', 'TXT')[0]?.data, [
      `id=${HUB_ID}`,
      'version=9.8.7',
      'path=/api/v1',
    ]);
    assert.deepEqual(
      find(all, HOST, 'A').map((r) => r.data),
      ['192.0.2.77'],
    );
    assert.deepEqual(find(all, HOST, 'AAAA'), []);
    const services = one(report.replies.services, 'PTR _services._dns-sd._udp.local');
    assert.deepEqual(
      services.answers.map((r) => r.data),
      ['_hearth._tcp.local'],
    );
    for (const packet of [...report.announcements, one(report.goodbye, 'the goodbye')]) {
      assert.ok(!packet.answers.some((r) => r.name.includes('_mqtt')), 'an _mqtt record');
    }
    assert.equal(report.replies.mqtt, undefined);
  });

  it('port 5353 taken: one warning, no crash, stop still works', async () => {
    const report = await scenario(LOOPBACK_LAN, 'port-in-use');
    const warned = warnings(report);
    assert.equal(warned.length, 1, report.logs.join('\n'));
    assert.match(warned[0]!, /EADDRINUSE/);
    assert.ok(!report.logs.some((l) => /^\S+ error /.test(l)));
  });

  it('no network to send on: one warning however often it fails, stop still works', async () => {
    // A fresh namespace's loopback is down: there is no route for multicast at all.
    const report = await scenario([], 'no-network');
    const warned = warnings(report);
    assert.equal(warned.length, 1, report.logs.join('\n'));
    assert.match(warned[0]!, /ENETUNREACH|EHOSTUNREACH|EPERM|EADDRNOTAVAIL/);
    assert.ok(report.logs.filter((l) => l.includes('cannot send')).length >= 2, 'failed again');
  });

  it('the discovery.mdns setting turns a running hub’s announcement off and on, and is kept', async () => {
    const report = await withNetns(WITH_LAN_INTERFACE, (ns) => {
      made.push(ns);
      return runScenario<HubSettingReport>(ns, 'with-switch', HUB_SETTING_FIXTURE);
    });
    const steps = report.steps.join(' > ');
    // Announced at start; off: a goodbye, then silence even when asked; on: announced again;
    // off again and restarted: still silent (the setting was saved).
    assert.match(
      steps,
      /^(announce > )+patch:false 200 > goodbye( > goodbye)* > query-unanswered > patch:true 200 > announce.* > patch:false 200 > .*goodbye.* > restart > query-unanswered$/,
      steps,
    );
    assert.ok(!report.logs.some((l) => /^\S+ error /.test(l)), report.logs.join('\n'));
  });

  it('with --no-mdns the setting cannot turn the announcement on', async () => {
    const report = await withNetns(WITH_LAN_INTERFACE, (ns) => {
      made.push(ns);
      return runScenario<HubSettingReport>(ns, 'no-mdns-flag', HUB_SETTING_FIXTURE);
    });
    assert.deepEqual(report.steps, ['patch:true 200', 'query-unanswered']);
  });
});
