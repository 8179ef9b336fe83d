// The pure half of the announcer: which records describe the hub and which answer a question.
// Real answers on a real socket are checked in mdns-announcer.test.ts.
import assert from 'node:assert/strict';
import type { NetworkInterfaceInfo } from 'node:os';
import { describe, it } from 'node:test';
import { hostAddresses } from '../../src-main/hub/discovery/host-addresses.js';
import {
  allRecords,
  answerQuestions,
  mdnsNames,
  txtEntries,
  type MdnsAnnouncement,
  type MdnsRecord,
} from '../../src-main/hub/discovery/mdns-records.js';

const hub: MdnsAnnouncement = {
  name: 'Hearth',
  hubId: '5f0c3a1e-8d2b-4c7a-9e61-2b7d4f0a9c13',
  version: '1.2.3',
  ports: { http: 8080, mqtt: 1883, mqtts: null, ws: 8083 },
};
const addresses = { v4: ['192.0.2.10'], v6: ['2001:db8::10'] };

const iface = (address: string, family: 'IPv4' | 'IPv6', internal = false) =>
  ({ address, family, internal, netmask: '', mac: '', cidr: null }) as NetworkInterfaceInfo;
const machine = {
  lo: [iface('127.0.0.1', 'IPv4', true), iface('::1', 'IPv6', true)],
  eth0: [iface('192.0.2.10', 'IPv4'), iface('fe80::1', 'IPv6'), iface('2001:db8::10', 'IPv6')],
  wlan0: [iface('198.51.100.7', 'IPv4')],
};

const brief = (records: MdnsRecord[]) => records.map((r) => `${r.name} ${r.type}`);

describe('mDNS records', () => {
  it('names the services, the instance and a host name of the hub own', () => {
    assert.deepEqual(mdnsNames(hub), {
      hearthInstance: 'Hearth._hearth._tcp.local',
      mqttInstance: 'Hearth._mqtt._tcp.local',
      host: 'hearth-5f0c3a1e.local',
    });
    assert.equal(mdnsNames({ ...hub, ports: { ...hub.ports, mqtt: null } }).mqttInstance, null);
  });

  it('keeps an instance name one DNS label: no dots, at most 63 bytes', () => {
    assert.equal(
      mdnsNames({ ...hub, name: 'Hall.Hub v2.0' }).hearthInstance,
      'Hall-Hub v2-0._hearth._tcp.local',
    );
    assert.equal(mdnsNames({ ...hub, name: '  ' }).hearthInstance, 'Hearth._hearth._tcp.local');
    const long = mdnsNames({ ...hub, name: 'é'.repeat(40) }).hearthInstance.split('._hearth')[0];
    assert.equal(long, 'é'.repeat(31));
  });

  it('puts id, version, the ports that are on and the API path in TXT', () => {
    assert.deepEqual(txtEntries(hub), [
      'id=5f0c3a1e-8d2b-4c7a-9e61-2b7d4f0a9c13',
      'version=1.2.3',
      'mqtt=1883',
      'ws=8083',
      'path=/api/v1',
    ]);
    const allOn = { ...hub, ports: { http: 1, mqtt: 2, mqtts: 3, ws: 4, https: 5 } };
    assert.ok(txtEntries(allOn).includes('mqtts=3'));
    assert.ok(txtEntries(allOn).includes('https=5'));
    const allOff = { ...hub, ports: { http: 1, mqtt: null, mqtts: null, ws: null, https: null } };
    assert.deepEqual(txtEntries(allOff), [
      'id=5f0c3a1e-8d2b-4c7a-9e61-2b7d4f0a9c13',
      'version=1.2.3',
      'path=/api/v1',
    ]);
  });

  it('announces _mqtt._tcp only while MQTT is on', () => {
    const withMqtt = brief(allRecords(hub, addresses));
    assert.ok(withMqtt.includes('_mqtt._tcp.local PTR'));
    const without = brief(allRecords({ ...hub, ports: { ...hub.ports, mqtt: null } }, addresses));
    assert.ok(!without.some((r) => r.includes('_mqtt')));
  });

  it('sets the cache-flush bit on unique records only, and TTL 0 for a goodbye', () => {
    for (const record of allRecords(hub, addresses)) {
      assert.equal(record.flush === true, record.type !== 'PTR', `${record.name} ${record.type}`);
    }
    assert.ok(allRecords(hub, addresses, 0).every((r) => r.ttl === 0));
  });

  it('answers a browse with the PTR, and SRV, TXT and addresses as additionals', () => {
    const reply = answerQuestions(allRecords(hub, addresses), [
      { name: '_HEARTH._tcp.local', type: 'PTR' },
    ]);
    assert.deepEqual(brief(reply.answers), ['_hearth._tcp.local PTR']);
    assert.deepEqual(brief(reply.additionals), [
      'Hearth._hearth._tcp.local SRV',
      'Hearth._hearth._tcp.local TXT',
      'hearth-5f0c3a1e.local A',
      'hearth-5f0c3a1e.local AAAA',
    ]);
  });

  it('answers service enumeration, ANY and address questions', () => {
    const records = allRecords(hub, addresses);
    const meta = answerQuestions(records, [{ name: '_services._dns-sd._udp.local', type: 'PTR' }]);
    assert.deepEqual(
      meta.answers.map((r) => r.data),
      ['_hearth._tcp.local', '_mqtt._tcp.local'],
    );
    const any = answerQuestions(records, [{ name: 'Hearth._mqtt._tcp.local', type: 'ANY' }]);
    assert.deepEqual(brief(any.answers), [
      'Hearth._mqtt._tcp.local SRV',
      'Hearth._mqtt._tcp.local TXT',
    ]);
    const a = answerQuestions(records, [{ name: 'hearth-5f0c3a1e.local', type: 'A' }]);
    assert.deepEqual(
      a.answers.map((r) => r.data),
      ['192.0.2.10'],
    );
    assert.deepEqual(answerQuestions(records, [{ name: 'other.local', type: 'A' }]).answers, []);
  });

  it('leaves out what the querier already knows, unless half its life is gone', () => {
    const records = allRecords(hub, addresses);
    const ptr = records.find((r) => r.name === '_hearth._tcp.local')!;
    const question = [{ name: '_hearth._tcp.local', type: 'PTR' }];
    assert.deepEqual(answerQuestions(records, question, [{ ...ptr, ttl: 4000 }]).answers, []);
    assert.equal(answerQuestions(records, question, [{ ...ptr, ttl: 100 }]).answers.length, 1);
  });
});

describe('hostAddresses', () => {
  it('announces the LAN interfaces of a wildcard bind, without loopback or link-local', () => {
    assert.deepEqual(hostAddresses('::', machine), {
      v4: ['192.0.2.10', '198.51.100.7'],
      v6: ['2001:db8::10'],
    });
  });

  it('gives 0.0.0.0 (IPv4 only) no AAAA records', () => {
    assert.deepEqual(hostAddresses('0.0.0.0', machine).v6, []);
  });

  it('announces only the address a hub is bound to', () => {
    assert.deepEqual(hostAddresses('198.51.100.7', machine), { v4: ['198.51.100.7'], v6: [] });
    assert.deepEqual(hostAddresses('[2001:db8::10]', machine), { v4: [], v6: ['2001:db8::10'] });
  });

  it('falls back to loopback on a machine with nothing else', () => {
    assert.deepEqual(hostAddresses(undefined, { lo: machine.lo }), {
      v4: ['127.0.0.1'],
      v6: ['::1'],
    });
  });
});
