// docs/phone-app.md against the code it describes: every event type the hub emits is listed,
// and every field of the pairing answer and of `hearth://pair?` is explained.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { pairingLinks } from '../../src-main/hub/auth/pairing-uri.js';
import { hubEventTypes } from '../../src-main/shared/events.js';
import { hubOperations } from '../../src-main/shared/hub-api.js';

const doc = readFileSync('docs/phone-app.md', 'utf8');
const rowsNaming = (name: string) => new RegExp(`^\\| \`${name}\` +\\|`, 'm');

test('every event type is in the table, and the table names no other', () => {
  for (const type of hubEventTypes) assert.match(doc, rowsNaming(type), `${type} is listed`);
  const section = doc.slice(doc.indexOf('## 4.'), doc.indexOf('## 5.'));
  const listed = [...section.matchAll(/^\| `([a-z_]+)` +\|/gm)].map((match) => match[1]);
  assert.deepEqual([...listed].sort(), [...hubEventTypes].sort());
});

test('every field of the pairing answer and of hearth://pair is explained', () => {
  const answer = Object.keys(hubOperations.createPairingCode.output.shape);
  for (const field of answer) assert.match(doc, rowsNaming(field), `${field} is explained`);
  const links = pairingLinks({
    code: 'K7QX2M9RTA',
    host: '192.168.1.20',
    port: 8080,
    httpsPort: 8443,
    fingerprint: 'AB:CD',
    spkiPin: 'sha256/abc=',
  });
  const parameters = [...new URL(links.pairingUri).searchParams.keys()];
  assert.deepEqual(parameters, ['code', 'hosts', 'port', 'https', 'fp', 'pin']);
  for (const parameter of parameters) assert.match(doc, rowsNaming(parameter), parameter);
  assert.equal(
    links.pairingUrl,
    'https://192.168.1.20:8443/pair#code=K7QX2M9RTA&pin=sha256%2Fabc%3D',
  );
});
